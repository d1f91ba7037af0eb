-- The RMA queue, kept like the order list: a trigger in the same transaction as each RMA grain's state write, so
-- the queue can never lag or diverge from the grains, and operators' reason corrections (reason_source 'operator')
-- are durable the moment the RMA is: the classifier trains on them from here. The trigger fires only for rma rows.
CREATE TABLE rma_summaries (
    tenant         text        NOT NULL,
    rma_id         text        NOT NULL,
    order_id       text        NOT NULL,
    kind           text        NOT NULL,
    status         text        NOT NULL,
    reason_code    text        NOT NULL,
    reason_source  text        NOT NULL,
    reason_text    text        NOT NULL,
    total_fen      bigint      NOT NULL,
    created_at     timestamptz NOT NULL,
    updated_at     timestamptz NOT NULL,
    PRIMARY KEY (tenant, rma_id)
);
CREATE INDEX rma_summaries_by_status ON rma_summaries (tenant, status, created_at DESC);
CREATE INDEX rma_summaries_by_created ON rma_summaries (tenant, created_at DESC);
CREATE INDEX rma_summaries_by_order ON rma_summaries (tenant, order_id);
CREATE INDEX rma_summaries_corrected ON rma_summaries (updated_at) WHERE reason_source = 'operator';

CREATE FUNCTION orderhub_project_rma(tenant_name text, r jsonb) RETURNS void LANGUAGE plpgsql AS $$
BEGIN
    INSERT INTO rma_summaries (tenant, rma_id, order_id, kind, status, reason_code, reason_source, reason_text, total_fen,
                               created_at, updated_at)
    VALUES (
        tenant_name, r->>'rmaId', r->>'orderId', r->>'kind', r->>'status', coalesce(r->>'reasonCode', ''),
        coalesce(r->>'reasonSource', 'model'), coalesce(r->>'reasonText', ''), coalesce((r->'refund'->>'total')::bigint, 0),
        (r->>'createdAt')::timestamptz, (r->>'updatedAt')::timestamptz)
    ON CONFLICT (tenant, rma_id) DO UPDATE SET
        status = excluded.status, reason_code = excluded.reason_code, reason_source = excluded.reason_source,
        total_fen = excluded.total_fen, updated_at = excluded.updated_at;
END;
$$;

CREATE FUNCTION orderhub_on_rma_state() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
    tenant_name text := split_part(NEW.grain_key, '/', 1);
    r jsonb := NEW.payload->'rma';
    before jsonb := CASE WHEN TG_OP = 'UPDATE' THEN OLD.payload->'rma' END;
BEGIN
    IF r IS NULL THEN
        RETURN NEW;
    END IF;
    PERFORM orderhub_project_rma(tenant_name, r);
    IF before IS NULL OR before->>'status' IS DISTINCT FROM r->>'status' THEN
        PERFORM orderhub_emit(tenant_name, 'RmaStatusChanged', r->>'rmaId', jsonb_build_object(
            'rmaId', r->>'rmaId', 'orderId', r->>'orderId', 'kind', r->>'kind', 'status', r->>'status',
            'previousStatus', before->>'status', 'reasonCode', r->>'reasonCode'));
    END IF;
    RETURN NEW;
END;
$$;

CREATE TRIGGER orderhub_rma_projection AFTER INSERT OR UPDATE ON grain_state
    FOR EACH ROW WHEN (NEW.grain_type = 'rma' AND NEW.state_name = 'rma') EXECUTE FUNCTION orderhub_on_rma_state();

-- The order list and the event stream, kept by a trigger in the same transaction as each grain
-- state write: the grain stays the source of truth, the projection can never lag or diverge, and
-- it can be rebuilt from grain_state at any time (orderhub_rebuild_projection). The trigger reads the
-- JSON shape of OrderState ({"order": OrderRecord}) and WarehouseState.
CREATE TABLE order_summaries (
    tenant            text        NOT NULL,
    order_id          text        NOT NULL,
    channel           text        NOT NULL,
    external_order_id text        NOT NULL,
    status            text        NOT NULL,
    amount_fen        bigint      NOT NULL,
    warehouse_ids     text[]      NOT NULL,
    hold_codes        text[]      NOT NULL,
    reroutes          int         NOT NULL,
    created_at        timestamptz NOT NULL,
    received_at       timestamptz NOT NULL,
    updated_at        timestamptz NOT NULL,
    PRIMARY KEY (tenant, order_id)
);
CREATE INDEX order_summaries_by_status ON order_summaries (tenant, status, received_at DESC);
CREATE INDEX order_summaries_by_received ON order_summaries (tenant, received_at DESC);
CREATE INDEX order_summaries_by_warehouse ON order_summaries USING gin (warehouse_ids);

-- Durable, ordered events for live views (server-sent events resume from a sequence number).
CREATE TABLE hub_events (
    seq     bigserial   PRIMARY KEY,
    tenant  text        NOT NULL,
    kind    text        NOT NULL,
    subject text        NOT NULL,
    data    jsonb       NOT NULL,
    at      timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX hub_events_by_tenant ON hub_events (tenant, seq);

CREATE FUNCTION orderhub_project_order(tenant_name text, o jsonb) RETURNS void LANGUAGE sql AS $$
    INSERT INTO order_summaries (tenant, order_id, channel, external_order_id, status, amount_fen, warehouse_ids,
                                 hold_codes, reroutes, created_at, received_at, updated_at)
    VALUES (
        tenant_name, o->>'orderId', lower(o->>'channel'), o->>'externalOrderId', o->>'status',
        coalesce((o->>'amountPaid')::bigint, 0),
        ARRAY(SELECT DISTINCT a->>'warehouseId'
              FROM jsonb_array_elements(coalesce(o->'lines', '[]')) l, jsonb_array_elements(coalesce(l->'allocations', '[]')) a),
        ARRAY(SELECT DISTINCT h->>'code' FROM jsonb_array_elements(coalesce(o->'holds', '[]')) h),
        coalesce((o->>'reroutes')::int, 0),
        (o->>'createdAt')::timestamptz, (o->>'receivedAt')::timestamptz, (o->>'updatedAt')::timestamptz)
    ON CONFLICT (tenant, order_id) DO UPDATE SET
        status = excluded.status, amount_fen = excluded.amount_fen, warehouse_ids = excluded.warehouse_ids,
        hold_codes = excluded.hold_codes, reroutes = excluded.reroutes, updated_at = excluded.updated_at;
$$;

CREATE FUNCTION orderhub_emit(tenant_name text, kind text, subject text, data jsonb) RETURNS void LANGUAGE plpgsql AS $$
DECLARE
    new_seq bigint;
BEGIN
    INSERT INTO hub_events (tenant, kind, subject, data) VALUES (tenant_name, kind, subject, data) RETURNING seq INTO new_seq;
    PERFORM pg_notify('oa_hub_events', new_seq::text);
END;
$$;

CREATE FUNCTION orderhub_on_grain_state() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
    tenant_name text := split_part(NEW.grain_key, '/', 1);
    o jsonb;
    before jsonb;
BEGIN
    IF NEW.grain_type = 'order' AND NEW.state_name = 'order' THEN
        o := NEW.payload->'order';
        IF o IS NULL THEN
            RETURN NEW;
        END IF;
        before := CASE WHEN TG_OP = 'UPDATE' THEN OLD.payload->'order' END;
        PERFORM orderhub_project_order(tenant_name, o);
        IF before IS NULL OR before->>'status' IS DISTINCT FROM o->>'status' THEN
            PERFORM orderhub_emit(tenant_name, 'OrderStatusChanged', o->>'orderId', jsonb_build_object(
                'orderId', o->>'orderId', 'channel', lower(o->>'channel'), 'status', o->>'status',
                'previousStatus', before->>'status', 'holds', (SELECT jsonb_agg(h->>'code') FROM jsonb_array_elements(coalesce(o->'holds', '[]')) h)));
        END IF;
        IF coalesce((o->>'reroutes')::int, 0) > coalesce((before->>'reroutes')::int, 0) THEN
            PERFORM orderhub_emit(tenant_name, 'OrderRerouted', o->>'orderId', jsonb_build_object(
                'orderId', o->>'orderId', 'reroutes', (o->>'reroutes')::int,
                'note', o->'timeline'->(jsonb_array_length(o->'timeline') - 1)->>'note'));
        END IF;
    ELSIF NEW.grain_type = 'warehouse' AND NEW.state_name = 'warehouse' THEN
        before := CASE WHEN TG_OP = 'UPDATE' THEN OLD.payload END;
        IF before IS NULL OR before->'breaker'->>'state' IS DISTINCT FROM NEW.payload->'breaker'->>'state' THEN
            PERFORM orderhub_emit(tenant_name, 'BreakerChanged', split_part(NEW.grain_key, '/', 2), jsonb_build_object(
                'warehouseId', split_part(NEW.grain_key, '/', 2), 'state', NEW.payload->'breaker'->>'state',
                'reason', NEW.payload->'breaker'->>'reason', 'source', NEW.payload->'breaker'->>'source'));
        END IF;
    END IF;
    RETURN NEW;
END;
$$;

CREATE TRIGGER orderhub_projection AFTER INSERT OR UPDATE ON grain_state
    FOR EACH ROW EXECUTE FUNCTION orderhub_on_grain_state();

-- Rebuilds the order list from order state (after a restore, or to pick up a projection change).
CREATE FUNCTION orderhub_rebuild_projection() RETURNS bigint LANGUAGE plpgsql AS $$
DECLARE
    rebuilt bigint;
BEGIN
    DELETE FROM order_summaries;
    PERFORM orderhub_project_order(split_part(grain_key, '/', 1), payload->'order')
    FROM grain_state WHERE grain_type = 'order' AND state_name = 'order' AND payload->'order' IS NOT NULL;
    SELECT count(*) INTO rebuilt FROM order_summaries;
    RETURN rebuilt;
END;
$$;

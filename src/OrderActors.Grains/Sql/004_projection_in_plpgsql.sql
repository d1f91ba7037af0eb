-- The trigger's helpers were SQL functions, which PostgreSQL 15 plans again on every call: the trigger
-- was four fifths of an order write's UPDATE. PL/pgSQL keeps each statement's plan for the session, and
-- the same statements take a quarter of the time (600 order rows: 0.22 ms → 0.05 ms of trigger per row).
CREATE OR REPLACE FUNCTION orderhub_emit(tenant_name text, kind text, subject text, data jsonb) RETURNS void LANGUAGE plpgsql AS $$
BEGIN
    INSERT INTO hub_events (tenant, kind, subject, data) VALUES (tenant_name, kind, subject, data);
END;
$$;
CREATE OR REPLACE FUNCTION orderhub_project_order(tenant_name text, o jsonb) RETURNS void LANGUAGE plpgsql AS $$
BEGIN
    INSERT INTO order_summaries (tenant, order_id, channel, external_order_id, status, amount_fen, warehouse_ids,
                                 hold_codes, holds, reroutes, created_at, received_at, updated_at)
    VALUES (
        tenant_name, o->>'orderId', lower(o->>'channel'), o->>'externalOrderId', o->>'status',
        coalesce((o->>'amountPaid')::bigint, 0),
        ARRAY(SELECT DISTINCT a->>'warehouseId'
              FROM jsonb_array_elements(coalesce(o->'lines', '[]')) l, jsonb_array_elements(coalesce(l->'allocations', '[]')) a),
        ARRAY(SELECT DISTINCT h->>'code' FROM jsonb_array_elements(coalesce(o->'holds', '[]')) h),
        (SELECT coalesce(jsonb_agg(jsonb_build_object('code', h->>'code', 'message', h->>'message', 'blocking', coalesce((h->>'blocking')::boolean, true))), '[]')
         FROM jsonb_array_elements(coalesce(o->'holds', '[]')) h),
        coalesce((o->>'reroutes')::int, 0),
        (o->>'createdAt')::timestamptz, (o->>'receivedAt')::timestamptz, (o->>'updatedAt')::timestamptz)
    ON CONFLICT (tenant, order_id) DO UPDATE SET
        status = excluded.status, amount_fen = excluded.amount_fen, warehouse_ids = excluded.warehouse_ids,
        hold_codes = excluded.hold_codes, holds = excluded.holds, reroutes = excluded.reroutes, updated_at = excluded.updated_at;
END;
$$;

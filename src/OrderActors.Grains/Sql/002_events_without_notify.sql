-- Every transaction that issues NOTIFY takes a cluster-wide lock at commit: with an event per order
-- status change, that serialized the commits of all order writes. The event pump polls hub_events by
-- sequence number instead, so order writes stay independent.
CREATE OR REPLACE FUNCTION orderhub_emit(tenant_name text, kind text, subject text, data jsonb) RETURNS void LANGUAGE sql AS $$
    INSERT INTO hub_events (tenant, kind, subject, data) VALUES (tenant_name, kind, subject, data);
$$;

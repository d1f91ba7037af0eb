-- An unpaid order's reminder (issue 16) is an event of its own, written in the same transaction as the order: the
-- notification outbox reads it from hub_events like every other event, so a reminder is never lost or sent twice
-- because a silo died in between. The rest of the trigger is as before.
CREATE OR REPLACE FUNCTION orderhub_on_grain_state() RETURNS trigger LANGUAGE plpgsql AS $$
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
        IF o->>'unpaidRemindedAt' IS NOT NULL AND before->>'unpaidRemindedAt' IS NULL THEN
            PERFORM orderhub_emit(tenant_name, 'UnpaidReminder', o->>'orderId', jsonb_build_object(
                'orderId', o->>'orderId', 'channel', lower(o->>'channel'), 'createdAt', o->>'createdAt',
                'remindedAt', o->>'unpaidRemindedAt', 'amountFen', coalesce((o->>'amountPaid')::bigint, 0)));
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

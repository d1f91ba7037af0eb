-- The notification outbox (issue 16). A tenant's channels (robots, SMS, webhooks); one row per (hub event, channel),
-- written in the same transaction that moves the fan-out's cursor over hub_events, so an event is fanned out exactly
-- once however many silos run; each row is then delivered at least once: a silo claims due rows for a lease, and a
-- row whose silo died is claimed again when its lease runs out. Failed rows wait out the retry schedule; the last
-- failure leaves them 'failed' (the dead letter), which an operator can send again.
CREATE TABLE notification_channels (
    tenant     text        NOT NULL,
    name       text        NOT NULL,
    kind       text        NOT NULL,
    url        text        NOT NULL,
    secret     text,
    events     text[]      NOT NULL,
    settings   jsonb       NOT NULL DEFAULT '{}',
    updated_at timestamptz NOT NULL,
    PRIMARY KEY (tenant, name)
);

CREATE TABLE notifications (
    id              bigserial   PRIMARY KEY,
    tenant          text        NOT NULL,
    channel         text        NOT NULL,
    event_seq       bigint      NOT NULL,
    event_kind      text        NOT NULL,
    subject         text        NOT NULL,
    fields          jsonb       NOT NULL,
    recipient       text,
    status          text        NOT NULL DEFAULT 'pending',
    attempts        int         NOT NULL DEFAULT 0,
    last_error      text,
    next_attempt_at timestamptz NOT NULL,
    created_at      timestamptz NOT NULL,
    delivered_at    timestamptz,
    UNIQUE (event_seq, tenant, channel)
);
CREATE INDEX notifications_due ON notifications (next_attempt_at) WHERE status = 'pending';
CREATE INDEX notifications_by_tenant ON notifications (tenant, status, id DESC);

CREATE TABLE notification_cursor (
    name text   PRIMARY KEY,
    seq  bigint NOT NULL
);
-- Fan out from now on: events from before the outbox existed are not sent. On a fresh database hub_events does not
-- exist yet (the "orderhub" component's scripts run after this "facade" one), and there is nothing before now: 0.
INSERT INTO notification_cursor (name, seq) VALUES ('fanout', 0);
DO $$
BEGIN
    IF to_regclass('hub_events') IS NOT NULL THEN
        UPDATE notification_cursor SET seq = (SELECT coalesce(max(seq), 0) FROM hub_events) WHERE name = 'fanout';
    END IF;
END
$$;

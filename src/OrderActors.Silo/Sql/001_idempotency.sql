-- Responses of state-changing requests by (tenant, Idempotency-Key): a repeat gets the first answer.
CREATE TABLE idempotency_keys (
    scope        text        PRIMARY KEY,
    request_hash text        NOT NULL,
    status       int,
    content_type text,
    body         bytea,
    created_at   timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX idempotency_keys_by_age ON idempotency_keys (created_at);

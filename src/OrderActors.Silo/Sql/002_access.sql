-- Access (issue 14): operators who sign in, machines' API keys, the audit trail and the nonces of signed pushes.
CREATE TABLE access_users (
    user_name       text        PRIMARY KEY,
    password_hash   text        NOT NULL,
    roles           text[]      NOT NULL,
    tenants         text[]      NOT NULL,
    failed_attempts int         NOT NULL DEFAULT 0,
    locked_until    timestamptz,
    created_at      timestamptz NOT NULL DEFAULT now(),
    updated_at      timestamptz NOT NULL DEFAULT now()
);

-- A key is shown once; only the SHA-256 of its secret part is kept (keys are 256 random bits, so a fast hash is enough).
CREATE TABLE access_api_keys (
    key_id      text        PRIMARY KEY,
    name        text        NOT NULL,
    secret_hash bytea       NOT NULL,
    roles       text[]      NOT NULL,
    tenant      text        NOT NULL,
    created_by  text        NOT NULL,
    created_at  timestamptz NOT NULL DEFAULT now(),
    revoked_at  timestamptz
);

CREATE TABLE audit_log (
    id      bigint      GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    at      timestamptz NOT NULL,
    tenant  text        NOT NULL,
    actor   text        NOT NULL,
    action  text        NOT NULL,
    subject text        NOT NULL,
    result  text        NOT NULL,
    status  int         NOT NULL
);
CREATE INDEX audit_log_by_tenant_time ON audit_log (tenant, at DESC);
CREATE INDEX audit_log_by_subject ON audit_log (tenant, subject, at DESC);

-- A signed push's nonce is used once within the replay window.
CREATE TABLE push_nonces (
    channel    text        NOT NULL,
    nonce      text        NOT NULL,
    expires_at timestamptz NOT NULL,
    PRIMARY KEY (channel, nonce)
);
CREATE INDEX push_nonces_by_expiry ON push_nonces (expires_at);

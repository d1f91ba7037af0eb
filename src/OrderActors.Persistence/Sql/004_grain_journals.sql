-- Journaled grain state: one row per event; the sequence number in the key makes an append by a
-- stale activation collide. Snapshots bound the replay on activation.
CREATE TABLE grain_events (
    grain_type  text        NOT NULL,
    grain_key   text        NOT NULL,
    state_name  text        NOT NULL,
    seq         bigint      NOT NULL,
    payload     jsonb       NOT NULL,
    appended_at timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (grain_type, grain_key, state_name, seq)
);

CREATE TABLE grain_snapshots (
    grain_type text        NOT NULL,
    grain_key  text        NOT NULL,
    state_name text        NOT NULL,
    seq        bigint      NOT NULL,
    payload    jsonb       NOT NULL,
    written_at timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (grain_type, grain_key, state_name)
);

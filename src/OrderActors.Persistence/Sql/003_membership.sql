-- Cluster membership. Every change of a member's status bumps the cluster's version in the same
-- transaction, so silos can tell whether their view is current. Heartbeats and staleness use the
-- database clock, so silo clocks may drift.
CREATE TABLE cluster_members (
    cluster_id   text        NOT NULL,
    silo_id      text        NOT NULL,
    host         text        NOT NULL,
    port         int         NOT NULL,
    generation   bigint      NOT NULL,
    name         text,
    status       text        NOT NULL CHECK (status IN ('Active', 'ShuttingDown', 'Left', 'Dead')),
    started_at   timestamptz NOT NULL DEFAULT now(),
    heartbeat_at timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (cluster_id, silo_id)
);

CREATE TABLE cluster_versions (
    cluster_id text   PRIMARY KEY,
    version    bigint NOT NULL
);

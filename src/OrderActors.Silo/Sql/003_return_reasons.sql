-- Every return-reason model a silo trained: its version (r{corrections}-{hash}: the same corrections give the same
-- model on every silo), when, on how much, and how it measured on the held-out test split.
CREATE TABLE return_reason_models (
    version        text             PRIMARY KEY,
    trained_at     timestamptz      NOT NULL,
    train_examples int              NOT NULL,
    corrections    int              NOT NULL,
    accuracy       double precision NOT NULL,
    test_count     int              NOT NULL,
    train_ms       bigint           NOT NULL
);

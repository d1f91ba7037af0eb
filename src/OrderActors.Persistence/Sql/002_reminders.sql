-- Durable reminders. last_fired_at lets a restarted silo tell a missed tick from one already fired.
CREATE TABLE reminders (
    grain_type    text        NOT NULL,
    grain_key     text        NOT NULL,
    reminder_name text        NOT NULL,
    first_due_at  timestamptz NOT NULL,
    period_ms     bigint      NOT NULL CHECK (period_ms > 0),
    last_fired_at timestamptz,
    PRIMARY KEY (grain_type, grain_key, reminder_name)
);

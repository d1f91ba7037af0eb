-- The durable queue behind the "hub" stream provider (Microsoft.Orleans.Streaming.AdoNet). A fetched message stays
-- in the table, hidden until its visibility timeout, until the silo confirms it with the dequeue count it was
-- given (its receipt): a silo that dies before confirming lets the message come back (at-least-once), and a stale
-- receipt can never delete a message that was handed out again since. Messages past their expiry or their
-- delivery attempts move to the dead letters, which are removed after the removal timeout.
CREATE TABLE orleans_stream_message (
    service_id  text        NOT NULL,
    provider_id text        NOT NULL,
    queue_id    text        NOT NULL,
    message_id  bigint      GENERATED ALWAYS AS IDENTITY,
    dequeued    int         NOT NULL DEFAULT 0,
    visible_on  timestamptz NOT NULL,
    expires_on  timestamptz NOT NULL,
    created_on  timestamptz NOT NULL,
    modified_on timestamptz NOT NULL,
    payload     bytea       NOT NULL,
    PRIMARY KEY (service_id, provider_id, queue_id, message_id)
);

CREATE TABLE orleans_stream_dead_letter (
    service_id       text        NOT NULL,
    provider_id      text        NOT NULL,
    queue_id         text        NOT NULL,
    message_id       bigint      NOT NULL,
    dequeued         int         NOT NULL,
    visible_on       timestamptz NOT NULL,
    expires_on       timestamptz NOT NULL,
    created_on       timestamptz NOT NULL,
    modified_on      timestamptz NOT NULL,
    dead_lettered_on timestamptz NOT NULL,
    payload          bytea       NOT NULL,
    PRIMARY KEY (service_id, provider_id, queue_id, message_id)
);

-- When each queue was last swept, so that fetching (which polls several times a second) sweeps at most once per
-- eviction interval.
CREATE TABLE orleans_stream_sweep (
    service_id  text        NOT NULL,
    provider_id text        NOT NULL,
    queue_id    text        NOT NULL,
    swept_on    timestamptz NOT NULL,
    PRIMARY KEY (service_id, provider_id, queue_id)
);

CREATE PROCEDURE orleans_stream_evict_messages(
    p_service_id text, p_provider_id text, p_queue_id text, p_batch_size int, p_max_attempts int)
LANGUAGE sql AS $$
    WITH evicted AS (
        DELETE FROM orleans_stream_message m
        WHERE m.service_id = p_service_id AND m.provider_id = p_provider_id AND m.queue_id = p_queue_id
          AND m.message_id IN (
              SELECT message_id FROM orleans_stream_message
              WHERE service_id = p_service_id AND provider_id = p_provider_id AND queue_id = p_queue_id
                AND (expires_on <= now() OR (dequeued >= p_max_attempts AND visible_on <= now()))
              ORDER BY message_id
              LIMIT p_batch_size
              FOR UPDATE SKIP LOCKED)
        RETURNING m.*)
    INSERT INTO orleans_stream_dead_letter (service_id, provider_id, queue_id, message_id, dequeued, visible_on,
                                            expires_on, created_on, modified_on, dead_lettered_on, payload)
    SELECT service_id, provider_id, queue_id, message_id, dequeued, visible_on, expires_on, created_on, modified_on,
           now(), payload
    FROM evicted
    ON CONFLICT DO NOTHING;
$$;

CREATE PROCEDURE orleans_stream_evict_dead_letters(
    p_service_id text, p_provider_id text, p_queue_id text, p_batch_size int, p_removal_timeout int)
LANGUAGE sql AS $$
    DELETE FROM orleans_stream_dead_letter
    WHERE service_id = p_service_id AND provider_id = p_provider_id AND queue_id = p_queue_id
      AND message_id IN (
          SELECT message_id FROM orleans_stream_dead_letter
          WHERE service_id = p_service_id AND provider_id = p_provider_id AND queue_id = p_queue_id
            AND dead_lettered_on <= now() - make_interval(secs => p_removal_timeout)
          ORDER BY message_id
          LIMIT p_batch_size
          FOR UPDATE SKIP LOCKED);
$$;

-- The 10.4.2-alpha.1 runtime never calls the two eviction keys, so the fetch query calls this first: it claims
-- the queue's sweep when the last one is older than the eviction interval, and only then evicts.
CREATE PROCEDURE orleans_stream_sweep(
    p_service_id text, p_provider_id text, p_queue_id text, p_max_attempts int, p_removal_timeout int,
    p_eviction_interval int, p_batch_size int)
LANGUAGE plpgsql AS $$
BEGIN
    INSERT INTO orleans_stream_sweep (service_id, provider_id, queue_id, swept_on)
    VALUES (p_service_id, p_provider_id, p_queue_id, now())
    ON CONFLICT (service_id, provider_id, queue_id) DO UPDATE SET swept_on = excluded.swept_on
    WHERE orleans_stream_sweep.swept_on <= now() - make_interval(secs => p_eviction_interval);
    IF FOUND THEN
        CALL orleans_stream_evict_messages(p_service_id, p_provider_id, p_queue_id, p_batch_size, p_max_attempts);
        CALL orleans_stream_evict_dead_letters(p_service_id, p_provider_id, p_queue_id, p_batch_size,
                                               p_removal_timeout);
    END IF;
END;
$$;

INSERT INTO orleansquery (querykey, querytext) VALUES
('QueueStreamMessageKey', $q$
    INSERT INTO orleans_stream_message (service_id, provider_id, queue_id, visible_on, expires_on, created_on,
                                        modified_on, payload)
    VALUES (@ServiceId, @ProviderId, @QueueId, now(), now() + make_interval(secs => @ExpiryTimeout), now(), now(),
            @Payload)
    RETURNING service_id AS serviceid, provider_id AS providerid, queue_id AS queueid, message_id AS messageid
$q$),

-- Two statements: the sweep (no result set), then the fetch, which hides each message it hands out for the
-- visibility timeout and counts the attempt; SKIP LOCKED lets silos polling the same queue take different rows.
('GetStreamMessagesKey', $q$
    CALL orleans_stream_sweep(@ServiceId, @ProviderId, @QueueId, @MaxAttempts, @RemovalTimeout, @EvictionInterval,
                              @EvictionBatchSize);
    WITH picked AS (
        SELECT message_id FROM orleans_stream_message
        WHERE service_id = @ServiceId AND provider_id = @ProviderId AND queue_id = @QueueId
          AND visible_on <= now() AND expires_on > now() AND dequeued < @MaxAttempts
        ORDER BY message_id
        LIMIT @MaxCount
        FOR UPDATE SKIP LOCKED)
    UPDATE orleans_stream_message m
    SET dequeued = m.dequeued + 1, visible_on = now() + make_interval(secs => @VisibilityTimeout),
        modified_on = now()
    FROM picked p
    WHERE m.service_id = @ServiceId AND m.provider_id = @ProviderId AND m.queue_id = @QueueId
      AND m.message_id = p.message_id
    RETURNING m.service_id AS serviceid, m.provider_id AS providerid, m.queue_id AS queueid,
              m.message_id AS messageid, m.dequeued, m.visible_on AS visibleon, m.expires_on AS expireson,
              m.created_on AS createdon, m.modified_on AS modifiedon, m.payload
$q$),

-- Items is "id:receipt|id:receipt"; a receipt is the dequeue count the message was handed out with, negative
-- to release the message for redelivery (a receiver shutting down) instead of confirming it.
('ConfirmStreamMessagesKey', $q$
    WITH items AS (
        SELECT split_part(item, ':', 1)::bigint AS message_id, split_part(item, ':', 2)::int AS receipt
        FROM unnest(string_to_array(@Items, '|')) AS item),
    confirmed AS (
        DELETE FROM orleans_stream_message m
        USING items i
        WHERE m.service_id = @ServiceId AND m.provider_id = @ProviderId AND m.queue_id = @QueueId
          AND m.message_id = i.message_id AND i.receipt > 0 AND m.dequeued = i.receipt
        RETURNING m.service_id, m.provider_id, m.queue_id, m.message_id),
    released AS (
        UPDATE orleans_stream_message m
        SET visible_on = now(), modified_on = now()
        FROM items i
        WHERE m.service_id = @ServiceId AND m.provider_id = @ProviderId AND m.queue_id = @QueueId
          AND m.message_id = i.message_id AND i.receipt < 0 AND m.dequeued = -i.receipt
        RETURNING m.service_id, m.provider_id, m.queue_id, m.message_id)
    SELECT service_id AS serviceid, provider_id AS providerid, queue_id AS queueid, message_id AS messageid
    FROM confirmed
    UNION ALL
    SELECT service_id, provider_id, queue_id, message_id FROM released
$q$),

-- A delivery the pulling agent gave up on: dead-lettered once its attempts are used up (or it expired), else
-- visible again at once for another attempt. The two predicates are disjoint, so one row is touched once.
('FailStreamMessageKey', $q$
    WITH failed AS (
        DELETE FROM orleans_stream_message
        WHERE service_id = @ServiceId AND provider_id = @ProviderId AND queue_id = @QueueId
          AND message_id = @MessageId AND (dequeued >= @MaxAttempts OR expires_on <= now())
        RETURNING *),
    retried AS (
        UPDATE orleans_stream_message SET visible_on = now(), modified_on = now()
        WHERE service_id = @ServiceId AND provider_id = @ProviderId AND queue_id = @QueueId
          AND message_id = @MessageId AND dequeued < @MaxAttempts AND expires_on > now()
        RETURNING 1)
    INSERT INTO orleans_stream_dead_letter (service_id, provider_id, queue_id, message_id, dequeued, visible_on,
                                            expires_on, created_on, modified_on, dead_lettered_on, payload)
    SELECT service_id, provider_id, queue_id, message_id, dequeued, visible_on, expires_on, created_on, modified_on,
           now(), payload
    FROM failed
    ON CONFLICT DO NOTHING
$q$),

('EvictStreamMessagesKey', $q$
    CALL orleans_stream_evict_messages(@ServiceId, @ProviderId, @QueueId, @EvictionBatchSize, @MaxAttempts)
$q$),

('EvictStreamDeadLettersKey', $q$
    CALL orleans_stream_evict_dead_letters(@ServiceId, @ProviderId, @QueueId, @EvictionBatchSize, @RemovalTimeout)
$q$);

-- Orleans grain persistence (Microsoft.Orleans.Persistence.AdoNet) on the existing grain_state table, so the
-- other components' triggers keep reading (grain_type, grain_key, state_name, payload jsonb) exactly as before.
-- The provider passes the state name as @GrainTypeString and keys rows by service and grain id only (dotnet/orleans
-- #8746, #9737, #9706), so HubGrainStorage hands it a key "{grain type}/{grain key}" that always arrives whole
-- in @GrainIdExtensionString; hub_grain_key splits it back. The payload arrives as UTF-8 JSON bytes
-- (System.Text.Json storage serializer) and is stored as jsonb. Versions only grow: a clear keeps the row with
-- a NULL payload (a tombstone), so an ETag from before the clear can never match again.
CREATE FUNCTION hub_grain_key(qualified_key text, OUT grain_type text, OUT grain_key text)
LANGUAGE plpgsql IMMUTABLE STRICT AS $$
BEGIN
    IF strpos(qualified_key, '/') < 2 THEN
        RAISE EXCEPTION 'grain key "%" is not qualified with its grain type: use the hub''s grain storage', qualified_key;
    END IF;
    grain_type := split_part(qualified_key, '/', 1);
    grain_key := substr(qualified_key, length(grain_type) + 2);
END;
$$;

INSERT INTO orleansquery (querykey, querytext) VALUES
('ReadFromStorageKey', $q$
    SELECT convert_to(s.payload::text, 'UTF8') AS payloadbinary, s.version::int AS version
    FROM hub_grain_key(@GrainIdExtensionString) k
    JOIN grain_state s
        ON s.grain_type = k.grain_type AND s.grain_key = k.grain_key AND s.state_name = @GrainTypeString
$q$),

-- Exactly one row, always: the new version, or NULL when the ETag did not match. A first write (no ETag) that
-- loses an insert race to another activation also gets NULL, so Orleans refuses it instead of accepting it.
('WriteToStorageKey', $q$
    WITH k AS (SELECT grain_type, grain_key FROM hub_grain_key(@GrainIdExtensionString)),
    inserted AS (
        INSERT INTO grain_state (grain_type, grain_key, state_name, version, payload)
        SELECT grain_type, grain_key, @GrainTypeString, 1, convert_from(@PayloadBinary, 'UTF8')::jsonb
        FROM k
        WHERE @GrainStateVersion::int IS NULL
        ON CONFLICT (grain_type, grain_key, state_name) DO NOTHING
        RETURNING version),
    updated AS (
        UPDATE grain_state s
        SET version = s.version + 1, payload = convert_from(@PayloadBinary, 'UTF8')::jsonb, updated_at = now()
        FROM k
        WHERE s.grain_type = k.grain_type AND s.grain_key = k.grain_key AND s.state_name = @GrainTypeString
          AND s.version = @GrainStateVersion
        RETURNING s.version)
    SELECT (SELECT version FROM inserted UNION ALL SELECT version FROM updated)::int AS newgrainstateversion
$q$),

('ClearStorageKey', $q$
    UPDATE grain_state s
    SET version = s.version + 1, payload = NULL, updated_at = now()
    FROM hub_grain_key(@GrainIdExtensionString) k
    WHERE s.grain_type = k.grain_type AND s.grain_key = k.grain_key AND s.state_name = @GrainTypeString
      AND s.version = @GrainStateVersion
    RETURNING s.version::int AS newgrainstateversion
$q$);

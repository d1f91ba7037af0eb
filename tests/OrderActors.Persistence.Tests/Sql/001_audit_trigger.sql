-- A component whose name sorts before "runtime" and whose trigger needs grain_state: it applies only if the
-- runtime's scripts run first, as the order projection's trigger needs.
CREATE TABLE test_audit (grain_type text NOT NULL, grain_key text NOT NULL);

CREATE FUNCTION test_audit_grain_state() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    INSERT INTO test_audit (grain_type, grain_key) VALUES (NEW.grain_type, NEW.grain_key);
    RETURN NEW;
END;
$$;

CREATE TRIGGER test_audit_grain_state AFTER INSERT OR UPDATE ON grain_state
    FOR EACH ROW EXECUTE FUNCTION test_audit_grain_state();

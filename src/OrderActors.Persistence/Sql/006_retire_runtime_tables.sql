-- Orleans now keeps reminders and cluster membership in its own tables (009, 008). The home-made runtime's
-- tables held only transient data (membership) or data Orleans cannot read (reminders keyed by our old grain
-- ids), so they are dropped rather than migrated. grain_state, grain_events and grain_snapshots stay.
DROP TABLE IF EXISTS reminders;
DROP TABLE IF EXISTS cluster_members;
DROP TABLE IF EXISTS cluster_versions;

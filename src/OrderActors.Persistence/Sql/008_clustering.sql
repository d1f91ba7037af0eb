-- Orleans cluster membership (Microsoft.Orleans.Clustering.AdoNet). One version row per deployment (cluster id)
-- is the optimistic lock of the whole table: every insert or update of a member names the version it read and
-- bumps it, so two silos changing membership at once cannot both win. Heartbeats (IAmAlive) leave it alone.
CREATE TABLE orleans_membership_version (
    deployment_id text        PRIMARY KEY,
    version       int         NOT NULL DEFAULT 0,
    updated_at    timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE orleans_membership (
    deployment_id text        NOT NULL,
    address       text        NOT NULL,
    port          int         NOT NULL,
    generation    int         NOT NULL,
    silo_name     text        NOT NULL,
    host_name     text        NOT NULL,
    status        int         NOT NULL,
    proxy_port    int,
    suspect_times text,
    start_time    timestamptz NOT NULL,
    iamalive_time timestamptz NOT NULL,
    PRIMARY KEY (deployment_id, address, port, generation)
);

INSERT INTO orleansquery (querykey, querytext) VALUES
-- Returns 1 when this call created the deployment's version row, 0 when it existed already: always one row.
('InsertMembershipVersionKey', $q$
    WITH created AS (
        INSERT INTO orleans_membership_version (deployment_id) VALUES (@DeploymentId)
        ON CONFLICT (deployment_id) DO NOTHING
        RETURNING 1)
    SELECT count(*)::int FROM created
$q$),

-- The version bump takes the version row's lock, so a concurrent writer re-checks @Version after us and fails;
-- the NOT EXISTS keeps a failed insert from bumping the version.
('InsertMembershipKey', $q$
    WITH bumped AS (
        UPDATE orleans_membership_version SET version = version + 1, updated_at = now()
        WHERE deployment_id = @DeploymentId AND version = @Version
          AND NOT EXISTS (
              SELECT 1 FROM orleans_membership
              WHERE deployment_id = @DeploymentId AND address = @Address AND port = @Port AND generation = @Generation)
        RETURNING deployment_id),
    inserted AS (
        INSERT INTO orleans_membership (deployment_id, address, port, generation, silo_name, host_name, status,
                                        proxy_port, start_time, iamalive_time)
        SELECT deployment_id, @Address, @Port, @Generation, @SiloName, @HostName, @Status, @ProxyPort, @StartTime,
               @IAmAliveTime
        FROM bumped
        RETURNING 1)
    SELECT count(*)::int FROM inserted
$q$),

('UpdateMembershipKey', $q$
    WITH bumped AS (
        UPDATE orleans_membership_version SET version = version + 1, updated_at = now()
        WHERE deployment_id = @DeploymentId AND version = @Version
          AND EXISTS (
              SELECT 1 FROM orleans_membership
              WHERE deployment_id = @DeploymentId AND address = @Address AND port = @Port AND generation = @Generation)
        RETURNING deployment_id),
    updated AS (
        UPDATE orleans_membership m
        SET status = @Status, suspect_times = @SuspectTimes, iamalive_time = @IAmAliveTime
        FROM bumped b
        WHERE m.deployment_id = b.deployment_id AND m.address = @Address AND m.port = @Port
          AND m.generation = @Generation
        RETURNING 1)
    SELECT count(*)::int FROM updated
$q$),

('UpdateIAmAlivetimeKey', $q$
    UPDATE orleans_membership SET iamalive_time = @IAmAliveTime
    WHERE deployment_id = @DeploymentId AND address = @Address AND port = @Port AND generation = @Generation
$q$),

-- Always at least the version row: a NULL start time tells Orleans there is no such member.
('MembershipReadRowKey', $q$
    SELECT v.version, m.address, m.port, m.generation, m.silo_name AS siloname, m.host_name AS hostname, m.status,
           m.proxy_port AS proxyport, m.suspect_times AS suspecttimes, m.start_time AS starttime,
           m.iamalive_time AS iamalivetime
    FROM orleans_membership_version v
    LEFT JOIN orleans_membership m
        ON m.deployment_id = v.deployment_id AND m.address = @Address AND m.port = @Port
       AND m.generation = @Generation
    WHERE v.deployment_id = @DeploymentId
$q$),

('MembershipReadAllKey', $q$
    SELECT v.version, m.address, m.port, m.generation, m.silo_name AS siloname, m.host_name AS hostname, m.status,
           m.proxy_port AS proxyport, m.suspect_times AS suspecttimes, m.start_time AS starttime,
           m.iamalive_time AS iamalivetime
    FROM orleans_membership_version v
    LEFT JOIN orleans_membership m ON m.deployment_id = v.deployment_id
    WHERE v.deployment_id = @DeploymentId
$q$),

('GatewaysQueryKey', $q$
    SELECT address, proxy_port AS proxyport, generation
    FROM orleans_membership
    WHERE deployment_id = @DeploymentId AND status = @Status AND proxy_port > 0
$q$),

('DeleteMembershipTableEntriesKey', $q$
    WITH members AS (DELETE FROM orleans_membership WHERE deployment_id = @DeploymentId)
    DELETE FROM orleans_membership_version WHERE deployment_id = @DeploymentId
$q$),

-- Only silos that stopped heart-beating before the cut-off and are not Active (3) are defunct.
('CleanupDefunctSiloEntriesKey', $q$
    DELETE FROM orleans_membership
    WHERE deployment_id = @DeploymentId AND iamalive_time < @IAmAliveTime AND status <> 3
$q$);

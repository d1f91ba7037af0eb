using System.Collections.Immutable;
using Npgsql;

namespace OrderActors.Runtime.Cluster;

/// <summary>
/// The membership table in PostgreSQL. Status changes and the cluster version move together in one
/// transaction and are announced with NOTIFY so other silos re-read at once.
/// </summary>
internal sealed class PostgresMembershipTable(NpgsqlDataSource dataSource, string clusterId)
{
    public string NotifyChannel { get; } = "oa_membership";

    /// <summary>Adds this silo as Active; members that left or died over a day ago are forgotten on the way.</summary>
    public async Task JoinAsync(SiloAddress silo, string? name)
    {
        await InTransactionAsync(async (connection, transaction) =>
        {
            await using (var prune = new NpgsqlCommand(
                "DELETE FROM cluster_members WHERE cluster_id = $1 AND status IN ('Left', 'Dead') AND heartbeat_at < now() - interval '1 day'",
                connection, transaction))
            {
                prune.Parameters.Add(new NpgsqlParameter { Value = clusterId });
                await prune.ExecuteNonQueryAsync();
            }
            await using var insert = new NpgsqlCommand(
                """
                INSERT INTO cluster_members (cluster_id, silo_id, host, port, generation, name, status)
                VALUES ($1, $2, $3, $4, $5, $6, 'Active')
                """, connection, transaction);
            insert.Parameters.Add(new NpgsqlParameter { Value = clusterId });
            insert.Parameters.Add(new NpgsqlParameter { Value = silo.Id });
            insert.Parameters.Add(new NpgsqlParameter { Value = silo.Host });
            insert.Parameters.Add(new NpgsqlParameter { Value = silo.Port });
            insert.Parameters.Add(new NpgsqlParameter { Value = silo.Generation });
            insert.Parameters.Add(new NpgsqlParameter { Value = (object?)name ?? DBNull.Value });
            await insert.ExecuteNonQueryAsync();
            return true;
        });
    }

    /// <summary>
    /// Writes a heartbeat; false when this silo is neither Active nor ShuttingDown (declared dead or left).
    /// A leaving silo goes on heartbeating while it drains, so it is not declared dead meanwhile.
    /// </summary>
    public async Task<bool> HeartbeatAsync(SiloAddress silo)
    {
        await using NpgsqlCommand command = dataSource.CreateCommand(
            "UPDATE cluster_members SET heartbeat_at = now() WHERE cluster_id = $1 AND silo_id = $2 AND status IN ('Active', 'ShuttingDown')");
        command.Parameters.Add(new NpgsqlParameter { Value = clusterId });
        command.Parameters.Add(new NpgsqlParameter { Value = silo.Id });
        return await command.ExecuteNonQueryAsync() == 1;
    }

    /// <summary>Declares dead every Active silo whose heartbeat is older than <paramref name="timeout"/>; returns them.</summary>
    public async Task<IReadOnlyList<string>> DeclareStaleDeadAsync(TimeSpan timeout)
    {
        var dead = new List<string>();
        await InTransactionAsync(async (connection, transaction) =>
        {
            await using var command = new NpgsqlCommand(
                """
                UPDATE cluster_members SET status = 'Dead'
                WHERE cluster_id = $1 AND status IN ('Active', 'ShuttingDown') AND heartbeat_at < now() - $2
                RETURNING silo_id
                """, connection, transaction);
            command.Parameters.Add(new NpgsqlParameter { Value = clusterId });
            command.Parameters.Add(new NpgsqlParameter { Value = timeout });
            await using (NpgsqlDataReader reader = await command.ExecuteReaderAsync())
            {
                while (await reader.ReadAsync())
                {
                    dead.Add(reader.GetString(0));
                }
            }
            return dead.Count > 0;
        });
        return dead;
    }

    /// <summary>Moves this silo to <paramref name="status"/> (ShuttingDown, Left) and bumps the version.</summary>
    public Task SetStatusAsync(SiloAddress silo, string status) =>
        InTransactionAsync(async (connection, transaction) =>
        {
            await using var command = new NpgsqlCommand(
                "UPDATE cluster_members SET status = $3 WHERE cluster_id = $1 AND silo_id = $2 AND status NOT IN ('Dead', 'Left')",
                connection, transaction);
            command.Parameters.Add(new NpgsqlParameter { Value = clusterId });
            command.Parameters.Add(new NpgsqlParameter { Value = silo.Id });
            command.Parameters.Add(new NpgsqlParameter { Value = status });
            return await command.ExecuteNonQueryAsync() > 0;
        });

    public async Task<(long Version, IReadOnlyList<MemberEntry> Members)> ReadAsync()
    {
        await using NpgsqlConnection connection = await dataSource.OpenConnectionAsync();
        await using var batch = new NpgsqlBatch(connection)
        {
            BatchCommands =
            {
                new NpgsqlBatchCommand("SELECT coalesce((SELECT version FROM cluster_versions WHERE cluster_id = $1), 0)") { Parameters = { new() { Value = clusterId } } },
                new NpgsqlBatchCommand(
                    """
                    SELECT host, port, generation, status, started_at, heartbeat_at, name
                    FROM cluster_members WHERE cluster_id = $1 ORDER BY started_at
                    """) { Parameters = { new() { Value = clusterId } } },
            },
        };
        await using NpgsqlDataReader reader = await batch.ExecuteReaderAsync();
        await reader.ReadAsync();
        long version = reader.GetInt64(0);
        await reader.NextResultAsync();
        var members = new List<MemberEntry>();
        while (await reader.ReadAsync())
        {
            members.Add(new MemberEntry(
                new SiloAddress(reader.GetString(0), reader.GetInt32(1), reader.GetInt64(2)),
                reader.GetString(3),
                new DateTimeOffset(reader.GetDateTime(4), TimeSpan.Zero),
                new DateTimeOffset(reader.GetDateTime(5), TimeSpan.Zero),
                reader.IsDBNull(6) ? null : reader.GetString(6)));
        }
        return (version, members);
    }

    public static MembershipView ToView(long version, IEnumerable<MemberEntry> members) =>
        new(version, members.Where(m => m.Status == MemberStatus.Active).Select(m => m.Address).ToImmutableArray());

    /// <summary>Runs a change; when it reports that something changed, bumps the version and notifies, all in one transaction.</summary>
    private async Task InTransactionAsync(Func<NpgsqlConnection, NpgsqlTransaction, Task<bool>> change)
    {
        await using NpgsqlConnection connection = await dataSource.OpenConnectionAsync();
        await using NpgsqlTransaction transaction = await connection.BeginTransactionAsync();
        if (await change(connection, transaction))
        {
            await using var bump = new NpgsqlBatch(connection, transaction)
            {
                BatchCommands =
                {
                    new NpgsqlBatchCommand(
                        """
                        INSERT INTO cluster_versions (cluster_id, version) VALUES ($1, 1)
                        ON CONFLICT (cluster_id) DO UPDATE SET version = cluster_versions.version + 1
                        """) { Parameters = { new() { Value = clusterId } } },
                    new NpgsqlBatchCommand("SELECT pg_notify($1, $2)") { Parameters = { new() { Value = NotifyChannel }, new() { Value = clusterId } } },
                },
            };
            await bump.ExecuteNonQueryAsync();
        }
        await transaction.CommitAsync();
    }
}

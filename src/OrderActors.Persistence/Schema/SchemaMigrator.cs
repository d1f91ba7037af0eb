using Microsoft.Extensions.Logging;
using Npgsql;

namespace OrderActors.Persistence.Schema;

/// <summary>
/// Applies every component's versioned .sql files that the database has not seen yet, in version order, each in
/// its own transaction. A session advisory lock makes silos starting together apply them once.
/// </summary>
public sealed partial class SchemaMigrator(SessionDataSource sessions, IEnumerable<ISchemaScriptSource> sources, ILogger<SchemaMigrator> logger)
{
    private const long AdvisoryLockKey = 0x4F7264724163; // "OrdrAc"

    public async Task ApplyAsync(CancellationToken cancellationToken)
    {
        List<SchemaScript> scripts = Order(sources.SelectMany(s => s.GetScripts()));
        await using NpgsqlConnection connection = await sessions.DataSource.OpenConnectionAsync(cancellationToken);
        await ExecuteAsync(connection, null, "SELECT pg_advisory_lock(@key)", cancellationToken, ("key", AdvisoryLockKey));
        try
        {
            await ExecuteAsync(connection, null,
                """
                CREATE TABLE IF NOT EXISTS schema_migrations (
                    component  text        NOT NULL,
                    version    int         NOT NULL,
                    name       text        NOT NULL,
                    applied_at timestamptz NOT NULL DEFAULT now(),
                    PRIMARY KEY (component, version)
                )
                """,
                cancellationToken);
            HashSet<(string, int)> applied = await ReadAppliedAsync(connection, cancellationToken);
            foreach (SchemaScript script in scripts.Where(s => !applied.Contains((s.Component, s.Version))))
            {
                await using NpgsqlTransaction transaction = await connection.BeginTransactionAsync(cancellationToken);
                await ExecuteAsync(connection, transaction, script.Sql, cancellationToken);
                await ExecuteAsync(connection, transaction,
                    "INSERT INTO schema_migrations (component, version, name) VALUES (@component, @version, @name)",
                    cancellationToken, ("component", script.Component), ("version", script.Version), ("name", script.Name));
                await transaction.CommitAsync(cancellationToken);
                LogApplied(script.Component, script.Version, script.Name);
            }
        }
        finally
        {
            await ExecuteAsync(connection, null, "SELECT pg_advisory_unlock(@key)", CancellationToken.None, ("key", AdvisoryLockKey));
        }
    }

    /// <summary>This project's own tables come first: other components' scripts refer to them (triggers on grain_state).</summary>
    internal static List<SchemaScript> Order(IEnumerable<SchemaScript> scripts) =>
        scripts.OrderBy(s => s.Component == HubPersistence.SchemaComponent ? 0 : 1)
            .ThenBy(s => s.Component, StringComparer.Ordinal)
            .ThenBy(s => s.Version)
            .ToList();

    private static async Task<HashSet<(string, int)>> ReadAppliedAsync(NpgsqlConnection connection, CancellationToken cancellationToken)
    {
        var applied = new HashSet<(string, int)>();
        await using var command = new NpgsqlCommand("SELECT component, version FROM schema_migrations", connection);
        await using NpgsqlDataReader reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            applied.Add((reader.GetString(0), reader.GetInt32(1)));
        }
        return applied;
    }

    private static async Task ExecuteAsync(
        NpgsqlConnection connection, NpgsqlTransaction? transaction, string sql, CancellationToken cancellationToken, params (string Name, object Value)[] parameters)
    {
        await using var command = new NpgsqlCommand(sql, connection, transaction);
        foreach ((string name, object value) in parameters)
        {
            command.Parameters.AddWithValue(name, value);
        }
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    [LoggerMessage(EventId = 1, Level = LogLevel.Information, Message = "Applied schema {Component} {Version:000}_{Name}")]
    private partial void LogApplied(string component, int version, string name);
}

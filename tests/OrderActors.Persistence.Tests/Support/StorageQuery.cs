using System.Data;
using System.Text;
using Npgsql;

namespace OrderActors.Persistence.Tests.Support;

/// <summary>Runs the persistence queries the way the ADO.NET provider does: the same parameters, names and types.</summary>
public static class StorageQuery
{
    /// <summary>Every row the query returned, first column only (the write returns NewGrainStateVersion there, the clear its version).</summary>
    public static async Task<List<int?>> RunAsync(
        NpgsqlConnection connection, NpgsqlTransaction? transaction, string queryText, string qualifiedKey, string stateName, int? version, string? json = null)
    {
        await using var command = new NpgsqlCommand(queryText, connection, transaction);
        Add(command, "GrainIdHash", DbType.Int32, qualifiedKey.GetHashCode(StringComparison.Ordinal));
        Add(command, "GrainIdN0", DbType.Int64, 0L);
        Add(command, "GrainIdN1", DbType.Int64, 0L);
        Add(command, "GrainTypeHash", DbType.Int32, stateName.GetHashCode(StringComparison.Ordinal));
        Add(command, "GrainTypeString", DbType.String, stateName);
        Add(command, "GrainIdExtensionString", DbType.String, qualifiedKey);
        Add(command, "ServiceId", DbType.String, "tests");
        Add(command, "GrainStateVersion", DbType.Int32, version);
        if (json is not null)
        {
            Add(command, "PayloadBinary", DbType.Binary, Encoding.UTF8.GetBytes(json));
        }
        var rows = new List<int?>();
        await using NpgsqlDataReader reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            rows.Add(reader.IsDBNull(0) ? null : reader.GetInt32(0));
        }
        return rows;
    }

    private static void Add(NpgsqlCommand command, string name, DbType type, object? value) =>
        command.Parameters.Add(new NpgsqlParameter(name, type) { Value = value ?? DBNull.Value });
}

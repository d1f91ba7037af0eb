using System.Data.Common;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Npgsql;
using OrderActors.Persistence.Schema;

namespace OrderActors.Persistence.Hosting;

/// <summary>
/// The silo's PostgreSQL data sources. The providers share one multiplexed source: many small commands from many
/// grains pipeline over a few connections (Orleans' ADO.NET providers open a connection per command and use no
/// session state, explicit preparation or transactions, so multiplexing suits them; every query key is tested
/// through it). Session advisory locks need a connection of their own, so the migrator (and any LISTEN/NOTIFY
/// listener) gets a small non-multiplexed source. Npgsql is given no logger: it logs every command at
/// Information, which on a grain-write path is noise and cost; its errors reach the providers as exceptions,
/// which Orleans logs.
/// </summary>
internal static class HubDataSources
{
    /// <summary>Each default: its keyword, the spellings (spaces removed, lower case) that mean it, and its value.</summary>
    private static readonly (string Keyword, string[] Spellings, string Value)[] SharedDefaults =
    [
        ("Maximum Pool Size", ["maximumpoolsize", "maxpoolsize"], "16"),
        ("Multiplexing", ["multiplexing"], "true"),
        ("Max Auto Prepare", ["maxautoprepare"], "32"),
    ];

    public static void AddHubDataSources(this IServiceCollection services, string connectionString)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(connectionString);
        services.TryAddSingleton(_ => NpgsqlDataSource.Create(WithSharedDefaults(connectionString)));
        services.TryAddSingleton(_ => new SessionDataSource(NpgsqlDataSource.Create(ForSessions(connectionString))));
    }

    /// <summary>The connection string with the shared source's defaults for every setting it does not set itself.</summary>
    internal static string WithSharedDefaults(string connectionString)
    {
        var builder = new DbConnectionStringBuilder { ConnectionString = connectionString };
        HashSet<string> given = builder.Keys.Cast<string>().Select(Normalize).ToHashSet(StringComparer.Ordinal);
        foreach ((string keyword, _, string value) in SharedDefaults.Where(d => !d.Spellings.Any(given.Contains)))
        {
            builder[keyword] = value;
        }
        return new NpgsqlConnectionStringBuilder(builder.ConnectionString).ConnectionString;
    }

    /// <summary>A few physical connections: the migrator's lock, and listeners (LISTEN/NOTIFY) of other components.</summary>
    internal static string ForSessions(string connectionString) =>
        new NpgsqlConnectionStringBuilder(connectionString) { Multiplexing = false, MaxPoolSize = 10 }.ConnectionString;

    private static string Normalize(string keyword) => keyword.Replace(" ", "", StringComparison.Ordinal).ToLowerInvariant();
}

using System.Globalization;

namespace OrderActors.Silo.TestHost.Processes;

/// <summary>
/// The configuration one silo process gets on its command line: cluster mode on the test's PostgreSQL database,
/// its own ports, a failure detector quick enough that a killed silo is declared dead within a few seconds
/// (ClusterMembershipOptions), and a console log the cluster captures. The test's own settings go last and win.
/// </summary>
public static class SiloProcessSettings
{
    /// <summary>How often a silo probes the others; two missed probes and one vote declare a silo dead.</summary>
    public static readonly TimeSpan ProbeTimeout = TimeSpan.FromSeconds(2);

    public static Dictionary<string, string> For(
        string name, SiloPorts ports, string clusterId, string connectionString, IReadOnlyDictionary<string, string> extra)
    {
        var settings = new Dictionary<string, string>
        {
            ["Urls"] = $"http://127.0.0.1:{ports.Http}",
            ["Silo:ClusterId"] = clusterId,
            ["Silo:ServiceId"] = SiloProcessCluster.ServiceId,
            ["Silo:SiloName"] = name,
            ["Silo:Storage"] = "Postgres",
            ["Silo:PostgresConnectionString"] = connectionString,
            ["Silo:Cluster:Enabled"] = "true",
            ["Silo:Cluster:AdvertisedHost"] = "127.0.0.1",
            ["Silo:Cluster:SiloPort"] = Number(ports.Silo),
            ["Silo:Cluster:GatewayPort"] = Number(ports.Gateway),
            ["Silo:Membership:ProbeTimeout"] = ProbeTimeout.ToString("c", CultureInfo.InvariantCulture),
            ["Silo:Membership:NumMissedProbesLimit"] = "2",
            ["Silo:Membership:NumVotesForDeathDeclaration"] = "1",
            ["Silo:Membership:IAmAliveTablePublishTimeout"] = "00:00:02",
            ["Silo:Membership:TableRefreshTimeout"] = "00:00:02",
            ["Silo:Membership:DeathVoteExpirationTimeout"] = "00:00:20",
            ["Silo:Membership:MaxJoinAttemptTime"] = "00:00:40",
            ["Serilog:Using:0"] = "Serilog.Sinks.Console",
            ["Serilog:WriteTo:0:Name"] = "Console",
            ["Serilog:WriteTo:0:Args:outputTemplate"] =
                "[{Timestamp:HH:mm:ss.fff} {Level:u3}] " + name + " {SourceContext}: {Message:lj}{NewLine}{Exception}",
            ["Serilog:MinimumLevel:Default"] = "Information",
            ["Serilog:MinimumLevel:Override:Microsoft.AspNetCore"] = "Warning",
            ["Serilog:MinimumLevel:Override:Npgsql"] = "Warning",
            ["Serilog:MinimumLevel:Override:Orleans"] = "Warning",
            ["Serilog:MinimumLevel:Override:Orleans.Runtime.MembershipService"] = "Information",
        };
        foreach ((string key, string value) in extra)
        {
            settings[key] = value;
        }
        return settings;
    }

    /// <summary>The settings as command-line arguments (<c>--Key=value</c>; a value may hold '=' and ';').</summary>
    public static IEnumerable<string> AsArguments(IReadOnlyDictionary<string, string> settings) =>
        settings.Select(s => $"--{s.Key}={s.Value}");

    private static string Number(int value) => value.ToString(CultureInfo.InvariantCulture);
}

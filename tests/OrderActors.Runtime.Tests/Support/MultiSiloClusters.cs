using Microsoft.Extensions.DependencyInjection;
using OrderActors.Runtime.Testing;

namespace OrderActors.Runtime.Tests.Support;

/// <summary>Clusters of real silos in this process: loopback TCP between them, one PostgreSQL database for membership and state.</summary>
public static class MultiSiloClusters
{
    public static async Task<TestCluster> StartAsync(string postgres, int silos, Action<SiloOptions>? configure = null)
    {
        var cluster = new TestCluster(
            options =>
            {
                options.Storage = StorageKind.Postgres;
                options.PostgresConnectionString = postgres;
                options.ResponseTimeout = TimeSpan.FromSeconds(15);
                options.Cluster.Enabled = true;
                options.Cluster.SiloPort = 0;
                options.Cluster.HeartbeatInterval = TimeSpan.FromMilliseconds(200);
                options.Cluster.DeathTimeout = TimeSpan.FromSeconds(1.5);
                options.Cluster.ViewRefreshInterval = TimeSpan.FromMilliseconds(250);
                options.CollectionQuantum = TimeSpan.FromHours(1);
                configure?.Invoke(options);
            },
            silo => silo.AddGrains(typeof(LocatorGrain).Assembly),
            services => services.AddSingleton(new ActivationProbe()));
        for (int i = 0; i < silos; i++)
        {
            await cluster.StartSiloAsync();
        }
        await WaitForConvergenceAsync(cluster);
        return cluster;
    }

    /// <summary>Waits until every running silo sees exactly the running silos as the live members.</summary>
    public static Task WaitForConvergenceAsync(TestCluster cluster) =>
        Eventually.TrueAsync(() =>
        {
            var expected = cluster.Running.Select(s => s.Address!.Endpoint).Order().ToList();
            return cluster.Running.All(s => Views(s).SequenceEqual(expected));
        }, because: "silos did not agree on membership");

    private static IEnumerable<string> Views(TestSilo silo) =>
        silo.Services.GetRequiredService<Cluster.ClusterMembership>().View.Active.Select(a => a.Endpoint).Order();
}

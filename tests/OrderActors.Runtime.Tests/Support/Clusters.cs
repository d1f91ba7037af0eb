using Microsoft.Extensions.DependencyInjection;
using OrderActors.Runtime.Testing;

namespace OrderActors.Runtime.Tests.Support;

/// <summary>Builds single-silo test clusters with the test grains, on memory or on a fresh PostgreSQL database.</summary>
public static class Clusters
{
    public static async Task<TestCluster> StartAsync(
        ActivationProbe? probe = null, string? postgres = null, Action<SiloOptions>? configure = null)
    {
        probe ??= new ActivationProbe();
        var cluster = new TestCluster(
            options =>
            {
                options.Storage = postgres is null ? StorageKind.Memory : StorageKind.Postgres;
                options.PostgresConnectionString = postgres;
                options.MinimumReminderPeriod = TimeSpan.FromMilliseconds(100);
                options.CollectionQuantum = TimeSpan.FromHours(1);
                configure?.Invoke(options);
            },
            silo => silo.AddGrains(typeof(CounterGrain).Assembly),
            services => services.AddSingleton(probe));
        await cluster.StartSiloAsync();
        return cluster;
    }
}

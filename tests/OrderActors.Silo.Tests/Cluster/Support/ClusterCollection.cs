namespace OrderActors.Silo.Tests.Cluster.Support;

/// <summary>Tests that run silo processes: one at a time and alone, so a 2-core machine is not shared with other tests' silos.</summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class ClusterCollection
{
    public const string Name = "silo processes";
}

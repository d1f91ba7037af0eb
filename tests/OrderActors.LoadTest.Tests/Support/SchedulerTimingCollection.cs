namespace OrderActors.LoadTest.Tests.Support;

/// <summary>
/// Tests that check the open-loop scheduler against the wall clock run alone: beside the engine runs of other test
/// classes, a request due just before a phase boundary could leave after it.
/// </summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class SchedulerTimingCollection
{
    public const string Name = "scheduler timing";
}

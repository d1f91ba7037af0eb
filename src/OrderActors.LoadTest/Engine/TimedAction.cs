namespace OrderActors.LoadTest.Engine;

/// <summary>Something to start at a moment of the run (trip a breaker, kill a silo, watch the backlog), not awaited by the schedule.</summary>
public sealed record TimedAction(string Name, TimeSpan At, Func<CancellationToken, Task> RunAsync);

namespace OrderActors.Runtime;

/// <summary>
/// Marks a grain interface method as fire-and-forget: the caller's task completes once the call is
/// queued and failures are only logged. Use it to break call cycles (warehouse → order).
/// The method must return a non-generic <see cref="Task"/>.
/// </summary>
[AttributeUsage(AttributeTargets.Method)]
public sealed class OneWayAttribute : Attribute;

using Orleans;

namespace OrderActors.Abstractions.Warehouses;

/// <summary>A warehouse breaker's position (熔断状态).</summary>
[GenerateSerializer, Alias("oa.BreakerState")]
public enum BreakerState
{
    /// <summary>Normal: the warehouse takes orders.</summary>
    Closed,
    /// <summary>熔断: the warehouse takes no orders.</summary>
    Open,
    /// <summary>半开: recovering; takes orders only where the allocation rules allow it.</summary>
    HalfOpen,
}

using OrderActors.Domain.Allocation;
using OrderActors.Domain.Intake;
using OrderActors.Domain.Warehouses;

namespace OrderActors.Grains;

/// <summary>The business rules the grains follow (the "Hub" section of a silo-config file).</summary>
public sealed class HubOptions
{
    public AllocationRules Allocation { get; set; } = AllocationRules.Default;

    public IntakeRules Intake { get; set; } = IntakeRules.Default;

    public BreakerRules Breakers { get; set; } = BreakerRules.Default;

    /// <summary>How often a warehouse checks its carrier feed and its breaker's cool-down (a durable reminder).</summary>
    public TimeSpan WarehouseCheckPeriod { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>How many times an order re-plans when stock moved under it before it goes on hold.</summary>
    public int AllocationAttempts { get; set; } = 5;

    /// <summary>How many orders a tripped warehouse has told to move and not heard back from, at most.</summary>
    public int RerouteWindow { get; set; } = 1024;

    /// <summary>The unpaid timeout: reminded, then cancelled (the "Hub:Unpaid" section).</summary>
    public UnpaidOptions Unpaid { get; set; } = new();

    /// <summary>Refund rules (the "Hub:AfterSales" section), with per-tenant overrides.</summary>
    public AfterSalesOptions AfterSales { get; set; } = new();

    /// <summary>An order told to move that has not reported back after this long is told again.</summary>
    public TimeSpan RerouteRetryAfter { get; set; } = TimeSpan.FromSeconds(30);
}

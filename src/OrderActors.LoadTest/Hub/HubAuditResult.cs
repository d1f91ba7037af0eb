namespace OrderActors.LoadTest.Hub;

/// <summary>What the hub itself reports at the end: GET /api/v1/audit and the dashboard.</summary>
public sealed record ServerReport(
    bool? AuditOk,
    long? AuditOversold,
    long? AuditNegativeStock,
    long? CheckedBuckets,
    int? Violations,
    IReadOnlyList<string> ViolationSamples,
    long? Reroutes,
    long? DashboardOversold,
    IReadOnlyDictionary<string, long> HoldsByCode,
    IReadOnlyDictionary<string, long> OrdersByStatus);

/// <summary>
/// The correctness audit of the hub after the traffic: every acknowledged order read back, stock checked from the
/// orders' own allocations and from the inventory, and the hub's own audit. <see cref="Lost"/> counts orders the
/// hub acknowledged but cannot show (404 or no answer after retries).
/// </summary>
public sealed record HubAuditResult(
    int Acknowledged,
    int NotFound,
    int Unreadable,
    int StatusMismatches,
    IReadOnlyList<string> MismatchSamples,
    IReadOnlyDictionary<string, int> StatusCounts,
    long OversoldUnits,
    IReadOnlyList<string> OversoldSamples,
    int InventoryViolations,
    IReadOnlyList<string> InventorySamples,
    ServerReport Server,
    IReadOnlyList<AuditLine> Lines)
{
    public int Lost => NotFound + Unreadable;

    public bool Passed => Lines.All(line => line.Passed);
}

using OrderActors.Domain.Allocation;

namespace OrderActors.Domain.Tests.Support;

/// <summary>Runs the policy and reads decisions back in the shapes the allocation tests assert on.</summary>
internal static class AllocationScenario
{
    public static AllocationDecision Allocate(
        AllocationRequestBuilder request,
        IEnumerable<AllocationWarehouseBuilder> warehouses,
        AllocationRules? rules = null) =>
        new AllocationPolicy(rules ?? AllocationRules.Default).Allocate(request.Build(), warehouses.Select(warehouse => warehouse.Build()).ToArray());

    /// <summary>The warehouse ids of the parcels, in decision order.</summary>
    public static string[] Warehouses(this AllocationDecision decision) =>
        decision.Parcels.Select(parcel => parcel.WarehouseId).ToArray();

    /// <summary>The quantity each warehouse ships of a SKU, or zero.</summary>
    public static int Shipped(this AllocationDecision decision, string warehouseId, string masterSku) =>
        decision.Parcels
            .Where(parcel => parcel.WarehouseId == warehouseId)
            .SelectMany(parcel => parcel.Lines)
            .Where(line => line.MasterSku == masterSku)
            .Sum(line => line.Quantity);

    /// <summary>The explanation texts of one layer.</summary>
    public static string[] Said(this AllocationDecision decision, AllocationLayer layer) =>
        decision.Explanation.Where(entry => entry.Layer == layer).Select(entry => entry.Text).ToArray();
}

using System.Collections.Immutable;
using OrderActors.Abstractions.Catalog;
using OrderActors.Abstractions.Common;
using OrderActors.Abstractions.Orders;
using OrderActors.Abstractions.Stock;
using OrderActors.Domain.Allocation;

namespace OrderActors.Grains.Orders;

/// <summary>One line's share of a parcel: reserve this many units of the SKU at the warehouse.</summary>
public sealed record LineParcel(int LineNo, string Sku, string WarehouseId, int Quantity, int Buckets);

/// <summary>A plan: the parcels per line, or why there is none; with the policy's reasoning either way.</summary>
internal sealed record AllocationPlan(IReadOnlyList<LineParcel> Parcels, AllocationFailure? Failure, ImmutableList<ExplanationEntry> Explanation)
{
    public bool IsPlaced => Failure is null;
}

/// <summary>Turns the catalog's snapshot into the allocation policy's inputs, and its decision back into per-line parcels.</summary>
internal static class AllocationPlanner
{
    public static AllocationPlan Plan(
        AllocationPolicy policy, OrderRecord order, IReadOnlyDictionary<int, int> demandByLine, AllocationSnapshot snapshot, IReadOnlySet<string> excluded)
    {
        var demand = order.Lines.Where(l => demandByLine.GetValueOrDefault(l.LineNo) > 0).ToList();
        List<AllocationLine> lines = demand
            .GroupBy(l => l.MasterSku!)
            .Select(g => new AllocationLine(g.Key, g.Sum(l => demandByLine[l.LineNo]), g.Any(l => l.ColdChain)))
            .ToList();
        List<WarehouseCandidate> candidates = Candidates(snapshot);
        var notes = ImmutableList.CreateBuilder<ExplanationEntry>();
        GeoPoint destination = order.Destination ?? Centre(candidates, notes);
        AllocationDecision decision = policy.Allocate(
            new AllocationRequest(order.OrderId, order.Channel, destination, lines, excluded), candidates);
        notes.AddRange(decision.Explanation.Select(e => new ExplanationEntry(e.Layer.ToString(), e.Text)));
        if (!decision.IsAllocated)
        {
            return new AllocationPlan([], decision.Failure, notes.ToImmutable());
        }
        var buckets = snapshot.Levels.ToDictionary(l => (l.Sku, l.WarehouseId), l => Math.Max(1, l.Buckets));
        return new AllocationPlan(SplitToLines(decision, demand, demandByLine, buckets), null, notes.ToImmutable());
    }

    private static List<WarehouseCandidate> Candidates(AllocationSnapshot snapshot)
    {
        var stockByWarehouse = snapshot.Levels
            .GroupBy(l => l.WarehouseId)
            .ToDictionary(g => g.Key, g => g.ToDictionary(l => l.Sku, l => new SkuStock(l.OnHand, l.Reserved, l.SafetyStock)));
        return snapshot.Warehouses
            .Select(w => new WarehouseCandidate(w.WarehouseId, w.Location, w.ColdChain, w.Breaker,
                stockByWarehouse.GetValueOrDefault(w.WarehouseId) ?? new Dictionary<string, SkuStock>()))
            .ToList();
    }

    /// <summary>Without coordinates or a known district, rank from the middle of the warehouses and say so.</summary>
    private static GeoPoint Centre(IReadOnlyList<WarehouseCandidate> candidates, ImmutableList<ExplanationEntry>.Builder notes)
    {
        notes.Add(new ExplanationEntry("Destination", "no coordinates or known district for the address: distances measured from the warehouses' centre"));
        return candidates.Count == 0
            ? new GeoPoint(0, 0)
            : new GeoPoint(candidates.Average(c => c.Location.Latitude), candidates.Average(c => c.Location.Longitude));
    }

    /// <summary>Hands each parcel's quantity of a SKU to the order lines that asked for that SKU, in line order.</summary>
    private static List<LineParcel> SplitToLines(
        AllocationDecision decision, IReadOnlyList<OrderLineRecord> demand, IReadOnlyDictionary<int, int> demandByLine,
        IReadOnlyDictionary<(string, string), int> buckets)
    {
        var remaining = demand.ToDictionary(l => l.LineNo, l => demandByLine[l.LineNo]);
        var parcels = new List<LineParcel>();
        foreach (AllocationParcel parcel in decision.Parcels)
        {
            foreach (ParcelLine parcelLine in parcel.Lines)
            {
                int left = parcelLine.Quantity;
                foreach (OrderLineRecord line in demand.Where(l => l.MasterSku == parcelLine.MasterSku))
                {
                    int take = Math.Min(left, remaining[line.LineNo]);
                    if (take == 0)
                    {
                        continue;
                    }
                    parcels.Add(new LineParcel(line.LineNo, parcelLine.MasterSku, parcel.WarehouseId, take,
                        buckets.GetValueOrDefault((parcelLine.MasterSku, parcel.WarehouseId), 1)));
                    remaining[line.LineNo] -= take;
                    left -= take;
                }
            }
        }
        return parcels;
    }
}

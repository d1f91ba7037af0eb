using System.Collections.Immutable;
using OrderActors.Abstractions.Catalog;
using OrderActors.Abstractions.Common;
using OrderActors.Abstractions.Orders;
using OrderActors.Domain.Allocation;
using Orleans;
using Orleans.Runtime;

namespace OrderActors.Grains.Orders;

/// <summary>How an allocation ended: the reservations per line, or the hold to raise; the reasoning either way.</summary>
internal sealed record AllocationOutcome(
    IReadOnlyDictionary<int, ImmutableList<StockAllocation>>? ByLine, OrderHold? Hold, ImmutableList<ExplanationEntry> Explanation, int NextAttempt);

/// <summary>
/// Plans with the allocation policy over the catalog's snapshot, reserves at the buckets, and plans
/// again when stock moved under the plan (another order was faster, a breaker opened) — a few times,
/// then the order goes on hold. Attempt numbers go into the reservation ids; the order persists the next
/// free number only with its result, so an interrupted attempt is recognisable by number.
/// </summary>
internal sealed class AllocationFlow(IGrainFactory grains, string tenant, AllocationPolicy policy, StockReserver reserver, int maxAttempts, TimeProvider time)
{
    public int MaxAttempts => maxAttempts;

    public async Task<AllocationOutcome> RunAsync(OrderRecord order, IReadOnlyDictionary<int, int> demandByLine, IReadOnlySet<string> exclude, int firstAttempt)
    {
        var excluded = new HashSet<string>(exclude);
        List<string> skus = order.Lines.Where(l => demandByLine.GetValueOrDefault(l.LineNo) > 0).Select(l => l.MasterSku!).Distinct().ToList();
        ImmutableList<ExplanationEntry> explanation = [];
        int attempt = firstAttempt;
        for (int round = 0; round < maxAttempts; round++, attempt++)
        {
            AllocationSnapshot snapshot = await grains.GetGrain<ICatalogGrain>(Keys.Tenant(tenant)).GetAllocationSnapshotAsync(skus);
            AllocationPlan plan = AllocationPlanner.Plan(policy, order, demandByLine, snapshot, excluded);
            explanation = explanation.AddRange(plan.Explanation);
            if (!plan.IsPlaced)
            {
                return new AllocationOutcome(null, HoldFor(plan.Failure!), explanation, attempt);
            }
            ReservationResult result = await reserver.ReserveAsync(order.OrderId, attempt, plan.Parcels);
            if (result.Complete)
            {
                var byLine = result.Granted
                    .GroupBy(g => g.LineNo)
                    .ToDictionary(g => g.Key, g => g.Select(x => x.Allocation).ToImmutableList());
                return new AllocationOutcome(byLine, null, explanation, attempt + 1);
            }
            await reserver.ReleaseAsync(result.Granted.Select(g => g.Allocation));
            excluded.UnionWith(result.ClosedWarehouses);
            explanation = explanation.Add(new ExplanationEntry("Retry",
                result.ClosedWarehouses.Count > 0
                    ? $"attempt {attempt}: {string.Join(", ", result.ClosedWarehouses)} closed (breaker open); planning again without it"
                    : $"attempt {attempt}: stock was taken by other orders meanwhile; planning again"));
        }
        return new AllocationOutcome(null,
            new OrderHold(HoldCodes.OutOfStock, $"no stock could be reserved after {maxAttempts} attempts", time.GetUtcNow()), explanation, attempt);
    }

    private OrderHold HoldFor(AllocationFailure failure) => new(
        failure.Reason == UnroutableReason.InsufficientStock ? HoldCodes.OutOfStock : HoldCodes.Unroutable,
        failure.Detail,
        time.GetUtcNow());
}

namespace OrderActors.Domain.Allocation;

/// <summary>The warehouse allocation policy (分仓引擎): a pure function from an order and a stock snapshot to a decision.</summary>
/// <remarks>
/// Layers: candidates → nearest N (地理围栏) → reserved-ratio filter (预占率) → ranking → one warehouse or the
/// fewest parcels. When the nearest N cannot fill the order even after relaxing the ratio, the same layers run
/// again over every candidate before the order is declared unroutable. The same inputs always give the same
/// decision, whatever order the warehouses come in.
/// </remarks>
public sealed class AllocationPolicy
{
    private readonly AllocationRules _rules;

    /// <summary>A policy with the given rules, which are validated here so a bad config fails at start-up.</summary>
    public AllocationPolicy(AllocationRules rules)
    {
        ArgumentNullException.ThrowIfNull(rules);
        rules.Validate();
        _rules = rules;
    }

    public AllocationRules Rules => _rules;

    /// <summary>Chooses the warehouses for one order from a snapshot of the warehouses' state.</summary>
    public AllocationDecision Allocate(AllocationRequest request, IReadOnlyCollection<WarehouseCandidate> warehouses)
    {
        AllocationInput.Validate(request, warehouses);
        var log = new ExplanationLog();
        ChannelRule channelRule = _rules.RuleFor(request.Channel);

        IReadOnlyList<WarehouseCandidate> eligible = CandidateLayer.Eligible(request, warehouses, _rules, channelRule, log);
        if (eligible.Count == 0)
        {
            return Unroutable(request, channelRule, UnroutableDiagnosis.NoEligibleWarehouse(request), log);
        }
        IReadOnlyList<Site> candidates = CandidateLayer.Stocking(eligible, request, log);

        IReadOnlyList<Site> nearest = NearestLayer.Take(candidates, _rules.NearestCount, log);
        IReadOnlyList<AllocationParcel>? parcels = TryPlace(nearest, $"the nearest {_rules.NearestCount}", request, channelRule, log);
        if (parcels is null && candidates.Count > nearest.Count)
        {
            log.Add(AllocationLayer.Widening,
                $"the nearest {_rules.NearestCount} cannot fill the order: widening to all {candidates.Count} candidates (扩大范围)");
            parcels = TryPlace(candidates, $"all {candidates.Count} candidates", request, channelRule, log);
        }

        if (parcels is null)
        {
            return Unroutable(request, channelRule, UnroutableDiagnosis.Diagnose(candidates, request.Lines, _rules), log);
        }
        string from = string.Join(", ", parcels.Select(parcel => $"{parcel.WarehouseId} ({ExplanationLog.Km(parcel.DistanceKm)})"));
        log.Add(AllocationLayer.Outcome, $"allocated (已分仓) in {parcels.Count} parcel{(parcels.Count == 1 ? "" : "s")} from {from}");
        return new AllocationDecision(request.OrderId, channelRule.Tier, parcels, log.ToList(), Failure: null);
    }

    /// <summary>Ratio filter, ranking and choice over one set of sites, relaxing the ratio if the rules allow.</summary>
    private IReadOnlyList<AllocationParcel>? TryPlace(
        IReadOnlyList<Site> sites,
        string scope,
        AllocationRequest request,
        ChannelRule channelRule,
        ExplanationLog log)
    {
        if (sites.Count == 0)
        {
            return null;
        }
        IReadOnlyList<Site> kept = ReservedRatioLayer.Filter(sites, request.Lines, _rules, log);
        IReadOnlyList<AllocationParcel>? parcels = kept.Count == 0 ? null : Plan(kept, scope, request, channelRule, log);
        if (parcels is not null || kept.Count == sites.Count)
        {
            return parcels;
        }

        string limit = ExplanationLog.Percent(_rules.MaxReservedRatio);
        if (!_rules.RelaxReservedRatioWhenUnfillable)
        {
            log.Add(AllocationLayer.ReservedRatio, $"the warehouses within {limit} among {scope} cannot fill the order and the rules forbid relaxing");
            return null;
        }
        string restored = ExplanationLog.Ids(sites.Except(kept));
        log.Add(AllocationLayer.ReservedRatio,
            $"relaxed (放宽预占率): the warehouses within {limit} among {scope} cannot fill the order; back in: {restored}");
        return Plan(sites, scope, request, channelRule, log);
    }

    private IReadOnlyList<AllocationParcel>? Plan(
        IReadOnlyList<Site> sites,
        string scope,
        AllocationRequest request,
        ChannelRule channelRule,
        ExplanationLog log) =>
        ParcelPlanner.Plan(RankingLayer.Rank(sites, channelRule.Tier, log), request.Lines, _rules.MaxParcels, scope, log);

    private static AllocationDecision Unroutable(AllocationRequest request, ChannelRule channelRule, AllocationFailure failure, ExplanationLog log)
    {
        log.Add(AllocationLayer.Outcome, $"unroutable (无法分仓): {failure.Detail}");
        return new AllocationDecision(request.OrderId, channelRule.Tier, [], log.ToList(), failure);
    }
}

using OrderActors.Domain.Allocation;
using OrderActors.Domain.Tests.Support;
using OrderActors.Abstractions.Warehouses;

namespace OrderActors.Domain.Tests.Allocation;

/// <summary>Invariants checked on thousands of seeded random problems; a failure names the seed that reproduces it.</summary>
public sealed class AllocationPropertyTests
{
    private const int Cases = 2000;

    [Fact]
    public void NoDecisionShipsMoreThanAWarehouseCanSell() => ForEveryProblem((problem, decision) =>
    {
        foreach (AllocationParcel parcel in decision.Parcels)
        {
            WarehouseCandidate warehouse = problem.Warehouses.Single(candidate => candidate.Id == parcel.WarehouseId);
            foreach (AllocationLine line in problem.Request.Lines)
            {
                int shipped = parcel.Lines.Where(shippedLine => shippedLine.MasterSku == line.MasterSku).Sum(shippedLine => shippedLine.Quantity);
                Check(shipped <= AllocationOracle.Sellable(warehouse, line),
                    $"{parcel.WarehouseId} ships {shipped} of {line.MasterSku} but can sell {AllocationOracle.Sellable(warehouse, line)}");
            }
        }
    });

    [Fact]
    public void ASuccessfulDecisionShipsExactlyTheOrderedQuantities() => ForEveryProblem((problem, decision) =>
    {
        if (!decision.IsAllocated)
        {
            return;
        }
        Dictionary<string, int> shipped = decision.Parcels
            .SelectMany(parcel => parcel.Lines)
            .GroupBy(line => line.MasterSku)
            .ToDictionary(group => group.Key, group => group.Sum(line => line.Quantity));
        Dictionary<string, int> ordered = problem.Request.Lines.ToDictionary(line => line.MasterSku, line => line.Quantity);
        Check(shipped.Count == ordered.Count && ordered.All(line => shipped.GetValueOrDefault(line.Key) == line.Value),
            $"ordered {Describe(ordered)} but shipped {Describe(shipped)}");
        Check(decision.Parcels.All(parcel => parcel.Lines.Count > 0 && parcel.Lines.All(line => line.Quantity > 0)),
            "a parcel is empty or holds a non-positive quantity");
    });

    [Fact]
    public void NoParcelComesFromAWarehouseTheRulesForbid() => ForEveryProblem((problem, decision) =>
    {
        foreach (AllocationParcel parcel in decision.Parcels)
        {
            WarehouseCandidate warehouse = problem.Warehouses.Single(candidate => candidate.Id == parcel.WarehouseId);
            Check(!problem.Request.ExcludedWarehouses.Contains(warehouse.Id), $"{warehouse.Id} is excluded");
            Check(warehouse.Breaker != BreakerState.Open, $"{warehouse.Id} has an open breaker");
            Check(AllocationOracle.MayTake(problem, warehouse), $"{warehouse.Id} may not take this order");
            Check(problem.Rules.RelaxReservedRatioWhenUnfillable || AllocationOracle.WithinRatio(problem, warehouse),
                $"{warehouse.Id} is above the reserved ratio limit and relaxing is off");
        }
    });

    [Fact]
    public void ColdChainGoodsAndColdChainChannelsOnlyUseColdChainWarehouses() => ForEveryProblem((problem, decision) =>
    {
        bool channelNeedsColdChain = problem.Rules.RuleFor(problem.Request.Channel).ColdChainWarehousesOnly;
        HashSet<string> coldSkus = problem.Request.Lines.Where(line => line.IsColdChain).Select(line => line.MasterSku).ToHashSet();
        foreach (AllocationParcel parcel in decision.Parcels)
        {
            WarehouseCandidate warehouse = problem.Warehouses.Single(candidate => candidate.Id == parcel.WarehouseId);
            if (warehouse.IsColdChain)
            {
                continue;
            }
            Check(!channelNeedsColdChain, $"{problem.Request.Channel} order shipped from ambient {warehouse.Id}");
            Check(!parcel.Lines.Any(line => coldSkus.Contains(line.MasterSku)), $"cold-chain goods shipped from ambient {warehouse.Id}");
        }
    });

    [Fact]
    public void ADecisionStaysWithinTheParcelLimitAndUsesEachWarehouseOnce() => ForEveryProblem((problem, decision) =>
    {
        Check(decision.Parcels.Count <= problem.Rules.MaxParcels, $"{decision.Parcels.Count} parcels exceed {problem.Rules.MaxParcels}");
        Check(decision.Parcels.Select(parcel => parcel.WarehouseId).Distinct().Count() == decision.Parcels.Count, "a warehouse appears twice");
        Check(decision.IsAllocated == decision.Parcels.Count > 0, "allocation flag and parcels disagree");
    });

    [Fact]
    public void AnOrderIsUnroutableOnlyWhenNoAllowedSetOfWarehousesCouldFillIt() => ForEveryProblem((problem, decision) =>
    {
        bool fillable = AllocationOracle.SomeSetCanFill(problem, AllocationOracle.Allowed(problem));
        Check(decision.IsAllocated == fillable, fillable ? "a fillable order was declared unroutable" : "an unfillable order was allocated");
        if (decision.Failure is null)
        {
            return;
        }

        WarehouseCandidate[] eligible = problem.Warehouses.Where(warehouse => AllocationOracle.MayTake(problem, warehouse)).ToArray();
        bool expected = decision.Failure.Reason switch
        {
            UnroutableReason.NoEligibleWarehouse => eligible.Length == 0,
            UnroutableReason.InsufficientStock => eligible.Length > 0 && !AllocationOracle.StockSuffices(problem, eligible),
            UnroutableReason.ReservedRatioExceeded => !problem.Rules.RelaxReservedRatioWhenUnfillable && AllocationOracle.SomeSetCanFill(problem, eligible),
            UnroutableReason.TooManyParcels => AllocationOracle.StockSuffices(problem, eligible) && !AllocationOracle.SomeSetCanFill(problem, eligible),
            _ => false,
        };
        Check(expected, $"reason {decision.Failure.Reason} does not fit the problem");
    });

    [Fact]
    public void TheDecisionIsTheSameWhateverOrderTheWarehousesArriveIn() => ForEveryProblem((problem, decision) =>
    {
        AllocationDecision reversed = new AllocationPolicy(problem.Rules).Allocate(problem.Request, problem.Warehouses.Reverse().ToArray());

        Check(decision.Explanation.SequenceEqual(reversed.Explanation), "the explanation changed with the input order");
        Check(decision.Parcels.Select(parcel => (parcel.WarehouseId, Lines: string.Join(",", parcel.Lines)))
                .SequenceEqual(reversed.Parcels.Select(parcel => (parcel.WarehouseId, Lines: string.Join(",", parcel.Lines)))),
            "the parcels changed with the input order");
    });

    [Fact]
    public void TheRandomProblemsCoverSinglesSplitsAndEveryUnroutableReason()
    {
        AllocationDecision[] decisions = Enumerable.Range(1, Cases).Select(seed => Decide(AllocationScenarioGenerator.Generate(seed))).ToArray();

        Assert.InRange(decisions.Count(decision => decision.IsAllocated && !decision.IsSplit), Cases / 10, Cases);
        Assert.InRange(decisions.Count(decision => decision.IsSplit), Cases / 20, Cases);
        Assert.InRange(decisions.Count(decision => decision.Explanation.Any(entry => entry.Layer == AllocationLayer.Widening)), 10, Cases);
        Assert.All(Enum.GetValues<UnroutableReason>(), reason =>
            Assert.Contains(decisions, decision => decision.Failure?.Reason == reason));
    }

    private static void ForEveryProblem(Action<RandomAllocation, AllocationDecision> invariant)
    {
        for (int seed = 1; seed <= Cases; seed++)
        {
            RandomAllocation problem = AllocationScenarioGenerator.Generate(seed);
            AllocationDecision decision = Decide(problem);
            try
            {
                invariant(problem, decision);
            }
            catch (InvariantBroken broken)
            {
                Assert.Fail($"seed {seed}: {broken.Message}{Environment.NewLine}{problem}{Environment.NewLine}" +
                    string.Join(Environment.NewLine, decision.Explanation));
            }
        }
    }

    private static AllocationDecision Decide(RandomAllocation problem) =>
        new AllocationPolicy(problem.Rules).Allocate(problem.Request, problem.Warehouses);

    private static void Check(bool holds, string violation)
    {
        if (!holds)
        {
            throw new InvariantBroken(violation);
        }
    }

    private static string Describe(Dictionary<string, int> quantities) =>
        string.Join(", ", quantities.OrderBy(entry => entry.Key, StringComparer.Ordinal).Select(entry => $"{entry.Key}×{entry.Value}"));

    private sealed class InvariantBroken(string message) : Exception(message);
}

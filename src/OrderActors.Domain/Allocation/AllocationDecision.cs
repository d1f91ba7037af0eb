namespace OrderActors.Domain.Allocation;

/// <summary>The policy's answer for one order: the parcels to ship, or why it cannot be placed, and how it got there.</summary>
/// <param name="Parcels">One parcel per chosen warehouse; empty when unroutable.</param>
/// <param name="Explanation">The reasoning, layer by layer, in the order it happened.</param>
/// <param name="Failure">Why the order could not be placed; null when allocated.</param>
public sealed record AllocationDecision(
    string OrderId,
    ServiceTier Tier,
    IReadOnlyList<AllocationParcel> Parcels,
    IReadOnlyList<AllocationExplanation> Explanation,
    AllocationFailure? Failure)
{
    /// <summary>True when every line has a warehouse (已分仓).</summary>
    public bool IsAllocated => Failure is null;

    /// <summary>True when the order ships as more than one parcel (拆单).</summary>
    public bool IsSplit => Parcels.Count > 1;
}

/// <summary>What one warehouse ships for an order.</summary>
public sealed record AllocationParcel(string WarehouseId, double DistanceKm, IReadOnlyList<ParcelLine> Lines);

/// <summary>A quantity of one master SKU inside a parcel.</summary>
public sealed record ParcelLine(string MasterSku, int Quantity);

/// <summary>One step of the policy's reasoning, for operators and the order timeline.</summary>
/// <param name="Text">English, with the operators' Chinese term in brackets.</param>
public sealed record AllocationExplanation(AllocationLayer Layer, string Text)
{
    public override string ToString() => $"[{Layer}] {Text}";
}

/// <summary>The layers of the allocation policy, in the order they run.</summary>
public enum AllocationLayer
{
    /// <summary>Which warehouses may take the order at all (候选仓).</summary>
    Candidates,
    /// <summary>The geo fence: the nearest N (地理围栏).</summary>
    Nearest,
    /// <summary>Dropping warehouses whose stock is mostly promised (预占率).</summary>
    ReservedRatio,
    /// <summary>Ordering the remaining warehouses (库存深度 / 时效).</summary>
    Ranking,
    /// <summary>Choosing one warehouse or a split (单仓 / 拆单).</summary>
    Choice,
    /// <summary>Looking past the nearest N when they cannot fill the order (扩大范围).</summary>
    Widening,
    /// <summary>The final result.</summary>
    Outcome,
}

/// <summary>Why an order could not be placed (无法分仓).</summary>
public sealed record AllocationFailure(UnroutableReason Reason, string Detail);

/// <summary>The kinds of unroutable order.</summary>
public enum UnroutableReason
{
    /// <summary>No warehouse passes the candidate filters (excluded, breaker, cold chain, no stock).</summary>
    NoEligibleWarehouse,
    /// <summary>All eligible warehouses together hold less than the order asks for.</summary>
    InsufficientStock,
    /// <summary>Only warehouses above the reserved ratio limit could fill it, and the rules forbid relaxing.</summary>
    ReservedRatioExceeded,
    /// <summary>Filling it would take more parcels than the rules allow.</summary>
    TooManyParcels,
}

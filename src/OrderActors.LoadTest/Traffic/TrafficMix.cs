namespace OrderActors.LoadTest.Traffic;

/// <summary>
/// The shape of the simulated traffic: how orders are composed and what buyers do afterwards. Shares are
/// probabilities in 0–1; delays are ranges the planner draws uniformly from.
/// </summary>
public sealed record TrafficMix
{
    public static TrafficMix Default { get; } = new();

    /// <summary>Zipf exponent of SKU popularity; around 1 gives a few best sellers and a long tail.</summary>
    public double ZipfExponent { get; init; } = 1.1;

    /// <summary>Chance an order has 1, 2 or 3 lines.</summary>
    public IReadOnlyList<double> LineCountWeights { get; init; } = [0.65, 0.25, 0.10];

    /// <summary>Chance a line is for 1, 2 or 3 units.</summary>
    public IReadOnlyList<double> QuantityWeights { get; init; } = [0.80, 0.15, 0.05];

    /// <summary>Of the orders on channels that send unpaid orders, the share that arrives unpaid.</summary>
    public double UnpaidShare { get; init; } = 0.25;

    /// <summary>Of the unpaid orders, the share whose buyer pays; the rest is closed unpaid later.</summary>
    public double PaysLaterShare { get; init; } = 0.85;

    /// <summary>Of the paid orders, the share the buyer cancels before shipment.</summary>
    public double CancelShare { get; init; } = 0.03;

    /// <summary>Share of orders the platform pushes a second time (the hub must answer duplicate: true).</summary>
    public double RepostShare { get; init; } = 0.05;

    /// <summary>Share of lines with a seller discount, on channels that carry one.</summary>
    public double LineDiscountShare { get; init; } = 0.2;

    public (TimeSpan Min, TimeSpan Max) PayDelay { get; init; } = (TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(8));

    public (TimeSpan Min, TimeSpan Max) CancelDelay { get; init; } = (TimeSpan.FromSeconds(2), TimeSpan.FromSeconds(10));

    public (TimeSpan Min, TimeSpan Max) RepostDelay { get; init; } = (TimeSpan.FromSeconds(0.5), TimeSpan.FromSeconds(5));
}

using System.Text.Json.Serialization;
using OrderActors.Abstractions.Orders;

namespace OrderActors.Domain.Allocation;

/// <summary>The configurable rule set of the allocation policy (分仓规则); <see cref="Default"/> follows the merchant's playbook.</summary>
/// <remarks>
/// Init-only properties with defaults so a JSON config file may name only what it changes. Cold-chain SKUs
/// (冷链商品) never ship from a non-cold-chain warehouse: that is food safety, not a tunable rule.
/// </remarks>
public sealed record AllocationRules
{
    /// <summary>The rules used when the configuration says nothing.</summary>
    public static AllocationRules Default { get; } = new();

    /// <summary>How many of the nearest warehouses the geo fence (地理围栏) keeps.</summary>
    public int NearestCount { get; init; } = 3;

    /// <summary>
    /// The highest reserved ratio (预占率) a warehouse may have and still be chosen. A warehouse's ratio for an
    /// order is Σ reserved ÷ Σ max(0, onHand − safetyStock), summed over the order's SKUs that warehouse may
    /// ship: how much of its saleable stock of those SKUs is already promised. Strictly above this is dropped.
    /// </summary>
    public double MaxReservedRatio { get; init; } = 0.85;

    /// <summary>
    /// When the warehouses under <see cref="MaxReservedRatio"/> cannot place the order even by splitting,
    /// bring the dropped ones back rather than widen the fence or give up (放宽预占率).
    /// </summary>
    public bool RelaxReservedRatioWhenUnfillable { get; init; } = true;

    /// <summary>Whether a warehouse whose breaker is HalfOpen (半开) may take new orders; Open never may.</summary>
    public bool AllowHalfOpenWarehouses { get; init; }

    /// <summary>The most parcels (包裹) one order may be split into (拆单上限).</summary>
    public int MaxParcels { get; init; } = 3;

    /// <summary>The rule for any channel missing from <see cref="Channels"/>.</summary>
    public ChannelRule DefaultChannel { get; init; } = new(ServiceTier.Standard, ColdChainWarehousesOnly: false);

    /// <summary>Per-channel rules; by default Meituan (美团) is Express and goes only to cold-chain warehouses (冷链专线仓).</summary>
    public IReadOnlyDictionary<Channel, ChannelRule> Channels { get; init; } = new Dictionary<Channel, ChannelRule>
    {
        [Channel.Meituan] = new(ServiceTier.Express, ColdChainWarehousesOnly: true),
    }.AsReadOnly();

    /// <summary>The rule that applies to a channel's orders.</summary>
    public ChannelRule RuleFor(Channel channel) => Channels.TryGetValue(channel, out ChannelRule? rule) ? rule : DefaultChannel;

    /// <summary>Throws when a value would make the policy meaningless (a bad config file should fail at load).</summary>
    public void Validate()
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(NearestCount, 1, nameof(NearestCount));
        ArgumentOutOfRangeException.ThrowIfLessThan(MaxParcels, 1, nameof(MaxParcels));
        if (double.IsNaN(MaxReservedRatio) || MaxReservedRatio < 0)
        {
            throw new ArgumentOutOfRangeException(nameof(MaxReservedRatio), MaxReservedRatio, "The reserved ratio limit must be a non-negative number.");
        }
        ArgumentNullException.ThrowIfNull(DefaultChannel, nameof(DefaultChannel));
        ArgumentNullException.ThrowIfNull(Channels, nameof(Channels));
        if (Channels.Values.Any(rule => rule is null))
        {
            throw new ArgumentException("Every channel needs a rule.", nameof(Channels));
        }
    }
}

/// <summary>How one channel's orders are served.</summary>
/// <param name="ColdChainWarehousesOnly">Every line, cold or not, ships from a cold-chain warehouse (强制走冷链专线仓).</param>
public sealed record ChannelRule(ServiceTier Tier, bool ColdChainWarehousesOnly);

/// <summary>The delivery promise a channel's orders carry (时效等级).</summary>
[JsonConverter(typeof(JsonStringEnumConverter<ServiceTier>))]
public enum ServiceTier
{
    /// <summary>标准: ranked by stock depth, distance breaks ties.</summary>
    Standard,
    /// <summary>加急: ranked by distance, stock depth breaks ties; rerouted first.</summary>
    Express,
}

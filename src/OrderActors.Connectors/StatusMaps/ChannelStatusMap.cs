using System.Text.Json;
using OrderActors.Abstractions.Orders;

namespace OrderActors.Connectors.StatusMaps;

/// <summary>
/// One channel's status vocabulary as data (an embedded JSON file per channel): platform order statuses onto the
/// unified lifecycle, message types onto event kinds, and override tables for statuses a second field refines
/// (拼多多's refund_status). Keeping it as data lets a new platform status be added without touching code.
/// </summary>
public sealed class ChannelStatusMap
{
    private static readonly JsonSerializerOptions _json = new() { PropertyNameCaseInsensitive = true };
    private static readonly Lazy<IReadOnlyDictionary<Channel, ChannelStatusMap>> _all = new(LoadAll);

    private readonly Dictionary<string, OrderStatus> _orderStatuses;
    private readonly Dictionary<string, PlatformEventKind> _events;
    private readonly Dictionary<string, Dictionary<string, OrderStatus>> _overrides;

    private ChannelStatusMap(Channel channel, MapFile file)
    {
        Channel = channel;
        _orderStatuses = file.OrderStatuses.ToDictionary(pair => pair.Key, pair => Enum.Parse<OrderStatus>(pair.Value), StringComparer.Ordinal);
        _events = file.Events.ToDictionary(pair => pair.Key, pair => Enum.Parse<PlatformEventKind>(pair.Value), StringComparer.Ordinal);
        _overrides = file.Overrides.ToDictionary(
            table => table.Key,
            table => table.Value.ToDictionary(pair => pair.Key, pair => Enum.Parse<OrderStatus>(pair.Value), StringComparer.Ordinal),
            StringComparer.Ordinal);
    }

    public Channel Channel { get; }

    /// <summary>Every platform order status the map knows.</summary>
    public IReadOnlyCollection<string> OrderStatuses => _orderStatuses.Keys;

    /// <summary>Every message type the map knows.</summary>
    public IReadOnlyCollection<string> EventTypes => _events.Keys;

    /// <summary>The map of one channel, loaded once from the assembly's resources.</summary>
    public static ChannelStatusMap For(Channel channel) => _all.Value[channel];

    public bool TryMapStatus(string platformStatus, out OrderStatus status) => _orderStatuses.TryGetValue(platformStatus, out status);

    public bool TryMapEvent(string eventType, out PlatformEventKind kind) => _events.TryGetValue(eventType, out kind);

    /// <summary>The status a refining field forces, e.g. table "refund_status", value "4" → Refunded.</summary>
    public bool TryOverride(string table, string value, out OrderStatus status)
    {
        status = default;
        return _overrides.TryGetValue(table, out Dictionary<string, OrderStatus>? overrides) && overrides.TryGetValue(value, out status);
    }

    private static IReadOnlyDictionary<Channel, ChannelStatusMap> LoadAll() =>
        Enum.GetValues<Channel>().ToDictionary(channel => channel, Load);

    private static ChannelStatusMap Load(Channel channel)
    {
        string resource = $"OrderActors.Connectors.StatusMaps.{channel.ToRouteName()}.json";
        using Stream stream = typeof(ChannelStatusMap).Assembly.GetManifestResourceStream(resource)
            ?? throw new InvalidOperationException($"The status map {resource} is missing.");
        MapFile file = JsonSerializer.Deserialize<MapFile>(stream, _json)
            ?? throw new InvalidOperationException($"The status map {resource} is empty.");
        return new ChannelStatusMap(channel, file);
    }

    private sealed record MapFile(
        Dictionary<string, string> OrderStatuses,
        Dictionary<string, string> Events,
        Dictionary<string, Dictionary<string, string>>? OverrideTables)
    {
        public Dictionary<string, Dictionary<string, string>> Overrides => OverrideTables ?? [];
    }
}

using System.Text.Json;
using OrderActors.Abstractions.Orders;
using OrderActors.Connectors.StatusMaps;

namespace OrderActors.Connectors.Reading;

/// <summary>The steps every connector shares: running a read without letting exceptions out, and events.</summary>
internal static class ConnectorKit
{
    /// <summary>Reads an order: rejections fail it, findings stay on the order (see <see cref="Mapping.OrderDraft"/>).</summary>
    public static ConnectorResult<NormalizedOrder> Order(JsonElement payload, Func<PayloadReader, NormalizedOrder?> read) =>
        Run(payload, read, findingsReject: false);

    /// <summary>
    /// Reads a status message: a message the hub cannot read whole tells it nothing, so every finding is a field
    /// error here (the platform gets a 400 and may send it again).
    /// </summary>
    public static ConnectorResult<PlatformEvent> Event(JsonElement payload, Func<PayloadReader, PlatformEvent?> read) =>
        Run(payload, read, findingsReject: true);

    private static ConnectorResult<T> Run<T>(JsonElement payload, Func<PayloadReader, T?> read, bool findingsReject)
        where T : class
    {
        var errors = new FieldErrors();
        PayloadReader root = PayloadReader.Root(payload, errors);
        T? value = null;
        if (!errors.Any)
        {
            try
            {
                value = read(root);
            }
            catch (OverflowException)
            {
                errors.Add("$", "amounts or quantities are too large to add up");
            }
        }
        if (findingsReject)
        {
            foreach (IntakeFinding finding in errors.Findings)
            {
                errors.Add(finding.Field, finding.Message);
            }
        }
        if (errors.Any || value is null)
        {
            if (!errors.Any)
            {
                errors.Add("$", "the payload could not be read");
            }
            return ConnectorResult<T>.Failure(errors.ToDictionary());
        }
        return ConnectorResult<T>.Success(value);
    }

    /// <summary>
    /// Builds an event after checking the message is about <paramref name="externalOrderId"/> and its type is in the
    /// channel's table; unknown types and foreign order ids are field errors.
    /// </summary>
    public static PlatformEvent? Event(
        ChannelStatusMap map, PayloadReader reader, string externalOrderId,
        (string Field, string? Value) orderId, (string Field, string? Value) eventType, DateTimeOffset? at, string? note = null)
    {
        if (orderId.Value is not null && !string.Equals(orderId.Value, externalOrderId, StringComparison.Ordinal))
        {
            reader.Fail(orderId.Field, $"the message is about order '{orderId.Value}', not '{externalOrderId}'");
            return null;
        }
        if (eventType.Value is null || at is null || orderId.Value is null)
        {
            return null;
        }
        if (!map.TryMapEvent(eventType.Value, out PlatformEventKind kind))
        {
            reader.Fail(eventType.Field, $"unknown {map.Channel.ToRouteName()} message type '{eventType.Value}'");
            return null;
        }
        return new PlatformEvent(map.Channel, externalOrderId, kind, eventType.Value, at.Value, note);
    }
}

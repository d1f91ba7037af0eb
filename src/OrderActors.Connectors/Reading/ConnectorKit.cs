using System.Text.Json;
using OrderActors.Abstractions.Common;
using OrderActors.Abstractions.Orders;
using OrderActors.Connectors.StatusMaps;
using OrderActors.Domain.Intake;

namespace OrderActors.Connectors.Reading;

/// <summary>The steps every connector shares: running a read without letting exceptions out, statuses, contacts, totals, events.</summary>
internal static class ConnectorKit
{
    /// <summary>Runs <paramref name="read"/> over the payload and turns what it recorded into a result.</summary>
    public static ConnectorResult<T> Run<T>(JsonElement payload, Func<PayloadReader, T?> read)
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

    /// <summary>Maps a platform order status through the channel's table; an unknown status is a field error.</summary>
    public static OrderStatus? MapStatus(ChannelStatusMap map, PayloadReader reader, string field, string? platformStatus)
    {
        if (platformStatus is null)
        {
            return null;
        }
        if (map.TryMapStatus(platformStatus, out OrderStatus status))
        {
            return status;
        }
        reader.Fail(field, $"unknown {map.Channel.ToRouteName()} order status '{platformStatus}'");
        return null;
    }

    /// <summary>
    /// The receiver as the platform gave them. A phone with asterisks, an extension or ciphertext markers is flagged
    /// masked and kept as is; a plain one is normalised ("+86 138-1234-5678" → "13812345678").
    /// </summary>
    public static Contact Contact(string name, string phone)
    {
        bool masked = PhoneNumbers.LooksMasked(phone);
        return new Contact(name.Trim(), masked ? phone.Trim() : PhoneNumbers.Normalize(phone), masked);
    }

    /// <summary>Σ unit price × quantity, checked against overflow.</summary>
    public static Money GoodsTotal(IEnumerable<NormalizedOrderLine> lines) =>
        lines.Aggregate(Money.Zero, (sum, line) => sum + line.UnitPrice * line.Quantity);

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

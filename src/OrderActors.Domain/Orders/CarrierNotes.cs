using OrderActors.Abstractions.Orders;

namespace OrderActors.Domain.Orders;

/// <summary>
/// How a carrier's update is written on an order's timeline (source <c>carrier:{code}</c>), and read back by whoever
/// shows it, so the format and its reader stay together.
/// </summary>
public static class CarrierNotes
{
    public const string SourcePrefix = "carrier:";

    public const string DeliveredNote = "carrier reports delivered (已签收)";

    public static string Source(string carrier) => SourcePrefix + carrier;

    public static string Describe(CarrierEvent e) => $"{e.Carrier} {e.TrackingNo}: {e.Kind}";

    /// <summary>True for an entry a carrier's feed wrote.</summary>
    public static bool IsCarrier(TimelineEntry entry) => entry.Source.StartsWith(SourcePrefix, StringComparison.Ordinal);

    /// <summary>What the carrier reported in an entry it wrote; null for any other entry.</summary>
    public static CarrierEventKind? KindOf(TimelineEntry entry)
    {
        if (!IsCarrier(entry) || entry.Note is not { } note)
        {
            return null;
        }
        if (note == DeliveredNote)
        {
            return CarrierEventKind.Delivered;
        }
        int colon = note.LastIndexOf(": ", StringComparison.Ordinal);
        return colon >= 0 && Enum.TryParse(note[(colon + 2)..], ignoreCase: false, out CarrierEventKind kind) && Enum.IsDefined(kind)
            ? kind
            : null;
    }
}

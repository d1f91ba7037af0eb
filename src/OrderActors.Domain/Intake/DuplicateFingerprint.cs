using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using OrderActors.Abstractions.Orders;

namespace OrderActors.Domain.Intake;

/// <summary>
/// A stable hash of what makes two orders "the same purchase": channel, buyer, normalised address and the
/// sorted (SKU, quantity) list. Order ids, times and amounts are left out on purpose: a buyer who pays twice
/// for the same basket produces two ids and two times.
/// </summary>
public static class DuplicateFingerprint
{
    /// <summary>Hex SHA-256 of the order's purchase identity.</summary>
    public static string Compute(NormalizedOrder order)
    {
        var text = new StringBuilder();
        text.Append(order.Channel.ToRouteName()).Append('\n');
        text.Append(Clean(order.BuyerId)).Append('\n');
        foreach (string part in new[] { order.ShippingAddress.Province, order.ShippingAddress.City, order.ShippingAddress.District, order.ShippingAddress.Detail })
        {
            text.Append(Clean(part)).Append('|');
        }
        text.Append('\n');
        IEnumerable<string> items = order.Lines
            .GroupBy(line => line.PlatformSkuId, StringComparer.Ordinal)
            .Select(group => string.Create(CultureInfo.InvariantCulture, $"{group.Key}x{group.Sum(line => line.Quantity)}"))
            .Order(StringComparer.Ordinal);
        text.AppendJoin(',', items);
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text.ToString())));
    }

    /// <summary>True when an order with the same fingerprint was seen within the window of this one.</summary>
    public static bool IsSuspectedDuplicate(DateTimeOffset? lastSeenAt, DateTimeOffset receivedAt, TimeSpan window) =>
        lastSeenAt is { } seen && (receivedAt - seen).Duration() <= window;

    private static string Clean(string text) =>
        string.Concat(text.Normalize(NormalizationForm.FormKC).Where(char.IsLetterOrDigit)).ToLowerInvariant();
}

using System.Globalization;
using System.Text.Json.Nodes;

namespace OrderActors.Silo.BrowserTests.Support;

/// <summary>An order to return part of: its id, and the units a partial return takes (two units, at least one left behind).</summary>
public sealed record ReturnableOrder(string OrderId, IReadOnlyList<(string Sku, int Quantity)> Units);

/// <summary>Arranging after-sales through the API, and what the admin UI should show of it.</summary>
public static class Returns
{
    private static readonly TimeZoneInfo Shanghai = TimeZoneInfo.FindSystemTimeZoneById("Asia/Shanghai");

    /// <summary>
    /// A shipped order with at least three paid units, and the two units to return from it. Prefers the demo's shipped
    /// orders; when there are none, ships an allocated one (carrier SF, tracking <c>SF-{n}</c>).
    /// </summary>
    public static async Task<ReturnableOrder> FindAsync(UiSession ui, int skip = 0)
    {
        foreach (string status in new[] { "Shipped", "Allocated" })
        {
            JsonArray items = (await ui.GetAsync($"/api/v1/orders?status={status}&pageSize=200"))["items"]!.AsArray();
            foreach (JsonNode? item in items)
            {
                string orderId = item!["orderId"]!.ToString();
                JsonNode order = await ui.GetAsync($"/api/v1/orders/{orderId}");
                IReadOnlyList<(string Sku, int Quantity)>? units = PartialUnits(order);
                if (units is null || skip-- > 0)
                {
                    continue;
                }
                if (status == "Allocated")
                {
                    await ui.PostAsync($"/api/v1/orders/{orderId}/ship", new { carrier = "SF", trackingNo = $"SF-{Guid.NewGuid():N}"[..16] });
                }
                return new ReturnableOrder(orderId, units);
            }
        }
        throw new InvalidOperationException("no shipped or allocated order with three paid units: seed more demo orders");
    }

    /// <summary>Two units of the order's paid lines (gifts left out), when it has at least three.</summary>
    private static IReadOnlyList<(string Sku, int Quantity)>? PartialUnits(JsonNode order)
    {
        var paid = order["lines"]!.AsArray()
            .Where(l => l!["sku"] is not null && l["unitPriceFen"]!.GetValue<long>() > 0)
            .Select(l => (Sku: l!["sku"]!.ToString(), Quantity: l["quantity"]!.GetValue<int>()))
            .ToList();
        if (paid.Sum(l => l.Quantity) < 3)
        {
            return null;
        }
        (string Sku, int Quantity) first = paid.MaxBy(l => l.Quantity);
        return first.Quantity >= 2 ? [(first.Sku, 2)] : [(paid[0].Sku, 1), (paid[1].Sku, 1)];
    }

    /// <summary>Starts a return through the API (what the viewer and conflict tests arrange) and answers the RMA.</summary>
    public static async Task<JsonNode> StartAsync(UiSession ui, ReturnableOrder order, string reasonText) =>
        await ui.PostAsync($"/api/v1/orders/{order.OrderId}/returns", new
        {
            kind = "return",
            lines = order.Units.Select(u => new { sku = u.Sku, quantity = u.Quantity }).ToArray(),
            reasonText,
        });

    /// <summary>Integer fen as the UI writes money: ¥1,234.50, from the integer alone.</summary>
    public static string Yuan(long fen)
    {
        long magnitude = Math.Abs(fen);
        string yuan = (magnitude / 100).ToString("#,0", CultureInfo.InvariantCulture);
        return $"{(fen < 0 ? "-" : "")}¥{yuan}.{magnitude % 100:D2}";
    }

    public static string Yuan(JsonNode? fen) => Yuan(fen!.GetValue<long>());

    /// <summary>A time as the UI shows it: the browser runs in Asia/Shanghai.</summary>
    public static string ChinaTime(JsonNode? at) =>
        TimeZoneInfo.ConvertTime(at!.GetValue<DateTimeOffset>(), Shanghai).ToString("yyyy/MM/dd HH:mm:ss", CultureInfo.InvariantCulture);
}

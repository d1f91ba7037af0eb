using System.Globalization;
using System.Text.Json.Nodes;

namespace OrderActors.Silo.BrowserTests.Support;

/// <summary>An order to return part of, and the units the return takes.</summary>
public sealed record ReturnableOrder(string OrderId, IReadOnlyList<(string Sku, int Quantity)> Units);

/// <summary>Arranging after-sales through the API, and what the admin UI should show of it.</summary>
public static class Returns
{
    private static readonly TimeZoneInfo Shanghai = TimeZoneInfo.FindSystemTimeZoneById("Asia/Shanghai");

    /// <summary>
    /// The demo's 满300减50 order of tea, a cup and a towel set given with the tea (赠品, price 0), delivered: returning the
    /// tea and the cup keeps the gift, so the refund deducts it.
    /// </summary>
    public static async Task<ReturnableOrder> WithGiftAsync(UiSession ui)
    {
        JsonNode order = await DemoOrderAsync(ui, lines => lines.Any(l => l!["unitPriceFen"]!.GetValue<long>() == 0));
        return new ReturnableOrder(order["orderId"]!.ToString(), order["lines"]!.AsArray()
            .Where(l => l!["unitPriceFen"]!.GetValue<long>() > 0)
            .Select(l => (l!["sku"]!.ToString(), l["quantity"]!.GetValue<int>()))
            .ToList());
    }

    /// <summary>The demo's 满300减50 order of two night stands, delivered; one of them goes back.</summary>
    public static async Task<ReturnableOrder> OneOfTwoAsync(UiSession ui)
    {
        JsonNode order = await DemoOrderAsync(ui, lines => lines.Count == 1 && lines[0]!["quantity"]!.GetValue<int>() == 2);
        return new ReturnableOrder(order["orderId"]!.ToString(), [(order["lines"]![0]!["sku"]!.ToString(), 1)]);
    }

    /// <summary>One of the delivered orders the demo places for after-sales (the rest of the demo never gets that far).</summary>
    private static async Task<JsonNode> DemoOrderAsync(UiSession ui, Func<JsonArray, bool> fits)
    {
        JsonArray delivered = (await ui.GetAsync("/api/v1/orders?status=Delivered&pageSize=200"))["items"]!.AsArray();
        foreach (JsonNode? item in delivered)
        {
            JsonNode order = await ui.GetAsync($"/api/v1/orders/{item!["orderId"]}");
            if (fits(order["lines"]!.AsArray()))
            {
                return order;
            }
        }
        throw new InvalidOperationException($"none of the {delivered.Count} delivered orders fits: did the demo place its after-sales orders?");
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

using System.Text.Json.Nodes;
using OrderActors.LoadTest.Traffic;

namespace OrderActors.LoadTest.Hub;

/// <summary>The parts of the audit that read the hub's own views: inventory per SKU, GET /api/v1/audit and the dashboard.</summary>
public sealed partial class HubAudit
{
    private async Task<(int Violations, List<string> Samples)> CheckInventoryAsync(Catalog catalog, StockPlan stock, CancellationToken cancellationToken)
    {
        var samples = new List<string>();
        int violations = 0;
        foreach (CatalogSku sku in catalog.ByRank)
        {
            HubResponse response = await client.GetAsync($"/api/v1/inventory/{Uri.EscapeDataString(sku.Sku)}", cancellationToken);
            if (!response.IsSuccess || response.Body?["warehouses"] is not JsonArray warehouses)
            {
                violations++;
                samples.Add($"{sku.Sku}: inventory unreadable ({response.Problem})");
                continue;
            }
            foreach (JsonNode? row in warehouses)
            {
                string warehouse = (string?)row?["warehouseId"] ?? "?";
                long onHand = row?["onHand"]?.GetValue<long>() ?? 0;
                long reserved = row?["reserved"]?.GetValue<long>() ?? 0;
                long available = row?["available"]?.GetValue<long>() ?? 0;
                if (reserved < 0 || onHand < 0 || reserved > onHand || available < 0 || onHand > stock.OnHand(warehouse, sku.Sku))
                {
                    violations++;
                    samples.Add($"{sku.Sku}@{warehouse}: onHand {onHand}, reserved {reserved}, available {available}, stocked {stock.OnHand(warehouse, sku.Sku)}");
                }
            }
        }
        return (violations, samples.Take(SampleLimit).ToList());
    }

    private async Task<ServerReport> ReadServerReportAsync(CancellationToken cancellationToken)
    {
        HubResponse audit = await client.GetAsync("/api/v1/audit", cancellationToken);
        HubResponse dashboard = await client.GetAsync("/api/v1/dashboard", cancellationToken);
        JsonObject? a = audit.IsSuccess ? audit.Body as JsonObject : null;
        JsonObject? d = dashboard.IsSuccess ? dashboard.Body as JsonObject : null;
        List<string> violations = (a?["violations"] as JsonArray ?? [])
            .Select(violation => $"{(string?)violation?["kind"]} {(string?)violation?["subject"]}: {(string?)violation?["detail"]}")
            .ToList();
        return new ServerReport(
            a?["ok"]?.GetValue<bool>(),
            Long(a?["oversold"]),
            Long(a?["negativeStock"]),
            Long(a?["checkedBuckets"]),
            a is null ? null : violations.Count,
            violations.Take(SampleLimit).ToList(),
            Long(d?["reroutes"]),
            Long(d?["oversold"]),
            Counts(d?["holdsByCode"]),
            Counts(d?["ordersByStatus"]));
    }

    private static long? Long(JsonNode? node) => node is JsonValue value && value.TryGetValue(out long number) ? number : null;

    private static IReadOnlyDictionary<string, long> Counts(JsonNode? node) =>
        node is JsonObject map
            ? map.Where(pair => Long(pair.Value) is not null).ToDictionary(pair => pair.Key, pair => Long(pair.Value)!.Value)
            : new Dictionary<string, long>();
}

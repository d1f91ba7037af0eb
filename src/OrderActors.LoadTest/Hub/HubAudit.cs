using System.Collections.Concurrent;
using OrderActors.Abstractions.Orders;
using OrderActors.LoadTest.Engine;
using OrderActors.LoadTest.Traffic;

namespace OrderActors.LoadTest.Hub;

/// <summary>
/// Reads everything back after the traffic and checks it: no acknowledged order lost, every status consistent
/// with what the traffic did, no SKU allocated beyond the stock it was given, inventory never negative, and the
/// hub's own audit clean.
/// </summary>
public sealed partial class HubAudit(HubClient client, int parallelism)
{
    private const int SampleLimit = 10;
    private const int ReadAttempts = 3;

    public async Task<HubAuditResult> RunAsync(OrderLedger ledger, Catalog catalog, StockPlan stock, AuditContext context, CancellationToken cancellationToken)
    {
        IReadOnlyList<OrderReadback> orders = await ReadOrdersAsync(ledger.Entries.ToList(), cancellationToken);
        (long oversold, List<string> oversoldSamples) = OversoldFromAllocations(orders, stock);
        (int inventoryViolations, List<string> inventorySamples) = await CheckInventoryAsync(catalog, stock, cancellationToken);
        ServerReport server = await ReadServerReportAsync(cancellationToken);

        int notFound = orders.Count(order => order.StatusCode == 404);
        int unreadable = orders.Count(order => !order.Found && order.StatusCode != 404);
        List<string> mismatches = orders.Where(order => order.Found)
            .Select(order => order.Mismatch() is { } why ? $"{order.Entry.OrderId}: {why}" : null)
            .OfType<string>()
            .ToList();
        Dictionary<string, int> statusCounts = orders.Where(order => order.Found)
            .GroupBy(order => order.RawStatus ?? "?")
            .ToDictionary(group => group.Key, group => group.Count());

        var lines = new List<AuditLine>
        {
            new("lost", notFound + unreadable == 0, $"{orders.Count} acknowledged orders read back: {notFound} not found, {unreadable} unreadable"),
            new("statuses", mismatches.Count == 0, $"{mismatches.Count} orders whose status contradicts the traffic"),
            new("drained", context.Drained, context.Drained ? $"backlog settled {context.DrainSeconds:F1} s after the last phase" : "backlog not settled before the drain timeout"),
            new("oversold", oversold == 0, $"{oversold} units allocated beyond the stock given (from the orders' own allocations)"),
            new("inventory", inventoryViolations == 0, $"{inventoryViolations} stock rows with reserved > on hand, available < 0 or more on hand than stocked"),
            new("hub-audit", server.AuditOk == true && server.AuditOversold is null or 0 && server.AuditNegativeStock is null or 0,
                $"GET /api/v1/audit: ok={Show(server.AuditOk)}, oversold={Show(server.AuditOversold)}, negativeStock={Show(server.AuditNegativeStock)}, violations={Show(server.Violations)}"),
            new("reposts", ledger.RepostsAnsweredNew == 0,
                $"{ledger.RepostsAnsweredDuplicate} re-posts answered duplicate, {ledger.RepostsAnsweredNew} taken as new orders"),
            new("requests", context.Rejected == 0,
                $"{context.Rejected} requests refused as malformed or unknown (4xx other than 409 and 429); {context.RateLimited} turned away by the hub's rate limit (429), counted apart"),
        };
        return new HubAuditResult(
            orders.Count, notFound, unreadable, mismatches.Count, mismatches.Take(SampleLimit).ToList(), statusCounts,
            oversold, oversoldSamples, inventoryViolations, inventorySamples, server, lines);
    }

    private async Task<IReadOnlyList<OrderReadback>> ReadOrdersAsync(IReadOnlyList<LedgerEntry> entries, CancellationToken cancellationToken)
    {
        var results = new ConcurrentBag<OrderReadback>();
        await Parallel.ForEachAsync(
            entries,
            new ParallelOptions { MaxDegreeOfParallelism = parallelism, CancellationToken = cancellationToken },
            async (entry, token) => results.Add(await ReadOrderAsync(entry, token)));
        return results.ToList();
    }

    private async Task<OrderReadback> ReadOrderAsync(LedgerEntry entry, CancellationToken cancellationToken)
    {
        string path = $"/api/v1/orders/{Uri.EscapeDataString(entry.OrderId)}";
        HubResponse? last = null;
        for (int attempt = 0; attempt < ReadAttempts; attempt++)
        {
            try
            {
                last = await client.GetAsync(path, cancellationToken);
                if (last.IsSuccess || last.StatusCode == 404)
                {
                    break;
                }
            }
            catch (Exception exception) when (exception is HttpRequestException or TaskCanceledException && !cancellationToken.IsCancellationRequested)
            {
                last = null;
            }
            await Task.Delay(TimeSpan.FromMilliseconds(200 * (attempt + 1)), cancellationToken);
        }
        return OrderReadback.Parse(entry, last ?? new HubResponse(0, null));
    }

    /// <summary>Σ allocated quantity per SKU and warehouse over orders holding stock, against the units given at setup.</summary>
    private static (long Units, List<string> Samples) OversoldFromAllocations(IReadOnlyList<OrderReadback> orders, StockPlan stock)
    {
        Dictionary<(string Sku, string WarehouseId), long> allocated = orders
            .Where(order => order.Status is { } status && OrderReadback.HoldingStock.Contains(status))
            .SelectMany(order => order.Allocations)
            .GroupBy(allocation => (allocation.Sku, allocation.WarehouseId))
            .ToDictionary(group => group.Key, group => group.Sum(allocation => (long)allocation.Quantity));
        List<((string Sku, string WarehouseId) Key, long Over, long Allocated)> over = allocated
            .Select(pair => (pair.Key, Over: pair.Value - stock.OnHand(pair.Key.WarehouseId, pair.Key.Sku), Allocated: pair.Value))
            .Where(item => item.Over > 0)
            .ToList();
        return (over.Sum(item => item.Over),
            over.Take(SampleLimit).Select(item => $"{item.Key.Sku}@{item.Key.WarehouseId}: {item.Allocated} allocated, {stock.OnHand(item.Key.WarehouseId, item.Key.Sku)} stocked").ToList());
    }

    private static string Show<T>(T? value) where T : struct => value?.ToString() ?? "n/a";

    private static string Show(bool? value) => value?.ToString().ToLowerInvariant() ?? "n/a";
}

/// <summary>What the audit needs from the traffic run: whether the backlog drained, how many requests were refused and how many rate-limited.</summary>
public sealed record AuditContext(bool Drained, double? DrainSeconds, long Rejected, long RateLimited);

using System.Globalization;
using Npgsql;
using OrderActors.LoadTest.Engine;
using OrderActors.LoadTest.Hub;

namespace OrderActors.LoadTest.Naive;

/// <summary>The same correctness questions asked of the naive baseline's tables.</summary>
public sealed record NaiveAuditResult(
    int Acknowledged,
    int Lost,
    int StatusMismatches,
    long OversoldUnits,
    int NegativeStockRows,
    int InconsistentStockRows,
    IReadOnlyDictionary<string, int> StatusCounts,
    IReadOnlyList<AuditLine> Lines)
{
    public bool Passed => Lines.All(line => line.Passed);
}

/// <summary>
/// Audits the baseline: every acknowledged order present with the status the traffic implies, no stock row below
/// zero, no SKU reserved beyond what was stocked, and every row's on-hand equal to stocked minus what live
/// orders hold.
/// </summary>
public static class NaiveAudit
{
    public static async Task<NaiveAuditResult> RunAsync(NpgsqlDataSource dataSource, OrderLedger ledger, CancellationToken cancellationToken)
    {
        await using NpgsqlConnection connection = await dataSource.OpenConnectionAsync(cancellationToken);
        LedgerEntry[] entries = ledger.Entries.ToArray();
        Dictionary<string, string> statuses = await StatusesAsync(connection, entries.Select(entry => entry.OrderId).ToArray(), cancellationToken);
        int lost = entries.Count(entry => !statuses.ContainsKey(entry.OrderId));
        int mismatches = entries.Count(entry => statuses.TryGetValue(entry.OrderId, out string? status) && !Agrees(entry, status));
        long oversold = await ScalarAsync(connection,
            """
            SELECT coalesce(sum(greatest(0, h.held - s.stocked)), 0)::bigint
            FROM naive_baseline.stock s
            JOIN (SELECT o.warehouse_id, l.sku, sum(l.quantity) AS held
                  FROM naive_baseline.orders o JOIN naive_baseline.order_lines l USING (order_id)
                  WHERE o.status = 'reserved' GROUP BY o.warehouse_id, l.sku) h
              ON h.warehouse_id = s.warehouse_id AND h.sku = s.sku
            """, cancellationToken);
        long negative = await ScalarAsync(connection, "SELECT count(*) FROM naive_baseline.stock WHERE on_hand < 0", cancellationToken);
        long inconsistent = await ScalarAsync(connection,
            """
            SELECT count(*) FROM naive_baseline.stock s
            LEFT JOIN (SELECT o.warehouse_id, l.sku, sum(l.quantity) AS held
                       FROM naive_baseline.orders o JOIN naive_baseline.order_lines l USING (order_id)
                       WHERE o.status = 'reserved' GROUP BY o.warehouse_id, l.sku) h
              ON h.warehouse_id = s.warehouse_id AND h.sku = s.sku
            WHERE s.on_hand <> s.stocked - coalesce(h.held, 0)
            """, cancellationToken);
        var lines = new List<AuditLine>
        {
            new("lost", lost == 0, $"{entries.Length} acknowledged orders: {lost} missing"),
            new("statuses", mismatches == 0, $"{mismatches} orders whose status contradicts the traffic"),
            new("oversold", oversold == 0, $"{oversold} units reserved beyond the stock given"),
            new("inventory", negative == 0 && inconsistent == 0, $"{negative} rows below zero, {inconsistent} rows whose on-hand ≠ stocked − held"),
        };
        Dictionary<string, int> counts = statuses.Values.GroupBy(status => status).ToDictionary(group => group.Key, group => group.Count());
        return new NaiveAuditResult(entries.Length, lost, mismatches, oversold, (int)negative, (int)inconsistent, counts, lines);
    }

    private static bool Agrees(LedgerEntry entry, string status) =>
        entry.Uncertain
        || (entry.Cancelled ? status == "cancelled" : entry.Paid ? status is "reserved" or "out_of_stock" : status == "pending_payment");

    private static async Task<Dictionary<string, string>> StatusesAsync(NpgsqlConnection connection, string[] orderIds, CancellationToken cancellationToken)
    {
        await using var select = new NpgsqlCommand("SELECT order_id, status FROM naive_baseline.orders WHERE order_id = ANY($1)", connection);
        select.Parameters.Add(new NpgsqlParameter { Value = orderIds });
        var statuses = new Dictionary<string, string>(StringComparer.Ordinal);
        await using NpgsqlDataReader reader = await select.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            statuses[reader.GetString(0)] = reader.GetString(1);
        }
        return statuses;
    }

    private static async Task<long> ScalarAsync(NpgsqlConnection connection, string sql, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand(sql, connection);
        return Convert.ToInt64(await command.ExecuteScalarAsync(cancellationToken), CultureInfo.InvariantCulture);
    }
}

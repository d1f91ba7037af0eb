using Npgsql;
using NpgsqlTypes;
using OrderActors.Abstractions.Orders;
using OrderActors.LoadTest.Traffic;

namespace OrderActors.LoadTest.Naive;

/// <summary>The baseline's SQL, one plain statement per step, the way it is usually written by hand.</summary>
public sealed partial class NaiveSqlTarget
{
    /// <summary>Locks the order's stock rows at one warehouse; decrements them all when every one has enough.</summary>
    private static async Task<bool> TryReserveAsync(NpgsqlConnection connection, string warehouse, IReadOnlyList<PlanLine> lines, CancellationToken cancellationToken)
    {
        Dictionary<string, int> wanted = lines.GroupBy(line => line.Sku.Sku).ToDictionary(group => group.Key, group => group.Sum(line => line.Quantity));
        string[] skus = wanted.Keys.Order(StringComparer.Ordinal).ToArray();
        var onHand = new Dictionary<string, int>(StringComparer.Ordinal);
        await using (var select = new NpgsqlCommand(
            "SELECT sku, on_hand FROM naive_baseline.stock WHERE warehouse_id = $1 AND sku = ANY($2) ORDER BY sku FOR UPDATE", connection))
        {
            select.Parameters.Add(new NpgsqlParameter { Value = warehouse });
            select.Parameters.Add(new NpgsqlParameter { Value = skus });
            await using NpgsqlDataReader reader = await select.ExecuteReaderAsync(cancellationToken);
            while (await reader.ReadAsync(cancellationToken))
            {
                onHand[reader.GetString(0)] = reader.GetInt32(1);
            }
        }
        if (skus.Any(sku => onHand.GetValueOrDefault(sku) < wanted[sku]))
        {
            return false;
        }
        await using var update = new NpgsqlCommand(
            "UPDATE naive_baseline.stock AS s SET on_hand = s.on_hand - d.quantity FROM unnest($2::text[], $3::int[]) AS d(sku, quantity) WHERE s.warehouse_id = $1 AND s.sku = d.sku",
            connection);
        update.Parameters.Add(new NpgsqlParameter { Value = warehouse });
        update.Parameters.Add(new NpgsqlParameter { Value = skus });
        update.Parameters.Add(new NpgsqlParameter { Value = skus.Select(sku => wanted[sku]).ToArray() });
        await update.ExecuteNonQueryAsync(cancellationToken);
        return true;
    }

    /// <summary>Gives a reserved order's units back to the warehouse it was reserved at.</summary>
    private static async Task ReleaseAsync(NpgsqlConnection connection, string orderId, CancellationToken cancellationToken)
    {
        await using var release = new NpgsqlCommand(
            """
            UPDATE naive_baseline.stock AS s SET on_hand = s.on_hand + l.quantity
            FROM (SELECT o.warehouse_id, ol.sku, sum(ol.quantity)::int AS quantity
                  FROM naive_baseline.orders o JOIN naive_baseline.order_lines ol USING (order_id)
                  WHERE o.order_id = $1 GROUP BY o.warehouse_id, ol.sku ORDER BY ol.sku) AS l
            WHERE s.warehouse_id = l.warehouse_id AND s.sku = l.sku
            """,
            connection);
        release.Parameters.Add(new NpgsqlParameter { Value = orderId });
        await release.ExecuteNonQueryAsync(cancellationToken);
    }

    /// <summary>Inserts the order and its lines; false when the order id is already there (a re-post).</summary>
    private static async Task<bool> InsertOrderAsync(NpgsqlConnection connection, OrderPlan plan, string status, string? warehouse, CancellationToken cancellationToken)
    {
        await using (var order = new NpgsqlCommand(
            """
            INSERT INTO naive_baseline.orders (order_id, channel, external_order_id, buyer_id, status, warehouse_id, goods_fen, discount_fen,
                shipping_fen, paid_fen, province, city, district, created_at, updated_at)
            VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, now())
            ON CONFLICT (order_id) DO NOTHING
            """,
            connection))
        {
            MainlandPlace place = plan.Receiver.Place;
            object?[] values =
            [
                plan.OrderId, plan.Channel.ToRouteName(), plan.ExternalOrderId, plan.Receiver.BuyerId, status, warehouse, plan.GoodsFen,
                plan.LineDiscountsFen + plan.OrderDiscountFen, plan.ShippingFen, plan.PaidFen, place.Province, place.City, place.District, plan.CreatedAt,
            ];
            foreach (object? value in values)
            {
                order.Parameters.Add(value is null ? new NpgsqlParameter { Value = DBNull.Value, NpgsqlDbType = NpgsqlDbType.Text } : new NpgsqlParameter { Value = value });
            }
            if (await order.ExecuteNonQueryAsync(cancellationToken) == 0)
            {
                return false;
            }
        }
        await using var lines = new NpgsqlCommand(
            """
            INSERT INTO naive_baseline.order_lines (order_id, line_no, sku, quantity, unit_price_fen, discount_fen)
            SELECT $1, n, s, q, p, d FROM unnest($2::int[], $3::text[], $4::int[], $5::bigint[], $6::bigint[]) AS t(n, s, q, p, d)
            """,
            connection);
        lines.Parameters.Add(new NpgsqlParameter { Value = plan.OrderId });
        lines.Parameters.Add(new NpgsqlParameter { Value = Enumerable.Range(1, plan.Lines.Count).ToArray() });
        lines.Parameters.Add(new NpgsqlParameter { Value = plan.Lines.Select(line => line.Sku.Sku).ToArray() });
        lines.Parameters.Add(new NpgsqlParameter { Value = plan.Lines.Select(line => line.Quantity).ToArray() });
        lines.Parameters.Add(new NpgsqlParameter { Value = plan.Lines.Select(line => line.Sku.UnitPriceFen).ToArray() });
        lines.Parameters.Add(new NpgsqlParameter { Value = plan.Lines.Select(line => line.LineDiscountFen).ToArray() });
        await lines.ExecuteNonQueryAsync(cancellationToken);
        return true;
    }

    /// <summary>Locks an order row and returns its status; null when there is no such order.</summary>
    private static async Task<string?> LockOrderAsync(NpgsqlConnection connection, string orderId, CancellationToken cancellationToken)
    {
        await using var select = new NpgsqlCommand("SELECT status FROM naive_baseline.orders WHERE order_id = $1 FOR UPDATE", connection);
        select.Parameters.Add(new NpgsqlParameter { Value = orderId });
        return await select.ExecuteScalarAsync(cancellationToken) as string;
    }

    private static async Task SetStatusAsync(NpgsqlConnection connection, string orderId, string status, string? warehouse, CancellationToken cancellationToken)
    {
        await using var update = new NpgsqlCommand(
            "UPDATE naive_baseline.orders SET status = $2, warehouse_id = coalesce($3, warehouse_id), updated_at = now() WHERE order_id = $1", connection);
        update.Parameters.Add(new NpgsqlParameter { Value = orderId });
        update.Parameters.Add(new NpgsqlParameter { Value = status });
        update.Parameters.Add(new NpgsqlParameter { Value = (object?)warehouse ?? DBNull.Value, NpgsqlDbType = NpgsqlDbType.Text });
        await update.ExecuteNonQueryAsync(cancellationToken);
    }
}

using OrderActors.Abstractions.AfterSales;
using OrderActors.Abstractions.Catalog;
using OrderActors.Abstractions.Common;
using OrderActors.Abstractions.Orders;
using OrderActors.Abstractions.Stock;
using OrderActors.Domain.Orders;
using Orleans;
using Orleans.Runtime;

namespace OrderActors.Grains.Audit;

/// <summary>
/// Checks a tenant's stock against its orders, both ways: every bucket is non-negative, not oversold, and
/// its reserved count equals the sum of its reservations; every reservation is held by an order that
/// still holds stock and lists it; every order holding stock has each of its reservations in its bucket
/// and all of its quantity reserved. Meant for a quiet moment (end of a test or a load run): under
/// traffic an order between two writes can look inconsistent for an instant.
/// </summary>
public sealed class InventoryAudit(IGrainFactory grains, TimeProvider time)
{
    public async Task<AuditReport> RunAsync(string tenant, IEnumerable<string>? alsoCheckOrders = null)
    {
        ICatalogGrain catalog = grains.GetGrain<ICatalogGrain>(Keys.Tenant(tenant));
        IReadOnlyList<SkuInfo> skus = await catalog.ListSkusAsync();
        IReadOnlyList<string>[] stockedAt = await Task.WhenAll(skus.Select(s => catalog.WarehousesOfAsync(s.Sku)));
        List<ISkuStockGrain> stocks = skus.SelectMany((s, i) => stockedAt[i].Select(wh => grains.GetGrain<ISkuStockGrain>(Keys.Stock(tenant, s.Sku, wh)))).ToList();
        IReadOnlyList<BucketSnapshot>[] perStock = await Task.WhenAll(stocks.Select(s => s.GetBucketsAsync()));
        List<BucketSnapshot> buckets = perStock.SelectMany(b => b).ToList();
        StockReturns[] returns = await Task.WhenAll(stocks.Select(s => s.GetReturnsAsync()));
        List<string> rmaIds = returns.SelectMany(r => r.Expected.Keys.Concat(r.Received.Keys)).Distinct().ToList();
        RmaRecord?[] rmas = await Task.WhenAll(rmaIds.Select(id => grains.GetGrain<IRmaGrain>(Keys.Rma(tenant, id)).GetAsync()));
        var rmaById = rmaIds.Zip(rmas).ToDictionary(x => x.First, x => x.Second);

        var violations = new List<AuditViolation>();
        foreach (BucketSnapshot bucket in buckets)
        {
            CheckBucket(bucket, violations);
        }
        var reservations = buckets.SelectMany(b => b.Reservations.Select(r => (Bucket: b, Reservation: r)))
            .ToDictionary(x => x.Reservation.ReservationId);
        List<string> orderIds = reservations.Values.Select(x => x.Reservation.OrderId)
            .Concat(rmas.OfType<RmaRecord>().Select(r => r.OrderId))
            .Concat(alsoCheckOrders ?? []).Distinct().ToList();
        OrderRecord?[] orders = await Task.WhenAll(orderIds.Select(id => grains.GetGrain<IOrderGrain>(Keys.Order(tenant, id)).GetAsync()));
        var byId = orderIds.Zip(orders).ToDictionary(x => x.First, x => x.Second);

        foreach ((BucketSnapshot bucket, Reservation reservation) in reservations.Values)
        {
            CheckHeld(bucket, reservation, byId.GetValueOrDefault(reservation.OrderId), violations);
        }
        foreach (OrderRecord order in byId.Values.OfType<OrderRecord>().Where(o => OrderLifecycle.HoldsStock(o.Status)))
        {
            CheckOrder(order, reservations, violations);
        }
        foreach (StockReturns stock in returns)
        {
            CheckReturns(stock, rmaById, violations);
        }
        foreach (OrderRecord order in byId.Values.OfType<OrderRecord>().Where(o => !o.Returns.IsEmpty))
        {
            CheckRefunds(order, violations);
        }
        int oversold = buckets.Count(b => b.Reserved > b.OnHand);
        int negative = buckets.Count(b => b.OnHand < 0 || b.Reserved < 0);
        return new AuditReport(violations.Count == 0, buckets.Count, byId.Count, oversold, negative, violations, time.GetUtcNow());
    }

    /// <summary>
    /// Units expected back are exactly those of RMAs approved and not yet received; every receipt matches what its RMA
    /// says came back; the damaged count is the sum of the damaged units received.
    /// </summary>
    private static void CheckReturns(StockReturns stock, IReadOnlyDictionary<string, RmaRecord?> rmas, List<AuditViolation> violations)
    {
        string subject = $"{stock.Sku}@{stock.WarehouseId}";
        foreach ((string rmaId, int quantity) in stock.Expected)
        {
            RmaRecord? rma = rmas.GetValueOrDefault(rmaId);
            int asked = rma?.Lines.Where(l => l.Sku == stock.Sku && l.WarehouseId == stock.WarehouseId).Sum(l => l.Quantity) ?? 0;
            if (rma is not { Status: RmaStatus.Approved } || asked != quantity)
            {
                violations.Add(new AuditViolation("expected_return_mismatch", subject,
                    $"expects {quantity} back from {rmaId}, which is {rma?.Status.ToString() ?? "missing"} asking {asked}"));
            }
        }
        foreach ((string rmaId, ReturnReceipt receipt) in stock.Received)
        {
            RmaRecord? rma = rmas.GetValueOrDefault(rmaId);
            var lines = rma?.Lines.Where(l => l.Sku == stock.Sku && l.WarehouseId == stock.WarehouseId).ToList() ?? [];
            if (rma is null || rma.Status is RmaStatus.Requested or RmaStatus.Approved or RmaStatus.Rejected
                || lines.Sum(l => l.ReceivedQuantity) != receipt.Good || lines.Sum(l => l.DamagedQuantity) != receipt.Damaged)
            {
                violations.Add(new AuditViolation("return_receipt_mismatch", subject,
                    $"received {receipt.Good} good + {receipt.Damaged} damaged for {rmaId}, which is {rma?.Status.ToString() ?? "missing"} recording {lines.Sum(l => l.ReceivedQuantity)} + {lines.Sum(l => l.DamagedQuantity)}"));
            }
        }
        int damaged = stock.Received.Values.Sum(r => r.Damaged);
        if (damaged != stock.Damaged)
        {
            violations.Add(new AuditViolation("damaged_mismatch", subject, $"damaged {stock.Damaged} but its receipts add up to {damaged}"));
        }
    }

    /// <summary>No line is claimed back beyond what was bought, and the refunds never add up to more than was paid.</summary>
    private static void CheckRefunds(OrderRecord order, List<AuditViolation> violations)
    {
        foreach (OrderLineRecord line in order.Lines)
        {
            int claimed = order.Returns.Where(c => c.Counts).SelectMany(c => c.Units).Where(u => u.LineNo == line.LineNo).Sum(u => u.Quantity);
            if (claimed > line.Quantity)
            {
                violations.Add(new AuditViolation("over_returned", order.OrderId, $"line {line.LineNo}: {claimed} claimed back of {line.Quantity} bought"));
            }
        }
        long refunded = order.Returns.Where(c => c.Status is RmaStatus.Refunded or RmaStatus.Closed).Sum(c => c.Quote.Total.Fen);
        if (refunded > order.AmountPaid.Fen)
        {
            violations.Add(new AuditViolation("over_refunded", order.OrderId, $"refunded {refunded} fen of {order.AmountPaid.Fen} paid"));
        }
    }

    private static void CheckBucket(BucketSnapshot b, List<AuditViolation> violations)
    {
        string subject = $"{b.Sku}@{b.WarehouseId}#{b.Bucket}";
        if (b.OnHand < 0 || b.Reserved < 0)
        {
            violations.Add(new AuditViolation("negative_stock", subject, $"on hand {b.OnHand}, reserved {b.Reserved}"));
        }
        if (b.Reserved > b.OnHand)
        {
            violations.Add(new AuditViolation("oversold", subject, $"reserved {b.Reserved} > on hand {b.OnHand}"));
        }
        int sum = b.Reservations.Sum(r => r.Quantity);
        if (sum != b.Reserved)
        {
            violations.Add(new AuditViolation("reserved_mismatch", subject, $"reserved {b.Reserved} but its reservations sum to {sum}"));
        }
    }

    private static void CheckHeld(BucketSnapshot bucket, Reservation reservation, OrderRecord? order, List<AuditViolation> violations)
    {
        string subject = $"{reservation.ReservationId} in {bucket.Sku}@{bucket.WarehouseId}#{bucket.Bucket}";
        if (order is null)
        {
            violations.Add(new AuditViolation("orphan_reservation", subject, $"order {reservation.OrderId} does not exist"));
        }
        else if (!OrderLifecycle.HoldsStock(order.Status))
        {
            violations.Add(new AuditViolation("orphan_reservation", subject, $"order {order.OrderId} is {order.Status} and holds no stock"));
        }
        else if (!order.Allocations.Any(a => a.ReservationId == reservation.ReservationId && a.Quantity == reservation.Quantity && a.Bucket == bucket.Bucket))
        {
            violations.Add(new AuditViolation("orphan_reservation", subject, $"order {order.OrderId} does not list it"));
        }
    }

    private static void CheckOrder(
        OrderRecord order, IReadOnlyDictionary<string, (BucketSnapshot Bucket, Reservation Reservation)> reservations, List<AuditViolation> violations)
    {
        foreach (StockAllocation allocation in order.Allocations)
        {
            if (!reservations.TryGetValue(allocation.ReservationId, out var held) || held.Reservation.Quantity != allocation.Quantity)
            {
                violations.Add(new AuditViolation("missing_reservation", order.OrderId,
                    $"lists {allocation.ReservationId} ({allocation.Quantity} of {allocation.Sku} at {allocation.WarehouseId}) but its bucket does not hold it"));
            }
        }
        foreach (OrderLineRecord line in order.Lines.Where(l => l.AllocatedQuantity != l.Quantity))
        {
            violations.Add(new AuditViolation("partial_allocation", order.OrderId, $"line {line.LineNo}: {line.AllocatedQuantity} of {line.Quantity} reserved"));
        }
    }
}

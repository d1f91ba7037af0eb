using OrderActors.Abstractions.AfterSales;
using OrderActors.Abstractions.Common;
using OrderActors.Abstractions.Errors;
using OrderActors.Abstractions.Orders;
using OrderActors.Abstractions.Stock;
using OrderActors.Grains.Tests.Support;

namespace OrderActors.Grains.Tests;

/// <summary>
/// Many RMAs at once, with steps cut off half-way, then an audit of the final state: nothing claimed beyond what was
/// bought, refunds never above what was paid, every good unit received exactly once on hand, damaged units apart.
/// </summary>
public sealed class ReturnStormTests
{
    private const int Orders = 12;

    [Fact]
    public async Task ConcurrentReturnsWithFailingStepsLeaveStockAndRefundsExact()
    {
        var faults = new CallFaults();
        await using HubCluster hub = await HubCluster.StartAsync(faults: faults);
        await hub.Setup.WarehouseAsync("WH-HZ", HubSetup.Hangzhou);
        await hub.Setup.SkuAsync("CUP", buckets: 4);
        await hub.Setup.StockAsync("WH-HZ", "CUP", 200);
        await hub.Setup.MapAsync(Channel.Taobao, "tb-cup", "CUP");
        List<OrderBuilder> orders = Enumerable.Range(0, Orders).Select(i => new OrderBuilder($"storm-{i}").Buyer($"b{i}").Line("tb-cup", 4, 9900)).ToList();
        await Task.WhenAll(orders.Select(o => hub.Order(o.OrderId).SubmitAsync(o.Build(), hub.Clock.GetUtcNow())));
        await hub.SettleAsync(orders.Select(o => o.OrderId));
        await Task.WhenAll(orders.Select(o => hub.Order(o.OrderId).ShipAsync("SF", $"SF-{o.OrderId}", "operator:alice")));
        int onHandShipped = (await hub.Setup.LevelAsync("WH-HZ", "CUP")).OnHand;
        faults.Fail("ReceiveReturnAsync", _ => true, times: 5);
        faults.Fail("ReturnMovedAsync", _ => true, times: 5);

        // Per order: three racing requests of two units each (only two fit), then every step, retried until it lands.
        (int Good, int Damaged)[] results = await Task.WhenAll(orders.Select((o, i) => Task.Run(() => StormAsync(hub, o.OrderId, i))));

        StockLevel level = await hub.Setup.LevelAsync("WH-HZ", "CUP");
        Assert.Equal(onHandShipped + results.Sum(r => r.Good), level.OnHand);
        Assert.Equal(results.Sum(r => r.Damaged), level.Damaged);
        Assert.Equal(0, level.ExpectedBack);
        foreach (OrderBuilder o in orders)
        {
            OrderRecord order = (await hub.Order(o.OrderId).GetAsync())!;
            Assert.True(order.Returns.Where(c => c.Counts).Sum(c => c.Units.Sum(u => u.Quantity)) <= 4);
            Assert.True(order.Returns.Where(c => c.Status is RmaStatus.Refunded or RmaStatus.Closed).Sum(c => c.Quote.Total.Fen) <= order.AmountPaid.Fen);
            Assert.DoesNotContain(order.Returns, c => c.Open);
        }
        Assert.True(faults.Injected > 0);
        AuditReport audit = await hub.AuditAsync(orders.Select(o => o.OrderId));
        Assert.True(audit.Ok, string.Join("; ", audit.Violations.Take(5)));
    }

    private static async Task<(int Good, int Damaged)> StormAsync(HubCluster hub, string orderId, int seed)
    {
        var request = new ReturnRequest(ReturnKind.Return, [new ReturnedSku("CUP", 2)], "杯子漏水", Money.Zero, "operator:alice");
        Task<RmaRecord>[] racing = Enumerable.Range(0, 3).Select(_ => hub.Order(orderId).OpenReturnAsync(request)).ToArray();
        await Task.WhenAll(racing.Select(t => t.ContinueWith(_ => { }, TaskScheduler.Default)));
        List<RmaRecord> opened = racing.Where(t => t.IsCompletedSuccessfully).Select(t => t.Result).ToList();
        Assert.Equal(2, opened.Count);
        Assert.All(racing.Where(t => t.IsFaulted), t => Assert.IsType<CommandValidationException>(t.Exception!.InnerException));
        int good = 0, damaged = 0;
        foreach ((RmaRecord rma, int n) in opened.Select((r, n) => (r, n)))
        {
            IRmaGrain grain = hub.Grains.GetGrain<IRmaGrain>(Keys.Rma(HubCluster.Tenant, rma.RmaId));
            await Retry(() => grain.ApproveAsync(null, "operator:alice"));
            if ((seed + n) % 4 == 3)
            {
                await Retry(() => grain.RejectAsync("never sent", "operator:alice"));
                continue;
            }
            int broken = (seed + n) % 3 == 0 ? 1 : 0;
            await Retry(() => grain.ReceiveAsync([new ReceivedSku("CUP", 2 - broken, broken)], null, null, "operator:bob"));
            await Retry(() => grain.RefundAsync("operator:bob"));
            good += 2 - broken;
            damaged += broken;
        }
        return (good, damaged);
    }

    /// <summary>An operator retries a step that failed half-way; a step that already landed answers 409 and is done.</summary>
    private static async Task Retry(Func<Task<RmaRecord>> step)
    {
        for (int attempt = 1; ; attempt++)
        {
            try
            {
                await step();
                return;
            }
            catch (InvalidOperationException) when (attempt < 20)
            {
            }
        }
    }
}

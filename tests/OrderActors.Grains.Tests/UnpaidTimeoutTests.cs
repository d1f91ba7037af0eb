using OrderActors.Abstractions.Orders;
using OrderActors.Abstractions.Stock;
using OrderActors.Grains.Tests.Support;
using OrderActors.Testing;

namespace OrderActors.Grains.Tests;

/// <summary>
/// The unpaid timeout on real Orleans reminders, with the hub's clock moved by hand: the test orders were created a
/// minute before the clock starts, so reminding at 61 s and cancelling at 63 s makes the reminder tick within seconds.
/// </summary>
public sealed class UnpaidTimeoutTests
{
    private static void Shortened(HubOptions o)
    {
        o.Unpaid.RemindAfter = TimeSpan.FromSeconds(61);
        o.Unpaid.CancelAfter = TimeSpan.FromSeconds(63);
    }

    [Fact]
    public async Task AnUnpaidOrderIsRemindedOnceThenCancelledWhileAPaymentThatCameFirstWins()
    {
        await using HubCluster hub = await HubCluster.StartAsync(configure: Shortened);
        await hub.Setup.CupWorldAsync();
        OrderBuilder unpaid = new OrderBuilder("unpaid-1").Unpaid().Line("tb-cup");
        OrderBuilder paysLate = new OrderBuilder("unpaid-2").Buyer("b2").Unpaid().Line("tb-cup");
        await hub.Order(unpaid.OrderId).SubmitAsync(unpaid.Build(), hub.Clock.GetUtcNow());
        await hub.Order(paysLate.OrderId).SubmitAsync(paysLate.Build(), hub.Clock.GetUtcNow());
        await hub.Order(paysLate.OrderId).ApplyPlatformEventAsync(
            new PlatformEvent(Channel.Taobao, "unpaid-2", PlatformEventKind.Paid, "WAIT_SELLER_SEND_GOODS", hub.Clock.GetUtcNow()));

        hub.Clock.Advance(TimeSpan.FromSeconds(1.5));
        OrderRecord reminded = await UntilAsync(hub, unpaid.OrderId, o => o.UnpaidRemindedAt is not null, "reminded");
        Assert.Equal(OrderStatus.PendingPayment, reminded.Status);
        Assert.Single(reminded.Timeline, t => t.Source == "system:unpaid");

        hub.Clock.Advance(TimeSpan.FromSeconds(2));
        OrderRecord cancelled = await UntilAsync(hub, unpaid.OrderId, o => o.Status == OrderStatus.Cancelled, "cancelled");
        Assert.Equal("system:unpaid", cancelled.Timeline[^1].Source);
        Assert.Contains("unpaid after", cancelled.Timeline[^1].Note, StringComparison.Ordinal);
        Assert.Single(cancelled.Timeline, t => t.Note?.Contains("buyer reminded", StringComparison.Ordinal) == true);

        OrderRecord paid = (await hub.SettleAsync([paysLate.OrderId]))[0];
        Assert.Equal(OrderStatus.Allocated, paid.Status);
        Assert.Null(paid.UnpaidRemindedAt);
        Assert.True((await hub.AuditAsync([unpaid.OrderId, paysLate.OrderId])).Ok);
    }

    [Fact]
    public async Task APaymentAfterTheTimeoutCancelledTheOrderIsFlaggedAndTheOrderStaysCancelled()
    {
        await using HubCluster hub = await HubCluster.StartAsync(configure: Shortened);
        await hub.Setup.CupWorldAsync();
        OrderBuilder order = new OrderBuilder("unpaid-late").Unpaid().Line("tb-cup");
        await hub.Order(order.OrderId).SubmitAsync(order.Build(), hub.Clock.GetUtcNow());
        hub.Clock.Advance(TimeSpan.FromSeconds(5));
        await UntilAsync(hub, order.OrderId, o => o.Status == OrderStatus.Cancelled, "cancelled");
        StockLevel level = await hub.Setup.LevelAsync("WH-HZ", "CUP");

        OrderRecord after = await hub.Order(order.OrderId).ApplyPlatformEventAsync(
            new PlatformEvent(Channel.Taobao, "unpaid-late", PlatformEventKind.Paid, "WAIT_SELLER_SEND_GOODS", hub.Clock.GetUtcNow()));

        Assert.Equal(OrderStatus.Cancelled, after.Status);
        Assert.Contains(after.Holds, h => h.Code == HoldCodes.PaidAfterCancel);
        Assert.Equal(level.Reserved, (await hub.Setup.LevelAsync("WH-HZ", "CUP")).Reserved);
    }

    [PostgresFact]
    public async Task TheTimeoutOutlivesTheClusterBecauseItsReminderIsDurable()
    {
        await using PostgresTestDatabase database = await PostgresTestDatabase.CreateAsync();
        OrderBuilder order = new OrderBuilder("unpaid-restart").Unpaid().Line("tb-cup");
        await using (HubCluster first = await HubCluster.StartAsync(database.ConnectionString, Shortened))
        {
            await first.Setup.CupWorldAsync();
            await first.Order(order.OrderId).SubmitAsync(order.Build(), first.Clock.GetUtcNow());
            await Eventually.TrueAsync(async () => (await first.Order(order.OrderId).GetAsync())?.Status == OrderStatus.PendingPayment);
            await Task.Delay(TimeSpan.FromSeconds(1));
        }

        await using HubCluster second = await HubCluster.StartAsync(database.ConnectionString, Shortened);
        second.Clock.Advance(TimeSpan.FromSeconds(5));
        OrderRecord cancelled = await UntilAsync(second, order.OrderId, o => o.Status == OrderStatus.Cancelled, "cancelled after the restart", TimeSpan.FromSeconds(90));

        Assert.Equal("system:unpaid", cancelled.Timeline[^1].Source);
    }

    /// <summary>Polls the order without activating it more than reading does (the reminder activates it itself).</summary>
    private static async Task<OrderRecord> UntilAsync(HubCluster hub, string orderId, Func<OrderRecord, bool> done, string what, TimeSpan? within = null)
    {
        OrderRecord? seen = null;
        await Eventually.TrueAsync(async () => (seen = await hub.Order(orderId).GetAsync()) is { } o && done(o), within ?? TimeSpan.FromSeconds(30),
            $"order {orderId} {what}");
        return seen!;
    }
}

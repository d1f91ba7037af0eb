using Microsoft.Extensions.Logging;
using OrderActors.Abstractions.Orders;
using OrderActors.Domain.Orders;
using Orleans;
using Orleans.Runtime;

namespace OrderActors.Grains.Orders;

/// <summary>
/// The unpaid timeout on a durable reminder: it ticks when the reminder falls due and again when the cancel does, and
/// each tick asks <see cref="UnpaidTimeout"/> what is due now. The reminder lives in the reminder table, so it outlives
/// silo restarts; a payment or a platform close that came first simply ends it at the next tick.
/// </summary>
public sealed partial class OrderGrain : IRemindable
{
    private const string UnpaidReminder = "unpaid";

    public async Task ReceiveReminder(string reminderName, TickStatus status)
    {
        if (reminderName == UnpaidReminder)
        {
            await CheckUnpaidAsync();
        }
    }

    private UnpaidRules UnpaidRules => options.Value.Unpaid.For(Order.Channel);

    /// <summary>An unpaid order whose reminder is not registered yet (just taken in, or from before the timeout existed).</summary>
    private static bool NeedsUnpaidWatch(OrderState state) => state.Order is { } order && UnpaidTimeout.IsUnpaid(order) && !state.UnpaidWatched;

    private async Task CheckUnpaidAsync()
    {
        if (state.State.Order is not { } order)
        {
            await ForgetUnpaidAsync();
            return;
        }
        DateTimeOffset now = time.GetUtcNow();
        switch (UnpaidTimeout.Due(order, UnpaidRules, now))
        {
            case UnpaidStep.Remind:
                await SaveAsync(UnpaidTimeout.Remind(order, UnpaidRules, now));
                LogUnpaidReminded(_orderId, order.Channel, now - order.CreatedAt);
                await WatchUnpaidAsync();
                break;
            case UnpaidStep.Cancel:
                OrderRecord cancelled = UnpaidTimeout.Cancel(order, UnpaidRules, now);
                await SaveAsync(cancelled, release: Freed(order, cancelled));
                LogUnpaidCancelled(_orderId, order.Channel, now - order.CreatedAt);
                await ForgetUnpaidAsync();
                break;
            case UnpaidStep.Done:
                await ForgetUnpaidAsync();
                break;
        }
    }

    /// <summary>Sets the reminder to the next due step (a tick that comes late still acts on the clock, not on the tick).</summary>
    private async Task WatchUnpaidAsync()
    {
        OrderRecord order = Order;
        TimeSpan floor = reminderOptions.Value.MinimumReminderPeriod;
        TimeSpan due = UnpaidTimeout.NextAt(order, UnpaidRules) - time.GetUtcNow();
        TimeSpan period = UnpaidRules.CancelAfter - UnpaidRules.RemindAfter;
        await this.RegisterOrUpdateReminder(UnpaidReminder, due < TimeSpan.Zero ? TimeSpan.Zero : due, period < floor ? floor : period);
        if (!state.State.UnpaidWatched)
        {
            state.State = state.State with { UnpaidWatched = true };
            await state.WriteStateAsync();
        }
    }

    private async Task ForgetUnpaidAsync()
    {
        if (await this.GetReminder(UnpaidReminder) is { } reminder)
        {
            await this.UnregisterReminder(reminder);
        }
    }

    [LoggerMessage(EventId = 1020, Level = LogLevel.Information, Message = "Order {OrderId} from {Channel} unpaid for {Age}: buyer reminded")]
    private partial void LogUnpaidReminded(string orderId, Channel channel, TimeSpan age);

    [LoggerMessage(EventId = 1021, Level = LogLevel.Information, Message = "Order {OrderId} from {Channel} unpaid for {Age}: cancelled, stock released")]
    private partial void LogUnpaidCancelled(string orderId, Channel channel, TimeSpan age);
}

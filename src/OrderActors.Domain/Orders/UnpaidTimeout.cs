using OrderActors.Abstractions.Orders;

namespace OrderActors.Domain.Orders;

/// <summary>What an unpaid order's clock asks for now.</summary>
public enum UnpaidStep
{
    /// <summary>Nothing yet: wait.</summary>
    Wait,
    /// <summary>Remind the buyer (once).</summary>
    Remind,
    /// <summary>Cancel the order and release what it holds.</summary>
    Cancel,
    /// <summary>Paid, closed or cancelled meanwhile: the clock stops.</summary>
    Done,
}

/// <summary>
/// The unpaid timeout (seed 002: reminded after 1 h 30 min, cancelled after 2 h), counted from the platform's creation time.
/// Pure: the order grain's reminder asks <see cref="Due"/> on every tick, so a late or repeated tick, a payment or a
/// platform close that came first, all end the same way; each step happens at most once and lands on the timeline.
/// </summary>
public static class UnpaidTimeout
{
    public const string Source = "system:unpaid";

    public static bool IsUnpaid(OrderRecord order) =>
        !order.IsPaid && order.Status is OrderStatus.PendingPayment or OrderStatus.OnHold;

    public static UnpaidStep Due(OrderRecord order, UnpaidRules rules, DateTimeOffset now)
    {
        if (!IsUnpaid(order))
        {
            return UnpaidStep.Done;
        }
        TimeSpan age = now - order.CreatedAt;
        if (age >= rules.CancelAfter)
        {
            return UnpaidStep.Cancel;
        }
        return age >= rules.RemindAfter && order.UnpaidRemindedAt is null ? UnpaidStep.Remind : UnpaidStep.Wait;
    }

    /// <summary>When the next step falls due (the reminder, else the cancel), for the grain's reminder.</summary>
    public static DateTimeOffset NextAt(OrderRecord order, UnpaidRules rules) =>
        order.UnpaidRemindedAt is null ? order.CreatedAt + rules.RemindAfter : order.CreatedAt + rules.CancelAfter;

    public static OrderRecord Remind(OrderRecord order, UnpaidRules rules, DateTimeOffset now) =>
        OrderCommands.Note(order with { UnpaidRemindedAt = now }, now, Source,
            $"unpaid for {Describe(now - order.CreatedAt)}: buyer reminded; cancels at {order.CreatedAt + rules.CancelAfter:u} unless paid");

    public static OrderRecord Cancel(OrderRecord order, UnpaidRules rules, DateTimeOffset now) =>
        OrderCommands.Cancel(order, $"unpaid after {Describe(rules.CancelAfter)}: cancelled, stock released", now, Source);

    private static string Describe(TimeSpan span) => span.TotalHours >= 1
        ? $"{(int)span.TotalHours} h {span.Minutes} min"
        : span.TotalMinutes >= 1 ? $"{(int)span.TotalMinutes} min" : $"{(int)span.TotalSeconds} s";
}

/// <summary>When an unpaid order is reminded and cancelled, counted from its creation on the platform.</summary>
public sealed record UnpaidRules(TimeSpan RemindAfter, TimeSpan CancelAfter)
{
    public static readonly UnpaidRules Default = new(TimeSpan.FromMinutes(90), TimeSpan.FromHours(2));
}

namespace OrderActors.Abstractions.Events;

/// <summary>The kinds of hub event the <c>hub_events</c> trigger writes.</summary>
public static class HubEventKinds
{
    public const string OrderStatusChanged = "OrderStatusChanged";

    public const string OrderRerouted = "OrderRerouted";

    public const string BreakerChanged = "BreakerChanged";

    public const string RmaStatusChanged = "RmaStatusChanged";

    public const string UnpaidReminder = "UnpaidReminder";
}

using OrderActors.Abstractions.Warehouses;
using OrderActors.Cli.Http;

namespace OrderActors.Cli.Output;

/// <summary>Warehouses, their breakers and the outcome of tripping one.</summary>
public static class WarehouseViews
{
    public static void List(IOutput output, IReadOnlyList<Warehouse> warehouses)
    {
        if (warehouses.Count == 0)
        {
            output.Line("No warehouses in this tenant.", Tone.Muted);
            return;
        }
        output.Table(new TableView(
            ["Warehouse", "Name 名称", "Region 区域", "Cold 冷链", "Breaker 熔断器", "Reserved 占用", "Rerouted 改派", "Temp 温度"],
            warehouses.OrderBy(w => w.WarehouseId, StringComparer.Ordinal).Select(w => (IReadOnlyList<Cell>)
            [
                w.WarehouseId, w.Name, w.Region, w.ColdChain ? "冷链" : "", Labels.Breaker(w.Breaker.State), Ratio(w.ReservedRatio),
                Labels.Number(w.ReroutedOrders), Temperature(w.TemperatureC),
            ]).ToList()));
    }

    public static void Show(IOutput output, Warehouse w)
    {
        output.Fields(
        [
            new("Warehouse", w.WarehouseId),
            new("Name 名称", w.Name),
            new("Region 区域", w.Region),
            new("Location", $"{Labels.Number(w.Latitude, "0.####")}, {Labels.Number(w.Longitude, "0.####")}"),
            new("Cold chain 冷链", Labels.YesNo(w.ColdChain)),
            new("Daily capacity 日产能", Labels.Number(w.DailyCapacity)),
            new("Backups 备仓", string.Join(", ", w.Backups)),
            new("Breaker 熔断器", Labels.Breaker(w.Breaker.State)),
            new("Breaker since", Labels.Time(w.Breaker.Since)),
            new("Breaker reason", w.Breaker.Reason ?? ""),
            new("Breaker source", w.Breaker.Source ?? ""),
            new("Reserved 占用", Ratio(w.ReservedRatio)),
            new("Rerouted 改派", Labels.Number(w.ReroutedOrders)),
            new("Temperature 温度", w.TemperatureC is null ? "" : $"{Temperature(w.TemperatureC)} at {Labels.Time(w.TemperatureAt)}"),
            new("Last carrier event", Labels.Time(w.LastCarrierEventAt)),
        ]);
    }

    public static void Tripped(IOutput output, string warehouseId, TripOutcome trip)
    {
        output.Fields(
        [
            new("Breaker 熔断器", Labels.Breaker(trip.State)),
            new("Affected 涉及", Labels.Number(trip.AffectedOrders)),
            new("Rerouted 已改派", Count(trip.ReroutedOrders, Tone.Good)),
            new("Unroutable 无法改派", Count(trip.UnroutableOrders, Tone.Bad)),
            new("Not affected 已不在该仓", Labels.Number(trip.NotAffectedOrders)),
            new("Pending 处理中", Count(trip.PendingOrders, Tone.Warning)),
        ]);
        if (trip.AffectedOrders == 0)
        {
            output.Line($"No orders were allocated to {warehouseId} (or its breaker was already open).", Tone.Muted);
        }
        if (trip.UnroutableOrders > 0)
        {
            output.Line("Unroutable orders are on hold: orderactors order list --hold-code unroutable", Tone.Warning);
        }
        if (trip.PendingOrders > 0)
        {
            output.Line($"Some orders were still being rerouted when the server answered: orderactors warehouse show {warehouseId}", Tone.Warning);
        }
    }

    public static void Reset(IOutput output, string warehouseId, ResetOutcome reset)
    {
        Cell state = Labels.Breaker(reset.State);
        output.Line($"{warehouseId} breaker: {state.Text}", reset.State == BreakerState.Closed ? Tone.Good : Tone.Warning);
    }

    private static Cell Count(int count, Tone tone) =>
        new(Labels.Number(count), count > 0 ? tone : Tone.Normal);

    private static string Ratio(double? ratio) => ratio is { } value ? Labels.Number(value, "0.#%") : "";

    private static string Temperature(double? celsius) => celsius is { } value ? $"{Labels.Number(value, "0.0")} °C" : "";
}

using OrderActors.Cli.Tests.Support;
using OrderActors.Testing;

namespace OrderActors.Cli.Tests;

[Collection(SiloCollection.Name)]
public sealed class InventoryCommandTests(SiloFixture silo)
{
    [PostgresFact]
    public async Task InventorySetChangesTheCountsAndInventoryShowListsThem()
    {
        DemoTenant demo = await silo.NewDemoTenantAsync();
        int reserved = await ReservedAsync(demo, "WH-NJ", "TOWEL-SET");

        CliRun set = await demo.RunAsync("inventory", "set", "WH-NJ", "TOWEL-SET", "--on-hand", "77", "--safety-stock", "7");
        CliRun show = await demo.RunAsync("inventory", "show", "TOWEL-SET");

        Assert.True(set.ExitCode == 0, set.ToString());
        string available = (77 - reserved - 7).ToString(System.Globalization.CultureInfo.InvariantCulture);
        Assert.Equal(["TOWEL-SET", "WH-NJ", "77", $"{reserved}", "7", available, "1"], set.Row("TOWEL-SET"));
        Assert.True(show.ExitCode == 0, show.ToString());
        Assert.Contains(show.OutputLines, l => l.StartsWith("TOWEL-SET  WH-NJ ", StringComparison.Ordinal) && l.Contains("  77  ", StringComparison.Ordinal));
        long total = (await demo.GetAsync("/api/v1/inventory/TOWEL-SET"))["totalAvailable"]!.GetValue<long>();
        Assert.Equal($"Total available 可售合计: {total}", show.OutputLines[^1]);
    }

    [PostgresFact]
    public async Task InventorySetWithoutSafetyStockKeepsTheCurrentSafetyStock()
    {
        DemoTenant demo = await silo.NewDemoTenantAsync();
        Assert.Equal(0, (await demo.RunAsync("inventory", "set", "WH-CD", "TOWEL-SET", "--on-hand", "50", "--safety-stock", "9")).ExitCode);

        CliRun run = await demo.RunAsync("inventory", "set", "WH-CD", "TOWEL-SET", "--on-hand", "60");

        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.Equal(("60", "9"), (run.Row("TOWEL-SET")[2], run.Row("TOWEL-SET")[4]));
    }

    [PostgresFact]
    public async Task ANegativeCountIsRefusedWithExitCode2NamingTheField()
    {
        DemoTenant demo = await silo.NewDemoTenantAsync();

        CliRun run = await demo.RunAsync("inventory", "set", "WH-CD", "TOWEL-SET", "--on-hand", "-5");

        Assert.True(run.ExitCode == 2, run.ToString());
        Assert.Contains(run.Error.Split('\n'), l => l.StartsWith("  onHand: ", StringComparison.Ordinal));
    }

    private static async Task<int> ReservedAsync(DemoTenant demo, string warehouse, string sku) =>
        (await demo.GetAsync($"/api/v1/inventory/{sku}"))["warehouses"]!.AsArray()
            .Single(w => w!["warehouseId"]!.GetValue<string>() == warehouse)!["reserved"]!.GetValue<int>();
}

using Npgsql;
using OrderActors.Abstractions.Orders;
using OrderActors.LoadTest.Engine;
using OrderActors.LoadTest.Naive;
using OrderActors.LoadTest.Tests.Support;
using OrderActors.LoadTest.Traffic;
using OrderActors.Testing;

namespace OrderActors.LoadTest.Tests.Naive;

public sealed class NaiveSqlTargetTests
{
    private static readonly MainlandPlace _hangzhou = MainlandPlaces.All[0];

    [PostgresFact]
    public async Task SixteenClientsRacingForFiftyUnitsGetExactlyFiftyAndNothingIsOversold()
    {
        await using PostgresTestDatabase database = await PostgresTestDatabase.CreateAsync("oa_naive");
        await using NpgsqlDataSource dataSource = DataSource(database, clients: 16);
        (StockPlan stock, CatalogSku sku) = SingleSku(onHand: 50);
        await NaiveSchema.ResetAsync(dataSource, stock.Levels, CancellationToken.None);
        var target = new NaiveSqlTarget(dataSource, stock);
        IReadOnlyList<OrderPlan> plans = OneUnitOrders(sku, count: 400);

        BurstResult burst = await ClosedLoopBurst.RunAsync(target, plans, clients: 16, CancellationToken.None);
        var ledger = new OrderLedger();
        foreach ((OrderPlan plan, TargetOutcome outcome) in plans.Zip(burst.Outcomes))
        {
            ledger.Apply(new TrafficRequest(RequestKind.Order, plan), outcome);
        }
        NaiveAuditResult audit = await NaiveAudit.RunAsync(dataSource, ledger, CancellationToken.None);

        Assert.Equal(400, burst.Count(OutcomeKind.Accepted));
        Assert.Equal(50, burst.CountStatus("reserved"));
        Assert.Equal(350, burst.CountStatus("out_of_stock"));
        Assert.Equal(0, await OnHandAsync(dataSource, sku));
        Assert.Equal(0, audit.OversoldUnits);
        Assert.Equal(0, audit.NegativeStockRows);
        Assert.Equal(0, audit.InconsistentStockRows);
        Assert.True(audit.Passed, string.Join("; ", audit.Lines.Select(line => $"{line.Name}: {line.Detail}")));
    }

    [PostgresFact]
    public async Task ARepostIsADuplicateAndCancellingAReservedOrderGivesItsUnitsBack()
    {
        await using PostgresTestDatabase database = await PostgresTestDatabase.CreateAsync("oa_naive");
        await using NpgsqlDataSource dataSource = DataSource(database, clients: 4);
        (StockPlan stock, CatalogSku sku) = SingleSku(onHand: 5);
        await NaiveSchema.ResetAsync(dataSource, stock.Levels, CancellationToken.None);
        var target = new NaiveSqlTarget(dataSource, stock);
        OrderPlan plan = OneUnitOrders(sku, count: 1)[0];

        TargetOutcome placed = await target.SendAsync(new TrafficRequest(RequestKind.Order, plan), CancellationToken.None);
        TargetOutcome reposted = await target.SendAsync(new TrafficRequest(RequestKind.Repost, plan), CancellationToken.None);
        int afterRepost = await OnHandAsync(dataSource, sku);
        TargetOutcome cancelled = await target.SendAsync(new TrafficRequest(RequestKind.Cancel, plan), CancellationToken.None);
        TargetOutcome cancelledAgain = await target.SendAsync(new TrafficRequest(RequestKind.Cancel, plan), CancellationToken.None);

        Assert.Equal((OutcomeKind.Accepted, "reserved"), (placed.Kind, placed.Status));
        Assert.Equal(OutcomeKind.Duplicate, reposted.Kind);
        Assert.Equal(4, afterRepost);
        Assert.Equal(OutcomeKind.Accepted, cancelled.Kind);
        Assert.Equal(OutcomeKind.Conflict, cancelledAgain.Kind);
        Assert.Equal(5, await OnHandAsync(dataSource, sku));
    }

    [PostgresFact]
    public async Task AnUnpaidOrderTakesNoStockUntilItsPaymentArrives()
    {
        await using PostgresTestDatabase database = await PostgresTestDatabase.CreateAsync("oa_naive");
        await using NpgsqlDataSource dataSource = DataSource(database, clients: 4);
        (StockPlan stock, CatalogSku sku) = SingleSku(onHand: 3);
        await NaiveSchema.ResetAsync(dataSource, stock.Levels, CancellationToken.None);
        var target = new NaiveSqlTarget(dataSource, stock);
        OrderPlan plan = OneUnitOrders(sku, count: 1)[0] with { IntakePaidAt = null };

        TargetOutcome placed = await target.SendAsync(new TrafficRequest(RequestKind.Order, plan), CancellationToken.None);
        int beforePayment = await OnHandAsync(dataSource, sku);
        TargetOutcome paid = await target.SendAsync(new TrafficRequest(RequestKind.Pay, plan), CancellationToken.None);

        Assert.Equal("pending_payment", placed.Status);
        Assert.Equal(3, beforePayment);
        Assert.Equal((OutcomeKind.Accepted, "reserved"), (paid.Kind, paid.Status));
        Assert.Equal(2, await OnHandAsync(dataSource, sku));
    }

    private static NpgsqlDataSource DataSource(PostgresTestDatabase database, int clients) =>
        NpgsqlDataSource.Create(new NpgsqlConnectionStringBuilder(database.ConnectionString) { MaxPoolSize = clients }.ConnectionString);

    /// <summary>A one-SKU catalog stocked only at the Hangzhou warehouse.</summary>
    private static (StockPlan Stock, CatalogSku Sku) SingleSku(int onHand)
    {
        CatalogSku sku = GeneratedOrders.Catalog.ByRank[0];
        return (StockPlan.FromLevels([new StockLevel("WH-HZ", sku, onHand)]), sku);
    }

    private static IReadOnlyList<OrderPlan> OneUnitOrders(CatalogSku sku, int count)
    {
        OrderPlanner planner = GeneratedOrders.Planner();
        DateTimeOffset now = DateTimeOffset.UtcNow;
        return Enumerable.Range(0, count).Select(_ => planner.Single(sku, Channel.Taobao, _hangzhou, now)).ToList();
    }

    private static async Task<int> OnHandAsync(NpgsqlDataSource dataSource, CatalogSku sku)
    {
        await using NpgsqlCommand command = dataSource.CreateCommand("SELECT on_hand FROM naive_baseline.stock WHERE warehouse_id = 'WH-HZ' AND sku = $1");
        command.Parameters.Add(new NpgsqlParameter { Value = sku.Sku });
        return (int)(await command.ExecuteScalarAsync())!;
    }
}

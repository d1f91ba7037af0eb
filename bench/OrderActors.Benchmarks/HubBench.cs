using Microsoft.Extensions.DependencyInjection;
using OrderActors.Abstractions.Catalog;
using OrderActors.Abstractions.Common;
using OrderActors.Abstractions.Orders;
using OrderActors.Abstractions.Warehouses;
using OrderActors.Grains;
using OrderActors.Grains.Audit;
using OrderActors.Persistence;
using OrderActors.Testing;
using Orleans.Configuration;

namespace OrderActors.Benchmarks;

/// <summary>
/// One Orleans silo co-hosted in this process with the hub's grains on a fresh PostgreSQL database (the hub's own
/// PostgreSQL wiring: storage, journal, reminders, streams; a lone silo, so no membership table), called through the
/// silo's own grain factory as the REST facade calls it; and the setup and order helpers the stock benchmarks share.
/// </summary>
internal sealed class HubBench : IAsyncDisposable
{
    public static readonly GeoPoint Hangzhou = new(30.27, 120.15);
    public static readonly GeoPoint Shanghai = new(31.23, 121.47);
    public static readonly GeoPoint Nanjing = new(32.06, 118.80);

    private readonly PostgresTestDatabase _database;
    private readonly CoHostedSilo _silo;

    private HubBench(PostgresTestDatabase database, CoHostedSilo silo)
    {
        _database = database;
        _silo = silo;
    }

    public IGrainFactory Grains => _silo.GrainFactory;

    public static async Task<HubBench> StartAsync(Action<HubOptions>? configure = null)
    {
        string admin = Environment.GetEnvironmentVariable("ORDERACTORS_BENCH_PG")
            ?? throw new InvalidOperationException("ORDERACTORS_BENCH_PG is not set: run through scripts/bench.sh.");
        PostgresTestDatabase database = await PostgresTestDatabase.CreateAsync("oa_bench", admin);
        CoHostedSilo silo = await CoHostedSilo.StartAsync("bench-hub", configure: s =>
        {
            s.UseHubPostgres(database.ConnectionString);
            s.AddOrderHubGrains();
            s.Configure<SiloMessagingOptions>(o => o.ResponseTimeout = TimeSpan.FromMinutes(2));
            s.Services.AddOptions<HubOptions>().Configure(o => configure?.Invoke(o));
        });
        return new HubBench(database, silo);
    }

    public Task WarehouseAsync(string tenant, string id, GeoPoint at) =>
        Grains.GetGrain<IWarehouseGrain>(Keys.Warehouse(tenant, id)).UpsertAsync(new WarehouseDefinition(id, at, "华东", false, 100_000, []));

    public async Task SkuAsync(string tenant, string sku, int buckets)
    {
        await Grains.GetGrain<ICatalogGrain>(Keys.Tenant(tenant)).UpsertSkuAsync(new SkuInfo(sku, sku, false, null, buckets));
        await Grains.GetGrain<ISkuMappingGrain>(Keys.Mapping(tenant, Channel.Taobao, $"tb-{sku}")).SetAsync(sku, null);
    }

    public Task StockAsync(string tenant, string warehouseId, string sku, int onHand) =>
        Grains.GetGrain<ICatalogGrain>(Keys.Tenant(tenant)).SetInventoryAsync(warehouseId, sku, onHand, 0);

    /// <summary>Submits one-unit orders for the given SKUs with at most <paramref name="inFlight"/> outstanding; returns their ids.</summary>
    public async Task<List<string>> SubmitAsync(string tenant, string prefix, IReadOnlyList<string> skus, int count, int inFlight)
    {
        var ids = new List<string>(count);
        using var gate = new SemaphoreSlim(inFlight);
        var tasks = new List<Task>(count);
        for (int i = 0; i < count; i++)
        {
            NormalizedOrder order = Order($"{prefix}-{i}", $"tb-{skus[i % skus.Count]}");
            string orderId = Keys.OrderId(Channel.Taobao, order.ExternalOrderId);
            ids.Add(orderId);
            await gate.WaitAsync();
            tasks.Add(Task.Run(async () =>
            {
                try
                {
                    await Grains.GetGrain<IOrderGrain>(Keys.Order(tenant, orderId)).SubmitAsync(order, DateTimeOffset.UtcNow);
                }
                finally
                {
                    gate.Release();
                }
            }));
        }
        await Task.WhenAll(tasks);
        return ids;
    }

    /// <summary>Waits until no order is between payment and allocation.</summary>
    public async Task<IReadOnlyList<OrderRecord>> SettleAsync(string tenant, IReadOnlyList<string> orderIds)
    {
        while (true)
        {
            OrderRecord?[] orders = await Task.WhenAll(orderIds.Select(id => Grains.GetGrain<IOrderGrain>(Keys.Order(tenant, id)).GetAsync()));
            if (orders.All(o => o is { Status: not (OrderStatus.Paid or OrderStatus.Reserved) }))
            {
                return orders!;
            }
            await Task.Delay(25);
        }
    }

    public Task<Abstractions.Stock.AuditReport> AuditAsync(string tenant, IEnumerable<string> orders) =>
        _silo.Services.GetRequiredService<InventoryAudit>().RunAsync(tenant, orders);

    private static NormalizedOrder Order(string externalId, string platformSku) => new()
    {
        Channel = Channel.Taobao,
        ExternalOrderId = externalId,
        PlatformStatus = "WAIT_SELLER_SEND_GOODS",
        MappedStatus = OrderStatus.Paid,
        CreatedAt = DateTimeOffset.UtcNow,
        PaidAt = DateTimeOffset.UtcNow,
        BuyerId = $"buyer-{externalId}",
        Receiver = new Contact("张三", "13812345678", false),
        ShippingAddress = new Address("浙江省", "杭州市", "西湖区", "文三路 1 号"),
        Lines = [new NormalizedOrderLine { PlatformSkuId = platformSku, Title = platformSku, Quantity = 1, UnitPrice = new Money(1000), LineDiscount = Money.Zero }],
        GoodsTotal = new Money(1000),
        ShippingFee = Money.Zero,
        OrderDiscount = Money.Zero,
        AmountPaid = new Money(1000),
    };

    public async ValueTask DisposeAsync()
    {
        await _silo.DisposeAsync();
        await _database.DisposeAsync();
    }
}

using System.Net;
using System.Text.Json.Nodes;
using OrderActors.Testing;
using OrderActors.Silo.Tests.Support;

namespace OrderActors.Silo.Tests;

[Collection(SiloCollection.Name)]
public sealed class SetupApiTests(SiloFixture silo)
{
    [PostgresFact]
    public async Task AWarehouseIsCreatedListedAndShownWithAClosedBreaker()
    {
        TenantApi api = silo.NewTenant();
        await TenantApi.Ok(api.PutAsync("/api/v1/warehouses/WH-2", new { name = "二号仓", latitude = 31.2, longitude = 121.4 }));

        (HttpStatusCode put, JsonNode? created) = await api.PutAsync("/api/v1/warehouses/WH-1",
            new { name = "一号仓", latitude = 30.2, longitude = 120.1, region = "华东", coldChain = true, dailyCapacity = 900, backups = new[] { "WH-2" } });
        (_, JsonNode? list) = await api.GetAsync("/api/v1/warehouses");
        (_, JsonNode? one) = await api.GetAsync("/api/v1/warehouses/WH-1");

        Assert.Equal(HttpStatusCode.OK, put);
        Assert.Equal("Closed", created!["breaker"]!["state"]!.GetValue<string>());
        Assert.Equal(["WH-1", "WH-2"], list!.AsArray().Select(w => w!["warehouseId"]!.GetValue<string>()).Order());
        Assert.Equal(("一号仓", true, 900, "WH-2"), (one!["name"]!.GetValue<string>(), one["coldChain"]!.GetValue<bool>(),
            one["dailyCapacity"]!.GetValue<int>(), one["backups"]![0]!.GetValue<string>()));
    }

    [PostgresFact]
    public async Task ABadWarehouseIsRefusedFieldByFieldAndNothingIsStored()
    {
        TenantApi api = silo.NewTenant();

        (HttpStatusCode status, JsonNode? problem) = await api.PutAsync("/api/v1/warehouses/WH-BAD", new { name = "", latitude = 123.0, longitude = 10.0 });
        (HttpStatusCode lookup, JsonNode? _) = await api.GetAsync("/api/v1/warehouses/WH-BAD");

        Assert.Equal(HttpStatusCode.BadRequest, status);
        JsonObject errors = problem!["errors"]!.AsObject();
        Assert.True(errors.ContainsKey("name") && errors.ContainsKey("latitude"), problem.ToJsonString());
        Assert.Equal(HttpStatusCode.NotFound, lookup);
    }

    [PostgresFact]
    public async Task BackupsMustBeOtherWarehousesThatExist_Issue13()
    {
        TenantApi api = silo.NewTenant();
        await TenantApi.Ok(api.PutAsync("/api/v1/warehouses/WH-SH", new { name = "上海仓", latitude = 31.23, longitude = 121.47 }));

        (HttpStatusCode self, JsonNode? selfProblem) = await api.PutAsync("/api/v1/warehouses/WH-HZ",
            new { name = "杭州仓", latitude = 30.27, longitude = 120.15, backups = new[] { "WH-HZ" } });
        (HttpStatusCode unknown, JsonNode? unknownProblem) = await api.PutAsync("/api/v1/warehouses/WH-HZ",
            new { name = "杭州仓", latitude = 30.27, longitude = 120.15, backups = new[] { "WH-SH", "WH-NOPE" } });
        (HttpStatusCode lookup, JsonNode? _) = await api.GetAsync("/api/v1/warehouses/WH-HZ");
        (HttpStatusCode known, JsonNode? created) = await api.PutAsync("/api/v1/warehouses/WH-HZ",
            new { name = "杭州仓", latitude = 30.27, longitude = 120.15, backups = new[] { "WH-SH" } });

        Assert.Equal((HttpStatusCode.BadRequest, HttpStatusCode.BadRequest, HttpStatusCode.NotFound), (self, unknown, lookup));
        Assert.Contains("itself", selfProblem!["errors"]!["backups"]![0]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Contains("WH-NOPE", Assert.Single(unknownProblem!["errors"]!["backups"]!.AsArray())!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, known);
        Assert.Equal("WH-SH", Assert.Single(created!["backups"]!.AsArray())!.GetValue<string>());
    }

    [PostgresFact]
    public async Task AMappingToAMasterSkuNotInTheCatalogIs404AndNothingIsMapped_Issue13()
    {
        TenantApi api = silo.NewTenant();

        (HttpStatusCode status, JsonNode? problem) = await api.PutAsync("/api/v1/sku-mappings/taobao/5012345678901", new { sku = "NO-SUCH-SKU" });
        (HttpStatusCode lookup, JsonNode? _) = await api.GetAsync("/api/v1/sku-mappings/taobao/5012345678901");

        Assert.Equal((HttpStatusCode.NotFound, HttpStatusCode.NotFound), (status, lookup));
        Assert.Contains("NO-SUCH-SKU is not in the catalog", problem!["detail"]!.GetValue<string>(), StringComparison.Ordinal);
    }

    [PostgresTheory]
    [InlineData("/api/v1/warehouses/WH-STR", """{ "name": "仓", "latitude": 30.1, "longitude": 120.1, "dailyCapacity": "12" }""", "dailyCapacity")]
    [InlineData("/api/v1/warehouses/WH-STR", """{ "name": "仓", "latitude": "30.1", "longitude": 120.1 }""", "latitude")]
    [InlineData("/api/v1/skus/SKU-STR", """{ "name": "货", "buckets": "2" }""", "buckets")]
    [InlineData("/api/v1/skus/SKU-STR", """{ "name": "货", "listPriceFen": "999" }""", "listPriceFen")]
    public async Task ANumberSentAsAStringIs400NamingTheField_Issue13(string path, string body, string field)
    {
        TenantApi api = silo.NewTenant();

        (HttpStatusCode status, JsonNode? problem) = await api.SendAsync(HttpMethod.Put, path, body);
        (HttpStatusCode lookup, JsonNode? _) = await api.GetAsync(path);

        Assert.Equal(HttpStatusCode.BadRequest, status);
        JsonObject errors = problem!["errors"]!.AsObject();
        Assert.Contains(errors, e => e.Key.Contains(field, StringComparison.Ordinal)
            || e.Value!.AsArray().Any(m => m!.GetValue<string>().Contains(field, StringComparison.Ordinal)));
        Assert.Equal(HttpStatusCode.NotFound, lookup);
    }

    [PostgresFact]
    public async Task StockCountsSentAsStringsAreRefusedAndTheCountStays_Issue13()
    {
        TenantApi api = silo.NewTenant();
        await api.SetUpWorldAsync(stock: 40);

        (HttpStatusCode status, JsonNode? problem) = await api.SendAsync(HttpMethod.Put, "/api/v1/inventory/WH-HZ/MJ-NS-WAL-40", """{ "onHand": "5" }""");
        (_, JsonNode? shown) = await api.GetAsync("/api/v1/inventory/MJ-NS-WAL-40");

        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Contains("onHand", problem!["errors"]!.ToJsonString(), StringComparison.Ordinal);
        Assert.Equal(80, shown!["totalAvailable"]!.GetValue<int>());
    }

    [PostgresFact]
    public async Task InventoryNeedsAKnownSkuAndWarehouseAndIsReportedPerWarehouse()
    {
        TenantApi api = silo.NewTenant();
        await api.SetUpWorldAsync(stock: 40);

        (HttpStatusCode unknownSku, JsonNode? _) = await api.PutAsync("/api/v1/inventory/WH-HZ/NOPE", new { onHand = 5 });
        (HttpStatusCode unknownWarehouse, JsonNode? _) = await api.PutAsync("/api/v1/inventory/WH-NOPE/MJ-NS-WAL-40", new { onHand = 5 });
        (HttpStatusCode negative, JsonNode? _) = await api.PutAsync("/api/v1/inventory/WH-HZ/MJ-NS-WAL-40", new { onHand = -1 });
        (_, JsonNode? set) = await api.PutAsync("/api/v1/inventory/WH-HZ/MJ-NS-WAL-40", new { onHand = 30, safetyStock = 4 });
        (_, JsonNode? shown) = await api.GetAsync("/api/v1/inventory/MJ-NS-WAL-40");

        Assert.Equal((HttpStatusCode.NotFound, HttpStatusCode.NotFound, HttpStatusCode.BadRequest), (unknownSku, unknownWarehouse, negative));
        Assert.Equal((30, 0, 26, 4), (set!["onHand"]!.GetValue<int>(), set["reserved"]!.GetValue<int>(), set["available"]!.GetValue<int>(), set["safetyStock"]!.GetValue<int>()));
        Assert.Equal(2, shown!["warehouses"]!.AsArray().Count);
        Assert.Equal(26 + 40, shown["totalAvailable"]!.GetValue<int>());
    }

    [PostgresFact]
    public async Task SkusAndMappingsRoundTripAndBadChannelsOrBucketCountsAreRefused()
    {
        TenantApi api = silo.NewTenant();

        (HttpStatusCode badBuckets, JsonNode? _) = await api.PutAsync("/api/v1/skus/HOT", new { name = "热卖", buckets = 65 });
        (_, JsonNode? sku) = await api.PutAsync("/api/v1/skus/HOT", new { name = "热卖", coldChain = false, listPriceFen = 999, buckets = 8 });
        (HttpStatusCode shrink, JsonNode? conflict) = await api.PutAsync("/api/v1/skus/HOT", new { name = "热卖", buckets = 4 });
        (HttpStatusCode badChannel, JsonNode? _) = await api.PutAsync("/api/v1/sku-mappings/ebay/x1", new { sku = "HOT" });
        (_, JsonNode? mapping) = await api.PutAsync("/api/v1/sku-mappings/douyin/dy-1", new { sku = "HOT", variant = "红色;L" });
        (_, JsonNode? read) = await api.GetAsync("/api/v1/sku-mappings/douyin/dy-1");
        (HttpStatusCode unmapped, JsonNode? _) = await api.GetAsync("/api/v1/sku-mappings/douyin/dy-404");

        Assert.Equal(HttpStatusCode.BadRequest, badBuckets);
        Assert.Equal((8, 999L), (sku!["buckets"]!.GetValue<int>(), sku["listPriceFen"]!.GetValue<long>()));
        Assert.Equal(HttpStatusCode.Conflict, shrink);
        Assert.Contains("grow", conflict!["detail"]!.GetValue<string>());
        Assert.Equal(HttpStatusCode.BadRequest, badChannel);
        Assert.Equal(("douyin", "HOT", "红色;L"), (mapping!["channel"]!.GetValue<string>(), read!["sku"]!.GetValue<string>(), read["variant"]!.GetValue<string>()));
        Assert.Equal(HttpStatusCode.NotFound, unmapped);
    }

    [PostgresFact]
    public async Task TenantsDoNotSeeEachOthersDataAndAMalformedTenantIsRefused()
    {
        TenantApi one = silo.NewTenant();
        TenantApi two = silo.NewTenant();
        await one.PutAsync("/api/v1/warehouses/WH-T", new { name = "T", latitude = 1.0, longitude = 1.0 });
        using var bad = new HttpRequestMessage(HttpMethod.Get, "/api/v1/warehouses");
        bad.Headers.Add("X-Tenant", "Not A Tenant!");

        (HttpStatusCode other, JsonNode? _) = await two.GetAsync("/api/v1/warehouses/WH-T");
        HttpResponseMessage refused = await silo.Host.Client.SendAsync(bad);

        Assert.Equal(HttpStatusCode.NotFound, other);
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.Equal("application/problem+json", refused.Content.Headers.ContentType?.MediaType);
    }

    [PostgresFact]
    public async Task AnOversizedBodyIs413AndTheOpenApiDocumentDescribesTheRoutes()
    {
        TenantApi api = silo.NewTenant();
        string huge = $"{{\"name\":\"{new string('x', 1_100_000)}\"}}";

        (HttpStatusCode tooLarge, JsonNode? _) = await api.SendAsync(HttpMethod.Put, "/api/v1/skus/BIG", huge);
        (HttpStatusCode openApi, JsonNode? document) = await api.GetAsync("/openapi/v1.json");

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, tooLarge);
        Assert.Equal(HttpStatusCode.OK, openApi);
        JsonObject paths = document!["paths"]!.AsObject();
        Assert.Contains("/api/v1/channels/{channel}/orders", paths.Select(p => p.Key));
        Assert.Contains("/api/v1/warehouses/{warehouseId}/breaker/trip", paths.Select(p => p.Key));
    }
}

[Collection(SiloCollection.Name)]
public sealed class ApiDetailsTests(SiloFixture silo)
{
    [PostgresFact]
    public async Task UnknownResourcesAre404ProblemsThatSayWhatWasNotFound()
    {
        TenantApi api = silo.NewTenant();

        (HttpStatusCode orderStatus, JsonNode? order) = await api.GetAsync("/api/v1/orders/taobao-000000");
        (HttpStatusCode warehouseStatus, JsonNode? warehouse) = await api.GetAsync("/api/v1/warehouses/WH-NONE");
        (HttpStatusCode channelStatus, JsonNode? channel) = await api.PostAsync("/api/v1/channels/ebay/orders", "{}");

        Assert.Equal((HttpStatusCode.NotFound, HttpStatusCode.NotFound, HttpStatusCode.NotFound), (orderStatus, warehouseStatus, channelStatus));
        Assert.Contains("taobao-000000", order!["detail"]!.GetValue<string>());
        Assert.Contains("WH-NONE", warehouse!["detail"]!.GetValue<string>());
        Assert.Contains("ebay", channel!["detail"]!.GetValue<string>());
    }

    [PostgresFact]
    public async Task ASecondStockCountWithoutSafetyStockKeepsTheOneSetBefore()
    {
        TenantApi api = silo.NewTenant();
        await api.SetUpWorldAsync();
        await api.PutAsync("/api/v1/inventory/WH-HZ/MJ-NS-WAL-40", new { onHand = 50, safetyStock = 6 });

        (_, JsonNode? recount) = await api.PutAsync("/api/v1/inventory/WH-HZ/MJ-NS-WAL-40", new { onHand = 80 });

        Assert.Equal((80, 6, 74), (recount!["onHand"]!.GetValue<int>(), recount["safetyStock"]!.GetValue<int>(), recount["available"]!.GetValue<int>()));
    }

    [PostgresFact]
    public async Task ANewWarehousesBreakerHasBeenClosedSinceItWasCreated()
    {
        TenantApi api = silo.NewTenant();
        DateTimeOffset before = DateTimeOffset.UtcNow.AddSeconds(-5);

        (_, JsonNode? created) = await api.PutAsync("/api/v1/warehouses/WH-NEW", new { name = "新仓", latitude = 1.0, longitude = 1.0 });

        Assert.True(created!["breaker"]!["since"]!.GetValue<DateTimeOffset>() > before);
    }

    [PostgresFact]
    public async Task CancellingACancelledOrderSaysItIsAlreadyClosed()
    {
        TenantApi api = silo.NewTenant();
        await api.SetUpWorldAsync();
        await api.PostAsync("/api/v1/channels/jd/orders", Fixtures.Read("jd"));
        await api.PostAsync("/api/v1/orders/jd-298765432101/cancel");

        (HttpStatusCode status, JsonNode? problem) = await api.PostAsync("/api/v1/orders/jd-298765432101/cancel");

        Assert.Equal(HttpStatusCode.Conflict, status);
        Assert.Contains("already closed", problem!["detail"]!.GetValue<string>());
        Assert.Equal("Cancelled", problem["currentStatus"]!.GetValue<string>());
    }
}

using System.Net;
using System.Text.Json.Nodes;
using OrderActors.Silo.Tests.Support;
using OrderActors.Testing;

namespace OrderActors.Silo.Tests;

/// <summary>After-sales through the REST facade: a partial return of the mini-program's 满300减50 order, explained to the fen.</summary>
[Collection(SiloCollection.Name)]
public sealed class ReturnsApiTests(SiloFixture silo)
{
    /// <summary>The mini-program fixture (a 150.00 night stand and two 75.00 pillows, 满300减50, 10.00 shipping), shipped.</summary>
    private static async Task<string> ShippedOrderAsync(TenantApi api, string orderNo, Action<JsonNode>? change = null)
    {
        await api.SetUpWorldAsync();
        JsonNode payload = JsonNode.Parse(Fixtures.MiniappOrder(orderNo))!;
        payload["coupons"] = new JsonArray(new JsonObject { ["name"] = "满300减50", ["thresholdFen"] = 30000, ["discountFen"] = 5000 });
        change?.Invoke(payload);
        await TenantApi.Ok(api.PostAsync("/api/v1/channels/miniapp/orders", payload));
        string orderId = $"miniapp-{orderNo}";
        await api.SettledOrderAsync(orderId);
        await TenantApi.Ok(api.PostAsync($"/api/v1/orders/{orderId}/ship", new { carrier = "SF", trackingNo = $"SF{orderNo}" }));
        return orderId;
    }

    [PostgresFact]
    public async Task APartialReturnIsRefundedToTheFenWithItsCouponShareExplainedAndReceivedIntoStock()
    {
        TenantApi api = silo.NewTenant();
        string orderId = await ShippedOrderAsync(api, "RMA-API-1");
        (_, JsonNode? inventoryBefore) = await api.GetAsync("/api/v1/inventory/MJ-NS-WAL-40");

        (HttpStatusCode created, JsonNode? rma) = await api.PostAsync($"/api/v1/orders/{orderId}/returns",
            new { kind = "return", lines = new[] { new { sku = "MJ-NS-WAL-40", quantity = 1 } }, reasonText = "快递盒压扁了，柜门裂了" });

        Assert.Equal(HttpStatusCode.Created, created);
        string rmaId = rma!["rmaId"]!.GetValue<string>();
        Assert.Equal($"{orderId}-R1", rmaId);
        Assert.Equal(("return", "Requested"), (rma["kind"]!.GetValue<string>(), rma["status"]!.GetValue<string>()));
        JsonNode refund = rma["refund"]!;
        Assert.Equal((15000 - 2500, 2500, 0L), (refund["totalFen"]!.GetValue<long>(), refund["couponReturnFen"]!.GetValue<long>(), refund["shippingFen"]!.GetValue<long>()));
        Assert.Contains(refund["explanation"]!.AsArray(), e => e!.GetValue<string>().Contains("25.00", StringComparison.Ordinal));
        Assert.True(rma["reasonConfidence"]!.GetValue<double>() is > 0 and <= 1);
        (_, JsonNode? order) = await api.GetAsync($"/api/v1/orders/{orderId}");
        Assert.Equal(("Returning", "售后中"), (order!["status"]!.GetValue<string>(), order["customerStatus"]!.GetValue<string>()));
        Assert.Equal(rmaId, order["returns"]![0]!["rmaId"]!.GetValue<string>());

        await TenantApi.Ok(api.PostAsync($"/api/v1/returns/{rmaId}/approve"));
        string warehouse = rma["lines"]![0]!["warehouseId"]!.GetValue<string>();
        Assert.Equal(1, Level(await api.GetAsync("/api/v1/inventory/MJ-NS-WAL-40"), warehouse)["expectedBack"]!.GetValue<int>());
        JsonNode? received = await TenantApi.Ok(api.PostAsync($"/api/v1/returns/{rmaId}/receive",
            new { lines = new[] { new { sku = "MJ-NS-WAL-40", receivedQuantity = 1, damagedQuantity = 0 } } }));
        JsonNode? refunded = await TenantApi.Ok(api.PostAsync($"/api/v1/returns/{rmaId}/refund"));

        Assert.Equal("Received", received!["status"]!.GetValue<string>());
        Assert.Equal(("Refunded", 12500L), (refunded!["status"]!.GetValue<string>(), refunded["refund"]!["totalFen"]!.GetValue<long>()));
        JsonNode level = Level(await api.GetAsync("/api/v1/inventory/MJ-NS-WAL-40"), warehouse);
        Assert.Equal(Level((HttpStatusCode.OK, inventoryBefore), warehouse)["onHand"]!.GetValue<int>() + 1, level["onHand"]!.GetValue<int>());
        Assert.Equal(0, level["expectedBack"]!.GetValue<int>());
        (_, JsonNode? after) = await api.GetAsync($"/api/v1/orders/{orderId}");
        Assert.Equal("Shipped", after!["status"]!.GetValue<string>());
        (_, JsonNode? audit) = await api.GetAsync("/api/v1/audit");
        Assert.True(audit!["ok"]!.GetValue<bool>(), audit.ToJsonString());
    }

    [PostgresFact]
    public async Task TheQueueFiltersAndCountsAndAnIllegalMoveIs409WithTheCurrentStatus()
    {
        TenantApi api = silo.NewTenant();
        string orderId = await ShippedOrderAsync(api, "RMA-API-2");
        JsonNode? first = await TenantApi.Ok(api.PostAsync($"/api/v1/orders/{orderId}/returns",
            new { kind = "refund_only", lines = new[] { new { sku = "MJ-PIL-LTX-STD", quantity = 1 } }, reasonText = "枕头有异味，闻着头疼" }));
        JsonNode? second = await TenantApi.Ok(api.PostAsync($"/api/v1/orders/{orderId}/returns",
            new { kind = "return", lines = new[] { new { sku = "MJ-PIL-LTX-STD", quantity = 1 } }, reasonText = "不想要了" }));
        string firstId = first!["rmaId"]!.GetValue<string>();

        (HttpStatusCode early, JsonNode? conflict) = await api.PostAsync($"/api/v1/returns/{firstId}/refund");
        await TenantApi.Ok(api.PostAsync($"/api/v1/returns/{firstId}/approve"));
        (HttpStatusCode receiveRefundOnly, _) = await api.PostAsync($"/api/v1/returns/{firstId}/receive",
            new { lines = new[] { new { sku = "MJ-PIL-LTX-STD", receivedQuantity = 1 } } });
        (HttpStatusCode tooMany, JsonNode? overReturn) = await api.PostAsync($"/api/v1/orders/{orderId}/returns",
            new { kind = "return", lines = new[] { new { sku = "MJ-PIL-LTX-STD", quantity = 1 } }, reasonText = "再退一个" });

        Assert.Equal(HttpStatusCode.Conflict, early);
        Assert.Equal("Requested", conflict!["currentStatus"]!.GetValue<string>());
        Assert.Equal(HttpStatusCode.Conflict, receiveRefundOnly);
        Assert.Equal(HttpStatusCode.BadRequest, tooMany);
        Assert.True(overReturn!["errors"]!.AsObject().ContainsKey("lines"), overReturn.ToJsonString());
        await Eventually.TrueAsync(async () =>
        {
            (_, JsonNode? counts) = await api.GetAsync("/api/v1/returns/counts");
            return counts!["byStatus"]!["Approved"]!.GetValue<long>() == 1 && counts["byStatus"]!["Requested"]!.GetValue<long>() == 1;
        }, because: "the queue counts follow the RMAs");
        (_, JsonNode? approved) = await api.GetAsync("/api/v1/returns?status=Approved");
        (_, JsonNode? refundOnly) = await api.GetAsync("/api/v1/returns?kind=refund_only");
        (_, JsonNode? ofOrder) = await api.GetAsync($"/api/v1/returns?orderId={orderId}");
        (HttpStatusCode badFilter, JsonNode? filterProblem) = await api.GetAsync("/api/v1/returns?status=Lost&reasonCode=nope");
        Assert.Equal(firstId, Assert.Single(approved!["items"]!.AsArray())!["rmaId"]!.GetValue<string>());
        Assert.Equal(firstId, Assert.Single(refundOnly!["items"]!.AsArray())!["rmaId"]!.GetValue<string>());
        Assert.Equal(2, ofOrder!["total"]!.GetValue<int>());
        Assert.Equal(HttpStatusCode.BadRequest, badFilter);
        Assert.True(filterProblem!["errors"]!.AsObject().ContainsKey("status") && filterProblem["errors"]!.AsObject().ContainsKey("reasonCode"));
        Assert.Equal(second!["rmaId"]!.GetValue<string>(), $"{orderId}-R2");
    }

    [PostgresFact]
    public async Task BadRequestsAreRefusedNamingTheFieldAndChangeNothing()
    {
        TenantApi api = silo.NewTenant();
        string orderId = await ShippedOrderAsync(api, "RMA-API-3");

        (HttpStatusCode badKind, JsonNode? kindProblem) = await api.PostAsync($"/api/v1/orders/{orderId}/returns",
            new { kind = "swap", lines = new[] { new { sku = "MJ-NS-WAL-40", quantity = 1 } } });
        (HttpStatusCode noLines, JsonNode? linesProblem) = await api.PostAsync($"/api/v1/orders/{orderId}/returns", new { kind = "return", lines = Array.Empty<object>() });
        (HttpStatusCode unknownSku, _) = await api.PostAsync($"/api/v1/orders/{orderId}/returns",
            new { kind = "return", lines = new[] { new { sku = "NOPE", quantity = 1 } } });
        (HttpStatusCode negative, _) = await api.PostAsync($"/api/v1/orders/{orderId}/returns",
            new { kind = "return", lines = new[] { new { sku = "MJ-NS-WAL-40", quantity = 1 } }, shippingInsuranceFen = -5 });
        (HttpStatusCode unknownOrder, _) = await api.PostAsync("/api/v1/orders/miniapp-NOPE/returns",
            new { kind = "return", lines = new[] { new { sku = "MJ-NS-WAL-40", quantity = 1 } } });
        (HttpStatusCode unknownRma, _) = await api.GetAsync($"/api/v1/returns/{orderId}-R9");
        (HttpStatusCode badReason, _) = await api.PostAsync($"/api/v1/returns/{orderId}-R9/reason", new { reasonCode = "随便" });

        Assert.Equal((HttpStatusCode.BadRequest, HttpStatusCode.BadRequest, HttpStatusCode.BadRequest, HttpStatusCode.BadRequest),
            (badKind, noLines, unknownSku, negative));
        Assert.True(kindProblem!["errors"]!.AsObject().ContainsKey("kind"));
        Assert.True(linesProblem!["errors"]!.AsObject().ContainsKey("lines"));
        Assert.Equal((HttpStatusCode.NotFound, HttpStatusCode.NotFound, HttpStatusCode.BadRequest), (unknownOrder, unknownRma, badReason));
        (_, JsonNode? order) = await api.GetAsync($"/api/v1/orders/{orderId}");
        Assert.Equal("Shipped", order!["status"]!.GetValue<string>());
        Assert.Empty(order["returns"]!.AsArray());
    }

    [PostgresFact]
    public async Task AReasonCorrectionIsKeptAndTheClassifierAndQrCodeAnswer()
    {
        TenantApi api = silo.NewTenant();
        string orderId = await ShippedOrderAsync(api, "RMA-API-4");
        JsonNode? rma = await TenantApi.Ok(api.PostAsync($"/api/v1/orders/{orderId}/returns",
            new { kind = "return", lines = new[] { new { sku = "MJ-NS-WAL-40", quantity = 1 } }, reasonText = "颜色和图片差太多了" }));
        string rmaId = rma!["rmaId"]!.GetValue<string>();

        JsonNode? corrected = await TenantApi.Ok(api.PostAsync($"/api/v1/returns/{rmaId}/reason", new { reasonCode = "与描述不符" }));
        JsonNode? classified = await TenantApi.Ok(api.PostAsync("/api/v1/return-reasons/classify", new { text = "猫不吃这个口味" }));
        JsonNode? reasons = await TenantApi.Ok(api.GetAsync("/api/v1/return-reasons"));
        using HttpResponseMessage qr = await api.Client.GetAsync($"/api/v1/returns/{rmaId}/return-address.svg");

        Assert.Equal(("与描述不符", "operator", 1.0), (corrected!["reasonCode"]!.GetValue<string>(), corrected["reasonSource"]!.GetValue<string>(),
            corrected["reasonConfidence"]!.GetValue<double>()));
        Assert.Contains(corrected["timeline"]!.AsArray(), t => t!["note"]?.GetValue<string>().Contains("reason corrected", StringComparison.Ordinal) == true);
        Assert.Equal("口味不符", classified!["reasonCode"]!.GetValue<string>());
        Assert.False(string.IsNullOrEmpty(classified["modelVersion"]!.GetValue<string>()));
        Assert.Equal(11, reasons!["codes"]!.AsArray().Count);
        Assert.True(reasons["evaluation"]!["accuracy"]!.GetValue<double>() > 0.5);
        Assert.True(reasons["evaluation"]!["testCount"]!.GetValue<int>() >= 200);
        Assert.Equal(HttpStatusCode.OK, qr.StatusCode);
        Assert.Equal("image/svg+xml", qr.Content.Headers.ContentType?.MediaType);
        Assert.StartsWith("<svg", (await qr.Content.ReadAsStringAsync()).TrimStart()[..4], StringComparison.Ordinal);
        Assert.Contains(rmaId, rma["returnAddress"]!["text"]!.GetValue<string>(), StringComparison.Ordinal);
    }

    [PostgresFact]
    public async Task OperatorsCorrectionsRetrainTheClassifierAndItsNewVersionIsRecorded()
    {
        TenantApi api = silo.NewTenant();
        const string Phrase = "盒子里只有说明书没有杯盖";
        JsonNode? before = await TenantApi.Ok(api.PostAsync("/api/v1/return-reasons/classify", new { text = Phrase }));
        string wrong = before!["reasonCode"]!.GetValue<string>();
        string right = wrong == "少件漏发" ? "发错货" : "少件漏发";
        (_, JsonNode? reasonsBefore) = await api.GetAsync("/api/v1/return-reasons");
        int correctionsBefore = reasonsBefore!["model"]!["corrections"]!.GetValue<int>();
        for (int i = 0; i < 4; i++)
        {
            string orderId = await ShippedOrderAsync(api, $"RMA-LEARN-{i}");
            JsonNode? rma = await TenantApi.Ok(api.PostAsync($"/api/v1/orders/{orderId}/returns",
                new { kind = "return", lines = new[] { new { sku = "MJ-NS-WAL-40", quantity = 1 } }, reasonText = $"{Phrase}{new string('!', i)}" }));
            await TenantApi.Ok(api.PostAsync($"/api/v1/returns/{rma!["rmaId"]!.GetValue<string>()}/reason", new { reasonCode = right }));
        }

        JsonNode? after = null;
        await Eventually.TrueAsync(async () =>
        {
            (_, JsonNode? reasons) = await api.GetAsync("/api/v1/return-reasons");
            after = reasons;
            return reasons!["model"]!["corrections"]!.GetValue<int>() >= correctionsBefore + 4;
        }, TimeSpan.FromSeconds(60), "the silo re-trains after corrections");
        JsonNode? classified = await TenantApi.Ok(api.PostAsync("/api/v1/return-reasons/classify", new { text = Phrase }));

        Assert.Equal(right, classified!["reasonCode"]!.GetValue<string>());
        Assert.NotEqual(before["modelVersion"]!.GetValue<string>(), classified["modelVersion"]!.GetValue<string>());
        Assert.Equal(after!["model"]!["version"]!.GetValue<string>(), classified["modelVersion"]!.GetValue<string>());
        Assert.True(after["evaluation"]!["accuracy"]!.GetValue<double>() > 0.5);
    }

    private static JsonNode Level((HttpStatusCode Status, JsonNode? Body) inventory, string warehouse) =>
        inventory.Body!["warehouses"]!.AsArray().Single(w => w!["warehouseId"]!.GetValue<string>() == warehouse)!;
}

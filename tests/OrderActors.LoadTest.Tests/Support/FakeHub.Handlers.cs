using System.Text.Json;
using System.Text.Json.Nodes;
using System.Web;
using OrderActors.Abstractions.Orders;
using OrderActors.Connectors;
using OrderActors.Domain.Intake;

namespace OrderActors.LoadTest.Tests.Support;

/// <summary>The fake hub's handlers, one per route the load test calls.</summary>
public sealed partial class FakeHub
{
    private static readonly ConnectorRegistry _connectors = ConnectorRegistry.CreateDefault();

    private (int, JsonNode?) Put(FakeTenant tenant, string resource, string[] ids, JsonNode body)
    {
        lock (tenant.Gate)
        {
            switch (resource)
            {
                case "warehouses":
                    tenant.Warehouses.Add(ids[0]);
                    tenant.OpenWarehouses.Add(ids[0]);
                    break;
                case "skus":
                    tenant.Buckets[ids[0]] = body["buckets"]!.GetValue<int>();
                    break;
                case "inventory" when !tenant.Warehouses.Contains(ids[0]) || !tenant.Buckets.ContainsKey(ids[1]):
                    return (404, Problem(404, "unknown warehouse or SKU"));
                case "inventory":
                    tenant.Stock[(ids[0], ids[1])] = (body["onHand"]!.GetValue<int>(), tenant.Stock.GetValueOrDefault((ids[0], ids[1])).Reserved);
                    break;
                default:
                    ChannelNames.TryParse(ids[0], out Channel channel);
                    tenant.Mappings[(channel, ids[1])] = new SkuMapping((string)body["sku"]!, (string?)body["variant"]);
                    break;
            }
        }
        return (200, body);
    }

    private (int, JsonNode?) Intake(FakeTenant tenant, string channelName, JsonNode body)
    {
        if (!ChannelNames.TryParse(channelName, out Channel channel))
        {
            return (404, Problem(404, "unknown channel"));
        }
        ConnectorResult<NormalizedOrder> parsed = _connectors.Get(channel).ParseOrder(JsonDocument.Parse(body.ToJsonString()).RootElement);
        if (!parsed.IsSuccess)
        {
            return (400, Problem(400, string.Join("; ", parsed.Errors.Select(error => $"{error.Key}: {string.Join(", ", error.Value)}"))));
        }
        NormalizedOrder order = parsed.Value;
        string orderId = $"{channelName}-{order.ExternalOrderId}";
        IntakeValidation validation = IntakeValidator.Validate(order, new IntakeContext(tenant, IntakeRules.Default, DateTimeOffset.UtcNow));
        lock (tenant.Gate)
        {
            if (tenant.Orders.TryGetValue(orderId, out FakeOrder? known))
            {
                return (202, IntakeAnswer(known, duplicate: true));
            }
            var created = new FakeOrder(orderId, validation.Lines.Select(line => (line.MasterSku ?? "?", line.Quantity)).ToList());
            created.Holds.AddRange(validation.Holds.Select(hold => hold.Code));
            created.Status = created.Holds.Count > 0 ? OrderStatus.OnHold : order.MappedStatus;
            if (!(_faults.LoseOneOrder && Interlocked.Exchange(ref _lost, 1) == 0))
            {
                tenant.Orders[orderId] = created;
            }
            if (created.Status == OrderStatus.Paid)
            {
                _work.Writer.TryWrite((tenant, created));
            }
            return (202, IntakeAnswer(created, duplicate: false));
        }
    }

    private (int, JsonNode?) Event(FakeTenant tenant, string channelName, string externalId, JsonNode body)
    {
        ChannelNames.TryParse(channelName, out Channel channel);
        ConnectorResult<PlatformEvent> parsed = _connectors.Get(channel).ParseEvent(externalId, JsonDocument.Parse(body.ToJsonString()).RootElement);
        if (!parsed.IsSuccess)
        {
            return (400, Problem(400, string.Join("; ", parsed.Errors.Keys)));
        }
        lock (tenant.Gate)
        {
            if (!tenant.Orders.TryGetValue($"{channelName}-{externalId}", out FakeOrder? order))
            {
                return (404, Problem(404, "unknown order"));
            }
            switch (parsed.Value.Kind)
            {
                case PlatformEventKind.Paid when order.Status == OrderStatus.PendingPayment:
                    order.Status = OrderStatus.Paid;
                    _work.Writer.TryWrite((tenant, order));
                    break;
                case PlatformEventKind.Cancelled when order.Status is not (OrderStatus.Cancelled or OrderStatus.Shipped):
                    tenant.Release(order);
                    order.Status = OrderStatus.Cancelled;
                    break;
                default:
                    return (409, new JsonObject { ["status"] = 409, ["detail"] = $"order is {order.Status}", ["currentStatus"] = order.Status.ToString() });
            }
            return (200, new JsonObject { ["orderId"] = order.OrderId, ["status"] = order.Status.ToString() });
        }
    }

    /// <summary>Opens the breaker and moves every order allocated there, not yet shipped, to another warehouse or a hold.</summary>
    private (int, JsonNode?) Trip(FakeTenant tenant, string warehouseId)
    {
        lock (tenant.Gate)
        {
            tenant.OpenWarehouses.Remove(warehouseId);
            int rerouted = 0;
            int unroutable = 0;
            foreach (FakeOrder order in tenant.Orders.Values.Where(order => order.Status == OrderStatus.Allocated && order.Allocations.Any(a => a.WarehouseId == warehouseId)))
            {
                tenant.Release(order);
                order.Status = OrderStatus.Paid;
                tenant.Allocate(order, oversell: false);
                rerouted += order.Status == OrderStatus.Allocated ? 1 : 0;
                unroutable += order.Status == OrderStatus.Allocated ? 0 : 1;
            }
            tenant.Reroutes += rerouted;
            return (200, new JsonObject
            {
                ["state"] = "Open", ["affectedOrders"] = rerouted + unroutable, ["reroutedOrders"] = rerouted, ["unroutableOrders"] = unroutable,
                ["notAffectedOrders"] = 0, ["pendingOrders"] = 0,
            });
        }
    }

    private static (int, JsonNode?) Order(FakeTenant tenant, string orderId)
    {
        lock (tenant.Gate)
        {
            if (!tenant.Orders.TryGetValue(orderId, out FakeOrder? order))
            {
                return (404, Problem(404, "unknown order"));
            }
            var lines = new JsonArray(order.Lines.Select(line => (JsonNode)new JsonObject
            {
                ["sku"] = line.Sku,
                ["quantity"] = line.Quantity,
                ["allocations"] = new JsonArray(order.Allocations.Where(a => a.Sku == line.Sku)
                    .Select(a => (JsonNode)new JsonObject { ["warehouseId"] = a.WarehouseId, ["quantity"] = a.Quantity }).ToArray()),
            }).ToArray());
            return (200, new JsonObject { ["orderId"] = order.OrderId, ["status"] = order.Status.ToString(), ["lines"] = lines });
        }
    }

    private static (int, JsonNode?) List(FakeTenant tenant, string query)
    {
        string? status = HttpUtility.ParseQueryString(query)["status"];
        lock (tenant.Gate)
        {
            int total = tenant.Orders.Values.Count(order => status is null || order.Status.ToString() == status);
            return (200, new JsonObject { ["items"] = new JsonArray(), ["page"] = 1, ["pageSize"] = 1, ["total"] = total });
        }
    }

    private static (int, JsonNode?) Inventory(FakeTenant tenant, string sku)
    {
        lock (tenant.Gate)
        {
            var rows = tenant.Stock.Where(pair => pair.Key.Sku == sku).Select(pair => (JsonNode)new JsonObject
            {
                ["warehouseId"] = pair.Key.WarehouseId,
                ["onHand"] = pair.Value.OnHand,
                ["reserved"] = pair.Value.Reserved,
                ["available"] = Math.Max(0, pair.Value.OnHand - pair.Value.Reserved),
                ["safetyStock"] = 0,
            }).ToArray();
            return (200, new JsonObject { ["sku"] = sku, ["warehouses"] = new JsonArray(rows) });
        }
    }

    private static (int, JsonNode?) Audit(FakeTenant tenant)
    {
        lock (tenant.Gate)
        {
            long oversold = tenant.Stock.Values.Sum(row => (long)Math.Max(0, row.Reserved - row.OnHand));
            long negative = tenant.Stock.Values.Count(row => row.OnHand < 0 || row.Reserved < 0);
            return (200, new JsonObject
            {
                ["ok"] = oversold == 0 && negative == 0,
                ["checkedBuckets"] = tenant.Stock.Count,
                ["checkedOrders"] = tenant.Orders.Count,
                ["oversold"] = oversold,
                ["negativeStock"] = negative,
                ["violations"] = new JsonArray(),
            });
        }
    }

    private static (int, JsonNode?) Dashboard(FakeTenant tenant)
    {
        lock (tenant.Gate)
        {
            var byStatus = new JsonObject();
            foreach (IGrouping<OrderStatus, FakeOrder> group in tenant.Orders.Values.GroupBy(order => order.Status))
            {
                byStatus[group.Key.ToString()] = group.Count();
            }
            var holds = new JsonObject();
            foreach (IGrouping<string, string> group in tenant.Orders.Values.SelectMany(order => order.Holds).GroupBy(code => code))
            {
                holds[group.Key] = group.Count();
            }
            long oversold = tenant.Stock.Values.Sum(row => (long)Math.Max(0, row.Reserved - row.OnHand));
            return (200, new JsonObject { ["ordersByStatus"] = byStatus, ["reroutes"] = tenant.Reroutes, ["holdsByCode"] = holds, ["oversold"] = oversold });
        }
    }

    private static JsonObject IntakeAnswer(FakeOrder order, bool duplicate) => new()
    {
        ["orderId"] = order.OrderId,
        ["status"] = order.Status.ToString(),
        ["duplicate"] = duplicate,
        ["holds"] = new JsonArray(order.Holds.Select(code => (JsonNode)new JsonObject { ["code"] = code, ["message"] = code }).ToArray()),
    };
}

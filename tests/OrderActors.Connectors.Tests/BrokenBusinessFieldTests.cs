using System.Text.Json;
using System.Text.Json.Nodes;
using FsCheck;
using FsCheck.Fluent;
using OrderActors.Abstractions.Orders;
using OrderActors.Connectors.Tests.Support;
using OrderActors.Domain.Intake;

namespace OrderActors.Connectors.Tests;

/// <summary>
/// The acceptance rule, as a property: take a complete order of each platform, break one business field at random
/// (remove it, or give it a value of the wrong type), and the order is still accepted — never a field error — and
/// intake holds it. Only the id, the lines and a line's quantity may refuse a body.
/// </summary>
public sealed class BrokenBusinessFieldTests
{
    /// <summary>Every field a business rule needs, per channel, as paths from the fixture's root ("a.b[0].c").</summary>
    public static TheoryData<string, string[]> BusinessFields => new()
    {
        { "taobao", Prefixed("trade_fullinfo_get_response.trade.", "status", "created", "receiver_name", "receiver_mobile", "receiver_state",
            "receiver_city", "receiver_district", "receiver_address", "post_fee", "payment", "orders.order[0].price",
            "orders.order[0].title", "orders.order[1].sku_id") },
        { "jd", Prefixed("jingdong_pop_order_get_responce.orderDetailInfo.orderInfo.", "orderState", "orderStartTime", "consigneeInfo",
            "consigneeInfo.fullname", "consigneeInfo.mobile", "consigneeInfo.province", "consigneeInfo.city", "consigneeInfo.county",
            "consigneeInfo.fullAddress", "freightPrice", "orderPayment", "itemInfoList[0].skuId", "itemInfoList[0].jdPrice",
            "itemInfoList[1].skuName", "couponDetailList[0].couponPrice") },
        { "pdd", Prefixed("order_info_get_response.order_info.", "order_status", "created_time", "receiver_name", "receiver_phone",
            "province", "city", "town", "postage", "pay_amount", "item_list[0].sku_id", "item_list[0].goods_price", "item_list[1].goods_name") },
        { "douyin", Prefixed("data.shop_order_detail.", "order_status", "create_time", "post_addr", "post_addr.province", "post_addr.city",
            "post_addr.town", "post_amount", "pay_amount", "sku_order_list[0].sku_id", "sku_order_list[0].origin_amount",
            "sku_order_list[1].product_name") },
        { "meituan", Prefixed("data.", "status", "ctime", "recipient_name", "recipient_phone", "shipping_fee", "total", "original_price") },
        { "miniapp", ["status", "createdAt", "receiver", "receiver.name", "receiver.phone", "receiver.province", "receiver.city",
            "receiver.district", "receiver.detail", "shippingFen", "payFen", "items[0].skuId", "items[0].unitPriceFen", "items[1].title"] },
    };

    [Theory]
    [MemberData(nameof(BusinessFields))]
    public void BreakingAnyOneBusinessFieldGivesAHeldOrderNeverARefusal(string channel, string[] fields)
    {
        IChannelConnector connector = Registered.For(ChannelOf(channel));
        NormalizedOrder complete = ResultAssert.Succeeds(connector.ParseOrder(Fixture.Load(channel, "order.json"), ReceivedAt));
        InMemorySkuMappings mappings = MapEvery(complete);
        IntakeValidation clean = Validate(complete, mappings);
        Assert.True(clean.IsClean, $"the fixture itself must be a clean order: {string.Join("; ", clean.Holds)}");

        Gen<(string Field, int Breakage)> cases =
            from field in Gen.Elements(fields)
            from breakage in Gen.Choose(0, Breakages.Length - 1)
            select (field, breakage);

        Prop.ForAll(cases.ToArbitrary(), c =>
        {
            JsonElement broken = Fixture.Edited(channel, "order.json", root => Break(root, c.Field, Breakages[c.Breakage]));
            ConnectorResult<NormalizedOrder> result = connector.ParseOrder(broken, ReceivedAt);
            if (!result.IsSuccess)
            {
                throw new Xunit.Sdk.XunitException(
                    $"{channel}: {c.Field} broken by {Breakages[c.Breakage].Name} was refused: {string.Join("; ", result.Errors.Select(e => $"{e.Key}: {string.Join(", ", e.Value)}"))}");
            }
            IntakeValidation validation = Validate(result.Value, mappings);
            if (validation.IsClean)
            {
                throw new Xunit.Sdk.XunitException($"{channel}: {c.Field} broken by {Breakages[c.Breakage].Name} was accepted without a hold");
            }
            return true;
        }).QuickCheckThrowOnFailure();
    }

    [Theory]
    [InlineData("taobao", "trade_fullinfo_get_response.trade.tid")]
    [InlineData("taobao", "trade_fullinfo_get_response.trade.orders")]
    [InlineData("jd", "jingdong_pop_order_get_responce.orderDetailInfo.orderInfo.itemInfoList")]
    [InlineData("pdd", "order_info_get_response.order_info.order_sn")]
    [InlineData("douyin", "data.shop_order_detail.sku_order_list")]
    [InlineData("meituan", "data.detail")]
    [InlineData("miniapp", "orderNo")]
    public void WithoutItsIdOrItsLinesABodyIsNoOrderAndIsRefused(string channel, string field)
    {
        JsonElement broken = Fixture.Edited(channel, "order.json", root => Break(root, field, Breakages[0]));

        Assert.False(Registered.For(ChannelOf(channel)).ParseOrder(broken, ReceivedAt).IsSuccess);
    }

    private static readonly DateTimeOffset ReceivedAt = DateTimeOffset.FromUnixTimeMilliseconds(1768911330000);

    private static readonly (string Name, Func<JsonNode?> Value)[] Breakages =
    [
        ("removing it", () => null),
        ("an object", () => new JsonObject { ["x"] = 1 }),
        ("an array", () => new JsonArray(1, 2)),
        ("true", () => JsonValue.Create(true)),
    ];

    private static Channel ChannelOf(string name) =>
        ChannelNames.TryParse(name, out Channel channel) ? channel : throw new ArgumentException($"unknown channel {name}");

    private static string[] Prefixed(string prefix, params string[] fields) => fields.Select(f => prefix + f).ToArray();

    private static IntakeValidation Validate(NormalizedOrder order, InMemorySkuMappings mappings) =>
        IntakeValidator.Validate(order, new IntakeContext(mappings, IntakeRules.Default, ReceivedAt));

    private static InMemorySkuMappings MapEvery(NormalizedOrder order)
    {
        var mappings = new InMemorySkuMappings();
        foreach (NormalizedOrderLine line in order.Lines)
        {
            mappings.Map(order.Channel, line.PlatformSkuId, new SkuMapping("SKU-" + line.PlatformSkuId, null, null));
        }
        return mappings;
    }

    /// <summary>Removes or replaces the node at <paramref name="path"/>; a segment that is JSON text (JD's couponDetailList) is opened, edited and written back.</summary>
    private static void Break(JsonNode root, string path, (string Name, Func<JsonNode?> Value) breakage)
    {
        string[] segments = path.Split('.');
        JsonNode parent = root;
        for (int i = 0; i < segments.Length - 1; i++)
        {
            parent = Step(parent, segments[i]);
        }
        string last = segments[^1];
        int bracket = last.IndexOf('[');
        if (bracket >= 0)
        {
            JsonArray array = Step(parent, last[..bracket]).AsArray();
            int index = int.Parse(last[(bracket + 1)..^1]);
            if (breakage.Value() is { } value)
            {
                array[index] = value;
            }
            else
            {
                array.RemoveAt(index);
            }
            return;
        }
        if (breakage.Value() is { } replacement)
        {
            parent.AsObject()[last] = replacement;
        }
        else
        {
            parent.AsObject().Remove(last);
        }
    }

    private static JsonNode Step(JsonNode node, string segment)
    {
        int bracket = segment.IndexOf('[');
        string name = bracket >= 0 ? segment[..bracket] : segment;
        JsonNode child = node[name]!;
        return bracket >= 0 ? child[int.Parse(segment[(bracket + 1)..^1])]! : child;
    }
}

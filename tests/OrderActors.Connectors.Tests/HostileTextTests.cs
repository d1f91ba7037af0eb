using System.Text.Json;
using System.Text.Json.Nodes;
using OrderActors.Abstractions.Orders;
using OrderActors.Connectors.Taobao;
using OrderActors.Connectors.Tests.Support;

namespace OrderActors.Connectors.Tests;

/// <summary>
/// Issue 13: text a platform sends that the hub cannot store (U+0000, lone or reversed UTF-16 surrogates) or that is
/// absurdly long never fails a read and never reaches storage as sent: the order is accepted, the text cleaned or
/// cut, and the field held <c>unreadable_field</c>. Only an order with absurdly many lines is refused.
/// </summary>
public sealed class HostileTextTests
{
    private const string Trade = "trade_fullinfo_get_response.trade";

    private readonly TaobaoConnector _connector = new();

    [Theory]
    [InlineData("\\u0000", "王小明")]
    [InlineData("\\ud800", "王小明\uFFFD")]
    [InlineData("\\udc00\\ud800", "王小明\uFFFD\uFFFD")]
    public void AReceiverNameTheDatabaseCannotHoldIsCleanedAndHeld(string escaped, string stored)
    {
        JsonElement payload = Escaped("receiver_name", "王小明" + Placeholder, escaped);

        NormalizedOrder order = ResultAssert.HeldOn(_connector.ParseOrder(payload), HoldCodes.UnreadableField, $"{Trade}.receiver_name", "U+0000");

        Assert.Equal(stored, order.Receiver.Name);
    }

    [Fact]
    public void ALoneSurrogateInANoteIsReplacedAndTheRestOfTheNoteKept()
    {
        JsonElement payload = Escaped("buyer_message", "请" + Placeholder + "尽快发货", "\\ud83d");

        NormalizedOrder order = ResultAssert.HeldOn(_connector.ParseOrder(payload), HoldCodes.UnreadableField, $"{Trade}.buyer_message");

        Assert.Equal("请\uFFFD尽快发货", order.BuyerNote);
    }

    [Fact]
    public void APairedSurrogateIsTextAndNoFinding()
    {
        JsonElement payload = Escaped("buyer_message", "送花" + Placeholder, "\\ud83c\\udf38");

        NormalizedOrder order = ResultAssert.Succeeds(_connector.ParseOrder(payload));

        Assert.Equal("送花🌸", order.BuyerNote);
        Assert.DoesNotContain(order.Findings, f => f.Field == $"{Trade}.buyer_message");
    }

    [Fact]
    public void AMillionCharacterNameIsCutAndHeld()
    {
        JsonElement payload = Fixture.Edited("taobao", "order.json", root => TradeOf(root)["receiver_name"] = new string('名', 1_000_000));

        NormalizedOrder order = ResultAssert.HeldOn(_connector.ParseOrder(payload), HoldCodes.UnreadableField, $"{Trade}.receiver_name",
            "is 1000000 characters long: kept the first 1000");

        Assert.Equal(1000, order.Receiver.Name.Length);
    }

    [Fact]
    public void AnOrderIdThatIsNotTextIsRefused()
    {
        JsonElement payload = Escaped("tid", "3961234567890" + Placeholder, "\\ud800");

        ResultAssert.FailsOn(_connector.ParseOrder(payload), $"{Trade}.tid", "no id");
    }

    [Fact]
    public void MoreLinesThanAnyPlatformSendsIsRefused()
    {
        JsonElement payload = Fixture.Edited("taobao", "order.json", root =>
        {
            JsonArray lines = TradeOf(root)["orders"]!["order"]!.AsArray();
            JsonNode line = lines[0]!;
            while (lines.Count < 10_000)
            {
                lines.Add(line.DeepClone());
            }
        });

        ResultAssert.FailsOn(_connector.ParseOrder(payload), $"{Trade}.orders.order", "has 10000 lines: an order has at most 500");
    }

    [Fact]
    public void AStatusMessageWithTextTheDatabaseCannotHoldIsRefusedNamingTheField()
    {
        string message = File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Fixtures", "taobao", "event-paid.json"));
        JsonNode node = JsonNode.Parse(message)!;
        node["topic"] = node["topic"]!.GetValue<string>() + Placeholder;

        ConnectorResult<PlatformEvent> result = _connector.ParseEvent("4012345678901234567", Fixture.Parse(node.ToJsonString().Replace(Placeholder, "\\u0000")));

        ResultAssert.FailsOn(result, "topic", "U+0000");
    }

    private const string Placeholder = "@@ESCAPE@@";

    /// <summary>The Taobao fixture with <paramref name="field"/> set to <paramref name="value"/>, its placeholder replaced by a raw JSON escape.</summary>
    private static JsonElement Escaped(string field, string value, string escape)
    {
        JsonNode root = JsonNode.Parse(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Fixtures", "taobao", "order.json")))!;
        TradeOf(root)[field] = value;
        return Fixture.Parse(root.ToJsonString(new JsonSerializerOptions { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping })
            .Replace(Placeholder, escape, StringComparison.Ordinal));
    }

    private static JsonNode TradeOf(JsonNode root) => root["trade_fullinfo_get_response"]!["trade"]!;
}

using System.Text.Json;
using System.Text.Json.Nodes;
using OrderActors.Abstractions.Common;
using OrderActors.Abstractions.Orders;
using OrderActors.Connectors.Miniapp;
using OrderActors.Connectors.Tests.Support;

namespace OrderActors.Connectors.Tests;

public sealed class MiniappConnectorTests
{
    private readonly MiniappConnector _connector = new();

    [Fact]
    public void APhoneWithCountryCodeAndDashesIsNormalised()
    {
        JsonElement payload = Fixture.Edited("miniapp", "order.json", root => root["receiver"]!["phone"] = "+86 138-1234-5678");

        Contact receiver = ResultAssert.Succeeds(_connector.ParseOrder(payload)).Receiver;

        Assert.Equal(("13812345678", false), (receiver.Phone, receiver.PhoneMasked));
    }

    [Fact]
    public void ItemDiscountsBecomeLineDiscounts()
    {
        JsonElement payload = Fixture.Edited("miniapp", "order.json", root => root["items"]![1]!["discountFen"] = 990);

        Assert.Equal(990, ResultAssert.Succeeds(_connector.ParseOrder(payload)).Lines[1].LineDiscount.Fen);
    }

    [Fact]
    public void SeveralBrokenBusinessFieldsAreAllHeld()
    {
        JsonElement payload = Fixture.Edited("miniapp", "order.json", root =>
        {
            root["payFen"] = "lots";
            root["status"] = "TELEPORTED";
            root.AsObject().Remove("createdAt");
        });

        NormalizedOrder order = ResultAssert.Succeeds(_connector.ParseOrder(payload));

        Assert.Equal(["createdAt", "payFen", "status"], order.Findings.Select(f => f.Field).Order());
        Assert.Equal(HoldCodes.UnknownStatus, order.Findings.Single(f => f.Field == "status").Code);
    }

    [Fact]
    public void ALineWithoutAQuantityIsNoLineAndTheOrderIsRefused() =>
        ResultAssert.FailsOn(_connector.ParseOrder(Fixture.Edited("miniapp", "order.json", root => root["items"]![0]!["quantity"] = -2)),
            "items[0].quantity", "positive");

    [Fact]
    public void ANegativeCreationTimeIsHeld() =>
        ResultAssert.HeldOn(_connector.ParseOrder(Fixture.Edited("miniapp", "order.json", root => root["createdAt"] = -5)),
            HoldCodes.UnreadableField, "createdAt", "milliseconds");

    [Fact]
    public void APayloadThatIsNotAnObjectIsRefused() =>
        ResultAssert.FailsOn(_connector.ParseOrder(Fixture.Parse("[1,2,3]")), "$", "object");

    [Theory]
    [InlineData("event-paid.json", PlatformEventKind.Paid)]
    [InlineData("event-refund.json", PlatformEventKind.RefundRequested)]
    [InlineData("event-delivered.json", PlatformEventKind.Delivered)]
    public void EventsMapToTheirKinds(string file, PlatformEventKind kind) =>
        Assert.Equal(kind, ResultAssert.Succeeds(_connector.ParseEvent("MP202601200815", Fixture.Load("miniapp", file))).Kind);

    [Fact]
    public void AnEventNoteIsKept() =>
        Assert.Equal("枕头有异味", _connector.ParseEvent("MP202601200815", Fixture.Load("miniapp", "event-refund.json")).Value.Note);
}

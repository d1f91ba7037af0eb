using System.Text.Json;
using OrderActors.Abstractions.Orders;

namespace OrderActors.Connectors.Tests;

public sealed class ConnectorRegistryTests
{
    [Fact]
    public void TheDefaultRegistryHasAConnectorForEveryChannelThatReportsThatChannel()
    {
        ConnectorRegistry registry = ConnectorRegistry.CreateDefault();

        Assert.All(Enum.GetValues<Channel>(), channel => Assert.Equal(channel, registry.Get(channel).Channel));
    }

    [Fact]
    public void AskingForAnUnregisteredChannelThrows() =>
        Assert.Throws<KeyNotFoundException>(() => new ConnectorRegistry([]).Get(Channel.Jd));

    [Theory]
    [InlineData("null")]
    [InlineData("\"text\"")]
    [InlineData("{}")]
    [InlineData("{\"data\":{\"order_id\":[1],\"sku_order_list\":{}}}")]
    public void NoConnectorThrowsOnGarbage(string json)
    {
        using JsonDocument document = JsonDocument.Parse(json);
        ConnectorRegistry registry = ConnectorRegistry.CreateDefault();

        foreach (Channel channel in Enum.GetValues<Channel>())
        {
            IChannelConnector connector = registry.Get(channel);
            Assert.False(connector.ParseOrder(document.RootElement).IsSuccess);
            Assert.False(connector.ParseEvent("1", document.RootElement).IsSuccess);
        }
    }

    [Fact]
    public void AFailedResultRefusesToHandOutAValue() =>
        Assert.Throws<InvalidOperationException>(() => ConnectorResult<PlatformEvent>.Failure("x", "broken").Value);
}

using OrderActors.Abstractions.Common;
using OrderActors.Abstractions.Orders;
using OrderActors.Domain.Allocation;

namespace OrderActors.Domain.Tests.Support;

/// <summary>Builds allocation requests: a Taobao order to Hangzhou with no lines and no exclusions unless told.</summary>
internal sealed class AllocationRequestBuilder
{
    private readonly string _orderId;
    private readonly List<AllocationLine> _lines = [];
    private readonly HashSet<string> _excluded = new(StringComparer.Ordinal);
    private Channel _channel = Channel.Taobao;
    private GeoPoint _destination = AllocationPlaces.Hangzhou;

    private AllocationRequestBuilder(string orderId) => _orderId = orderId;

    public static AllocationRequestBuilder Order(string orderId = "T-1001") => new(orderId);

    public AllocationRequestBuilder From(Channel channel)
    {
        _channel = channel;
        return this;
    }

    public AllocationRequestBuilder To(GeoPoint destination)
    {
        _destination = destination;
        return this;
    }

    public AllocationRequestBuilder WithLine(string masterSku, int quantity)
    {
        _lines.Add(new AllocationLine(masterSku, quantity));
        return this;
    }

    public AllocationRequestBuilder WithColdChainLine(string masterSku, int quantity)
    {
        _lines.Add(new AllocationLine(masterSku, quantity, IsColdChain: true));
        return this;
    }

    public AllocationRequestBuilder Excluding(string warehouseId)
    {
        _excluded.Add(warehouseId);
        return this;
    }

    public AllocationRequest Build() => new(_orderId, _channel, _destination, _lines.ToArray(), new HashSet<string>(_excluded, StringComparer.Ordinal));
}

using OrderActors.Abstractions.AfterSales;
using Orleans;

namespace OrderActors.Grains.AfterSales;

/// <summary>The RMA grain's durable state.</summary>
[GenerateSerializer, Alias("oa.RmaState")]
public sealed record RmaState
{
    [Id(0)]
    public RmaRecord? Rma { get; init; }
}

using OrderActors.Abstractions.Common;
using OrderActors.Abstractions.Errors;
using OrderActors.Abstractions.Orders;
using Orleans;
using Orleans.Runtime;

namespace OrderActors.Grains.Orders;

/// <summary>A platform SKU's mapping as stored.</summary>
[GenerateSerializer, Alias("oa.SkuMappingState")]
public sealed record SkuMappingState
{
    [Id(0)]
    public string? Sku { get; init; }

    [Id(1)]
    public string? Variant { get; init; }
}

/// <summary>One platform SKU's mapping to a master SKU (key <c>tenant/channel/platformSkuId</c>).</summary>
[GrainType("skumapping")]
public sealed class SkuMappingGrain([PersistentState("mapping")] IPersistentState<SkuMappingState> state) : Grain, ISkuMappingGrain
{
    public async Task<SkuMappingView> SetAsync(string sku, string? variant)
    {
        if (string.IsNullOrWhiteSpace(sku))
        {
            throw new CommandValidationException("sku", "A mapping needs the master SKU.");
        }
        var next = new SkuMappingState { Sku = sku.Trim(), Variant = string.IsNullOrWhiteSpace(variant) ? null : variant.Trim() };
        if (next != state.State)
        {
            state.State = next;
            await state.WriteStateAsync();
        }
        return View()!;
    }

    public Task<SkuMappingView?> GetAsync() => Task.FromResult(View());

    private SkuMappingView? View()
    {
        if (state.State.Sku is null)
        {
            return null;
        }
        string[] parts = Keys.LocalPart(this.GetPrimaryKeyString()).Split('/', 2);
        ChannelNames.TryParse(parts[0], out Channel channel);
        return new SkuMappingView(channel, parts[1], state.State.Sku, state.State.Variant);
    }
}

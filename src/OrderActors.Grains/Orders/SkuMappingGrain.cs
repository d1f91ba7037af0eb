using OrderActors.Abstractions.Common;
using OrderActors.Abstractions.Errors;
using OrderActors.Abstractions.Orders;
using OrderActors.Runtime;

namespace OrderActors.Grains.Orders;

/// <summary>A platform SKU's mapping as stored.</summary>
public sealed record SkuMappingState
{
    public string? Sku { get; init; }

    public string? Variant { get; init; }
}

/// <summary>One platform SKU's mapping to a master SKU (key <c>tenant/channel/platformSkuId</c>).</summary>
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
        string[] parts = Keys.LocalPart(GetPrimaryKeyString()).Split('/', 2);
        ChannelNames.TryParse(parts[0], out Channel channel);
        return new SkuMappingView(channel, parts[1], state.State.Sku, state.State.Variant);
    }
}

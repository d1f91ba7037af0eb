using Microsoft.AspNetCore.Http.HttpResults;
using OrderActors.Abstractions.Catalog;
using OrderActors.Abstractions.Common;
using OrderActors.Abstractions.Errors;
using OrderActors.Abstractions.Orders;
using OrderActors.Abstractions.Stock;
using OrderActors.Silo.Access;
using OrderActors.Silo.Api.Contracts;
using Orleans;

namespace OrderActors.Silo.Api;

/// <summary>The master SKU catalog, stock counts and platform SKU mappings.</summary>
public static class CatalogApi
{
    public static IEndpointRouteBuilder MapCatalogApi(this IEndpointRouteBuilder app)
    {
        RouteGroupBuilder skus = app.MapGroup("/api/v1/skus").WithTags("Catalog");
        skus.MapPut("/{sku}", PutSkuAsync).RequireAuthorization(Permissions.SetupWrite);
        skus.MapGet("/", ListSkusAsync).RequireAuthorization(Permissions.Read);
        skus.MapGet("/{sku}", GetSkuAsync).RequireAuthorization(Permissions.Read);

        RouteGroupBuilder inventory = app.MapGroup("/api/v1/inventory").WithTags("Inventory");
        inventory.MapPut("/{warehouseId}/{sku}", PutInventoryAsync).RequireAuthorization(Permissions.SetupWrite);
        inventory.MapGet("/{sku}", GetInventoryAsync).RequireAuthorization(Permissions.Read);

        RouteGroupBuilder mappings = app.MapGroup("/api/v1/sku-mappings").WithTags("Catalog");
        mappings.MapPut("/{channel}/{platformSkuId}", PutMappingAsync).RequireAuthorization(Permissions.SetupWrite);
        mappings.MapGet("/{channel}/{platformSkuId}", GetMappingAsync).RequireAuthorization(Permissions.Read);
        return app;
    }

    public static async Task<Ok<SkuResponse>> PutSkuAsync(string sku, SkuRequest body, HttpContext context, IGrainFactory grains)
    {
        var check = new RequestCheck();
        string id = check.Id("sku", sku);
        string name = check.Required("name", body.Name);
        int buckets = body.Buckets ?? 1;
        check.Range("buckets", buckets, 1, 64);
        if (body.ListPriceFen is < 0)
        {
            check.Add("listPriceFen", "listPriceFen cannot be negative.");
        }
        check.ThrowIfAny();
        Money? listPrice = body.ListPriceFen is { } fen ? new Money(fen) : null;
        SkuInfo saved = await Catalog(grains, context).UpsertSkuAsync(new SkuInfo(id, name, body.ColdChain ?? false, listPrice, buckets));
        return TypedResults.Ok(SkuResponse.From(saved));
    }

    public static async Task<Ok<List<SkuResponse>>> ListSkusAsync(HttpContext context, IGrainFactory grains) =>
        TypedResults.Ok((await Catalog(grains, context).ListSkusAsync()).Select(SkuResponse.From).ToList());

    public static async Task<Ok<SkuResponse>> GetSkuAsync(string sku, HttpContext context, IGrainFactory grains)
    {
        SkuInfo info = await Catalog(grains, context).GetSkuAsync(RequestCheck.ValidId("sku", sku))
            ?? throw new NotFoundException($"SKU {sku} is not in the catalog.");
        return TypedResults.Ok(SkuResponse.From(info));
    }

    public static async Task<Ok<InventoryResponse>> PutInventoryAsync(
        string warehouseId, string sku, InventoryRequest body, HttpContext context, IGrainFactory grains)
    {
        var check = new RequestCheck();
        string warehouse = check.Id("warehouseId", warehouseId);
        string id = check.Id("sku", sku);
        int onHand = check.Required("onHand", body.OnHand);
        check.Range("onHand", onHand, 0, int.MaxValue);
        check.Range("safetyStock", body.SafetyStock ?? 0, 0, int.MaxValue);
        check.ThrowIfAny();
        StockLevel level = await Catalog(grains, context).SetInventoryAsync(warehouse, id, onHand, body.SafetyStock);
        return TypedResults.Ok(InventoryResponse.From(level));
    }

    public static async Task<Ok<SkuInventoryResponse>> GetInventoryAsync(string sku, HttpContext context, IGrainFactory grains)
    {
        string id = RequestCheck.ValidId("sku", sku);
        IReadOnlyList<StockLevel> levels = await Catalog(grains, context).GetInventoryAsync(id);
        return TypedResults.Ok(new SkuInventoryResponse(id, levels.Select(InventoryResponse.From).ToList(), levels.Sum(l => l.Available)));
    }

    public static async Task<Ok<SkuMappingResponse>> PutMappingAsync(
        string channel, string platformSkuId, SkuMappingRequest body, HttpContext context, IGrainFactory grains)
    {
        var check = new RequestCheck();
        Channel parsed = Channels.Parse(check, channel);
        string platformSku = check.Id("platformSkuId", platformSkuId);
        string sku = check.Id("sku", body.Sku);
        check.ThrowIfAny();
        if (await Catalog(grains, context).GetSkuAsync(sku) is null)
        {
            throw new NotFoundException($"sku {sku} is not in the catalog: create it (PUT /api/v1/skus/{sku}) before mapping to it.");
        }
        SkuMappingView view = await grains.GetGrain<ISkuMappingGrain>(Keys.Mapping(Tenancy.Of(context), parsed, platformSku)).SetAsync(sku, body.Variant);
        return TypedResults.Ok(new SkuMappingResponse(parsed.ToRouteName(), view.PlatformSkuId, view.Sku, view.Variant));
    }

    public static async Task<Ok<SkuMappingResponse>> GetMappingAsync(
        string channel, string platformSkuId, HttpContext context, IGrainFactory grains)
    {
        var check = new RequestCheck();
        Channel parsed = Channels.Parse(check, channel);
        string platformSku = check.Id("platformSkuId", platformSkuId);
        check.ThrowIfAny();
        SkuMappingView view = await grains.GetGrain<ISkuMappingGrain>(Keys.Mapping(Tenancy.Of(context), parsed, platformSku)).GetAsync()
            ?? throw new NotFoundException($"{parsed.ToRouteName()} SKU {platformSku} is not mapped.");
        return TypedResults.Ok(new SkuMappingResponse(parsed.ToRouteName(), view.PlatformSkuId, view.Sku, view.Variant));
    }

    private static ICatalogGrain Catalog(IGrainFactory grains, HttpContext context) => grains.GetGrain<ICatalogGrain>(Tenancy.Of(context));
}

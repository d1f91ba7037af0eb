using System.Collections.Immutable;
using System.Text.Json.Serialization;
using OrderActors.Abstractions.Catalog;
using Orleans;
using OrderActors.Persistence.Journal;
using Orleans.Runtime;

namespace OrderActors.Grains.Catalog;

/// <summary>What changed in a tenant's catalog; its journal.</summary>
[JsonPolymorphic]
[JsonDerivedType(typeof(SkuUpserted), "sku")]
[JsonDerivedType(typeof(WarehouseUpserted), "warehouse")]
[JsonDerivedType(typeof(StockRegistered), "stock")]
public abstract record CatalogEvent;

public sealed record SkuUpserted(SkuInfo Sku) : CatalogEvent;

public sealed record WarehouseUpserted(WarehouseSummary Warehouse) : CatalogEvent;

public sealed record StockRegistered(string Sku, string WarehouseId) : CatalogEvent;

/// <summary>A tenant's SKUs, warehouses and which SKU is stocked where.</summary>
[GenerateSerializer, Alias("oa.CatalogState")]
public sealed record CatalogState : IJournalState<CatalogState, CatalogEvent>
{
    [Id(0)]
    public ImmutableSortedDictionary<string, SkuInfo> Skus { get; init; } = ImmutableSortedDictionary<string, SkuInfo>.Empty;

    [Id(1)]
    public ImmutableSortedDictionary<string, WarehouseSummary> Warehouses { get; init; } = ImmutableSortedDictionary<string, WarehouseSummary>.Empty;

    [Id(2)]
    public ImmutableDictionary<string, ImmutableSortedSet<string>> StockedAt { get; init; } = ImmutableDictionary<string, ImmutableSortedSet<string>>.Empty;

    public CatalogState Apply(CatalogEvent @event) => @event switch
    {
        SkuUpserted s => this with { Skus = Skus.SetItem(s.Sku.Sku, s.Sku) },
        WarehouseUpserted w => this with { Warehouses = Warehouses.SetItem(w.Warehouse.WarehouseId, w.Warehouse) },
        StockRegistered r => this with
        {
            StockedAt = StockedAt.SetItem(r.Sku, StockedAt.GetValueOrDefault(r.Sku, ImmutableSortedSet<string>.Empty).Add(r.WarehouseId)),
        },
        _ => throw new ArgumentOutOfRangeException(nameof(@event), @event, "unknown catalog event"),
    };
}

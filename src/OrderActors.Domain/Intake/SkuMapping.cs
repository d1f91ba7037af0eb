using OrderActors.Abstractions.Common;

namespace OrderActors.Domain.Intake;

/// <summary>
/// Where one platform SKU lands in the tenant's master catalogue: the master SKU, the variant text the
/// platform listing should show (to catch a listing bound to the wrong SKU), and the list price.
/// </summary>
public sealed record SkuMapping(string MasterSku, string? ExpectedVariant = null, Money? ListPrice = null);

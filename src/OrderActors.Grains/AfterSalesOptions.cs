using OrderActors.Abstractions.AfterSales;

namespace OrderActors.Grains;

/// <summary>
/// Refund rules: when shipping is refunded and what a coupon whose threshold the kept lines no longer reach does; a
/// tenant may override either under <c>Hub:AfterSales:Tenants:{tenant}</c>.
/// </summary>
public sealed class AfterSalesOptions
{
    public ShippingRefundRule Shipping { get; set; } = ShippingRefundRule.WholeOrderOnly;

    public CouponBreachRule CouponBreach { get; set; } = CouponBreachRule.ReturnShare;

    public Dictionary<string, TenantAfterSalesRules> Tenants { get; set; } = [];

    public AfterSalesPolicy PolicyFor(string tenant) => Tenants.TryGetValue(tenant, out TenantAfterSalesRules? rules)
        ? new AfterSalesPolicy(rules.Shipping ?? Shipping, rules.CouponBreach ?? CouponBreach)
        : new AfterSalesPolicy(Shipping, CouponBreach);
}

/// <summary>One tenant's overrides; an unset rule follows the hub's.</summary>
public sealed class TenantAfterSalesRules
{
    public ShippingRefundRule? Shipping { get; set; }

    public CouponBreachRule? CouponBreach { get; set; }
}

using Microsoft.Playwright;

namespace OrderActors.Silo.BrowserTests.Support;

/// <summary>Where the admin UI puts what the tests read (data attributes, not styling classes, where it can).</summary>
public static class Locators
{
    /// <summary>A number card of the dashboard (`totalOrders`, `openBreakers`, `reroutes` …).</summary>
    public static ILocator Stat(IPage page, string key) => page.Locator($"[data-stat='{key}'] .stat-value");

    /// <summary>A warehouse card of the breaker board.</summary>
    public static ILocator WarehouseCard(IPage page, string warehouseId) => page.Locator($"article.warehouse[data-warehouse='{warehouseId}']");

    /// <summary>A stamp of the order page (`Allocated` 已分仓, `Shipped` 已出库, `InTransit` 在途 …).</summary>
    public static ILocator Stamp(IPage page, string status) => page.Locator($".stamps li[data-stamp='{status}']");

    public static ILocator OrderRow(IPage page, string orderId) => page.Locator($"tr[data-order='{orderId}']");
}

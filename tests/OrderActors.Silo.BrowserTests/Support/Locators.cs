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

    /// <summary>A row of the RMA queue (售后).</summary>
    public static ILocator RmaRow(IPage page, string rmaId) => page.Locator($"table.returns tr[data-rma='{rmaId}']");

    /// <summary>A status tab of the RMA queue or the notification outbox (`all`, `Requested`, `failed` …), its count in `data-count`.</summary>
    public static ILocator StatusTab(IPage page, string status) => page.Locator($".status-tabs .status-tab[data-status='{status}']");

    /// <summary>A row of the notification outbox (通知), by its id; its status in `data-status`.</summary>
    public static ILocator NotificationRow(IPage page, long notificationId) => page.Locator($"table.notifications tr[data-notification='{notificationId}']");

    /// <summary>A row of the notification channels panel (通知渠道).</summary>
    public static ILocator ChannelRow(IPage page, string name) => page.Locator($"table.channels tr[data-channel='{name}']");

    /// <summary>The form that sets a notification channel.</summary>
    public static ILocator ChannelForm(IPage page) => page.Locator("form[data-action='set-channel']");

    /// <summary>A figure of the RMA page's refund (`goodsFen`, `giftDeductionFen`, `totalFen`, `insuranceFen` …).</summary>
    public static ILocator RefundFigure(IPage page, string key) => page.Locator($".refund [data-refund='{key}'] .amount");

    /// <summary>The status badge of the RMA page.</summary>
    public static ILocator RmaStatus(IPage page) => page.Locator(".rma-status .badge");

    /// <summary>A move button of the RMA page (`approve`, `reject`, `refund`, `close`).</summary>
    public static ILocator RmaCommand(IPage page, string action) => page.Locator($".rma-status button[data-action='{action}']");
}

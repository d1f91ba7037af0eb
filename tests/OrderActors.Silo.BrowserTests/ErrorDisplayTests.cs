using Microsoft.Playwright;
using OrderActors.Testing;
using OrderActors.Silo.BrowserTests.Support;
using static Microsoft.Playwright.Assertions;
using static OrderActors.Silo.BrowserTests.Support.Locators;

namespace OrderActors.Silo.BrowserTests;

[Collection(BrowserCollection.Name)]
public sealed class ErrorDisplayTests(BrowserFixture browser)
{
    [PostgresFact]
    public async Task ATripWithoutAReasonShowsTheServersFieldErrorAndChangesNothing()
    {
        await using UiSession ui = await browser.NewSessionAsync();
        await ui.SeedDemoAsync(0);
        await ui.OpenAsync("#/breakers");
        ui.Page.Dialog += async (_, dialog) => await dialog.AcceptAsync("");
        ILocator card = WarehouseCard(ui.Page, "WH-BJ");

        await card.Locator("button[data-action='trip']").ClickAsync();

        ILocator error = ui.Page.Locator(".notice.error");
        await Expect(error).ToContainTextAsync("Invalid request (400)");
        await Expect(error.Locator(".notice-fields")).ToContainTextAsync("reason");
        await Expect(card).ToHaveAttributeAsync("data-state", "Closed");
        await Expect(card.Locator("button[data-action='trip']")).ToBeEnabledAsync();
    }

    [PostgresFact]
    public async Task AnUnknownOrderShowsNotFound()
    {
        await using UiSession ui = await browser.NewSessionAsync();

        await ui.OpenAsync("#/order/taobao-does-not-exist");

        await Expect(ui.Page.Locator(".notice.error")).ToContainTextAsync("(404)");
        await Expect(ui.Page.Locator(".view .empty")).ToContainTextAsync("找不到订单");
    }
}

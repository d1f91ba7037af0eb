using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Microsoft.Playwright;
using OrderActors.Testing;
using OrderActors.Silo.BrowserTests.Support;
using static Microsoft.Playwright.Assertions;

namespace OrderActors.Silo.BrowserTests;

/// <summary>Issue 16: the buyer's tracking page on a phone, opened from the link without signing in.</summary>
[Collection(BrowserCollection.Name)]
public sealed class TrackingPageTests(BrowserFixture browser)
{
    [PostgresFact]
    public async Task OnAPhoneThePageShowsTheFourStagesInOneRowWithTheCurrentOneMarkedAndNoPolicyViolation()
    {
        string url;
        await using (UiSession ui = await browser.NewSessionAsync())
        {
            await ui.SeedDemoAsync(20);
            string orderId = (await ui.GetAsync("/api/v1/orders?status=Allocated&pageSize=1"))["items"]![0]!["orderId"]!.ToString();
            await ui.PostAsync($"/api/v1/orders/{orderId}/ship", new { carrier = "SF", trackingNo = "SF300400500" });
            JsonNode order = await ui.PostAsync("/api/v1/carriers/SF/tracking", new { trackingNo = "SF300400500", @event = "picked_up" });
            url = order["trackingUrl"]!.ToString();
        }
        IBrowserContext phone = await browser.NewPhoneContextAsync();
        IPage page = await phone.NewPageAsync();
        var violations = new List<string>();
        await phone.ExposeFunctionAsync("reportViolation", (string violation) =>
        {
            lock (violations)
            {
                violations.Add(violation);
            }
        });
        // Playwright's init scripts are not the page's, so the policy does not apply to this listener itself.
        await phone.AddInitScriptAsync("""
            document.addEventListener('securitypolicyviolation', (e) =>
              window.reportViolation(`${e.violatedDirective} blocked ${e.blockedURI || 'inline'} at ${e.sourceFile}:${e.lineNumber}`));
            """);
        page.PageError += (_, error) =>
        {
            lock (violations)
            {
                violations.Add($"page error: {error}");
            }
        };

        IResponse? response = await page.GotoAsync(url);

        Assert.Equal(200, response!.Status);
        ILocator stages = page.Locator("ol.stages > li.stage");
        await Expect(stages).ToHaveTextAsync(new Regex[] { new("^待付款"), new("^待发货"), new("^运输中"), new("^已完成") });
        ILocator current = page.Locator("li.stage[aria-current='step']");
        await Expect(current).ToHaveCountAsync(1);
        await Expect(current).ToHaveAttributeAsync("data-stage", "InTransit");
        await Expect(current).ToHaveClassAsync("stage current");
        await Expect(page.Locator("li.stage[data-stage='AwaitingShipment']")).ToHaveClassAsync("stage done");
        await Expect(page.Locator("li.stage[data-stage='Completed']")).ToHaveClassAsync("stage pending");
        await Expect(current.Locator("time")).ToHaveTextAsync(new Regex(@"^\d\d月\d\d日 \d\d:\d\d$"));
        await Expect(page.Locator(".carrier")).ToContainTextAsync("顺丰速运 SF300400500");
        await Expect(page.Locator("ol.events li").First).ToContainTextAsync("快递员已揽收");
        // The stylesheet applied (style-src 'self'): the stages sit in one row across the phone, and nothing is wider than it.
        double[] tops = await stages.EvaluateAllAsync<double[]>("items => items.map((li) => Math.round(li.getBoundingClientRect().top))");
        Assert.Single(tops.Distinct());
        Assert.True(await page.EvaluateAsync<bool>("() => document.documentElement.scrollWidth <= window.innerWidth"), "the page scrolls sideways on a phone");
        string currentColor = await current.Locator(".label").EvaluateAsync<string>("el => getComputedStyle(el).color");
        string pendingColor = await page.Locator("li.stage[data-stage='Completed'] .label").EvaluateAsync<string>("el => getComputedStyle(el).color");
        Assert.NotEqual(pendingColor, currentColor);
        Assert.Empty(await phone.CookiesAsync());
        await Artifacts.ScreenshotAsync(page, "tracking-page-phone");
        await phone.CloseAsync();

        lock (violations)
        {
            Assert.Empty(violations);
        }
    }
}

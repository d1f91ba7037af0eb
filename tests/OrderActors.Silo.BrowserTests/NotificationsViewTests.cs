using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Microsoft.Playwright;
using OrderActors.Notifications.Tests.Support;
using OrderActors.Silo.BrowserTests.Support;
using OrderActors.Testing;
using static Microsoft.Playwright.Assertions;
using static OrderActors.Silo.BrowserTests.Support.Locators;

namespace OrderActors.Silo.BrowserTests;

/// <summary>
/// Issue 16: the 通知 view — channels set through its form and listed without their secrets, a dead letter sent again
/// from the 失败 tab, and who sees the view at all. A loopback capture server stands in for the channel's endpoint.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class NotificationsViewTests(BrowserFixture browser)
{
    private const string Secret = "whsec-ui-7c3e91d04a";
    private const string UrlToken = "t0ken-in-the-query";

    [PostgresFact]
    public async Task AnOperatorSetsAWebhookThroughTheFormSeesItListedWithoutItsSecretThenChangesAndDeletesIt()
    {
        await using UiSession ui = await browser.NewSessionAsync();
        await using CaptureServer capture = CaptureServer.Start(_ => new CaptureReply(200, "{}"));
        string url = capture.Url($"/hook?token={UrlToken}");
        await ui.OpenAsync("#/notifications");
        ILocator form = ChannelForm(ui.Page);
        await Expect(ui.Page.Locator(".notification-channels .empty")).ToContainTextAsync("尚无通知渠道");
        await form.Locator("input[name='name']").FillAsync("shop-hook");
        await form.Locator("select[name='kind']").SelectOptionAsync("webhook");
        await form.Locator("input[name='url']").FillAsync(url);
        await form.Locator("input[name='secret']").FillAsync(Secret);
        await form.Locator("input[name='events'][value='breaker.tripped']").CheckAsync();
        await form.Locator("input[name='events'][value='order.shipped']").CheckAsync();
        await form.Locator("textarea[name='settings']").FillAsync("note=仓库群\nowner = 王芳");

        await form.GetByRole(AriaRole.Button, new() { Name = "保存 Save" }).ClickAsync();

        ILocator row = ChannelRow(ui.Page, "shop-hook");
        await Expect(row.Locator("[data-field='url']")).ToHaveTextAsync($"{capture.BaseUrl}hook?token=***");
        await Expect(row.Locator("[data-field='secret']")).ToHaveAttributeAsync("data-set", "true");
        await Expect(row.Locator("[data-field='secret']")).ToHaveTextAsync("已设置 set");
        await Expect(row.Locator("[data-field='events'] .chip small")).ToHaveTextAsync(["order.shipped", "breaker.tripped"]);
        await Expect(row.Locator("[data-field='events']")).ToContainTextAsync("订单已发货");
        await Expect(row.Locator("[data-field='settings'] code")).ToHaveTextAsync(["note=仓库群", "owner=王芳"]);
        await Expect(form.Locator("input[name='secret']")).ToHaveValueAsync("");
        await ExpectNoSecretOnThePageAsync(ui.Page);
        JsonNode saved = (await ui.GetAsync("/api/v1/notification-channels"))["items"]![0]!;
        Assert.Equal(("webhook", true), (saved["kind"]!.ToString(), saved["secretSet"]!.GetValue<bool>()));
        Assert.Equal(["order.shipped", "breaker.tripped"], saved["events"]!.AsArray().Select(e => e!.ToString()));
        await ScreenshotAsync(ui.Page, "notification-channels");

        await row.Locator("button[data-action='edit']").ClickAsync();

        await Expect(form.Locator("input[name='name']")).ToHaveValueAsync("shop-hook");
        await Expect(form.Locator("select[name='kind']")).ToHaveValueAsync("webhook");
        await Expect(form.Locator("input[name='url']")).ToHaveValueAsync("");
        await Expect(form.Locator("input[name='url']")).ToHaveAttributeAsync("placeholder", $"{capture.BaseUrl}hook?token=***");
        await Expect(form.Locator("input[name='secret']")).ToHaveValueAsync("");
        await Expect(form.Locator("input[name='events'][value='breaker.tripped']")).ToBeCheckedAsync();
        await Expect(form.Locator("input[name='events'][value='unpaid.reminder']")).Not.ToBeCheckedAsync();
        await Expect(form.Locator("textarea[name='settings']")).ToHaveValueAsync("note=仓库群\nowner=王芳");
        await form.Locator("input[name='url']").FillAsync(url);
        await form.Locator("input[name='events'][value='order.shipped']").UncheckAsync();
        await form.Locator("input[name='events'][value='breaker.tripped']").UncheckAsync();
        await form.Locator("input[name='events'][value='*']").CheckAsync();

        await form.GetByRole(AriaRole.Button, new() { Name = "保存 Save" }).ClickAsync();

        await Expect(row.Locator("[data-field='events'] .chip small")).ToHaveTextAsync(["*"]);
        await Expect(row.Locator("[data-field='events']")).ToContainTextAsync("全部");
        await Expect(row.Locator("[data-field='secret']")).ToHaveAttributeAsync("data-set", "true");
        JsonNode changed = (await ui.GetAsync("/api/v1/notification-channels"))["items"]![0]!;
        Assert.Equal((true, "*"), (changed["secretSet"]!.GetValue<bool>(), changed["events"]!.AsArray().Single()!.ToString()));
        ui.Page.Dialog += async (_, dialog) => await dialog.AcceptAsync();

        await row.Locator("button[data-action='delete']").ClickAsync();

        await Expect(row).ToHaveCountAsync(0);
        Assert.Empty((await ui.GetAsync("/api/v1/notification-channels"))["items"]!.AsArray());
        await ExpectNoSecretOnThePageAsync(ui.Page);
    }

    [PostgresFact]
    public async Task AFormWithoutAnEventOrWithABadSettingsLineSendsNothingAndAWebhookWithoutASecretShowsTheServersFieldError()
    {
        await using UiSession ui = await browser.NewSessionAsync();
        await ui.OpenAsync("#/notifications");
        ILocator form = ChannelForm(ui.Page);
        await form.Locator("input[name='name']").FillAsync("no-secret");
        await form.Locator("select[name='kind']").SelectOptionAsync("webhook");
        await form.Locator("input[name='url']").FillAsync("https://hooks.example.cn/oa");
        var puts = new List<string>();
        ui.Page.Request += (_, request) =>
        {
            if (request.Method == "PUT")
            {
                puts.Add(request.Url);
            }
        };
        ILocator save = form.GetByRole(AriaRole.Button, new() { Name = "保存 Save" });

        await save.ClickAsync();
        await form.Locator("input[name='events'][value='breaker.tripped']").CheckAsync();
        await form.Locator("textarea[name='settings']").FillAsync("signName");
        await save.ClickAsync();

        Assert.True(await form.Locator("textarea[name='settings']").EvaluateAsync<bool>("t => !t.validity.valid"), "the settings line is refused");
        Assert.Empty(puts);
        await form.Locator("textarea[name='settings']").FillAsync("");

        await save.ClickAsync();

        ILocator error = ui.Page.Locator(".notice.error");
        await Expect(error).ToContainTextAsync("(400)");
        await Expect(error.Locator(".notice-fields")).ToContainTextAsync("secret");
        Assert.Single(puts);
        Assert.Empty((await ui.GetAsync("/api/v1/notification-channels"))["items"]!.AsArray());
    }

    [PostgresFact]
    public async Task ADeadLetterIsRetriedFromTheFailedTabAndTheListFollowsItToDelivered()
    {
        await using UiSession ui = await browser.NewSessionAsync();
        await ui.SeedDemoAsync(0);
        bool down = true;
        await using CaptureServer capture = CaptureServer.Start(_ => down ? new CaptureReply(500, "{}") : new CaptureReply(200, "{}"));
        await PutChannelAsync(ui, "ops-hook", capture.Url("/ops"), "breaker.tripped");
        await ui.PostAsync("/api/v1/warehouses/WH-SH/breaker/trip", new { reason = "冷库停电" });
        await ui.OpenAsync("#/notifications?status=failed");

        ILocator failed = ui.Page.Locator("table.notifications tr[data-status='failed']");
        await Expect(failed).ToHaveCountAsync(1);
        long id = long.Parse((await failed.GetAttributeAsync("data-notification"))!, System.Globalization.CultureInfo.InvariantCulture);
        ILocator row = NotificationRow(ui.Page, id);
        await Expect(StatusTab(ui.Page, "failed")).ToHaveAttributeAsync("data-count", "1");
        await Expect(row.Locator("[data-field='event']")).ToContainTextAsync("仓库熔断");
        await Expect(row.Locator("[data-field='event'] small")).ToHaveTextAsync("breaker.tripped");
        await Expect(row.Locator("[data-field='subject']")).ToHaveTextAsync("WH-SH");
        await Expect(row.Locator("[data-field='channel']")).ToHaveTextAsync("ops-hook");
        await Expect(row.Locator("[data-field='attempts']")).ToHaveTextAsync("2");
        await Expect(row.Locator("[data-field='lastError']")).ToContainTextAsync("500");
        await Expect(row.Locator("[data-field='when']")).ToHaveTextAsync("—");
        await Expect(row.Locator("[data-field='recipient']")).ToHaveTextAsync("—");
        await ScreenshotAsync(ui.Page, "notifications-failed");
        down = false;

        await row.Locator("button[data-action='retry']").ClickAsync();

        await Expect(StatusTab(ui.Page, "failed")).ToHaveAttributeAsync("data-count", "0");
        await Expect(row).ToHaveCountAsync(0);
        await Expect(StatusTab(ui.Page, "delivered")).ToHaveAttributeAsync("data-count", "1");
        await StatusTab(ui.Page, "delivered").ClickAsync();
        await Expect(row).ToHaveAttributeAsync("data-status", "delivered");
        JsonNode delivered = (await ui.GetAsync("/api/v1/notifications?status=delivered"))["items"]![0]!;
        Assert.Equal((id, 1), (delivered["notificationId"]!.GetValue<long>(), delivered["attempts"]!.GetValue<int>()));
        await Expect(row.Locator("[data-field='when'] time")).ToHaveTextAsync(Returns.ChinaTime(delivered["deliveredAt"]));
        await Expect(row.Locator("[data-field='attempts']")).ToHaveTextAsync("1");
        await Expect(row.Locator("button[data-action='retry']")).ToHaveCountAsync(0);
        Assert.Contains("冷库停电", capture.Requests[^1].Body, StringComparison.Ordinal);
    }

    [PostgresFact]
    public async Task AViewerHasNoNotificationsEntryAndAnHqUserReadsTheViewWithNothingToChange()
    {
        string tenant = browser.NewTenant();
        await using UiSession viewer = await browser.NewSessionAsync(tenant, role: "viewer");
        await PutChannelAsync(viewer, "ops-hook", "https://hooks.example.cn/oa?token=abc", "*");
        var calls = new List<string>();
        viewer.Page.Request += (_, request) => calls.Add(new Uri(request.Url).AbsolutePath);

        await viewer.OpenAsync("#/notifications");

        await Expect(viewer.Page.Locator("nav a[data-route='returns']")).ToBeVisibleAsync();
        await Expect(viewer.Page.Locator("nav a[data-route='notifications']")).ToBeHiddenAsync();
        await Expect(viewer.Page.Locator("[data-stat='totalOrders']")).ToBeVisibleAsync();
        await Expect(viewer.Page.Locator(".notification-channels")).ToHaveCountAsync(0);
        Assert.DoesNotContain(calls, path => path.StartsWith("/api/v1/notification", StringComparison.Ordinal));

        string user = $"hq-{tenant}";
        await browser.PutUserAsync(user, ["hq"], [tenant]);
        await using UiSession hq = await browser.SignedInSessionAsync(user, tenant);
        await hq.OpenAsync("#/notifications");

        await Expect(hq.Page.Locator("nav a[data-route='notifications']")).ToBeVisibleAsync();
        await Expect(ChannelRow(hq.Page, "ops-hook").Locator("[data-field='url']")).ToHaveTextAsync("https://hooks.example.cn/oa?token=***");
        await Expect(StatusTab(hq.Page, "failed")).ToHaveAttributeAsync("data-count", "0");
        await Expect(ChannelForm(hq.Page)).ToHaveCountAsync(0);
        await Expect(hq.Page.Locator(".notification-channels button, table.notifications button")).ToHaveCountAsync(0);
    }

    /// <summary>A webhook channel set through the API, as the admin.</summary>
    private static async Task PutChannelAsync(UiSession ui, string name, string url, string eventKind)
    {
        using HttpResponseMessage response = await ui.Api.PutAsJsonAsync($"/api/v1/notification-channels/{name}",
            new { kind = "webhook", url, secret = Secret, events = new[] { eventKind } });
        Assert.True(response.IsSuccessStatusCode, $"PUT channel {name} → {(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
    }

    /// <summary>Neither the secret nor the URL's token is anywhere in the page: not in its text, not in any field's value.</summary>
    private static async Task ExpectNoSecretOnThePageAsync(IPage page)
    {
        string html = await page.ContentAsync();
        string values = await page.EvaluateAsync<string>("() => [...document.querySelectorAll('input, textarea')].map((f) => f.value).join('\\n')");
        foreach (string secret in new[] { Secret, UrlToken })
        {
            Assert.DoesNotContain(secret, html, StringComparison.Ordinal);
            Assert.DoesNotContain(secret, values, StringComparison.Ordinal);
        }
    }

    /// <summary>A screenshot without the notices, which would cover the view.</summary>
    private static async Task ScreenshotAsync(IPage page, string name)
    {
        await page.Locator(".notice").EvaluateAllAsync<bool>("notices => { notices.forEach((n) => n.remove()); return true; }");
        await Artifacts.ScreenshotAsync(page, name);
    }
}

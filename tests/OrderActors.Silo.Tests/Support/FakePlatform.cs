using System.Collections.Concurrent;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace OrderActors.Silo.Tests.Support;

/// <summary>
/// A platform gateway on loopback (real HTTP, Kestrel) serving Taobao's TOP router (<c>/taobao/router/rest</c>:
/// taobao.trades.sold.increment.get and taobao.trade.fullinfo.get) and Pinduoduo's (<c>/pdd/api/router</c>:
/// pdd.order.number.list.increment.get) over the orders a test gives it. It checks each request's md5 signature
/// and the platform's window limit (a day, 30 minutes), answers with the platform's error shape when they are
/// wrong, pages newest first, and fails chosen pages on demand.
/// </summary>
public sealed class FakePlatform : IAsyncDisposable
{
    public const string AppSecret = "fake-secret";

    private static readonly TimeSpan China = TimeSpan.FromHours(8);

    private readonly WebApplication _app;
    private readonly ConcurrentDictionary<string, ConcurrentDictionary<string, FakeOrder>> _orders = new();
    private readonly ConcurrentDictionary<(string Shop, int Page), bool> _failing = new();
    private int _listCalls;

    private FakePlatform(WebApplication app, Uri address)
    {
        _app = app;
        Address = address;
    }

    public Uri Address { get; }

    public Uri TaobaoUrl => new(Address, "/taobao/router/rest");

    public Uri PddUrl => new(Address, "/pdd/api/router");

    /// <summary>List calls answered so far (any shop, any page).</summary>
    public int ListCalls => _listCalls;

    public static async Task<FakePlatform> StartAsync()
    {
        WebApplicationBuilder builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        WebApplication app = builder.Build();
        FakePlatform? platform = null;
        app.MapPost("/taobao/router/rest", (HttpRequest request) => platform!.TaobaoAsync(request.HttpContext));
        app.MapPost("/pdd/api/router", (HttpRequest request) => platform!.PddAsync(request.HttpContext));
        await app.StartAsync();
        string address = app.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses.First();
        platform = new FakePlatform(app, new Uri(address));
        return platform;
    }

    /// <summary>Puts an order on the platform for the shop with app key <paramref name="appKey"/>.</summary>
    public void Add(string appKey, FakeOrder order) => _orders.GetOrAdd(appKey, _ => new())[order.Id] = order;

    /// <summary>Makes page <paramref name="page"/> of every list call of the shop fail with a 503 until <see cref="Heal"/>.</summary>
    public void FailPage(string appKey, int page) => _failing[(appKey, page)] = true;

    public void Heal(string appKey) => _failing.Keys.Where(k => k.Shop == appKey).ToList().ForEach(k => _failing.TryRemove(k, out _));

    private async Task<IResult> TaobaoAsync(HttpContext context)
    {
        Dictionary<string, string> form = await FormAsync(context);
        if (!SignatureHolds(form))
        {
            return Results.Json(new { error_response = new { code = 25, msg = "Invalid signature", sub_code = "isv.invalid-signature", sub_msg = "签名无效" } });
        }
        string shop = form["app_key"];
        if (form["method"] == "taobao.trade.fullinfo.get")
        {
            return Orders(shop).TryGetValue(form["tid"], out FakeOrder? order)
                ? Results.Text($"{{\"trade_fullinfo_get_response\":{{\"trade\":{order.Detail}}}}}", "application/json")
                : Results.Json(new { error_response = new { code = 15, msg = "Remote service error", sub_code = "isv.trade-not-exist", sub_msg = "交易不存在" } });
        }
        DateTimeOffset from = ChinaTime(form["start_modified"]);
        DateTimeOffset to = ChinaTime(form["end_modified"]);
        if (to - from > TimeSpan.FromDays(1))
        {
            return Results.Json(new { error_response = new { code = 40, msg = "Missing required arguments", sub_code = "isv.invalid-parameter", sub_msg = "时间跨度不能超过一天" } });
        }
        if (Failing(shop, form["page_no"], out IResult? failure))
        {
            return failure;
        }
        (List<FakeOrder> page, bool hasNext, int total) = Page(shop, from, to, form["page_no"], form["page_size"]);
        var trades = new JsonArray(page.Select(o => (JsonNode)new JsonObject { ["tid"] = long.Parse(o.Id, CultureInfo.InvariantCulture), ["modified"] = Text(o.Modified) }).ToArray());
        return Results.Text(new JsonObject
        {
            ["trades_sold_increment_get_response"] = new JsonObject { ["total_results"] = total, ["has_next"] = hasNext, ["trades"] = new JsonObject { ["trade"] = trades } },
        }.ToJsonString(), "application/json");
    }

    private async Task<IResult> PddAsync(HttpContext context)
    {
        Dictionary<string, string> form = await FormAsync(context);
        if (!SignatureHolds(form))
        {
            return Results.Json(new { error_response = new { error_code = 10019, error_msg = "签名错误 sign error", request_id = "fake" } });
        }
        string shop = form["client_id"];
        DateTimeOffset from = DateTimeOffset.FromUnixTimeSeconds(long.Parse(form["start_updated_at"], CultureInfo.InvariantCulture));
        DateTimeOffset to = DateTimeOffset.FromUnixTimeSeconds(long.Parse(form["end_updated_at"], CultureInfo.InvariantCulture));
        if (to - from > TimeSpan.FromMinutes(30))
        {
            return Results.Json(new { error_response = new { error_code = 10000, error_msg = "时间跨度不能超过30分钟" } });
        }
        if (Failing(shop, form["page"], out IResult? failure))
        {
            return failure;
        }
        (List<FakeOrder> page, bool hasNext, int total) = Page(shop, from, to, form["page"], form["page_size"]);
        string list = string.Join(',', page.Select(o => o.Detail));
        return Results.Text(
            $"{{\"order_sn_increment_get_response\":{{\"total_count\":{total},\"has_next\":{(hasNext ? "true" : "false")},\"order_sn_list\":[{list}]}}}}",
            "application/json");
    }

    private bool Failing(string shop, string page, out IResult failure)
    {
        Interlocked.Increment(ref _listCalls);
        failure = Results.Text("upstream busy", "text/plain", statusCode: StatusCodes.Status503ServiceUnavailable);
        return _failing.ContainsKey((shop, int.Parse(page, CultureInfo.InvariantCulture)));
    }

    /// <summary>The orders modified in [from, to], newest first (the platforms' order), one page of them.</summary>
    private (List<FakeOrder> Page, bool HasNext, int Total) Page(string shop, DateTimeOffset from, DateTimeOffset to, string page, string size)
    {
        List<FakeOrder> matching = Orders(shop).Values.Where(o => o.Modified >= from && o.Modified <= to).OrderByDescending(o => o.Modified).ToList();
        int number = int.Parse(page, CultureInfo.InvariantCulture);
        int perPage = int.Parse(size, CultureInfo.InvariantCulture);
        return (matching.Skip((number - 1) * perPage).Take(perPage).ToList(), number * perPage < matching.Count, matching.Count);
    }

    private ConcurrentDictionary<string, FakeOrder> Orders(string shop) => _orders.GetOrAdd(shop, _ => new());

    /// <summary>The documented md5 sign: secret + every name and value but sign's, sorted by name, + secret; upper-case hex.</summary>
    private static bool SignatureHolds(Dictionary<string, string> form)
    {
        var text = new StringBuilder(AppSecret);
        foreach ((string name, string value) in form.Where(p => p.Key != "sign").OrderBy(p => p.Key, StringComparer.Ordinal))
        {
            text.Append(name).Append(value);
        }
        text.Append(AppSecret);
        string expected = Convert.ToHexString(MD5.HashData(Encoding.UTF8.GetBytes(text.ToString())));
        return form.TryGetValue("sign", out string? sign) && sign == expected;
    }

    private static async Task<Dictionary<string, string>> FormAsync(HttpContext context) =>
        (await context.Request.ReadFormAsync()).ToDictionary(f => f.Key, f => f.Value.ToString());

    private static DateTimeOffset ChinaTime(string text) =>
        new DateTimeOffset(DateTime.ParseExact(text, "yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture), China).ToUniversalTime();

    public static string Text(DateTimeOffset at) => at.ToOffset(China).ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture);

    public async ValueTask DisposeAsync() => await _app.DisposeAsync();
}

/// <summary>An order on the fake platform: its id, when it was last modified, and its detail JSON as the push sends it.</summary>
public sealed record FakeOrder(string Id, DateTimeOffset Modified, string Detail);

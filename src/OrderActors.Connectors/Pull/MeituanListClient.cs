using System.Text.Json;
using OrderActors.Connectors.Signing;

namespace OrderActors.Connectors.Pull;

/// <summary>
/// 美团闪购: a GET of <c>{base}/order/list</c> with app_id, timestamp (Unix seconds), start_time / end_time (the
/// update-time window in Unix seconds), offset and limit, signed with sig (md5 of the URL, the sorted parameters and
/// the secret); data holds the order details as the push sends them, extra_info.total the count. An error answers
/// <c>{"data":"ng","error":{"code","msg"}}</c>.
/// </summary>
public sealed class MeituanListClient(PullTarget target, HttpClient http, TimeProvider time) : PlatformListClient(target, http, time)
{
    public const string ListPath = "order/list";

    public override TimeSpan MaxWindow => TimeSpan.FromDays(1);

    public override async Task<OrderListPage> FetchAsync(PullWindow window, int page, CancellationToken cancellationToken)
    {
        JsonElement reply = await SendAsync(ListPath, new HttpRequestMessage(HttpMethod.Get, SignedUri(window, page)), cancellationToken, "data");
        IReadOnlyList<JsonElement> orders = Items(reply, "data");
        long? total = Path(reply, "extra_info") is { } extra ? Count(extra, "total") : null;
        bool hasNext = total is { } all ? (long)page * Target.PageSize < all : orders.Count == Target.PageSize;
        return new OrderListPage(orders, hasNext, total);
    }

    protected override PlatformCallException? Refusal(string call, JsonElement reply) => Path(reply, "error") is { ValueKind: JsonValueKind.Object } error
        ? new PlatformCallException(call, Text(error, "code") ?? "?", Text(error, "msg") ?? "")
        : null;

    /// <summary>The request URL with its parameters and sig.</summary>
    public Uri SignedUri(PullWindow window, int page)
    {
        string url = $"{Target.BaseUrl.AbsoluteUri.TrimEnd('/')}/{ListPath}";
        var parameters = new Dictionary<string, string>
        {
            ["app_id"] = Target.AppKey,
            ["timestamp"] = Number(Time.GetUtcNow().ToUnixTimeSeconds()),
            ["start_time"] = Number(window.From.ToUnixTimeSeconds()),
            ["end_time"] = Number(window.To.ToUnixTimeSeconds()),
            ["offset"] = Number((long)(page - 1) * Target.PageSize),
            ["limit"] = Number(Target.PageSize),
        };
        parameters["sig"] = Convert.ToHexStringLower(PlatformSignatures.Meituan(url, parameters, Target.AppSecret));
        return new Uri($"{url}?{string.Join('&', parameters.Select(p => $"{p.Key}={Uri.EscapeDataString(p.Value)}"))}");
    }
}

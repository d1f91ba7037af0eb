using System.Text;
using System.Text.Json;
using OrderActors.Connectors.Signing;

namespace OrderActors.Connectors.Pull;

/// <summary>
/// 抖店: <c>order.searchList</c> at <c>/order/searchList</c> — orders by update time (update_time_start /
/// update_time_end in Unix seconds), page from 0, size, newest first; data.shop_order_list holds the order details
/// and data.total the count. System parameters go in the query string, the business JSON in the body exactly as
/// signed (HMAC-SHA256 over app_key, method, param_json, timestamp, v).
/// </summary>
public sealed class DouyinListClient(PullTarget target, HttpClient http, TimeProvider time) : PlatformListClient(target, http, time)
{
    public const string ListMethod = "order.searchList";

    private const int Success = 10000;

    public override TimeSpan MaxWindow => TimeSpan.FromDays(1);

    public override async Task<OrderListPage> FetchAsync(PullWindow window, int page, CancellationToken cancellationToken)
    {
        string business = BusinessJson(window, page);
        var request = new HttpRequestMessage(HttpMethod.Post, SignedUri(business))
        {
            Content = new StringContent(business, Encoding.UTF8, "application/json"),
        };
        JsonElement reply = await SendAsync(ListMethod, request, cancellationToken, "data");
        JsonElement data = Path(reply, "data")!.Value;
        IReadOnlyList<JsonElement> orders = Items(data, "shop_order_list");
        long? total = Count(data, "total");
        bool hasNext = total is { } all ? (long)page * Target.PageSize < all : orders.Count == Target.PageSize;
        return new OrderListPage(orders, hasNext, total);
    }

    protected override PlatformCallException? Refusal(string call, JsonElement reply) => Count(reply, "code") is { } code && code != Success
        ? new PlatformCallException(call, Text(reply, "sub_code") ?? Text(reply, "code") ?? "?", Text(reply, "sub_msg") ?? Text(reply, "msg") ?? "")
        : null;

    /// <summary>The business parameters with their names sorted, as the signature needs them.</summary>
    public string BusinessJson(PullWindow window, int page) => JsonSerializer.Serialize(new SortedDictionary<string, object>(StringComparer.Ordinal)
    {
        ["order_asc"] = false,
        ["order_by"] = "update_time",
        ["page"] = page - 1,
        ["size"] = Target.PageSize,
        ["update_time_end"] = window.To.ToUnixTimeSeconds(),
        ["update_time_start"] = window.From.ToUnixTimeSeconds(),
    });

    /// <summary>The gateway URL of the call with its system parameters and sign.</summary>
    public Uri SignedUri(string businessJson)
    {
        string timestamp = SignedTime.China(Time.GetUtcNow());
        string sign = Convert.ToHexStringLower(PlatformSignatures.DouyinApi(Target.AppSecret, Target.AppKey, ListMethod, businessJson, timestamp, "2"));
        string query = string.Join('&', new Dictionary<string, string>
        {
            ["app_key"] = Target.AppKey,
            ["method"] = ListMethod,
            ["access_token"] = Target.AccessToken,
            ["param_json"] = businessJson,
            ["timestamp"] = timestamp,
            ["v"] = "2",
            ["sign_method"] = "hmac-sha256",
            ["sign"] = sign,
        }.Select(p => $"{p.Key}={Uri.EscapeDataString(p.Value)}"));
        return new Uri($"{Target.BaseUrl.AbsoluteUri.TrimEnd('/')}/order/searchList?{query}");
    }
}

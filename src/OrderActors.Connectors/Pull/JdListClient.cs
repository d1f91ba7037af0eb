using System.Text.Json;
using OrderActors.Connectors.Signing;

namespace OrderActors.Connectors.Pull;

/// <summary>
/// 京东 (JOS): <c>jingdong.pop.order.search</c> with its business parameters in <c>360buy_param_json</c> (start_date /
/// end_date in China time, dateType 0 = by modified time (1 would be by creation), page, page_size, the order states the hub takes) returns
/// the full order infos (orderInfoList) and orderTotal. A form POST signed md5 over the sorted system parameters.
/// </summary>
public sealed class JdListClient(PullTarget target, HttpClient http, TimeProvider time) : PlatformListClient(target, http, time)
{
    public const string ListMethod = "jingdong.pop.order.search";

    private const string OrderStates = "WAIT_SELLER_STOCK_OUT,WAIT_GOODS_RECEIVE_CONFIRM,FINISHED_L,TRADE_CANCELED,LOCKED,POP_ORDER_PAUSE";

    public override TimeSpan MaxWindow => TimeSpan.FromDays(30);

    public override async Task<OrderListPage> FetchAsync(PullWindow window, int page, CancellationToken cancellationToken)
    {
        string business = JsonSerializer.Serialize(new SortedDictionary<string, string>(StringComparer.Ordinal)
        {
            ["start_date"] = SignedTime.China(window.From),
            ["end_date"] = SignedTime.China(window.To),
            ["dateType"] = "0",
            ["order_state"] = OrderStates,
            ["page"] = Number(page),
            ["page_size"] = Number(Target.PageSize),
            ["sortType"] = "1",
        });
        JsonElement reply = await PostFormAsync(ListMethod, SignedForm(business), "jingdong_pop_order_search_responce", cancellationToken);
        JsonElement result = Path(reply, "jingdong_pop_order_search_responce", "searchorderinfo_result") ?? default;
        IReadOnlyList<JsonElement> orders = Items(result, "orderInfoList");
        long? total = Count(result, "orderTotal");
        bool hasNext = total is { } all ? (long)page * Target.PageSize < all : orders.Count == Target.PageSize;
        return new OrderListPage(orders, hasNext, total);
    }

    protected override PlatformCallException? Refusal(string call, JsonElement reply)
    {
        if (Path(reply, "error_response") is { } error)
        {
            return new PlatformCallException(call, Text(error, "code") ?? "?", Text(error, "zh_desc") ?? Text(error, "en_desc") ?? "");
        }
        return Path(reply, "jingdong_pop_order_search_responce", "searchorderinfo_result", "apiResult") is { } api && !Flag(api, "success")
            ? new PlatformCallException(call, Text(api, "code") ?? "?", Text(api, "chineseErrCode") ?? Text(api, "englishErrCode") ?? "")
            : null;
    }

    /// <summary>The form of the call: system parameters, the business JSON, and the sign over them (empty values left out).</summary>
    public IReadOnlyDictionary<string, string> SignedForm(string businessJson)
    {
        Dictionary<string, string> form = NonEmpty(new Dictionary<string, string>
        {
            ["method"] = ListMethod,
            ["app_key"] = Target.AppKey,
            ["access_token"] = Target.AccessToken,
            ["timestamp"] = SignedTime.China(Time.GetUtcNow()),
            ["v"] = "2.0",
            ["360buy_param_json"] = businessJson,
        });
        form["sign"] = Convert.ToHexString(PlatformSignatures.Top(Target.AppSecret, TopSignMethod.Md5, form, []));
        return form;
    }
}

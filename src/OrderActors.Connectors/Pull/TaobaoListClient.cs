using System.Text.Json;
using OrderActors.Connectors.Signing;

namespace OrderActors.Connectors.Pull;

/// <summary>
/// 淘宝 / 天猫 (TOP): <c>taobao.trades.sold.increment.get</c> lists the tids modified in a window of at most a day
/// (start_modified / end_modified in China time, page_no, page_size, use_has_next); the list carries only part of
/// each trade, so every tid is then read whole with <c>taobao.trade.fullinfo.get</c>, the reply the connector reads.
/// Every call is a form POST to the router, signed md5 over the sorted parameters.
/// </summary>
public sealed class TaobaoListClient(PullTarget target, HttpClient http, TimeProvider time) : PlatformListClient(target, http, time)
{
    public const string ListMethod = "taobao.trades.sold.increment.get";
    public const string DetailMethod = "taobao.trade.fullinfo.get";

    /// <summary>What the Taobao connector reads of a trade.</summary>
    public const string DetailFields =
        "tid,status,type,created,pay_time,modified,buyer_nick,buyer_open_uid,receiver_name,receiver_mobile,receiver_phone,"
        + "receiver_state,receiver_city,receiver_district,receiver_town,receiver_address,receiver_zip,buyer_message,seller_memo,"
        + "total_fee,post_fee,discount_fee,payment,orders";

    private const int DetailsAtOnce = 4;

    public override TimeSpan MaxWindow => TimeSpan.FromDays(1);

    public override async Task<OrderListPage> FetchAsync(PullWindow window, int page, CancellationToken cancellationToken)
    {
        JsonElement reply = await CallAsync(ListMethod, "trades_sold_increment_get_response", new Dictionary<string, string>
        {
            ["fields"] = "tid,modified",
            ["start_modified"] = SignedTime.China(window.From),
            ["end_modified"] = SignedTime.China(window.To),
            ["page_no"] = Number(page),
            ["page_size"] = Number(Target.PageSize),
            ["use_has_next"] = "true",
        }, cancellationToken);
        JsonElement list = Path(reply, "trades_sold_increment_get_response")!.Value;
        IReadOnlyList<JsonElement> trades = Path(list, "trades") is { } wrapper ? Items(wrapper, "trade") : [];
        List<string> tids = trades.Select(t => Text(t, "tid")).OfType<string>().ToList();
        var details = new List<JsonElement>(tids.Count);
        foreach (string[] chunk in tids.Chunk(DetailsAtOnce))
        {
            details.AddRange(await Task.WhenAll(chunk.Select(tid =>
                CallAsync(DetailMethod, "trade_fullinfo_get_response", new Dictionary<string, string> { ["fields"] = DetailFields, ["tid"] = tid }, cancellationToken))));
        }
        return new OrderListPage(details, Flag(list, "has_next"), Count(list, "total_results"));
    }

    /// <summary>
    /// The form of one TOP call: system parameters, the call's own, and the sign over all of them. Empty values are
    /// left out, as TOP's SDK leaves them out of both the request and the sign.
    /// </summary>
    public IReadOnlyDictionary<string, string> SignedForm(string method, IReadOnlyDictionary<string, string> parameters)
    {
        Dictionary<string, string> form = NonEmpty(new Dictionary<string, string>(parameters)
        {
            ["method"] = method,
            ["app_key"] = Target.AppKey,
            ["session"] = Target.AccessToken,
            ["timestamp"] = SignedTime.China(Time.GetUtcNow()),
            ["format"] = "json",
            ["v"] = "2.0",
            ["sign_method"] = "md5",
        });
        form["sign"] = Convert.ToHexString(PlatformSignatures.Top(Target.AppSecret, TopSignMethod.Md5, form, []));
        return form;
    }

    protected override PlatformCallException? Refusal(string call, JsonElement reply) => Path(reply, "error_response") is { } error
        ? new PlatformCallException(call, Text(error, "sub_code") ?? Text(error, "code") ?? "?", Text(error, "sub_msg") ?? Text(error, "msg") ?? "")
        : null;

    private Task<JsonElement> CallAsync(string method, string envelope, IReadOnlyDictionary<string, string> parameters, CancellationToken cancellationToken) =>
        PostFormAsync(method, SignedForm(method, parameters), envelope, cancellationToken);
}

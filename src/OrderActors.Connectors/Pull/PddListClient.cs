using System.Text.Json;
using OrderActors.Connectors.Signing;

namespace OrderActors.Connectors.Pull;

/// <summary>
/// 拼多多 (POP): <c>pdd.order.number.list.increment.get</c> — orders by last update in a window of at most 30 minutes
/// (start_updated_at / end_updated_at in Unix seconds), page, page_size, use_has_next; each entry of order_sn_list
/// carries the order's fields as order info. A form POST signed md5 over the sorted parameters.
/// </summary>
public sealed class PddListClient(PullTarget target, HttpClient http, TimeProvider time) : PlatformListClient(target, http, time)
{
    public const string ListMethod = "pdd.order.number.list.increment.get";

    public override TimeSpan MaxWindow => TimeSpan.FromMinutes(30);

    public override async Task<OrderListPage> FetchAsync(PullWindow window, int page, CancellationToken cancellationToken)
    {
        const string envelope = "order_sn_increment_get_response";
        JsonElement reply = await PostFormAsync(ListMethod, SignedForm(new Dictionary<string, string>
        {
            ["start_updated_at"] = Number(window.From.ToUnixTimeSeconds()),
            ["end_updated_at"] = Number(window.To.ToUnixTimeSeconds()),
            ["is_lucky_flag"] = "0",
            ["order_status"] = "5",
            ["refund_status"] = "5",
            ["page"] = Number(page),
            ["page_size"] = Number(Target.PageSize),
            ["use_has_next"] = "true",
        }), envelope, cancellationToken);
        JsonElement list = Path(reply, envelope)!.Value;
        return new OrderListPage(Items(list, "order_sn_list"), Flag(list, "has_next"), Count(list, "total_count"));
    }

    protected override PlatformCallException? Refusal(string call, JsonElement reply) => Path(reply, "error_response") is { } error
        ? new PlatformCallException(call, Text(error, "error_code") ?? "?", Text(error, "error_msg") ?? "")
        : null;

    /// <summary>The form of the call: system parameters, the call's own, and the sign over all of them (empty values left out).</summary>
    public IReadOnlyDictionary<string, string> SignedForm(IReadOnlyDictionary<string, string> parameters)
    {
        Dictionary<string, string> form = NonEmpty(new Dictionary<string, string>(parameters)
        {
            ["type"] = ListMethod,
            ["client_id"] = Target.AppKey,
            ["access_token"] = Target.AccessToken,
            ["timestamp"] = Number(Time.GetUtcNow().ToUnixTimeSeconds()),
            ["data_type"] = "JSON",
        });
        form["sign"] = Convert.ToHexString(PlatformSignatures.Top(Target.AppSecret, TopSignMethod.Md5, form, []));
        return form;
    }
}

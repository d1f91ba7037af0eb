using System.Text.Json;
using OrderActors.Connectors.Signing;

namespace OrderActors.Connectors.Pull;

/// <summary>
/// The merchant's mini-program backend (our own API): <c>GET {base}/orders?updatedFrom&amp;updatedTo&amp;page&amp;pageSize</c>
/// (Unix milliseconds, pages from 1) answers <c>{ items, total, hasNext }</c> with orders as the mini-program posts them;
/// each request carries X-App-Key, X-Timestamp and an HMAC-SHA256 X-Signature. Errors are non-2xx <c>{ code, message }</c>.
/// </summary>
public sealed class MiniappListClient(PullTarget target, HttpClient http, TimeProvider time) : PlatformListClient(target, http, time)
{
    private const string ListCall = "GET /orders";

    public override TimeSpan MaxWindow => TimeSpan.FromDays(7);

    public override async Task<OrderListPage> FetchAsync(PullWindow window, int page, CancellationToken cancellationToken)
    {
        JsonElement reply = await SendAsync(ListCall, SignedRequest(window, page), cancellationToken, "items");
        return new OrderListPage(Items(reply, "items"), Flag(reply, "hasNext"), Count(reply, "total"));
    }

    protected override PlatformCallException? Refusal(string call, JsonElement reply) => Text(reply, "code") is { } code && Path(reply, "items") is null
        ? new PlatformCallException(call, code, Text(reply, "message") ?? "")
        : null;

    /// <summary>The signed request for one page.</summary>
    public HttpRequestMessage SignedRequest(PullWindow window, int page)
    {
        var uri = new Uri($"{Target.BaseUrl.AbsoluteUri.TrimEnd('/')}/orders?updatedFrom={window.From.ToUnixTimeMilliseconds()}"
            + $"&updatedTo={window.To.ToUnixTimeMilliseconds()}&page={page}&pageSize={Target.PageSize}");
        long timestamp = Time.GetUtcNow().ToUnixTimeMilliseconds();
        var request = new HttpRequestMessage(HttpMethod.Get, uri);
        request.Headers.Add("X-App-Key", Target.AppKey);
        request.Headers.Add("X-Timestamp", Number(timestamp));
        request.Headers.Add("X-Signature", Convert.ToHexStringLower(PlatformSignatures.MiniappRequest(Target.AppSecret, timestamp, "GET", uri.PathAndQuery)));
        return request;
    }
}

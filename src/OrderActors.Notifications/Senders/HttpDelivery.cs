using Polly.Timeout;

namespace OrderActors.Notifications;

/// <summary>
/// Sends one request through the named client's resilience pipeline and turns whatever happens into a
/// <see cref="DeliveryResult"/>: 408, 429 and 5xx (after the pipeline's quick retries), timeouts and network errors are
/// retryable; anything else goes to the platform's reply reader. The caller's cancellation is never swallowed.
/// </summary>
internal sealed class HttpDelivery(IHttpClientFactory clients)
{
    public async Task<DeliveryResult> SendAsync(
        ChannelConfig channel,
        string clientName,
        Func<HttpRequestMessage> buildRequest,
        Func<int, string, DeliveryResult> readReply,
        CancellationToken ct)
    {
        DeliveryResult result;
        try
        {
            HttpClient client = clients.CreateClient(clientName);
            using HttpRequestMessage request = buildRequest();
            using HttpResponseMessage response = await client.SendAsync(request, HttpCompletionOption.ResponseContentRead, ct).ConfigureAwait(false);
            string body = await response.Content.ReadAsStringAsync(ct).ConfigureAwait(false);
            int status = (int)response.StatusCode;
            result = status is 408 or 429 or >= 500
                ? Transient(status, readReply(status, body))
                : readReply(status, body);
        }
        catch (TimeoutRejectedException)
        {
            result = DeliveryResult.Transient(null, "timed out");
        }
        catch (OperationCanceledException) when (!ct.IsCancellationRequested)
        {
            result = DeliveryResult.Transient(null, "timed out");
        }
        catch (HttpRequestException e)
        {
            result = DeliveryResult.Transient(null, "network error: " + PlatformReply.Shorten(e.Message));
        }
        return result with { Error = result.Error is null ? null : Redaction.Scrub(result.Error, channel) };
    }

    /// <summary>A 5xx or 429 stays retryable whatever its body says, but keeps the platform's words when it gave some.</summary>
    private static DeliveryResult Transient(int status, DeliveryResult fromBody) =>
        DeliveryResult.Transient(status, fromBody.Error is { } error && !error.StartsWith("HTTP ", StringComparison.Ordinal) && !fromBody.Delivered
            ? $"HTTP {status}, {error}"
            : $"HTTP {status}");
}

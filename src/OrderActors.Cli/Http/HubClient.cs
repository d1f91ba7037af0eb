using System.Net;
using System.Net.Http.Headers;
using System.Net.Sockets;
using System.Text;
using System.Text.Json;
using OrderActors.Cli.Access;

namespace OrderActors.Cli.Http;

/// <summary>Who calls the hub and how: the server, the tenant, the credential, and for changes the idempotency key.</summary>
public sealed record HubSettings(Uri Server, string? Tenant, Credential Credential, string? IdempotencyKey = null);

/// <summary>A response as received: the status, the raw body (printed verbatim with --json), and when to retry a 429 or 503.</summary>
public sealed record HubResponse(HttpStatusCode Status, string Body, TimeSpan? RetryAfter = null)
{
    public bool IsSuccess => (int)Status is >= 200 and < 300;

    public T Read<T>() => JsonSerializer.Deserialize<T>(Body, HubJson.Options)
        ?? throw new JsonException($"The server answered {(int)Status} with an empty body.");
}

/// <summary>The REST facade as the CLI calls it: tenant and bearer credential on every request, an idempotency key on changes.</summary>
// The idempotency key lets a retried command be answered from the server's record instead of running twice.
public sealed class HubClient : IDisposable
{
    /// <summary>A breaker trip waits up to 30 s for its reroutes, so the ceiling sits well above that.</summary>
    private static readonly TimeSpan RequestTimeout = TimeSpan.FromSeconds(90);

    private readonly HubSettings _settings;
    private readonly HttpClient _http;

    public HubClient(HubSettings settings)
    {
        _settings = settings;
        var handler = new SocketsHttpHandler
        {
            ConnectTimeout = TimeSpan.FromSeconds(5),
            // A header value typed with non-ASCII characters (a tenant, an idempotency key) goes out as UTF-8, so that the
            // server's answer says what is wrong with it instead of the request failing here as if the server were gone.
            RequestHeaderEncodingSelector = (_, _) => Encoding.UTF8,
        };
        _http = new HttpClient(handler) { BaseAddress = settings.Server, Timeout = RequestTimeout };
    }

    public Uri Server => _settings.Server;

    /// <summary>GET that throws <see cref="HubProblemException"/> unless the answer is a success.</summary>
    public async Task<HubResponse> GetAsync(string path, CancellationToken cancellationToken) =>
        EnsureSuccess(HttpMethod.Get, path, await SendAsync(HttpMethod.Get, path, null, cancellationToken));

    public async Task<HubResponse> PostAsync(string path, object? body, CancellationToken cancellationToken) =>
        EnsureSuccess(HttpMethod.Post, path, await SendAsync(HttpMethod.Post, path, body, cancellationToken));

    public async Task<HubResponse> PutAsync(string path, object body, CancellationToken cancellationToken) =>
        EnsureSuccess(HttpMethod.Put, path, await SendAsync(HttpMethod.Put, path, body, cancellationToken));

    public async Task<HubResponse> DeleteAsync(string path, CancellationToken cancellationToken) =>
        EnsureSuccess(HttpMethod.Delete, path, await SendAsync(HttpMethod.Delete, path, null, cancellationToken));

    /// <summary>Any answer, error statuses included (the readiness probe answers 503 with its details).</summary>
    public async Task<HubResponse> SendAsync(HttpMethod method, string path, object? body, CancellationToken cancellationToken)
    {
        using HttpRequestMessage request = CreateRequest(method, path, body);
        try
        {
            using HttpResponseMessage response = await _http.SendAsync(request, cancellationToken);
            return new HubResponse(response.StatusCode, await response.Content.ReadAsStringAsync(cancellationToken), RetryAfter(response));
        }
        catch (HttpRequestException failure)
        {
            throw new HubUnreachableException($"cannot reach the server at {Server} ({Reason(failure)}). Is the silo running? Set --server or ORDERACTORS_SERVER.", failure);
        }
        catch (TaskCanceledException timeout) when (!cancellationToken.IsCancellationRequested)
        {
            throw new HubUnreachableException($"the server at {Server} did not answer {method} {path} within {RequestTimeout.TotalSeconds:0} s.", timeout);
        }
    }

    /// <summary>A path segment from user input: ids may hold characters that mean something in a URL.</summary>
    public static string Segment(string value) => Uri.EscapeDataString(value);

    /// <summary>"?status=OnHold&amp;page=2" from the parameters that were given; "" when none was.</summary>
    public static string Query(params (string Name, string? Value)[] parameters)
    {
        string[] given = parameters.Where(p => p.Value is not null).Select(p => $"{p.Name}={Uri.EscapeDataString(p.Value!)}").ToArray();
        return given.Length == 0 ? "" : "?" + string.Join('&', given);
    }

    private HttpRequestMessage CreateRequest(HttpMethod method, string path, object? body)
    {
        var request = new HttpRequestMessage(method, path);
        if (_settings.Tenant is { Length: > 0 } tenant)
        {
            request.Headers.Add("X-Tenant", tenant);
        }
        if (_settings.Credential.Token is { } token)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        }
        if ((method == HttpMethod.Post || method == HttpMethod.Put) && _settings.IdempotencyKey is { Length: > 0 } idempotencyKey)
        {
            request.Headers.TryAddWithoutValidation("Idempotency-Key", idempotencyKey);
        }
        if (body is not null)
        {
            request.Content = new StringContent(JsonSerializer.Serialize(body, HubJson.Options), Encoding.UTF8);
            request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/json") { CharSet = "utf-8" };
        }
        return request;
    }

    private static TimeSpan? RetryAfter(HttpResponseMessage response) => response.Headers.RetryAfter switch
    {
        { Delta: { } delta } => delta,
        { Date: { } date } => date - DateTimeOffset.UtcNow,
        _ => null,
    };

    private static HubResponse EnsureSuccess(HttpMethod method, string path, HubResponse response) =>
        response.IsSuccess ? response : throw new HubProblemException(response, $"{method} {path}");

    private static string Reason(HttpRequestException failure) => failure.InnerException switch
    {
        SocketException socket => socket.SocketErrorCode switch
        {
            SocketError.ConnectionRefused => "connection refused",
            SocketError.HostNotFound or SocketError.NoData => "unknown host",
            SocketError.TimedOut => "connect timed out",
            _ => socket.Message,
        },
        TimeoutException => "connect timed out",
        { } inner => inner.Message,
        null => failure.Message,
    };

    public void Dispose() => _http.Dispose();
}

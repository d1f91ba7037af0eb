using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using OrderActors.LoadTest.Access;

namespace OrderActors.LoadTest.Hub;

/// <summary>
/// HTTP to the hub's REST facade. Calls go round-robin over the silos; a call that cannot reach one (refused,
/// reset, the silo died mid-answer) is retried on the next with exponential backoff. That is safe because every
/// state-changing call carries an Idempotency-Key and the body is sent byte for byte again. Timeouts are not
/// retried: a slow silo is a finding, not a reason to send more. Nor is any answer, a 429 included.
/// </summary>
public sealed class HubClient : IDisposable
{
    private static readonly MediaTypeHeaderValue _json = new("application/json") { CharSet = "utf-8" };
    private readonly HttpClient _http;
    private readonly bool _ownsHttp;
    private readonly HubClientOptions _options;
    private readonly long[] _downUntil;
    private readonly RetryCounters _counters;
    private int _next;

    public HubClient(HubClientOptions options, HttpMessageHandler? handler = null)
        : this(options, CreateHttp(options, handler), ownsHttp: true, new RetryCounters())
    {
    }

    private HubClient(HubClientOptions options, HttpClient http, bool ownsHttp, RetryCounters counters)
    {
        if (options.Servers.Count == 0)
        {
            throw new ArgumentException("need at least one server", nameof(options));
        }
        _options = options;
        _http = http;
        _ownsHttp = ownsHttp;
        _counters = counters;
        _downUntil = new long[options.Servers.Count];
    }

    public string Tenant => _options.Tenant;

    public IReadOnlyList<Uri> Servers => _options.Servers;

    /// <summary>Calls tried again after a connection failure, across this client and its tenant views.</summary>
    public long Retries => _counters.Retries;

    /// <summary>Calls that failed to reach any silo after every attempt.</summary>
    public long Unreachable => _counters.Unreachable;

    /// <summary>The same connections, speaking as another principal in one of its tenants.</summary>
    public HubClient As(string tenant, BearerToken credential) =>
        new(_options with { Tenant = tenant, Credential = credential }, _http, ownsHttp: false, _counters);

    public Task<HubResponse> GetAsync(string path, CancellationToken cancellationToken) =>
        SendAsync(HttpMethod.Get, path, body: null, idempotencyKey: null, cancellationToken);

    public Task<HubResponse> PutAsync(string path, JsonNode body, CancellationToken cancellationToken) =>
        SendAsync(HttpMethod.Put, path, body.ToJsonString(), idempotencyKey: null, cancellationToken);

    /// <summary>Sends one call; <paramref name="body"/> is serialized once by the caller so retries repeat it exactly.</summary>
    public async Task<HubResponse> SendAsync(HttpMethod method, string path, string? body, string? idempotencyKey, CancellationToken cancellationToken)
    {
        for (int attempt = 1; ; attempt++)
        {
            int server = NextServer();
            using var request = new HttpRequestMessage(method, new Uri(_options.Servers[server], path));
            request.Headers.Add("X-Tenant", _options.Tenant);
            request.Headers.Authorization = _options.Credential?.Header();
            if (idempotencyKey is not null)
            {
                request.Headers.Add("Idempotency-Key", idempotencyKey);
            }
            if (body is not null)
            {
                request.Content = new StringContent(body, Encoding.UTF8);
                request.Content.Headers.ContentType = _json;
            }
            try
            {
                using HttpResponseMessage response = await _http.SendAsync(request, cancellationToken);
                string text = await response.Content.ReadAsStringAsync(cancellationToken);
                return new HubResponse((int)response.StatusCode, ParseBody(text)) { RetryAfter = RetryAfter(response) };
            }
            catch (HttpRequestException exception) when (IsUnreachable(exception))
            {
                Interlocked.Exchange(ref _downUntil[server], Environment.TickCount64 + (long)_options.DownFor.TotalMilliseconds);
                if (attempt >= _options.MaxAttempts)
                {
                    _counters.CountUnreachable();
                    throw;
                }
                _counters.CountRetry();
                await Task.Delay(Backoff(attempt), cancellationToken);
            }
        }
    }

    public void Dispose()
    {
        if (_ownsHttp)
        {
            _http.Dispose();
        }
    }

    /// <summary>50 ms doubling per attempt, capped at 1 s, with jitter so retries from many clients spread out.</summary>
    internal static TimeSpan Backoff(int attempt)
    {
        double ceiling = Math.Min(1000, 50 * Math.Pow(2, attempt - 1));
        return TimeSpan.FromMilliseconds(ceiling / 2 + Random.Shared.NextDouble() * ceiling / 2);
    }

    private int NextServer()
    {
        int count = _options.Servers.Count;
        int start = (int)((uint)Interlocked.Increment(ref _next) % count);
        long now = Environment.TickCount64;
        for (int i = 0; i < count; i++)
        {
            int candidate = (start + i) % count;
            if (Interlocked.Read(ref _downUntil[candidate]) <= now)
            {
                return candidate;
            }
        }
        return start;
    }

    private static bool IsUnreachable(HttpRequestException exception) =>
        exception.HttpRequestError is HttpRequestError.ConnectionError or HttpRequestError.ResponseEnded or HttpRequestError.NameResolutionError;

    private static TimeSpan? RetryAfter(HttpResponseMessage response) => response.Headers.RetryAfter switch
    {
        { Delta: { } delta } => delta,
        { Date: { } date } => date - DateTimeOffset.UtcNow,
        _ => null,
    };

    private static JsonNode? ParseBody(string text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }
        try
        {
            return JsonNode.Parse(text);
        }
        catch (JsonException)
        {
            return JsonValue.Create(text);
        }
    }

    /// <summary>A handler passed in (an in-process host's) belongs to the caller and is not disposed with the client.</summary>
    private static HttpClient CreateHttp(HubClientOptions options, HttpMessageHandler? handler)
    {
        HttpMessageHandler sockets = handler ?? new SocketsHttpHandler
        {
            MaxConnectionsPerServer = options.MaxConnections,
            ConnectTimeout = TimeSpan.FromSeconds(3),
            PooledConnectionIdleTimeout = TimeSpan.FromSeconds(30),
        };
        return new HttpClient(sockets, disposeHandler: handler is null) { Timeout = options.RequestTimeout };
    }

    /// <summary>Counters shared by a client and its tenant views.</summary>
    private sealed class RetryCounters
    {
        private long _retries;
        private long _unreachable;

        public long Retries => Interlocked.Read(ref _retries);

        public long Unreachable => Interlocked.Read(ref _unreachable);

        public void CountRetry() => Interlocked.Increment(ref _retries);

        public void CountUnreachable() => Interlocked.Increment(ref _unreachable);
    }
}

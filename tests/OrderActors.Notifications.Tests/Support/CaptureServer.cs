using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;
using System.Text;
using System.Text.Json;

namespace OrderActors.Notifications.Tests.Support;

/// <summary>A request as it reached the capture server, byte for byte where it matters (raw query, body).</summary>
public sealed record CapturedRequest(
    int Sequence,
    DateTimeOffset ReceivedAt,
    string Method,
    string Path,
    string RawQuery,
    IReadOnlyDictionary<string, string> Query,
    IReadOnlyDictionary<string, string> Headers,
    string Body)
{
    public JsonElement Json() => JsonDocument.Parse(Body).RootElement.Clone();

    public string? Header(string name) => Headers.TryGetValue(name, out string? value) ? value : null;
}

/// <summary>What the capture server answers: a status, a body, and how long to wait before answering.</summary>
public sealed record CaptureReply(int Status, string Body, TimeSpan Delay = default, string ContentType = "application/json; charset=utf-8");

/// <summary>
/// A real HTTP server on loopback (HttpListener on 127.0.0.1 and a free port) that records every request and
/// answers with whatever <see cref="Responder"/> says. Tests point channels at <see cref="Url"/>; the console in
/// tools/OrderActors.CaptureServer prints what arrives. Requests are handled concurrently, so a slow answer does not
/// hold up the next request.
/// </summary>
public sealed class CaptureServer : IAsyncDisposable
{
    private readonly HttpListener _listener;
    private readonly ConcurrentQueue<CapturedRequest> _requests = new();
    private readonly CancellationTokenSource _stopping = new();
    private readonly Task _loop;
    private int _sequence;

    private CaptureServer(HttpListener listener, Uri baseUrl, Func<CapturedRequest, CaptureReply> responder)
    {
        _listener = listener;
        BaseUrl = baseUrl;
        Responder = responder;
        _loop = Task.Run(AcceptAsync);
    }

    /// <summary>http://127.0.0.1:port/</summary>
    public Uri BaseUrl { get; }

    /// <summary>Decides each answer; replace it between requests to change what the "platform" says.</summary>
    public Func<CapturedRequest, CaptureReply> Responder { get; set; }

    public IReadOnlyList<CapturedRequest> Requests => _requests.ToArray();

    /// <summary>An absolute URL on this server, e.g. <c>Url("/cgi-bin/webhook/send?key=k")</c>.</summary>
    public string Url(string pathAndQuery) => new Uri(BaseUrl, pathAndQuery).ToString();

    /// <summary>Starts on <paramref name="port"/>, or on a free port when it is 0.</summary>
    public static CaptureServer Start(Func<CapturedRequest, CaptureReply>? responder = null, int port = 0)
    {
        responder ??= _ => new CaptureReply(200, "{}");
        for (int tries = 0; ; tries++)
        {
            int chosen = port == 0 ? FreePort() : port;
            var listener = new HttpListener();
            string prefix = $"http://127.0.0.1:{chosen}/";
            listener.Prefixes.Add(prefix);
            try
            {
                listener.Start();
                return new CaptureServer(listener, new Uri(prefix), responder);
            }
            catch (HttpListenerException) when (port == 0 && tries < 5)
            {
                listener.Close();
            }
        }
    }

    /// <summary>A loopback port nothing listens on, for network-error tests.</summary>
    public static int FreePort()
    {
        using var probe = new TcpListener(IPAddress.Loopback, 0);
        probe.Start();
        int port = ((IPEndPoint)probe.LocalEndpoint).Port;
        probe.Stop();
        return port;
    }

    public async ValueTask DisposeAsync()
    {
        await _stopping.CancelAsync();
        _listener.Close();
        try
        {
            await _loop;
        }
        catch (Exception e) when (e is HttpListenerException or ObjectDisposedException or OperationCanceledException)
        {
        }
        _stopping.Dispose();
    }

    private async Task AcceptAsync()
    {
        while (!_stopping.IsCancellationRequested)
        {
            HttpListenerContext context;
            try
            {
                context = await _listener.GetContextAsync();
            }
            catch (Exception e) when (e is HttpListenerException or ObjectDisposedException or InvalidOperationException)
            {
                return;
            }
            _ = Task.Run(() => HandleAsync(context));
        }
    }

    private async Task HandleAsync(HttpListenerContext context)
    {
        try
        {
            CapturedRequest request = await ReadAsync(context.Request);
            _requests.Enqueue(request);
            CaptureReply reply = Responder(request);
            if (reply.Delay > TimeSpan.Zero)
            {
                await Task.Delay(reply.Delay, _stopping.Token);
            }
            byte[] body = Encoding.UTF8.GetBytes(reply.Body);
            context.Response.StatusCode = reply.Status;
            context.Response.ContentType = reply.ContentType;
            context.Response.ContentLength64 = body.Length;
            await context.Response.OutputStream.WriteAsync(body, _stopping.Token);
            context.Response.Close();
        }
        catch (Exception e) when (e is HttpListenerException or IOException or ObjectDisposedException or OperationCanceledException or InvalidOperationException)
        {
            // The client gave up (a timeout test) or the server is stopping.
            context.Response.Abort();
        }
    }

    private async Task<CapturedRequest> ReadAsync(HttpListenerRequest request)
    {
        using var reader = new StreamReader(request.InputStream, Encoding.UTF8);
        string body = await reader.ReadToEndAsync();
        string rawUrl = request.RawUrl ?? "/";
        int mark = rawUrl.IndexOf('?');
        string path = mark < 0 ? rawUrl : rawUrl[..mark];
        string rawQuery = mark < 0 ? "" : rawUrl[(mark + 1)..];
        var query = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (string pair in rawQuery.Split('&', StringSplitOptions.RemoveEmptyEntries))
        {
            string[] parts = pair.Split('=', 2);
            query[Uri.UnescapeDataString(parts[0])] = parts.Length > 1 ? Uri.UnescapeDataString(parts[1]) : "";
        }
        var headers = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (string? name in request.Headers.AllKeys)
        {
            if (name is not null)
            {
                headers[name] = request.Headers[name] ?? "";
            }
        }
        return new CapturedRequest(Interlocked.Increment(ref _sequence), DateTimeOffset.UtcNow, request.HttpMethod, path, rawQuery, query, headers, body);
    }
}

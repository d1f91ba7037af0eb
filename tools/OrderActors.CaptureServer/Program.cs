using System.Text;
using System.Text.Json;
using OrderActors.CaptureServer;
using OrderActors.Notifications.Tests.Support;

CaptureOptions options;
try
{
    if (args.Contains("--help") || args.Contains("-h"))
    {
        Console.WriteLine(CaptureOptions.Usage);
        return 0;
    }
    options = CaptureOptions.Parse(args);
}
catch (Exception e) when (e is ArgumentException or FormatException)
{
    Console.Error.WriteLine(e.Message);
    Console.Error.WriteLine(CaptureOptions.Usage);
    return 2;
}

Console.OutputEncoding = Encoding.UTF8;
var print = new object();
CaptureServer server;
try
{
    server = CaptureServer.Start(
        request =>
        {
            CaptureReply reply = Reply(request, options);
            lock (print)
            {
                Console.WriteLine(Describe(request, reply, options));
            }
            return reply;
        },
        options.Port);
}
catch (System.Net.HttpListenerException e)
{
    Console.Error.WriteLine($"cannot listen on 127.0.0.1:{options.Port}: {e.Message}");
    return 1;
}

Console.WriteLine($"capture server listening on {server.BaseUrl} as {options.Platform}; Ctrl+C stops it");
Console.WriteLine($"  WeCom:    {server.Url(PlatformReplies.WeComPath + "?key=test")}");
Console.WriteLine($"  Feishu:   {server.Url(PlatformReplies.FeishuPath + "test")}");
Console.WriteLine($"  DingTalk: {server.Url(PlatformReplies.DingTalkPath + "?access_token=test")}");
Console.WriteLine($"  Aliyun:   {server.BaseUrl}");
Console.WriteLine($"  webhook:  {server.Url("/hook")}");

var stopped = new TaskCompletionSource();
Console.CancelKeyPress += (_, e) =>
{
    e.Cancel = true;
    stopped.TrySetResult();
};
AppDomain.CurrentDomain.ProcessExit += (_, _) => stopped.TrySetResult();
await stopped.Task;
await server.DisposeAsync();
return 0;

static CaptureReply Reply(CapturedRequest request, CaptureOptions options)
{
    CaptureReply reply = request.Sequence <= options.FailFirst
        ? new CaptureReply(500, """{"errcode":-1,"errmsg":"system busy (--fail-first)"}""")
        : options.Status is { } status
            ? new CaptureReply(status, $$"""{"errcode":-1,"errmsg":"HTTP {{status}} (--status)"}""")
            : options.ErrorCode is { } code
                ? PlatformReplies.Error(request, code, options.Platform)
                : PlatformReplies.Success(request, options.Platform);
    return reply with { Delay = options.Delay };
}

static string Describe(CapturedRequest request, CaptureReply reply, CaptureOptions options)
{
    string platform = options.Platform == "auto" ? PlatformReplies.Platform(request) : options.Platform;
    var text = new StringBuilder();
    text.AppendLine($"#{request.Sequence} {request.ReceivedAt:yyyy-MM-ddTHH:mm:ss.fffZ} {request.Method} {request.Path}{(request.RawQuery.Length > 0 ? "?" + request.RawQuery : "")}  [{platform}]");
    foreach ((string name, string value) in request.Headers.OrderBy(h => h.Key, StringComparer.OrdinalIgnoreCase))
    {
        text.AppendLine($"  {name}: {value}");
    }
    if (request.Query.Count > 0)
    {
        text.AppendLine("  query (decoded):");
        foreach ((string name, string value) in request.Query)
        {
            text.AppendLine($"    {name} = {value}");
        }
    }
    if (request.Body.Length > 0)
    {
        text.AppendLine("  body:");
        text.AppendLine(Indent(Pretty(request.Body), "    "));
    }
    if (options.Secret is not null && platform == "wecom")
    {
        text.AppendLine("  signature: none — WeCom robots are not signed (the key in the URL is the credential)");
    }
    else if (options.Secret is { } secret)
    {
        (bool valid, string detail) = SignatureChecks.Verify(request, platform, secret);
        text.AppendLine($"  signature: {(valid ? "OK" : "BAD")} — {detail}");
    }
    text.Append($"  → {reply.Status}{(reply.Delay > TimeSpan.Zero ? $" after {reply.Delay.TotalMilliseconds:0} ms" : "")} {reply.Body}");
    return text.ToString();
}

static string Pretty(string body)
{
    try
    {
        using JsonDocument document = JsonDocument.Parse(body);
        return JsonSerializer.Serialize(document.RootElement, new JsonSerializerOptions
        {
            WriteIndented = true,
            Encoder = System.Text.Encodings.Web.JavaScriptEncoder.Create(System.Text.Unicode.UnicodeRanges.All),
        });
    }
    catch (JsonException)
    {
        return body;
    }
}

static string Indent(string text, string prefix) => prefix + text.Replace("\n", "\n" + prefix, StringComparison.Ordinal);

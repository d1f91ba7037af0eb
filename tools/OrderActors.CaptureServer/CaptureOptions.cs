using System.Globalization;

namespace OrderActors.CaptureServer;

/// <summary>The command line: where to listen, which platform to answer as, and what trouble to make.</summary>
internal sealed record CaptureOptions(int Port, string Platform, int FailFirst, int? Status, string? ErrorCode, TimeSpan Delay, string? Secret)
{
    public const string Usage = """
        capture-server: prints every request it gets and answers like a notification platform would.

          --port N          listen on 127.0.0.1:N (default 8787; 0 picks a free port)
          --platform P      auto | wecom | feishu | dingtalk | aliyun | webhook (default auto: by path and query)
          --fail-first N    answer HTTP 500 to the first N requests, then normally (shows in-request retries)
          --status CODE     always answer with this HTTP status (500, 503, 429, 400 …)
          --errcode CODE    answer 200 with this platform error code (93000, 19021, 310000, isv.BUSINESS_LIMIT_CONTROL …)
          --delay TIME      wait before answering, e.g. 800ms or 6s (shows per-attempt timeouts)
          --secret S        check each request's signature with S (Feishu, DingTalk, Aliyun, webhook)
          --help            this text

        Paths it recognises in auto mode: /cgi-bin/webhook/send (WeCom), /open-apis/bot/v2/hook/… (Feishu),
        /robot/send (DingTalk), ?Action=SendSms (Aliyun); anything else is a generic webhook.
        """;

    public static CaptureOptions Parse(string[] args)
    {
        var options = new CaptureOptions(8787, "auto", 0, null, null, TimeSpan.Zero, null);
        for (int i = 0; i < args.Length; i++)
        {
            string Value() => i + 1 < args.Length ? args[++i] : throw new ArgumentException($"{args[i]} needs a value");
            options = args[i] switch
            {
                "--port" => options with { Port = int.Parse(Value(), CultureInfo.InvariantCulture) },
                "--platform" => options with { Platform = ParsePlatform(Value()) },
                "--fail-first" => options with { FailFirst = int.Parse(Value(), CultureInfo.InvariantCulture) },
                "--status" => options with { Status = int.Parse(Value(), CultureInfo.InvariantCulture) },
                "--errcode" => options with { ErrorCode = Value() },
                "--delay" => options with { Delay = Duration(Value()) },
                "--secret" => options with { Secret = Value() },
                _ => throw new ArgumentException($"unknown option {args[i]}"),
            };
        }
        return options;
    }

    private static string ParsePlatform(string value) =>
        value is "auto" or "wecom" or "feishu" or "dingtalk" or "aliyun" or "webhook"
            ? value
            : throw new ArgumentException($"unknown platform {value}");

    private static TimeSpan Duration(string value) =>
        value.EndsWith("ms", StringComparison.Ordinal) ? TimeSpan.FromMilliseconds(double.Parse(value[..^2], CultureInfo.InvariantCulture))
        : value.EndsWith('s') ? TimeSpan.FromSeconds(double.Parse(value[..^1], CultureInfo.InvariantCulture))
        : TimeSpan.FromMilliseconds(double.Parse(value, CultureInfo.InvariantCulture));
}

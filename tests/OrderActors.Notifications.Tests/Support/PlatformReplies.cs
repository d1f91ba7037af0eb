namespace OrderActors.Notifications.Tests.Support;

/// <summary>What each platform answers, as its documentation shows, and which platform a request was meant for.</summary>
public static class PlatformReplies
{
    public const string WeComPath = "/cgi-bin/webhook/send";
    public const string FeishuPath = "/open-apis/bot/v2/hook/";
    public const string DingTalkPath = "/robot/send";

    /// <summary>WeCom and DingTalk: <c>{"errcode":0,"errmsg":"ok"}</c>.</summary>
    public static CaptureReply ErrCode(int code, string message = "ok") =>
        new(200, $$"""{"errcode":{{code}},"errmsg":"{{message}}"}""");

    /// <summary>Feishu: <c>{"code":0,"msg":"success","data":{}}</c>; errors carry their code in the same place.</summary>
    public static CaptureReply Feishu(int code, string message = "success") =>
        new(200, $$"""{"code":{{code}},"data":{},"msg":"{{message}}"}""");

    /// <summary>Aliyun SendSms: <c>Code</c> "OK" with a BizId, or an error code and message.</summary>
    public static CaptureReply Aliyun(string code = "OK", string message = "OK", int status = 200) =>
        new(status, $$"""{"Message":"{{message}}","RequestId":"{{Guid.NewGuid().ToString().ToUpperInvariant()}}","Code":"{{code}}"{{(code == "OK" ? ",\"BizId\":\"900619746936498440^0\"" : "")}}}""");

    /// <summary>A generic webhook receiver that took the delivery.</summary>
    public static CaptureReply Webhook() => new(200, """{"ok":true}""");

    /// <summary>The platform a request looks meant for, by its path and query.</summary>
    public static string Platform(CapturedRequest request) =>
        request.Path.StartsWith(WeComPath, StringComparison.Ordinal) ? "wecom"
        : request.Path.StartsWith(FeishuPath, StringComparison.Ordinal) ? "feishu"
        : request.Path.StartsWith(DingTalkPath, StringComparison.Ordinal) ? "dingtalk"
        : request.Query.TryGetValue("Action", out string? action) && action == "SendSms" ? "aliyun"
        : "webhook";

    /// <summary>The success reply of <paramref name="platform"/>, or of the platform the request was meant for.</summary>
    public static CaptureReply Success(CapturedRequest request, string platform = "auto") =>
        (platform == "auto" ? Platform(request) : platform) switch
        {
            "wecom" or "dingtalk" => ErrCode(0),
            "feishu" => Feishu(0),
            "aliyun" => Aliyun(),
            _ => Webhook(),
        };

    /// <summary>An error reply with <paramref name="code"/> in the platform's own shape.</summary>
    public static CaptureReply Error(CapturedRequest request, string code, string platform = "auto") =>
        (platform == "auto" ? Platform(request) : platform) switch
        {
            "wecom" or "dingtalk" => ErrCode(int.Parse(code, System.Globalization.CultureInfo.InvariantCulture), "error"),
            "feishu" => Feishu(int.Parse(code, System.Globalization.CultureInfo.InvariantCulture), "error"),
            "aliyun" => Aliyun(code, "error"),
            _ => new CaptureReply(int.Parse(code, System.Globalization.CultureInfo.InvariantCulture), """{"ok":false}"""),
        };
}

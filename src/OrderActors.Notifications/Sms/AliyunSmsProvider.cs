using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace OrderActors.Notifications;

/// <summary>
/// Aliyun SMS (短信服务, dysmsapi <c>SendSms</c>, API version 2017-05-25): a signed GET to the channel's URL
/// (<c>https://dysmsapi.aliyuncs.com/</c> in production) with the template code and its variables as
/// <c>TemplateParam</c> JSON. The reply's <c>Code</c> must be <c>OK</c>; flow-control codes are retryable, every other
/// code is not. SendSms is not idempotent, so this provider's HTTP client retries in-request only what cannot have
/// reached Aliyun (see <see cref="NotificationSenderOptions.SmsInRequestRetries"/>).
/// </summary>
internal sealed class AliyunSmsProvider(HttpDelivery http, TimeProvider time) : ISmsProvider
{
    public const string ApiVersion = "2017-05-25";
    public const string DefaultRegion = "cn-hangzhou";

    private static readonly HashSet<string> RetryableCodes = new(StringComparer.OrdinalIgnoreCase)
    {
        "isv.BUSINESS_LIMIT_CONTROL", "Throttling", "Throttling.User", "Throttling.Api", "isp.SYSTEM_ERROR", "ServiceUnavailable", "InternalError",
    };

    public string Name => "aliyun";

    public Task<DeliveryResult> SendAsync(ChannelConfig channel, SmsMessage message, CancellationToken ct)
    {
        if (ChannelChecks.Endpoint(channel) is not { } endpoint)
        {
            return Task.FromResult(DeliveryResult.Permanent(null, "the Aliyun SMS endpoint is not an absolute http(s) URL"));
        }
        if (channel.Setting(ChannelSettings.AccessKeyId) is not { } accessKeyId || string.IsNullOrEmpty(channel.Secret))
        {
            return Task.FromResult(DeliveryResult.Permanent(null, "an Aliyun SMS channel needs accessKeyId and its AccessKey secret"));
        }
        if (message.TemplateCode is null)
        {
            return Task.FromResult(DeliveryResult.Permanent(null, $"no Aliyun template code for {message.EventKind} (setting {ChannelSettings.Template(message.EventKind)})"));
        }
        Uri url = RequestUrl(endpoint, Parameters(channel, message, accessKeyId), channel.Secret);
        return http.SendAsync(channel, NotificationHttpClients.Sms, () => new HttpRequestMessage(HttpMethod.Get, url), ReadReply, ct);
    }

    internal Dictionary<string, string> Parameters(ChannelConfig channel, SmsMessage message, string accessKeyId)
    {
        var templateParam = new JsonObject();
        foreach ((string name, string value) in message.TemplateParameters)
        {
            templateParam[name] = value;
        }
        var parameters = new Dictionary<string, string>
        {
            ["AccessKeyId"] = accessKeyId,
            ["Action"] = "SendSms",
            ["Format"] = "JSON",
            ["PhoneNumbers"] = message.PhoneNumber,
            ["RegionId"] = channel.Setting(ChannelSettings.Region) ?? DefaultRegion,
            ["SignName"] = message.SignName,
            ["SignatureMethod"] = "HMAC-SHA1",
            ["SignatureNonce"] = Guid.NewGuid().ToString(),
            ["SignatureVersion"] = "1.0",
            ["TemplateCode"] = message.TemplateCode!,
            ["TemplateParam"] = WireJson.Write(templateParam),
            ["Timestamp"] = time.GetUtcNow().UtcDateTime.ToString("yyyy-MM-ddTHH:mm:ssZ", CultureInfo.InvariantCulture),
            ["Version"] = ApiVersion,
        };
        if (!string.IsNullOrEmpty(message.OutId))
        {
            parameters["OutId"] = message.OutId;
        }
        return parameters;
    }

    /// <summary>The endpoint with <c>?Signature=…&amp;</c> and the canonical query, as the documentation's GET example.</summary>
    internal static Uri RequestUrl(Uri endpoint, IReadOnlyDictionary<string, string> parameters, string accessKeySecret)
    {
        string signature = AliyunRpcSignature.Sign("GET", parameters, accessKeySecret);
        string query = $"Signature={AliyunRpcSignature.PercentEncode(signature)}&{AliyunRpcSignature.CanonicalQuery(parameters)}";
        return new Uri($"{endpoint.GetLeftPart(UriPartial.Path)}?{query}");
    }

    private static DeliveryResult ReadReply(int status, string body)
    {
        string? code = null;
        string? text = null;
        try
        {
            using JsonDocument reply = JsonDocument.Parse(body);
            if (reply.RootElement.ValueKind == JsonValueKind.Object)
            {
                code = reply.RootElement.TryGetProperty("Code", out JsonElement c) && c.ValueKind == JsonValueKind.String ? c.GetString() : null;
                text = reply.RootElement.TryGetProperty("Message", out JsonElement m) && m.ValueKind == JsonValueKind.String ? m.GetString() : null;
            }
        }
        catch (JsonException)
        {
        }
        if (code is null)
        {
            return DeliveryResult.Permanent(status, status is >= 200 and < 300 ? "the reply has no Code: is the URL Aliyun's SMS endpoint?" : $"HTTP {status}");
        }
        if (code == "OK" && status is >= 200 and < 300)
        {
            return DeliveryResult.Ok(status);
        }
        string error = $"Code {code}: {PlatformReply.Shorten(text)}";
        return RetryableCodes.Contains(code) ? DeliveryResult.Transient(status, error) : DeliveryResult.Permanent(status, error);
    }
}

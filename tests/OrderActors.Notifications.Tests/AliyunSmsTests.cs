using System.Globalization;
using System.Text.Json;
using OrderActors.Notifications.Tests.Support;

namespace OrderActors.Notifications.Tests;

public sealed class AliyunSmsTests : IAsyncLifetime
{
    private const string AccessKeyId = "LTAI5tTestAccessKeyId";
    private const string AccessKeySecret = "AliyunTestSecret0123456789";
    private const string TemplateCode = "SMS_465370021";
    private readonly SenderHarness _harness = new();

    private ChannelConfig Channel(Action<Dictionary<string, string>>? change = null)
    {
        var settings = new Dictionary<string, string>
        {
            [ChannelSettings.Provider] = "aliyun",
            [ChannelSettings.SignName] = "好物小店",
            [ChannelSettings.AccessKeyId] = AccessKeyId,
            [ChannelSettings.Template(EventKinds.OrderShipped)] = TemplateCode,
        };
        change?.Invoke(settings);
        return Samples.Channel(ChannelKind.Sms, _harness.Server.Url("/"), AccessKeySecret, settings);
    }

    /// <summary>The example in Aliyun's SMS signature documentation: testId / testSecret gives zJDF+Lrzhj/ThnlvIToysFRq6t4=.</summary>
    [Fact]
    public void TheSignatureMatchesTheDocumentedExample()
    {
        var parameters = new Dictionary<string, string>
        {
            ["AccessKeyId"] = "testId",
            ["Action"] = "SendSms",
            ["Format"] = "XML",
            ["OutId"] = "123",
            ["PhoneNumbers"] = "15300000001",
            ["RegionId"] = "cn-hangzhou",
            ["SignName"] = "阿里云短信测试专用",
            ["SignatureMethod"] = "HMAC-SHA1",
            ["SignatureNonce"] = "45e25e9b-0a6f-4070-8c85-2956eda1b466",
            ["SignatureVersion"] = "1.0",
            ["TemplateCode"] = "SMS_71390007",
            ["TemplateParam"] = """{"customer":"test"}""",
            ["Timestamp"] = "2017-07-12T02:42:19Z",
            ["Version"] = "2017-05-25",
        };

        Assert.Equal("zJDF+Lrzhj/ThnlvIToysFRq6t4=", AliyunRpcSignature.Sign("GET", parameters, "testSecret"));
        Assert.Equal("zJDF+Lrzhj/ThnlvIToysFRq6t4=", SignatureChecks.Aliyun("GET", parameters, "testSecret"));
        Assert.StartsWith("AccessKeyId=testId&Action=SendSms&Format=XML&OutId=123&PhoneNumbers=15300000001&RegionId=cn-hangzhou&SignName=%E9%98%BF", AliyunRpcSignature.CanonicalQuery(parameters));
    }

    [Theory]
    [InlineData("a b", "a%20b")]
    [InlineData("*", "%2A")]
    [InlineData("~-_.", "~-_.")]
    [InlineData("{\"k\":\"v\"}", "%7B%22k%22%3A%22v%22%7D")]
    [InlineData("好", "%E5%A5%BD")]
    public void PercentEncodingFollowsRfc3986(string value, string encoded) =>
        Assert.Equal(encoded, AliyunRpcSignature.PercentEncode(value));

    [Fact]
    public async Task SendSmsIsASignedGetWithTheCommonAndTemplateParameters()
    {
        DeliveryResult result = await _harness.SendAsync(Channel(), Samples.Shipped());

        Assert.True(result.Delivered);
        CapturedRequest request = Assert.Single(_harness.Server.Requests);
        Assert.Equal("GET", request.Method);
        Assert.Equal("/", request.Path);
        IReadOnlyDictionary<string, string> q = request.Query;
        Assert.Equal("SendSms", q["Action"]);
        Assert.Equal("2017-05-25", q["Version"]);
        Assert.Equal("JSON", q["Format"]);
        Assert.Equal("cn-hangzhou", q["RegionId"]);
        Assert.Equal(AccessKeyId, q["AccessKeyId"]);
        Assert.Equal("HMAC-SHA1", q["SignatureMethod"]);
        Assert.Equal("1.0", q["SignatureVersion"]);
        Assert.True(Guid.TryParse(q["SignatureNonce"], out _));
        DateTimeOffset stamp = DateTimeOffset.ParseExact(q["Timestamp"], "yyyy-MM-ddTHH:mm:ssZ", CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal);
        Assert.InRange(stamp, DateTimeOffset.UtcNow.AddMinutes(-1), DateTimeOffset.UtcNow.AddSeconds(1));
        Assert.Equal(Samples.BuyerPhone, q["PhoneNumbers"]);
        Assert.Equal("好物小店", q["SignName"]);
        Assert.Equal(TemplateCode, q["TemplateCode"]);
        Assert.Equal("evt-000042", q["OutId"]);
        JsonElement param = JsonDocument.Parse(q["TemplateParam"]).RootElement;
        Assert.Equal("TB20240618001", param.GetProperty("orderId").GetString());
        Assert.Equal("顺丰速运", param.GetProperty("carrier").GetString());
        Assert.Equal("https://t.example.cn/SF1234567890", param.GetProperty("trackingUrl").GetString());
        Assert.Equal(SignatureChecks.Aliyun("GET", q, AccessKeySecret), q["Signature"]);
        Assert.StartsWith("Signature=", request.RawQuery);
    }

    [Fact]
    public async Task EveryRequestHasItsOwnNonce()
    {
        await _harness.SendAsync(Channel(), Samples.Shipped());
        await _harness.SendAsync(Channel(), Samples.Shipped());

        Assert.Equal(2, _harness.Server.Requests.Select(r => r.Query["SignatureNonce"]).Distinct().Count());
    }

    [Fact]
    public async Task ThePhoneComesFromTheConfiguredFieldWhenThereIsNoRecipient()
    {
        var notification = Samples.Shipped(recipient: null) with
        {
            Fields = new Dictionary<string, string>(Samples.Shipped().Fields) { ["buyerMobile"] = "13900001111" },
        };

        await _harness.SendAsync(Channel(s => s[ChannelSettings.PhoneField] = "buyerMobile"), notification);

        Assert.Equal("13900001111", Assert.Single(_harness.Server.Requests).Query["PhoneNumbers"]);
    }

    [Fact]
    public async Task ABusinessErrorCodeIsPermanent()
    {
        _harness.Server.Responder = _ => PlatformReplies.Aliyun("isv.MOBILE_NUMBER_ILLEGAL", "非法手机号");

        DeliveryResult result = await _harness.SendAsync(Channel(), Samples.Shipped());

        Assert.False(result.Delivered);
        Assert.False(result.Retryable);
        Assert.Contains("isv.MOBILE_NUMBER_ILLEGAL", result.Error);
    }

    [Theory]
    [InlineData("isv.BUSINESS_LIMIT_CONTROL", 200)]
    [InlineData("Throttling.User", 400)]
    public async Task FlowControlIsRetryable(string code, int status)
    {
        _harness.Server.Responder = _ => PlatformReplies.Aliyun(code, "触发流控", status);

        DeliveryResult result = await _harness.SendAsync(Channel(), Samples.Shipped());

        Assert.True(result.Retryable);
        Assert.Equal(status, result.HttpStatus);
    }

    [Fact]
    public async Task ASignatureMismatchReplyIsPermanent()
    {
        _harness.Server.Responder = _ => PlatformReplies.Aliyun("SignatureDoesNotMatch", "Specified signature is not matched with our calculation.", 400);

        DeliveryResult result = await _harness.SendAsync(Channel(), Samples.Shipped());

        Assert.Equal(400, result.HttpStatus);
        Assert.False(result.Retryable);
    }

    [Theory]
    [InlineData(ChannelSettings.SignName)]
    [InlineData(ChannelSettings.AccessKeyId)]
    public async Task AChannelMissingWhatAliyunNeedsFailsWithoutSending(string missing)
    {
        DeliveryResult result = await _harness.SendAsync(Channel(s => s.Remove(missing)), Samples.Shipped());

        Assert.False(result.Retryable);
        Assert.Empty(_harness.Server.Requests);
    }

    [Fact]
    public async Task AKindWithoutATemplateCodeFailsWithoutSending()
    {
        DeliveryResult result = await _harness.SendAsync(Channel(), Samples.BreakerTripped() with { Recipient = "13700000000" });

        Assert.False(result.Retryable);
        Assert.Contains("template.breaker.tripped", result.Error);
        Assert.Empty(_harness.Server.Requests);
    }

    [Fact]
    public async Task ANotificationWithoutAPhoneFailsWithoutSending()
    {
        DeliveryResult result = await _harness.SendAsync(Channel(), Samples.Shipped(recipient: null));

        Assert.False(result.Retryable);
        Assert.Empty(_harness.Server.Requests);
    }

    [Fact]
    public async Task AnUnknownProviderIsAConfigurationError()
    {
        DeliveryResult result = await _harness.SendAsync(Channel(s => s[ChannelSettings.Provider] = "nosuch"), Samples.Shipped());

        Assert.False(result.Retryable);
        Assert.Contains("nosuch", result.Error);
    }

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await _harness.DisposeAsync();
}

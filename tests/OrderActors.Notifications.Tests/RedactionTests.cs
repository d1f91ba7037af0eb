namespace OrderActors.Notifications.Tests;

public sealed class RedactionTests
{
    [Theory]
    [InlineData("13812345678", "138****5678")]
    [InlineData(" 13812345678 ", "138****5678")]
    [InlineData("+8613812345678", "+86138****5678")]
    [InlineData("008613812345678", "0086138****5678")]
    [InlineData("138-1234-5678", "138****5678")]
    [InlineData("12345", "***45")]
    [InlineData("", "—")]
    [InlineData(null, "—")]
    public void PhonesAreMaskedToTheirFirstThreeAndLastFourDigits(string? phone, string masked) =>
        Assert.Equal(masked, Redaction.MaskPhone(phone));

    [Theory]
    [InlineData("https://qyapi.weixin.qq.com/cgi-bin/webhook/send?key=693a91f6", "https://qyapi.weixin.qq.com/cgi-bin/webhook/send")]
    [InlineData("https://oapi.dingtalk.com/robot/send?access_token=abc", "https://oapi.dingtalk.com/robot/send")]
    [InlineData("https://open.feishu.cn/open-apis/bot/v2/hook/5e3d587e-d78e", "https://open.feishu.cn/open-apis/bot/v2/…")]
    [InlineData("http://user:pw@127.0.0.1:8080/x?y=z", "http://127.0.0.1:8080/x")]
    [InlineData("nonsense", "(invalid url)")]
    public void UrlsLoseTheirQueryUserInfoAndDeepPathTokens(string url, string safe) =>
        Assert.Equal(safe, Redaction.SafeUrl(url));

    [Fact]
    public void ScrubbingRemovesTheSecretTheQueryValuesAndTheHookToken()
    {
        var channel = new ChannelConfig("c", ChannelKind.Feishu, "https://open.feishu.cn/open-apis/bot/v2/hook/5e3d587e-d78e?extra=tokentoken", "s3cr3t-value", ["*"],
            new Dictionary<string, string> { [ChannelSettings.AccessKeyId] = "LTAI-key" });

        string scrubbed = Redaction.Scrub("s3cr3t-value 5e3d587e-d78e tokentoken LTAI-key kept", channel);

        Assert.Equal("*** *** *** *** kept", scrubbed);
    }

    [Fact]
    public void ScrubbingMasksMobileNumbersButNotOtherDigits()
    {
        var channel = new ChannelConfig("c", ChannelKind.Sms, "https://dysmsapi.aliyuncs.com/", "s", ["*"]);

        Assert.Equal("to 138****5678, +86139****0000; order 2024061812345678 qty 12",
            Redaction.Scrub("to 13812345678, +8613900000000; order 2024061812345678 qty 12", channel));
    }

    [Fact]
    public void ChannelsTakeTheirEventsOrEverythingWithAStar()
    {
        var some = new ChannelConfig("c", ChannelKind.WeCom, "https://x", null, [EventKinds.OrderShipped, EventKinds.StockLow]);
        var all = some with { Events = ["*"] };

        Assert.True(some.Takes("order.shipped"));
        Assert.True(some.Takes("STOCK.LOW"));
        Assert.False(some.Takes(EventKinds.BreakerTripped));
        Assert.True(all.Takes(EventKinds.BreakerTripped));
    }
}

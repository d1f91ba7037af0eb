using System.Security.Cryptography;
using System.Text;
using OrderActors.Abstractions.Orders;
using OrderActors.Connectors.Pull;
using OrderActors.Connectors.Signing;

namespace OrderActors.Connectors.Tests.Pull;

/// <summary>
/// Each platform's signature against a value worked out here by hand from the platform's published description — the
/// string to hash is written out literally — never by calling the code under test twice.
/// </summary>
public sealed class PullSigningTests
{
    private static readonly DateTimeOffset Now = new(2026, 1, 20, 12, 0, 0, TimeSpan.Zero);

    [Fact]
    public void TaobaoSignIsUpperMd5OfTheSecretTheSortedNameValuePairsAndTheSecret()
    {
        TaobaoListClient client = new(Target(Channel.Taobao), new HttpClient(), new FixedTime(Now));

        IReadOnlyDictionary<string, string> form = client.SignedForm("taobao.trade.fullinfo.get", new Dictionary<string, string> { ["tid"] = "4012345678901234567", ["fields"] = "tid,status" });

        // Sorted by name: app_key, fields, format, method, session, sign_method, tid, timestamp (20:00 in China), v.
        string expected = UpperMd5("s3cr3t" + "app_key12345678" + "fieldstid,status" + "formatjson" + "methodtaobao.trade.fullinfo.get"
            + "sessiontok-1" + "sign_methodmd5" + "tid4012345678901234567" + "timestamp2026-01-20 20:00:00" + "v2.0" + "s3cr3t");
        Assert.Equal(expected, form["sign"]);
        Assert.Equal("2026-01-20 20:00:00", form["timestamp"]);
        Assert.DoesNotContain(form, p => p.Value.Contains("s3cr3t", StringComparison.Ordinal));
    }

    [Fact]
    public void JdSignCoversTheBusinessJsonAsSent()
    {
        JdListClient client = new(Target(Channel.Jd), new HttpClient(), new FixedTime(Now));

        IReadOnlyDictionary<string, string> form = client.SignedForm("{\"page\":\"1\"}");

        // Sorted by name: 360buy_param_json, access_token, app_key, method, timestamp, v.
        string expected = UpperMd5("s3cr3t" + "360buy_param_json{\"page\":\"1\"}" + "access_tokentok-1" + "app_key12345678"
            + "methodjingdong.pop.order.search" + "timestamp2026-01-20 20:00:00" + "v2.0" + "s3cr3t");
        Assert.Equal(expected, form["sign"]);
    }

    [Fact]
    public void PddSignUsesUnixSecondsAndTheTypeParameter()
    {
        PddListClient client = new(Target(Channel.Pdd), new HttpClient(), new FixedTime(Now));

        IReadOnlyDictionary<string, string> form = client.SignedForm(new Dictionary<string, string> { ["page"] = "2", ["page_size"] = "50" });

        string expected = UpperMd5("s3cr3t" + "access_tokentok-1" + "client_id12345678" + "data_typeJSON" + "page2" + "page_size50"
            + "timestamp1768910400" + "typepdd.order.number.list.increment.get" + "s3cr3t");
        Assert.Equal(expected, form["sign"]);
    }

    [Fact]
    public void AnEmptyAccessTokenIsNeitherSentNorSigned()
    {
        PullTarget target = Target(Channel.Pdd) with { Shop = new ShopCredentials { AppKey = "12345678", AppSecret = "s3cr3t" } };
        PddListClient client = new(target, new HttpClient(), new FixedTime(Now));

        IReadOnlyDictionary<string, string> form = client.SignedForm(new Dictionary<string, string> { ["page"] = "1" });

        Assert.DoesNotContain("access_token", form.Keys);
        string expected = UpperMd5("s3cr3t" + "client_id12345678" + "data_typeJSON" + "page1" + "timestamp1768910400"
            + "typepdd.order.number.list.increment.get" + "s3cr3t");
        Assert.Equal(expected, form["sign"]);
    }

    [Fact]
    public void DouyinSignIsLowerHmacSha256OverAppKeyMethodParamJsonTimestampAndVersion()
    {
        string sign = Convert.ToHexStringLower(PlatformSignatures.DouyinApi("s3cr3t", "7012345", "order.searchList", "{\"page\":0,\"size\":100}", "2026-01-20 20:00:00", "2"));

        string expected = LowerHmac("s3cr3t", "s3cr3t" + "app_key7012345" + "methodorder.searchList" + "param_json{\"page\":0,\"size\":100}"
            + "timestamp2026-01-20 20:00:00" + "v2" + "s3cr3t");
        Assert.Equal(expected, sign);
    }

    [Fact]
    public void DouyinClientSendsTheSortedBusinessJsonItSigned()
    {
        DouyinListClient client = new(Target(Channel.Douyin), new HttpClient(), new FixedTime(Now));
        var window = new PullWindow(Now.AddMinutes(-30), Now);

        string business = client.BusinessJson(window, page: 2);
        Uri uri = client.SignedUri(business);

        Assert.Equal("{\"order_asc\":false,\"order_by\":\"update_time\",\"page\":1,\"size\":100,\"update_time_end\":1768910400,\"update_time_start\":1768908600}", business);
        string expected = LowerHmac("s3cr3t", "s3cr3t" + "app_key12345678" + "methodorder.searchList" + "param_json" + business
            + "timestamp2026-01-20 20:00:00" + "v2" + "s3cr3t");
        Assert.Contains($"sign={expected}", uri.Query, StringComparison.Ordinal);
        Assert.StartsWith("https://gw.example/order/searchList?", uri.AbsoluteUri, StringComparison.Ordinal);
    }

    [Fact]
    public void MeituanSigIsLowerMd5OfTheUrlTheSortedQueryAndTheSecret()
    {
        MeituanListClient client = new(Target(Channel.Meituan), new HttpClient(), new FixedTime(Now));
        var window = new PullWindow(Now.AddHours(-1), Now);

        Uri uri = client.SignedUri(window, page: 3);

        string expected = LowerMd5("https://gw.example/order/list?app_id=12345678&end_time=1768910400&limit=100&offset=200"
            + "&start_time=1768906800&timestamp=1768910400" + "s3cr3t");
        Assert.EndsWith($"&sig={expected}", uri.AbsoluteUri, StringComparison.Ordinal);
    }

    [Fact]
    public void MiniappSignatureIsHmacSha256OverTimestampMethodAndPathWithQuery()
    {
        MiniappListClient client = new(Target(Channel.Miniapp), new HttpClient(), new FixedTime(Now));

        using HttpRequestMessage request = client.SignedRequest(new PullWindow(Now.AddMinutes(-5), Now), page: 1);

        string pathAndQuery = "/orders?updatedFrom=1768910100000&updatedTo=1768910400000&page=1&pageSize=100";
        Assert.Equal(pathAndQuery, request.RequestUri!.PathAndQuery);
        string expected = Convert.ToHexString(HMACSHA256.HashData(Encoding.UTF8.GetBytes("s3cr3t"),
            Encoding.UTF8.GetBytes("1768910400000\nGET\n" + pathAndQuery))).ToLowerInvariant();
        Assert.Equal(expected, request.Headers.GetValues("X-Signature").Single());
        Assert.Equal("1768910400000", request.Headers.GetValues("X-Timestamp").Single());
    }

    [Fact]
    public void AWindowLongerThanThePlatformAllowsIsCutIntoConsecutiveSlices()
    {
        var window = new PullWindow(Now.AddMinutes(-70), Now);

        IReadOnlyList<PullWindow> slices = window.Slices(TimeSpan.FromMinutes(30));

        Assert.Equal(
            [new PullWindow(Now.AddMinutes(-70), Now.AddMinutes(-40)), new PullWindow(Now.AddMinutes(-40), Now.AddMinutes(-10)), new PullWindow(Now.AddMinutes(-10), Now)],
            slices);
    }

    [Fact]
    public void AShopWithoutABaseUrlOrCredentialsIsNotConfiguredAndSaysWhichSettingIsMissing()
    {
        var options = new ChannelPullOptions();
        options.Channels["taobao"] = new ChannelSection { Pull = new ChannelPullSettings { Enabled = true } };
        Assert.Null(options.Target("default", Channel.Taobao, out string? noUrl));
        Assert.Equal("no Channels:taobao:Pull:BaseUrl", noUrl);

        options.Channels["taobao"].Pull!.BaseUrl = "https://gw.example/router/rest";
        Assert.Null(options.Target("default", Channel.Taobao, out string? noShop));
        Assert.Equal("no Channels:taobao:Shops:default:AppKey and AppSecret", noShop);

        options.Channels["taobao"].Shops["default"] = new ShopCredentials { AppKey = "k", AppSecret = "s" };
        Assert.NotNull(options.Target("default", Channel.Taobao, out _));
        Assert.Null(options.Target("other", Channel.Taobao, out _));
    }

    private static PullTarget Target(Channel channel) => new(
        channel, new Uri("https://gw.example/"), new ShopCredentials { AppKey = "12345678", AppSecret = "s3cr3t", AccessToken = "tok-1" },
        new ChannelPullSettings());

    private static string LowerHmac(string key, string text) =>
        Convert.ToHexString(HMACSHA256.HashData(Encoding.UTF8.GetBytes(key), Encoding.UTF8.GetBytes(text))).ToLowerInvariant();

    private static string UpperMd5(string text) => Convert.ToHexString(MD5.HashData(Encoding.UTF8.GetBytes(text)));

    private static string LowerMd5(string text) => UpperMd5(text).ToLowerInvariant();

    private sealed class FixedTime(DateTimeOffset now) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => now;
    }
}

using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.WebUtilities;
using OrderActors.Abstractions.Orders;
using OrderActors.Connectors.Push;
using OrderActors.Silo.TestHost;
using OrderActors.Silo.Tests.Support;
using OrderActors.Testing;

namespace OrderActors.Silo.Tests.Access;

/// <summary>One silo whose shops (Channels:{channel}:Shops) are set up for two tenants, with a small world in each.</summary>
public sealed class SignedPushFixture : IAsyncLifetime
{
    public const string TenantA = "push-a";
    public const string TenantB = "push-b";

    private SiloHost? _host;

    public SiloHost Host => _host ?? throw new InvalidOperationException("No silo: PostgreSQL tests are skipped here.");

    public static string AppKey(Channel channel, string tenant) => $"{tenant}-{channel.ToRouteName()}-key";

    public static string Secret(Channel channel, string tenant) => $"{tenant}-{channel.ToRouteName()}-secret-0123456789";

    public async Task InitializeAsync()
    {
        if (PostgresFactAttribute.SkipReason() is not null)
        {
            return;
        }
        var settings = new Dictionary<string, string?>();
        foreach (Channel channel in Enum.GetValues<Channel>())
        {
            foreach (string tenant in new[] { TenantA, TenantB })
            {
                settings[$"Channels:{channel.ToRouteName()}:Shops:{tenant}:AppKey"] = AppKey(channel, tenant);
                settings[$"Channels:{channel.ToRouteName()}:Shops:{tenant}:AppSecret"] = Secret(channel, tenant);
            }
        }
        _host = await SiloHost.StartAsync(settings);
        foreach (string tenant in new[] { TenantA, TenantB })
        {
            await Admin(tenant).SetUpWorldAsync();
        }
    }

    public TenantApi Admin(string tenant)
    {
        HttpClient client = Host.ClientWith(Host.AdminKey);
        client.DefaultRequestHeaders.Add("X-Tenant", tenant);
        return new TenantApi(client, tenant);
    }

    public async Task DisposeAsync()
    {
        if (_host is not null)
        {
            await _host.DisposeAsync();
        }
    }
}

/// <summary>
/// Channel pushes signed as each platform signs them, through HTTP without any credential: a good signature lands the
/// order in the shop's tenant; a forged, stale or replayed one is 401 and nothing is stored.
/// </summary>
public sealed class SignedPushTests(SignedPushFixture fixture) : IClassFixture<SignedPushFixture>
{
    private static readonly Dictionary<string, string> NoParameters = [];

    [PostgresTheory]
    [InlineData("taobao")]
    [InlineData("jd")]
    [InlineData("pdd")]
    [InlineData("douyin")]
    [InlineData("meituan")]
    [InlineData("miniapp")]
    public async Task AForgedPushIsRefusedAndAGoodOneLandsInTheShopsTenant(string channelName)
    {
        Channel channel = Enum.Parse<Channel>(channelName, ignoreCase: true);
        TenantApi a = fixture.Admin(SignedPushFixture.TenantA);
        DateTimeOffset now = DateTimeOffset.UtcNow;
        (HttpStatusCode before, JsonNode? listed) = await a.GetAsync($"/api/v1/orders?channel={channelName}");

        using HttpResponseMessage forged = await PostAsync(Signed(channel, "wrong-secret-0123456789", now));
        JsonNode? problem = JsonNode.Parse(await forged.Content.ReadAsStringAsync());
        (_, JsonNode? afterForgery) = await a.GetAsync($"/api/v1/orders?channel={channelName}");
        using HttpResponseMessage good = await PostAsync(Signed(channel, SignedPushFixture.Secret(channel, SignedPushFixture.TenantA), now));
        JsonNode? accepted = JsonNode.Parse(await good.Content.ReadAsStringAsync());
        Assert.True(good.StatusCode == HttpStatusCode.Accepted, accepted?.ToJsonString());
        string orderId = accepted!["orderId"]!.GetValue<string>();
        JsonNode order = await a.SettledOrderAsync(orderId);
        (HttpStatusCode inB, _) = await fixture.Admin(SignedPushFixture.TenantB).GetAsync($"/api/v1/orders/{orderId}");

        Assert.Equal(HttpStatusCode.Unauthorized, forged.StatusCode);
        Assert.Equal("Push signature refused", problem!["title"]!.GetValue<string>());
        Assert.DoesNotContain(SignedPushFixture.Secret(channel, SignedPushFixture.TenantA), problem.ToJsonString(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, before);
        Assert.Equal(0, listed!["total"]!.GetValue<int>());
        Assert.Equal(0, afterForgery!["total"]!.GetValue<int>());
        Assert.Equal(HttpStatusCode.Accepted, good.StatusCode);
        Assert.Equal(channelName, order["channel"]!.GetValue<string>().ToLowerInvariant());
        Assert.Equal(HttpStatusCode.NotFound, inB);
    }

    [PostgresTheory]
    [InlineData("taobao")]
    [InlineData("jd")]
    [InlineData("pdd")]
    [InlineData("meituan")]
    [InlineData("miniapp")]
    public async Task APushSignedLongAgoIsAStaleReplayAndRefused(string channelName)
    {
        Channel channel = Enum.Parse<Channel>(channelName, ignoreCase: true);

        using HttpResponseMessage stale = await PostAsync(Signed(channel, SignedPushFixture.Secret(channel, SignedPushFixture.TenantB), DateTimeOffset.UtcNow.AddMinutes(-6)));
        string body = await stale.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.Unauthorized, stale.StatusCode);
        Assert.Contains("Push signature refused", body, StringComparison.Ordinal);
    }

    [PostgresFact]
    public async Task AMiniProgramPushReplayedWithItsNonceIsRefusedWhileAFreshNonceIsADuplicate()
    {
        string orderNo = $"MP-REPLAY-{Guid.NewGuid():N}"[..24];
        string secret = SignedPushFixture.Secret(Channel.Miniapp, SignedPushFixture.TenantB);
        DateTimeOffset now = DateTimeOffset.UtcNow;
        Push first = Signed(Channel.Miniapp, secret, now, Fixtures.MiniappOrder(orderNo), nonce: "nonce-replay-1");

        using HttpResponseMessage accepted = await PostAsync(first);
        using HttpResponseMessage replayed = await PostAsync(first);
        using HttpResponseMessage retried = await PostAsync(Signed(Channel.Miniapp, secret, now, Fixtures.MiniappOrder(orderNo), nonce: "nonce-replay-2"));

        Assert.Equal(HttpStatusCode.Accepted, accepted.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, replayed.StatusCode);
        Assert.Contains("nonce", await replayed.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Accepted, retried.StatusCode);
        Assert.True(JsonNode.Parse(await retried.Content.ReadAsStringAsync())!["duplicate"]!.GetValue<bool>());
    }

    [PostgresFact]
    public async Task ADouyinPushReplayedChangesNothing()
    {
        string secret = SignedPushFixture.Secret(Channel.Douyin, SignedPushFixture.TenantB);
        TenantApi b = fixture.Admin(SignedPushFixture.TenantB);
        Push push = Signed(Channel.Douyin, secret, DateTimeOffset.UtcNow);
        using HttpResponseMessage first = await PostAsync(push);
        await b.SettledOrderAsync(JsonNode.Parse(await first.Content.ReadAsStringAsync())!["orderId"]!.GetValue<string>());
        string stock = (await b.GetAsync("/api/v1/inventory/MJ-PIL-LTX-STD")).Body!.ToJsonString();

        using HttpResponseMessage replay = await PostAsync(push);
        string after = (await b.GetAsync("/api/v1/inventory/MJ-PIL-LTX-STD")).Body!.ToJsonString();

        Assert.Equal(HttpStatusCode.Accepted, first.StatusCode);
        Assert.Equal(HttpStatusCode.Accepted, replay.StatusCode);
        Assert.True(JsonNode.Parse(await replay.Content.ReadAsStringAsync())!["duplicate"]!.GetValue<bool>());
        Assert.Equal(stock, after);
    }

    [PostgresFact]
    public async Task AGoodSignatureOnOneChannelDoesNotOpenAnother()
    {
        Push taobao = Signed(Channel.Taobao, SignedPushFixture.Secret(Channel.Taobao, SignedPushFixture.TenantA), DateTimeOffset.UtcNow);
        Push onJd = taobao with { Path = taobao.Path.Replace("/taobao/", "/jd/", StringComparison.Ordinal) };

        using HttpResponseMessage response = await PostAsync(onJd);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    private sealed record Push(string Path, string ContentType, byte[] Body, IReadOnlyDictionary<string, string> Headers);

    /// <summary>The channel's fixture order (or <paramref name="body"/>), signed with the tenant-A or -B shop's app key and <paramref name="secret"/>.</summary>
    private Push Signed(Channel channel, string secret, DateTimeOffset at, string? body = null, string nonce = "nonce-0001")
    {
        string name = channel.ToRouteName();
        string tenant = secret.StartsWith(SignedPushFixture.TenantB, StringComparison.Ordinal) ? SignedPushFixture.TenantB : SignedPushFixture.TenantA;
        string key = SignedPushFixture.AppKey(channel, tenant);
        string path = $"/api/v1/channels/{name}/orders";
        if (channel == Channel.Meituan)
        {
            // The captured push carries Meituan's own app_id, timestamp and sig: this test signs it again as its shop.
            Dictionary<string, string> fields = QueryHelpers.ParseQuery(body ?? Fixtures.Read("meituan", "real-push.form"))
                .Where(f => f.Key is not ("app_id" or "timestamp" or "sig"))
                .ToDictionary(f => f.Key, f => f.Value.ToString());
            string form = string.Join('&', fields.Select(f => $"{Uri.EscapeDataString(f.Key)}={Uri.EscapeDataString(f.Value)}"));
            PushSignature sig = MeituanPush.Sign(key, secret, at, new Uri(fixture.Host.BaseAddress, path), fields);
            return new Push(path, "application/x-www-form-urlencoded", Encoding.UTF8.GetBytes($"{form}&{sig.QueryString}"), new Dictionary<string, string>());
        }
        byte[] json = Encoding.UTF8.GetBytes(body ?? Fixtures.Read(name));
        PushSignature signature = channel switch
        {
            Channel.Taobao => TaobaoPush.Sign(key, secret, at, NoParameters, json),
            Channel.Jd => JdPush.Sign(key, secret, at, NoParameters, Encoding.UTF8.GetString(json)),
            Channel.Pdd => PddPush.Sign(key, secret, at, NoParameters, Encoding.UTF8.GetString(json)),
            Channel.Douyin => DouyinPush.Sign(key, secret, json),
            _ => MiniappPush.Sign(key, secret, at, nonce, json),
        };
        string query = signature.Parameters.Count > 0 ? "?" + signature.QueryString : "";
        return new Push(path + query, "application/json", json, signature.Headers);
    }

    private async Task<HttpResponseMessage> PostAsync(Push push)
    {
        using HttpClient anonymous = fixture.Host.ClientWith(null);
        using var request = new HttpRequestMessage(HttpMethod.Post, push.Path) { Content = new ByteArrayContent(push.Body) };
        request.Content.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue(push.ContentType);
        foreach ((string name, string value) in push.Headers)
        {
            request.Headers.Add(name, value);
        }
        HttpResponseMessage response = await anonymous.SendAsync(request);
        await response.Content.LoadIntoBufferAsync();
        return response;
    }
}

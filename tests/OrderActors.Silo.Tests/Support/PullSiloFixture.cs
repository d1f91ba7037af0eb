using OrderActors.Silo.TestHost;
using OrderActors.Testing;

namespace OrderActors.Silo.Tests.Support;

/// <summary>
/// A fake platform on loopback and a silo whose Taobao and Pinduoduo pulls point at it. Each shop is a tenant of its
/// own: <c>pull-tb</c> (Taobao, catch-up only), <c>pull-bad</c> (Taobao with a wrong secret), <c>pull-pdd</c> and
/// <c>pull-pddf</c> (Pinduoduo, scheduled every 2 s with a minute of overlap).
/// </summary>
public sealed class PullSiloFixture : IAsyncLifetime
{
    public const string TaobaoTenant = "pull-tb";
    public const string TaobaoShop = "tb-shop";
    public const string BadSignTenant = "pull-bad";
    public const string PddTenant = "pull-pdd";
    public const string PddShop = "pdd-shop";
    public const string FailingTenant = "pull-pddf";
    public const string FailingShop = "pdd-fail";

    private FakePlatform? _platform;
    private SiloHost? _host;

    public FakePlatform Platform => _platform ?? throw new InvalidOperationException("No platform: PostgreSQL tests are skipped here.");

    public SiloHost Host => _host ?? throw new InvalidOperationException("No silo: PostgreSQL tests are skipped here.");

    public async Task InitializeAsync()
    {
        if (PostgresFactAttribute.SkipReason() is not null)
        {
            return;
        }
        _platform = await FakePlatform.StartAsync();
        _host = await SiloHost.StartAsync(Settings(_platform));
    }

    /// <summary>The silo settings that point the Taobao and Pinduoduo pulls at <paramref name="platform"/>.</summary>
    public static Dictionary<string, string?> Settings(FakePlatform platform) => new()
    {
        ["Silo:Reminders:MinimumReminderPeriod"] = "00:00:01",
        ["Channels:taobao:Pull:BaseUrl"] = platform.TaobaoUrl.ToString(),
        ["Channels:taobao:Pull:PageSize"] = "5",
        ["Channels:taobao:Pull:Shops:" + TaobaoTenant + ":AppKey"] = TaobaoShop,
        ["Channels:taobao:Pull:Shops:" + TaobaoTenant + ":AppSecret"] = FakePlatform.AppSecret,
        ["Channels:taobao:Pull:Shops:" + TaobaoTenant + ":AccessToken"] = "session-tb",
        ["Channels:taobao:Pull:Shops:" + BadSignTenant + ":AppKey"] = "tb-bad",
        ["Channels:taobao:Pull:Shops:" + BadSignTenant + ":AppSecret"] = "not-the-secret",
        ["Channels:pdd:Pull:Enabled"] = "true",
        ["Channels:pdd:Pull:BaseUrl"] = platform.PddUrl.ToString(),
        ["Channels:pdd:Pull:Interval"] = "00:00:02",
        ["Channels:pdd:Pull:Overlap"] = "00:01:00",
        ["Channels:pdd:Pull:PageSize"] = "5",
        ["Channels:pdd:Pull:Shops:" + PddTenant + ":AppKey"] = PddShop,
        ["Channels:pdd:Pull:Shops:" + PddTenant + ":AppSecret"] = FakePlatform.AppSecret,
        ["Channels:pdd:Pull:Shops:" + FailingTenant + ":AppKey"] = FailingShop,
        ["Channels:pdd:Pull:Shops:" + FailingTenant + ":AppSecret"] = FakePlatform.AppSecret,
    };

    public TenantApi Tenant(string tenant)
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
        if (_platform is not null)
        {
            await _platform.DisposeAsync();
        }
    }
}

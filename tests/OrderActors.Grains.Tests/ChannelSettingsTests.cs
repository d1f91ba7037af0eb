using Microsoft.Extensions.Configuration;
using OrderActors.Abstractions.Orders;
using OrderActors.Connectors;
using OrderActors.Connectors.Pull;

namespace OrderActors.Grains.Tests;

/// <summary>
/// Issue 14: a tenant's shop lives at <c>Channels:{channel}:Shops:{tenant}</c>, one level above the pull, because the
/// pull and the verification of signed pushes both read it. Bound as <c>GrainsModule</c> binds the section.
/// </summary>
public sealed class ChannelSettingsTests
{
    [Fact]
    public void AShopBesideThePullIsWhatThePullUses()
    {
        ChannelPullOptions options = Bind(new Dictionary<string, string?>
        {
            ["Channels:pdd:Shops:acme:AppKey"] = "pdd-key",
            ["Channels:pdd:Shops:acme:AppSecret"] = "pdd-secret",
            ["Channels:pdd:Pull:BaseUrl"] = "https://gw-api.pinduoduo.com/api/router",
        });

        PullTarget? target = options.Target("acme", Channel.Pdd, out string? notConfigured);

        Assert.Null(notConfigured);
        Assert.Equal("pdd-key", target!.AppKey);
        Assert.Equal("pdd-key", options.Shops(Channel.Pdd)["acme"].AppKey);
    }

    [Fact]
    public void AShopLeftUnderPullIsNoLongerRead()
    {
        ChannelPullOptions options = Bind(new Dictionary<string, string?>
        {
            ["Channels:pdd:Pull:Shops:acme:AppKey"] = "pdd-key",
            ["Channels:pdd:Pull:Shops:acme:AppSecret"] = "pdd-secret",
            ["Channels:pdd:Pull:BaseUrl"] = "https://gw-api.pinduoduo.com/api/router",
        });

        Assert.Null(options.Target("acme", Channel.Pdd, out string? notConfigured));
        Assert.Equal("no Channels:pdd:Shops:acme:AppKey and AppSecret", notConfigured);
        Assert.Empty(options.Shops(Channel.Pdd));
    }

    [Fact]
    public void TheEmbeddedConfigurationNamesEachChannelsDefaultShopBesideItsPull()
    {
        IConfiguration configuration = new ConfigurationBuilder().AddJsonFile(SiloConfig("embedded.json")).Build();
        var options = new ChannelPullOptions();
        configuration.GetSection("Channels").Bind(options.Channels);

        foreach (Channel channel in Enum.GetValues<Channel>())
        {
            Assert.True(options.Shops(channel).ContainsKey("default"), $"{channel} has no Shops:default");
            Assert.Null(configuration[$"Channels:{channel.ToRouteName()}:Pull:Shops:default:AppKey"]);
            Assert.False(options.For(channel).Enabled);
        }
    }

    private static ChannelPullOptions Bind(Dictionary<string, string?> settings)
    {
        IConfiguration configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
        var options = new ChannelPullOptions();
        configuration.GetSection("Channels").Bind(options.Channels);
        return options;
    }

    private static string SiloConfig(string file)
    {
        for (DirectoryInfo? directory = new(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            string candidate = Path.Combine(directory.FullName, "silo-config", file);
            if (File.Exists(candidate))
            {
                return candidate;
            }
        }
        throw new FileNotFoundException($"silo-config/{file} not found above {AppContext.BaseDirectory}");
    }
}

using OrderActors.Abstractions.Orders;

namespace OrderActors.Connectors.Pull;

/// <summary>
/// The scheduled and catch-up pull of every channel: the <c>Channels</c> configuration section, one
/// <c>Channels:{channel}:Pull</c> subsection per channel (route name).
/// </summary>
public sealed class ChannelPullOptions
{
    public Dictionary<string, ChannelSection> Channels { get; } = new(StringComparer.OrdinalIgnoreCase);

    public ChannelPullSettings For(Channel channel) =>
        Channels.TryGetValue(channel.ToRouteName(), out ChannelSection? section) && section.Pull is { } pull ? pull : new ChannelPullSettings();

    /// <summary>Where and as whom <paramref name="tenant"/>'s shop on <paramref name="channel"/> is pulled; null with the reason when it is not set up.</summary>
    public PullTarget? Target(string tenant, Channel channel, out string? notConfigured)
    {
        ChannelPullSettings settings = For(channel);
        string prefix = $"Channels:{channel.ToRouteName()}:Pull";
        notConfigured = null;
        if (!Uri.TryCreate(settings.BaseUrl, UriKind.Absolute, out Uri? baseUrl) || baseUrl.Scheme is not ("http" or "https"))
        {
            notConfigured = $"no {prefix}:BaseUrl";
        }
        else if (!settings.Shops.TryGetValue(tenant, out ShopCredentials? shop) || string.IsNullOrEmpty(shop.AppKey) || string.IsNullOrEmpty(shop.AppSecret))
        {
            notConfigured = $"no {prefix}:Shops:{tenant}:AppKey and AppSecret";
        }
        else
        {
            return new PullTarget(channel, baseUrl, shop, settings);
        }
        return null;
    }
}

/// <summary>A channel's section; only <see cref="Pull"/> is read here.</summary>
public sealed class ChannelSection
{
    public ChannelPullSettings? Pull { get; set; }
}

/// <summary>How one channel is pulled (<c>Channels:{channel}:Pull</c>).</summary>
public sealed class ChannelPullSettings
{
    /// <summary>Whether the scheduled pull runs; a catch-up needs only a base URL and the shop's credentials.</summary>
    public bool Enabled { get; set; }

    /// <summary>The platform's API gateway (e.g. the TOP router URL).</summary>
    public string? BaseUrl { get; set; }

    /// <summary>How often the scheduled pull runs (a durable reminder; at least the silo's minimum reminder period).</summary>
    public TimeSpan Interval { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>How far before the cursor each scheduled window starts, for orders the platform indexed late.</summary>
    public TimeSpan Overlap { get; set; } = TimeSpan.FromMinutes(10);

    /// <summary>How far back the first scheduled pull reaches, before there is a cursor.</summary>
    public TimeSpan Lookback { get; set; } = TimeSpan.FromHours(1);

    /// <summary>The longest window a catch-up may ask for.</summary>
    public TimeSpan MaxCatchUp { get; set; } = TimeSpan.FromDays(31);

    /// <summary>Orders per list page (platforms allow at most 100).</summary>
    public int PageSize { get; set; } = 100;

    /// <summary>Each tenant's shop on the platform, by tenant name.</summary>
    public Dictionary<string, ShopCredentials> Shops { get; set; } = new(StringComparer.Ordinal);
}

/// <summary>One shop's credentials; the secret signs requests and is never sent or logged.</summary>
public sealed class ShopCredentials
{
    public string? AppKey { get; set; }

    public string? AppSecret { get; set; }

    /// <summary>The shop's OAuth access token (Taobao's session); the mini-program needs none.</summary>
    public string? AccessToken { get; set; }
}

/// <summary>A shop ready to be pulled.</summary>
public sealed record PullTarget(Channel Channel, Uri BaseUrl, ShopCredentials Shop, ChannelPullSettings Settings)
{
    public string AppKey => Shop.AppKey!;

    public string AppSecret => Shop.AppSecret!;

    public string AccessToken => Shop.AccessToken ?? "";

    public int PageSize => Math.Clamp(Settings.PageSize, 1, 100);
}

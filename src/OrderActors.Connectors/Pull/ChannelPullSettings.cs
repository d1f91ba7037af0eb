using OrderActors.Abstractions.Orders;

namespace OrderActors.Connectors.Pull;

/// <summary>
/// The <c>Channels</c> configuration section, one <see cref="ChannelSection"/> per channel (route name): each tenant's
/// shop (<c>Channels:{channel}:Shops</c>, read by the pull and by the verification of signed pushes) and the scheduled
/// and catch-up pull (<c>Channels:{channel}:Pull</c>).
/// </summary>
public sealed class ChannelPullOptions
{
    private static readonly Dictionary<string, ShopCredentials> NoShops = new(StringComparer.Ordinal);

    public Dictionary<string, ChannelSection> Channels { get; } = new(StringComparer.OrdinalIgnoreCase);

    public ChannelPullSettings For(Channel channel) =>
        Channels.TryGetValue(channel.ToRouteName(), out ChannelSection? section) && section.Pull is { } pull ? pull : new ChannelPullSettings();

    /// <summary>Each tenant's shop on <paramref name="channel"/>, by tenant name; none when the channel has no section.</summary>
    public IReadOnlyDictionary<string, ShopCredentials> Shops(Channel channel) =>
        Channels.TryGetValue(channel.ToRouteName(), out ChannelSection? section) ? section.Shops : NoShops;

    /// <summary>Where and as whom <paramref name="tenant"/>'s shop on <paramref name="channel"/> is pulled; null with the reason when it is not set up.</summary>
    public PullTarget? Target(string tenant, Channel channel, out string? notConfigured)
    {
        ChannelPullSettings settings = For(channel);
        string prefix = $"Channels:{channel.ToRouteName()}";
        notConfigured = null;
        if (!Uri.TryCreate(settings.BaseUrl, UriKind.Absolute, out Uri? baseUrl) || baseUrl.Scheme is not ("http" or "https"))
        {
            notConfigured = $"no {prefix}:Pull:BaseUrl";
        }
        else if (!Shops(channel).TryGetValue(tenant, out ShopCredentials? shop) || string.IsNullOrEmpty(shop.AppKey) || string.IsNullOrEmpty(shop.AppSecret))
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
}

/// <summary>A shop ready to be pulled.</summary>
public sealed record PullTarget(Channel Channel, Uri BaseUrl, ShopCredentials Shop, ChannelPullSettings Settings)
{
    public string AppKey => Shop.AppKey!;

    public string AppSecret => Shop.AppSecret!;

    public string AccessToken => Shop.AccessToken ?? "";

    public int PageSize => Math.Clamp(Settings.PageSize, 1, 100);
}

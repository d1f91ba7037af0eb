using OrderActors.Connectors.Pull;

namespace OrderActors.Connectors;

/// <summary>
/// One channel's section, <c>Channels:{channel}</c>: the tenants' shops on the platform, which both the pull and the
/// verification of signed pushes read, and how the channel is pulled.
/// </summary>
public sealed class ChannelSection
{
    /// <summary>Each tenant's shop on the platform, by tenant name (<c>Channels:{channel}:Shops:{tenant}</c>).</summary>
    public Dictionary<string, ShopCredentials> Shops { get; set; } = new(StringComparer.Ordinal);

    /// <summary>How the channel is pulled (<c>Channels:{channel}:Pull</c>); none: not pulled.</summary>
    public ChannelPullSettings? Pull { get; set; }
}

/// <summary>One shop's credentials; the secret signs and verifies requests and is never sent or logged.</summary>
public sealed class ShopCredentials
{
    /// <summary>The app key the platform names the shop's app by (client_id, app_id).</summary>
    public string? AppKey { get; set; }

    public string? AppSecret { get; set; }

    /// <summary>The shop's OAuth access token (Taobao's session); the mini-program needs none.</summary>
    public string? AccessToken { get; set; }
}

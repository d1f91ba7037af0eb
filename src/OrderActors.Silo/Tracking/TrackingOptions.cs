namespace OrderActors.Silo.Tracking;

/// <summary>The <c>Hub:Tracking</c> configuration section: the buyer tracking page.</summary>
public sealed class TrackingOptions
{
    public const string Section = "Hub:Tracking";

    /// <summary>
    /// Where buyers reach the hub, e.g. <c>https://track.example.com</c>: the start of every <c>trackingUrl</c>. When
    /// empty, the scheme and host of the request that asked for the order (behind a proxy, set it).
    /// </summary>
    public string? PublicBaseUrl { get; set; }

    /// <summary>Tracking pages one client address may open per minute (guessing tokens is hopeless; this keeps it cheap).</summary>
    public int PagesPerMinute { get; set; } = 60;

    /// <summary>True when <see cref="PublicBaseUrl"/> is empty or an absolute http(s) URL without query or fragment.</summary>
    public bool HasValidBase() =>
        string.IsNullOrWhiteSpace(PublicBaseUrl)
        || (Uri.TryCreate(PublicBaseUrl, UriKind.Absolute, out Uri? uri) && uri.Scheme is "http" or "https"
            && uri.Query.Length == 0 && uri.Fragment.Length == 0);
}

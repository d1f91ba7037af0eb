using System.Text.Json;

namespace OrderActors.Connectors.Pull;

/// <summary>
/// One platform's order list API for one shop: the orders changed in a modified-time window, a page at a time, each
/// in the shape the platform's push sends (what the channel's connector reads).
/// </summary>
public interface IOrderListClient
{
    /// <summary>The longest window one list query may span on this platform; longer windows are pulled in slices.</summary>
    TimeSpan MaxWindow { get; }

    /// <summary>
    /// Page <paramref name="page"/> (from 1) of the orders modified in <paramref name="window"/>. Throws
    /// <see cref="PlatformCallException"/> when the platform refuses the call, <see cref="HttpRequestException"/> when it
    /// cannot be reached.
    /// </summary>
    Task<OrderListPage> FetchAsync(PullWindow window, int page, CancellationToken cancellationToken);
}

/// <summary>A modified-time window, [From, To), in UTC.</summary>
public sealed record PullWindow(DateTimeOffset From, DateTimeOffset To)
{
    /// <summary>The window cut into consecutive slices of at most <paramref name="longest"/>.</summary>
    public IReadOnlyList<PullWindow> Slices(TimeSpan longest)
    {
        var slices = new List<PullWindow>();
        for (DateTimeOffset start = From; start < To; start += longest)
        {
            DateTimeOffset end = start + longest < To ? start + longest : To;
            slices.Add(new PullWindow(start, end));
        }
        return slices;
    }
}

/// <summary>One page of a list: order details, whether another page follows, and the total when the platform says.</summary>
public sealed record OrderListPage(IReadOnlyList<JsonElement> Orders, bool HasNext, long? Total);

/// <summary>The platform answered with an error (a wrong signature, an expired token, a throttled app).</summary>
public sealed class PlatformCallException(string platformCall, string code, string message)
    : Exception($"{platformCall} refused: {code} {message}")
{
    public string Code { get; } = code;
}

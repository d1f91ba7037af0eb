using System.Globalization;
using System.Net;
using System.Text;
using OrderActors.LoadTest.Access;
using OrderActors.LoadTest.HotSku;

namespace OrderActors.LoadTest.Reporting;

/// <summary>The tables of report.html beside the charts: phases of both systems, the hot-SKU comparison and the faults.</summary>
internal static class HtmlTables
{
    public static void Phases(StringBuilder html, LoadTestReport report)
    {
        html.Append("<h2>Phases</h2><table><tr><th>system</th><th>phase</th><th>target/s</th><th>offered</th><th>accepted</th><th>accepted/s</th>");
        html.Append("<th>p50 ms</th><th>p99 ms</th><th>max ms</th><th>errors</th><th>429</th><th>dropped</th></tr>");
        IEnumerable<TargetReport> targets = report.NaiveBaseline is null ? [report.Ours.Traffic] : [report.Ours.Traffic, report.NaiveBaseline.Traffic];
        foreach (TargetReport target in targets)
        {
            foreach (PhaseReport phase in target.Phases)
            {
                html.Append(CultureInfo.InvariantCulture,
                    $"<tr><td>{Encode(target.Target)}</td><td>{Encode(phase.Name)}</td><td>{Number(phase.TargetRatePerSec)}</td><td>{phase.OfferedOrders}</td><td>{phase.AcceptedOrders}</td><td>{Number(phase.AcceptedPerSec)}</td>");
                html.Append(CultureInfo.InvariantCulture,
                    $"<td>{Number(phase.OrderLatency.P50Ms)}</td><td>{Number(phase.OrderLatency.P99Ms)}</td><td>{Number(phase.OrderLatency.MaxMs)}</td><td>{phase.Errors}</td><td>{phase.RateLimited}</td><td>{phase.Dropped}</td></tr>");
            }
        }
        html.Append("</table>");
        if (report.Ours.Trip is { } trip)
        {
            html.Append(CultureInfo.InvariantCulture,
                $"<p>Breaker trip of {Encode(trip.WarehouseId)} at {Number(trip.AtSeconds)} s: HTTP {trip.StatusCode} after {Number(trip.AnsweredAfterSeconds)} s, of {Number(trip.AffectedOrders)} orders holding stock there rerouted {Number(trip.ReroutedOrders)}, unroutable {Number(trip.UnroutableOrders)}, moved or cancelled meanwhile {Number(trip.NotAffectedOrders)}, pending {Number(trip.PendingOrders)}{(trip.Problem is null ? "" : $" ({Encode(trip.Problem)})")}.</p>");
        }
        if (report.Ours.Kill is { } kill)
        {
            html.Append(CultureInfo.InvariantCulture,
                $"<p>Silo kill at {Number(kill.AtSeconds)} s: {Encode(kill.Detail)}. Client retries after connection failures: {report.Ours.ClientRetries}, calls that reached no silo: {report.Ours.Unreachable}.</p>");
        }
    }

    public static void HotSku(StringBuilder html, HotSkuResult? hot)
    {
        if (hot is null)
        {
            return;
        }
        html.Append(CultureInfo.InvariantCulture,
            $"<h2>Hot SKU {Encode(hot.Sku)} at {Encode(hot.WarehouseId)}</h2><p>{hot.Buckets} stock buckets in the hub, one row in the baseline, {hot.OnHand} units.</p>");
        html.Append("<table><tr><th>system</th><th>orders</th><th>clients</th><th>got stock</th><th>failed</th><th>429</th><th>send s</th><th>settled s</th><th>got stock/s</th><th>answers/s</th><th>p50 ms</th><th>p99 ms</th></tr>");
        foreach (HotSkuSide side in hot.Naive is null ? [hot.Ours] : new[] { hot.Ours, hot.Naive })
        {
            html.Append(CultureInfo.InvariantCulture,
                $"<tr><td>{Encode(side.Target)}</td><td>{side.Orders}</td><td>{side.Clients}</td><td>{side.GotStock}</td><td>{side.Failed}</td><td>{side.RateLimited}</td><td>{Number(side.SendSeconds)}</td><td>{Number(side.SettledSeconds)}{(side.Settled ? "" : " (not settled)")}</td>");
            html.Append(CultureInfo.InvariantCulture,
                $"<td>{Number(side.AcceptedPerSecond)}</td><td>{Number(side.IntakePerSecond)}</td><td>{Number(side.P50Ms)}</td><td>{Number(side.P99Ms)}</td></tr>");
        }
        html.Append("</table>");
    }

    public static void Access(StringBuilder html, AccessReport access)
    {
        html.Append(CultureInfo.InvariantCulture, $"<h2>Access</h2><p>API keys created with the admin credential from {Encode(access.AdminSource)}; {Encode(access.Describe())}.</p>");
        html.Append("<table><tr><th>key id</th><th>role</th><th>tenant</th></tr>");
        foreach (IssuedKey key in access.Keys)
        {
            html.Append(CultureInfo.InvariantCulture, $"<tr><td>{Encode(key.KeyId)}</td><td>{Encode(key.Role)}</td><td>{Encode(key.Tenant)}</td></tr>");
        }
        html.Append("</table>");
    }

    public static string Number(double? value) => value is { } number ? number.ToString("0.###", CultureInfo.InvariantCulture) : "n/a";

    private static string Encode(string text) => WebUtility.HtmlEncode(text);
}

using System.Diagnostics;
using System.Globalization;
using System.Text.Json.Nodes;
using OrderActors.LoadTest.Engine;

namespace OrderActors.LoadTest.Hub;

/// <summary>What the breaker trip did: when, how long the hub took to answer, and its counts.</summary>
public sealed record TripResult(
    string WarehouseId, double AtSeconds, double AnsweredAfterSeconds, int StatusCode,
    long? AffectedOrders, long? ReroutedOrders, long? UnroutableOrders, long? NotAffectedOrders, long? PendingOrders, string? Problem);

/// <summary>Which silo process was killed, and when.</summary>
public sealed record KillResult(string PidFile, int? Pid, double AtSeconds, bool Killed, string Detail);

/// <summary>Faults injected in the middle of the spike: tripping a warehouse's breaker, killing a silo with SIGKILL.</summary>
public sealed class ChaosActions(HubClient client, OpenLoopDriver driver)
{
    public TripResult? Trip { get; private set; }

    public KillResult? Kill { get; private set; }

    /// <summary>POST …/breaker/trip on <paramref name="warehouseId"/> at <paramref name="at"/> from the start of the run.</summary>
    public TimedAction TripAt(TimeSpan at, string warehouseId) => new("trip", at, async token =>
    {
        TimeSpan started = driver.Elapsed;
        var body = new JsonObject { ["reason"] = "load test: breaker tripped in the middle of the spike" };
        try
        {
            HubResponse response = await client.SendAsync(
                HttpMethod.Post, $"/api/v1/warehouses/{Uri.EscapeDataString(warehouseId)}/breaker/trip", body.ToJsonString(), $"lt-trip-{warehouseId}", token);
            JsonObject? answer = response.Body as JsonObject;
            Trip = new TripResult(warehouseId, started.TotalSeconds, (driver.Elapsed - started).TotalSeconds, response.StatusCode,
                Long(answer?["affectedOrders"]), Long(answer?["reroutedOrders"]), Long(answer?["unroutableOrders"]),
                Long(answer?["notAffectedOrders"]), Long(answer?["pendingOrders"]),
                response.IsSuccess ? null : response.Problem);
        }
        catch (Exception exception) when (exception is HttpRequestException or TaskCanceledException && !token.IsCancellationRequested)
        {
            Trip = new TripResult(warehouseId, started.TotalSeconds, (driver.Elapsed - started).TotalSeconds, 0, null, null, null, null, null, exception.Message);
        }
    });

    /// <summary>Kills the process whose id is in <paramref name="pidFile"/> (kill -9: no graceful leave) at <paramref name="at"/>.</summary>
    public TimedAction KillAt(TimeSpan at, string pidFile) => new("kill-silo", at, _ =>
    {
        double when = driver.Elapsed.TotalSeconds;
        Kill = KillProcess(pidFile, when);
        return Task.CompletedTask;
    });

    private static KillResult KillProcess(string pidFile, double at)
    {
        if (!File.Exists(pidFile) || !int.TryParse(File.ReadAllText(pidFile).Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out int pid))
        {
            return new KillResult(pidFile, null, at, false, "no process id in the file");
        }
        try
        {
            using Process process = Process.GetProcessById(pid);
            process.Kill(entireProcessTree: false);
            return new KillResult(pidFile, pid, at, true, "SIGKILL sent");
        }
        catch (ArgumentException)
        {
            return new KillResult(pidFile, pid, at, false, "no such process");
        }
        catch (InvalidOperationException exception)
        {
            return new KillResult(pidFile, pid, at, false, exception.Message);
        }
    }

    private static long? Long(JsonNode? node) => node is JsonValue value && value.TryGetValue(out long number) ? number : null;
}

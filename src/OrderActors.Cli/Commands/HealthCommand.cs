using System.CommandLine;
using System.Globalization;
using System.Net;
using System.Text.Json;
using System.Text.Json.Nodes;
using OrderActors.Cli.Http;
using OrderActors.Cli.Output;

namespace OrderActors.Cli.Commands;

/// <summary><c>health</c>: liveness (/healthz) and readiness (/readyz) with each check; exit code 1 when not ready.</summary>
public static class HealthCommand
{
    public static Command Create(CommandScope scope)
    {
        var command = new Command("health", "Is the silo alive (/healthz) and ready (/readyz: storage, cluster)? Exit code 1 when not ready.");
        command.SetHubAction(scope, async (context, cancellationToken) =>
        {
            HubResponse live = await context.Hub.SendAsync(HttpMethod.Get, "/healthz", null, cancellationToken);
            HubResponse ready = await context.Hub.SendAsync(HttpMethod.Get, "/readyz", null, cancellationToken);
            bool ok = live.IsSuccess && ready.IsSuccess;
            if (context.Json)
            {
                context.Console.Output.WriteLine(new JsonObject { ["healthz"] = Parse(live), ["readyz"] = Parse(ready) }.ToJsonString());
            }
            else
            {
                Render(context.Output, live, ready);
            }
            return ok ? ExitCodes.Ok : ExitCodes.CheckFailed;
        });
        return command;
    }

    private static void Render(IOutput output, HubResponse live, HubResponse ready)
    {
        // /readyz answers 503 with the same report when a check fails, so its body is read whatever the status.
        ReadinessReport? report = ready.Body.Length > 0 ? ready.Read<ReadinessReport>() : null;
        output.Fields(
        [
            new("Live /healthz", live.IsSuccess ? new Cell("ok 存活", Tone.Good) : new Cell($"{(int)live.Status} 无响应", Tone.Bad)),
            new("Ready /readyz", ready.IsSuccess
                ? new Cell($"{report?.Status ?? "ok"} 就绪", report?.Status == "Healthy" ? Tone.Good : Tone.Warning)
                : new Cell($"{report?.Status ?? Code(ready.Status)} 未就绪", Tone.Bad)),
        ]);
        if (report is { Checks.Count: > 0 })
        {
            output.Table(new TableView(["Check 检查项", "Status 状态", "Detail 详情"],
                report.Checks.Select(c => (IReadOnlyList<Cell>)
                [
                    c.Key, new Cell(c.Value.Status, c.Value.Status == "Healthy" ? Tone.Good : Tone.Bad),
                    string.Join(" — ", new[] { c.Value.Description, c.Value.Error }.Where(t => !string.IsNullOrEmpty(t))),
                ]).ToList()));
        }
    }

    /// <summary>The body as JSON, or as a string when it is not JSON (a proxy's error page).</summary>
    private static JsonNode? Parse(HubResponse response)
    {
        try
        {
            return JsonNode.Parse(response.Body);
        }
        catch (JsonException)
        {
            return JsonValue.Create(response.Body);
        }
    }

    private static string Code(HttpStatusCode status) => ((int)status).ToString(CultureInfo.InvariantCulture);
}

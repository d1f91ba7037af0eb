using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using OrderActors.Silo.Access;

namespace OrderActors.Silo.Hosting;

/// <summary>/healthz: the process answers. /readyz: storage and cluster membership answer, with details. /api/v1/cluster: the membership table.</summary>
public static class HealthEndpoints
{
    public static IEndpointRouteBuilder MapHealthEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapGet("/healthz", () => TypedResults.Ok(new LivenessReport("ok"))).WithTags("Health").AllowAnonymous();
        // A route handler rather than MapHealthChecks, so /readyz is in the OpenAPI document like every other route.
        app.MapGet("/readyz", ReadyAsync).WithTags("Health").AllowAnonymous()
            .Produces<ReadinessReport>(StatusCodes.Status200OK)
            .Produces<ReadinessReport>(StatusCodes.Status503ServiceUnavailable);
        app.MapGet("/api/v1/cluster", async (ClusterView cluster) => Results.Ok(await cluster.GetAsync())).WithTags("Observing")
            .RequireAuthorization(Permissions.Read);
        return app;
    }

    /// <summary>The checks tagged <c>ready</c>; 503 with the same report when one is unhealthy (as MapHealthChecks answers).</summary>
    public static async Task<JsonHttpResult<ReadinessReport>> ReadyAsync(HealthCheckService health, CancellationToken aborted)
    {
        HealthReport report = await health.CheckHealthAsync(check => check.Tags.Contains("ready"), aborted);
        var body = new ReadinessReport(
            report.Status.ToString(),
            report.Entries.ToDictionary(
                e => e.Key,
                e => new ReadinessCheck(e.Value.Status.ToString(), e.Value.Description, e.Value.Exception?.Message)));
        return TypedResults.Json(body, statusCode: report.Status == HealthStatus.Unhealthy
            ? StatusCodes.Status503ServiceUnavailable
            : StatusCodes.Status200OK);
    }
}

public sealed record LivenessReport(string Status);

public sealed record ReadinessReport(string Status, IReadOnlyDictionary<string, ReadinessCheck> Checks);

public sealed record ReadinessCheck(string Status, string? Description, string? Error);

using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Options;
using Npgsql;

namespace OrderActors.Silo.Hosting;

/// <summary>Ready when the silo's storage answers: a round trip to PostgreSQL, or always for memory storage.</summary>
public sealed class StorageHealthCheck(IOptions<HubSiloOptions> options, IServiceProvider services) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        if (options.Value.Storage == StorageKind.Memory)
        {
            return HealthCheckResult.Healthy("memory storage");
        }
        try
        {
            NpgsqlDataSource dataSource = services.GetRequiredService<NpgsqlDataSource>();
            await using NpgsqlCommand command = dataSource.CreateCommand("SELECT count(*) FROM schema_migrations");
            object? applied = await command.ExecuteScalarAsync(cancellationToken);
            return HealthCheckResult.Healthy($"PostgreSQL reachable, {applied} schema versions applied");
        }
        catch (Exception ex) when (ex is NpgsqlException or InvalidOperationException or TimeoutException)
        {
            return HealthCheckResult.Unhealthy("PostgreSQL unreachable", ex);
        }
    }
}

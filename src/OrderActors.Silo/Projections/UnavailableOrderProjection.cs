using OrderActors.Silo.Api.Contracts;

namespace OrderActors.Silo.Projections;

/// <summary>The projection of a silo on memory storage: every query explains that it needs PostgreSQL.</summary>
public sealed class UnavailableOrderProjection : IOrderProjection
{
    public Task<PageResponse<OrderSummaryResponse>> QueryAsync(OrderQuery query) => throw new ProjectionUnavailableException();

    public Task<OrderStats> StatsAsync(string tenant) => throw new ProjectionUnavailableException();

    public Task<IReadOnlyList<(string Tenant, string OrderId)>> StuckAsync(DateTimeOffset olderThan, int limit) =>
        Task.FromResult<IReadOnlyList<(string, string)>>([]);

    public Task<IReadOnlyList<string>> HoldingStockAsync(string tenant) => Task.FromResult<IReadOnlyList<string>>([]);

    public Task<long> RebuildAsync() => throw new ProjectionUnavailableException();
}

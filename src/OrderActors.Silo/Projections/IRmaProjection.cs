using OrderActors.Abstractions.AfterSales;
using OrderActors.Silo.Api.Contracts;

namespace OrderActors.Silo.Projections;

/// <summary>A filter and page over the RMA queue.</summary>
public sealed record RmaQuery(string Tenant, RmaStatus? Status, string? ReasonCode, ReturnKind? Kind, string? OrderId, int Page, int PageSize);

/// <summary>A reason an operator set by hand: what the classifier learns from.</summary>
public sealed record ReasonCorrection(string Tenant, string RmaId, string Text, string ReasonCode, DateTimeOffset At);

/// <summary>The RMA queue kept in PostgreSQL next to RMA state (<c>rma_summaries</c>).</summary>
public interface IRmaProjection
{
    Task<PageResponse<RmaSummaryResponse>> QueryAsync(RmaQuery query);

    Task<RmaCountsResponse> CountsAsync(string tenant);

    /// <summary>Every operator correction, all tenants, oldest first.</summary>
    Task<IReadOnlyList<ReasonCorrection>> CorrectionsAsync();
}

/// <summary>Memory storage keeps no queue: lists and counts need PostgreSQL; there are no stored corrections to learn from.</summary>
public sealed class UnavailableRmaProjection : IRmaProjection
{
    public Task<PageResponse<RmaSummaryResponse>> QueryAsync(RmaQuery query) => throw new ProjectionUnavailableException();

    public Task<RmaCountsResponse> CountsAsync(string tenant) => throw new ProjectionUnavailableException();

    public Task<IReadOnlyList<ReasonCorrection>> CorrectionsAsync() => Task.FromResult<IReadOnlyList<ReasonCorrection>>([]);
}

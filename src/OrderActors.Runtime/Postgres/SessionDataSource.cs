using Npgsql;

namespace OrderActors.Runtime.Postgres;

/// <summary>
/// Connections for work that holds session state on one physical connection — LISTEN/NOTIFY and
/// session advisory locks — which the multiplexed data source used for grain storage cannot give.
/// </summary>
public sealed class SessionDataSource(NpgsqlDataSource dataSource) : IAsyncDisposable
{
    public NpgsqlDataSource DataSource { get; } = dataSource;

    public ValueTask DisposeAsync() => DataSource.DisposeAsync();
}

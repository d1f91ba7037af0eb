using Npgsql;

namespace OrderActors.Persistence.Schema;

/// <summary>
/// Connections for work that holds session state on one physical connection — session advisory locks,
/// LISTEN/NOTIFY — which the multiplexed data source the providers use cannot give.
/// </summary>
public sealed class SessionDataSource(NpgsqlDataSource dataSource) : IAsyncDisposable
{
    public NpgsqlDataSource DataSource { get; } = dataSource;

    public ValueTask DisposeAsync() => DataSource.DisposeAsync();
}

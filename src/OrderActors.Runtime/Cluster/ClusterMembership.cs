using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Npgsql;
using OrderActors.Runtime.Core;
using OrderActors.Runtime.Postgres;

namespace OrderActors.Runtime.Cluster;

/// <summary>
/// This silo's membership: it joins the PostgreSQL table, heartbeats, declares silos with stale
/// heartbeats dead (by the database clock), and keeps a view of the live silos, re-read on every
/// NOTIFY and at least every refresh interval. Placement follows the view.
/// </summary>
internal sealed class ClusterMembership : IGrainOwnership
{
    private readonly ClusterOptions _options;
    private readonly PostgresMembershipTable _table;
    private readonly NpgsqlDataSource _dataSource;
    private readonly ILogger<ClusterMembership> _logger;
    private readonly SemaphoreSlim _refresh = new(0);
    private volatile MembershipView _view = MembershipView.Empty;
    private SiloAddress? _self;
    private volatile bool _partitioned;
    private volatile bool _left;

    public ClusterMembership(IOptions<SiloOptions> options, SessionDataSource sessions, ILogger<ClusterMembership> logger)
    {
        _options = options.Value.Cluster;
        _dataSource = sessions.DataSource;
        _table = new PostgresMembershipTable(sessions.DataSource, options.Value.ClusterId);
        _logger = logger;
        Name = options.Value.SiloName;
    }

    public event Action? OwnershipChanged;

    /// <summary>Raised once when this silo finds itself declared dead: it must stop serving.</summary>
    public event Action? DeclaredDead;

    public string? Name { get; }

    public SiloAddress Self => _self ?? throw new InvalidOperationException("This silo has not joined its cluster yet.");

    public SiloAddress? SelfOrNull => _self;

    public MembershipView View => _view;

    public bool IsLocal(GrainId grainId) => RendezvousPlacement.Owner(grainId, _view.Active) == _self;

    public SiloAddress? GetOwner(GrainId grainId) => RendezvousPlacement.Owner(grainId, _view.Active);

    public async Task JoinAsync(SiloAddress self)
    {
        _self = self;
        await _table.JoinAsync(self, Name);
        await RefreshAsync();
        _logger.LogInformation("Silo {Silo} joined; live silos: {Silos}", self, string.Join(", ", _view.Active));
    }

    public Task<(long Version, IReadOnlyList<MemberEntry> Members)> ReadTableAsync() => _table.ReadAsync();

    public async Task RunAsync(CancellationToken stopping)
    {
        await Task.WhenAll(HeartbeatLoopAsync(stopping), ListenLoopAsync(stopping), RefreshLoopAsync(stopping));
    }

    /// <summary>Graceful leave, step one: no longer Active, so every silo stops placing grains here.</summary>
    public async Task BeginLeavingAsync()
    {
        await _table.SetStatusAsync(Self, MemberStatus.ShuttingDown);
        await RefreshAsync();
    }

    /// <summary>Graceful leave, last step: heartbeats stop first, so Left is not taken for declared dead.</summary>
    public Task LeftAsync()
    {
        _left = true;
        return _table.SetStatusAsync(Self, MemberStatus.Left);
    }

    /// <summary>
    /// Test hook: the silo keeps running but neither heartbeats nor reads membership, as when a network
    /// partition or a long pause cuts it off from the database; its view of ownership goes stale.
    /// </summary>
    public void SimulatePartition(bool partitioned) => _partitioned = partitioned;

    private async Task HeartbeatLoopAsync(CancellationToken stopping)
    {
        using var timer = new PeriodicTimer(_options.HeartbeatInterval);
        while (await TickAsync(timer, stopping) && !_left)
        {
            try
            {
                if (_partitioned)
                {
                    continue;
                }
                if (!await _table.HeartbeatAsync(Self))
                {
                    if (_left)
                    {
                        return;
                    }
                    _logger.LogCritical("Silo {Silo} was declared dead by the cluster; it stops serving", Self);
                    DeclaredDead?.Invoke();
                    return;
                }
                IReadOnlyList<string> declared = await _table.DeclareStaleDeadAsync(_options.DeathTimeout);
                if (declared.Count > 0)
                {
                    _logger.LogWarning("Declared dead after {Timeout} without heartbeat: {Silos}", _options.DeathTimeout, string.Join(", ", declared));
                    _refresh.Release();
                }
            }
            catch (Exception ex) when (ex is NpgsqlException or TimeoutException or InvalidOperationException)
            {
                _logger.LogWarning(ex, "Membership heartbeat of {Silo} failed; retrying", Self);
            }
        }
    }

    private async Task ListenLoopAsync(CancellationToken stopping)
    {
        while (!stopping.IsCancellationRequested)
        {
            try
            {
                await using NpgsqlConnection connection = await _dataSource.OpenConnectionAsync(stopping);
                connection.Notification += (_, _) => _refresh.Release();
                await using (var listen = new NpgsqlCommand($"LISTEN {_table.NotifyChannel}", connection))
                {
                    await listen.ExecuteNonQueryAsync(stopping);
                }
                while (!stopping.IsCancellationRequested)
                {
                    await connection.WaitAsync(stopping);
                }
            }
            catch (OperationCanceledException)
            {
                return;
            }
            catch (Exception ex)
            {
                _logger.LogWarning(ex, "Membership notifications lost; reconnecting");
                await Task.Delay(_options.ViewRefreshInterval, CancellationToken.None);
            }
        }
    }

    private async Task RefreshLoopAsync(CancellationToken stopping)
    {
        while (!stopping.IsCancellationRequested)
        {
            try
            {
                await _refresh.WaitAsync(_options.ViewRefreshInterval, stopping);
                if (!_partitioned)
                {
                    await RefreshAsync();
                }
            }
            catch (OperationCanceledException)
            {
                return;
            }
            catch (Exception ex) when (ex is NpgsqlException or TimeoutException)
            {
                _logger.LogWarning(ex, "Reading the membership table failed; keeping view {Version}", _view.Version);
            }
        }
    }

    private async Task RefreshAsync()
    {
        (long version, IReadOnlyList<MemberEntry> members) = await _table.ReadAsync();
        MembershipView current;
        MembershipView next = PostgresMembershipTable.ToView(version, members);
        lock (_refresh)
        {
            current = _view;
            if (version < current.Version || (version == current.Version && !current.Active.IsEmpty))
            {
                return;
            }
            _view = next;
        }
        if (!next.Active.SequenceEqual(current.Active))
        {
            _logger.LogInformation("Membership {Version}: live silos {Silos}", next.Version, string.Join(", ", next.Active));
            OwnershipChanged?.Invoke();
        }
    }

    private static async Task<bool> TickAsync(PeriodicTimer timer, CancellationToken stopping)
    {
        try
        {
            return await timer.WaitForNextTickAsync(stopping);
        }
        catch (OperationCanceledException)
        {
            return false;
        }
    }
}

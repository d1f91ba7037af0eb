using System.Collections.Concurrent;
using System.Text.Json;
using System.Threading.Channels;
using Npgsql;
using OrderActors.Domain.Events;

namespace OrderActors.Silo.Projections;

/// <summary>
/// Feeds live subscribers (server-sent events) from <c>hub_events</c>: every quarter second it reads the
/// rows after the last one seen, in sequence order, and hands each to the subscribers of its tenant
/// (polling rather than LISTEN/NOTIFY, whose commit-time lock would serialize every order write). Every
/// silo runs one, so a client connected to any silo sees events of grains on all of them.
/// </summary>
public sealed partial class HubEventPump(NpgsqlDataSource dataSource, ILogger<HubEventPump> logger) : BackgroundService
{
    private const int SubscriberBuffer = 2048;
    private static readonly TimeSpan PollInterval = TimeSpan.FromMilliseconds(250);
    private static readonly TimeSpan GapPatience = TimeSpan.FromSeconds(5);
    private readonly ConcurrentDictionary<Channel<HubEvent>, string> _subscribers = new();
    private readonly SequenceTracker _sequence = new(GapPatience);

    /// <summary>Subscribes to a tenant's events; a slow subscriber loses the oldest ones rather than holding others back.</summary>
    public ChannelReader<HubEvent> Subscribe(string tenant, CancellationToken until)
    {
        var channel = Channel.CreateBounded<HubEvent>(new BoundedChannelOptions(SubscriberBuffer) { FullMode = BoundedChannelFullMode.DropOldest });
        _subscribers[channel] = tenant;
        until.Register(() =>
        {
            _subscribers.TryRemove(channel, out _);
            channel.Writer.TryComplete();
        });
        return channel.Reader;
    }

    /// <summary>The tenant's events after <paramref name="afterSeq"/> (a reconnecting client's Last-Event-ID), oldest first.</summary>
    public async Task<IReadOnlyList<HubEvent>> ReplayAsync(string tenant, long afterSeq, int limit, CancellationToken cancellationToken)
    {
        await using NpgsqlCommand command = dataSource.CreateCommand(
            "SELECT seq, tenant, kind, subject, data::text, at FROM hub_events WHERE tenant = $1 AND seq > $2 ORDER BY seq LIMIT $3");
        command.Parameters.Add(new NpgsqlParameter { Value = tenant });
        command.Parameters.Add(new NpgsqlParameter { Value = afterSeq });
        command.Parameters.Add(new NpgsqlParameter { Value = limit });
        return await ReadAsync(command, cancellationToken);
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(PollInterval);
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await timer.WaitForNextTickAsync(stoppingToken);
                await PumpAsync(stoppingToken);
            }
            catch (OperationCanceledException)
            {
                return;
            }
            catch (Exception ex) when (ex is NpgsqlException or TimeoutException)
            {
                LogPumpFailed(ex);
                await Task.Delay(TimeSpan.FromSeconds(1), CancellationToken.None);
            }
        }
    }

    private async Task PumpAsync(CancellationToken cancellationToken)
    {
        if (!_sequence.Started)
        {
            await using NpgsqlCommand head = dataSource.CreateCommand("SELECT coalesce(max(seq), 0) FROM hub_events");
            _sequence.Start((long)(await head.ExecuteScalarAsync(cancellationToken))!);
            return;
        }
        long cursor = _sequence.Floor;
        while (true)
        {
            await using NpgsqlCommand command = dataSource.CreateCommand(
                "SELECT seq, tenant, kind, subject, data::text, at FROM hub_events WHERE seq > $1 ORDER BY seq LIMIT 1000");
            command.Parameters.Add(new NpgsqlParameter { Value = cursor });
            IReadOnlyList<HubEvent> events = await ReadAsync(command, cancellationToken);
            cursor = events.Count > 0 ? events[^1].Seq : cursor;
            foreach (HubEvent e in events.Where(e => _sequence.TryDeliver(e.Seq)))
            {
                foreach ((Channel<HubEvent> subscriber, string tenant) in _subscribers)
                {
                    if (tenant == e.Tenant)
                    {
                        subscriber.Writer.TryWrite(e);
                    }
                }
            }
            if (events.Count < 1000)
            {
                break;
            }
        }
        _sequence.Advance(DateTime.UtcNow);
    }

    private static async Task<IReadOnlyList<HubEvent>> ReadAsync(NpgsqlCommand command, CancellationToken cancellationToken)
    {
        await using NpgsqlDataReader reader = await command.ExecuteReaderAsync(cancellationToken);
        var events = new List<HubEvent>();
        while (await reader.ReadAsync(cancellationToken))
        {
            events.Add(new HubEvent(reader.GetInt64(0), reader.GetString(1), reader.GetString(2), reader.GetString(3),
                JsonDocument.Parse(reader.GetString(4)).RootElement.Clone(), reader.GetFieldValue<DateTimeOffset>(5)));
        }
        return events;
    }

    [LoggerMessage(EventId = 3100, Level = LogLevel.Warning, Message = "Hub event pump failed; retrying")]
    private partial void LogPumpFailed(Exception exception);
}

using OrderActors.LoadTest.Metrics;
using OrderActors.LoadTest.Traffic;

namespace OrderActors.LoadTest.Engine;

/// <summary>
/// Drives one target open loop: new orders leave on the schedule whatever the answers, follow-ups leave when due,
/// and a request that would exceed the in-flight bound is dropped and counted instead of queued (queuing would
/// hide the system's slowness in the client). Latency runs from the moment a request is dispatched.
/// </summary>
public sealed class OpenLoopDriver
{
    private static readonly TimeSpan _spinThreshold = TimeSpan.FromMilliseconds(1);
    private readonly ITrafficTarget _target;
    private readonly TrafficRecorder _recorder;
    private readonly Func<DateTimeOffset, DateTimeOffset, OrderPlan> _nextOrder;
    private readonly int _maxInFlight;
    private readonly TimeProvider _time = TimeProvider.System;
    private readonly FollowUpQueue _followUps = new();
    private long _startTimestamp;
    private int _inFlight;

    /// <param name="nextOrder">Plans the next new order given the wall-clock time and the moment follow-ups must fall before.</param>
    public OpenLoopDriver(ITrafficTarget target, TrafficRecorder recorder, Func<DateTimeOffset, DateTimeOffset, OrderPlan> nextOrder, int maxInFlight)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(maxInFlight, 1);
        _target = target;
        _recorder = recorder;
        _nextOrder = nextOrder;
        _maxInFlight = maxInFlight;
    }

    public RateSchedule Schedule => _recorder.Schedule;

    public int InFlight => Volatile.Read(ref _inFlight);

    /// <summary>Time since the run started; zero before.</summary>
    public TimeSpan Elapsed => Volatile.Read(ref _startTimestamp) == 0 ? TimeSpan.Zero : _time.GetElapsedTime(Volatile.Read(ref _startTimestamp));

    /// <summary>
    /// Runs the schedule, then waits for the requests still in flight and for every timed action (actions due at
    /// or after the end start as the schedule ends).
    /// </summary>
    public async Task RunAsync(IReadOnlyList<TimedAction> actions, CancellationToken cancellationToken)
    {
        ThreadReservation.Ensure(_maxInFlight);
        var started = new List<Task>();
        var finished = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var loop = new Thread(() =>
        {
            try
            {
                Loop(actions, started, cancellationToken);
                finished.SetResult();
            }
            catch (Exception exception)
            {
                finished.SetException(exception);
            }
        })
        { IsBackground = true, Name = "open-loop scheduler" };
        Volatile.Write(ref _startTimestamp, _time.GetTimestamp());
        loop.Start();
        await finished.Task;
        while (InFlight > 0 && !cancellationToken.IsCancellationRequested)
        {
            await Task.Delay(TimeSpan.FromMilliseconds(5), _time, cancellationToken);
        }
        await Task.WhenAll(started);
    }

    /// <summary>
    /// The scheduler, on a thread of its own so that a busy thread pool cannot delay it into bursts: it sleeps to
    /// the next due moment, then dispatches everything due.
    /// </summary>
    private void Loop(IReadOnlyList<TimedAction> actions, List<Task> started, CancellationToken cancellationToken)
    {
        DateTimeOffset followUpsUntil = _time.GetUtcNow() + Schedule.Total;
        var pending = new Queue<TimedAction>(actions.OrderBy(action => action.At));
        using IEnumerator<ScheduledArrival> arrivals = Schedule.Arrivals().GetEnumerator();
        bool more = arrivals.MoveNext();
        while (!cancellationToken.IsCancellationRequested)
        {
            TimeSpan now = Elapsed;
            for (; more && arrivals.Current.Due <= now; more = arrivals.MoveNext())
            {
                OrderPlan plan = _nextOrder(_time.GetUtcNow(), followUpsUntil);
                Dispatch(new TrafficRequest(RequestKind.Order, plan), arrivals.Current.Phase, arrivals.Current.Due, now, cancellationToken);
            }
            foreach ((TrafficRequest request, TimeSpan due) in _followUps.TakeDue(now).ToList())
            {
                Dispatch(request, Schedule.PhaseAt(due), due, now, cancellationToken);
            }
            while (pending.TryPeek(out TimedAction? action) && (action.At <= now || now >= Schedule.Total))
            {
                pending.Dequeue();
                started.Add(Task.Run(() => action.RunAsync(cancellationToken), cancellationToken));
            }
            if (now >= Schedule.Total)
            {
                return;
            }
            SleepUntil(NextWake(more ? arrivals.Current.Due : Schedule.Total, pending));
        }
    }

    private TimeSpan NextWake(TimeSpan nextArrival, Queue<TimedAction> pending)
    {
        TimeSpan next = nextArrival;
        if (_followUps.NextDue is { } due && due < next)
        {
            next = due;
        }
        if (pending.TryPeek(out TimedAction? action) && action.At < next)
        {
            next = action.At;
        }
        return next < Schedule.Total ? next : Schedule.Total;
    }

    /// <summary>Sleeps most of the way, then yields the last stretch: a sleep alone can overshoot by a millisecond or more.</summary>
    private void SleepUntil(TimeSpan wake)
    {
        TimeSpan wait = wake - Elapsed;
        if (wait > _spinThreshold)
        {
            Thread.Sleep(wait - _spinThreshold);
        }
        while (Elapsed < wake)
        {
            Thread.Yield();
        }
    }

    private void Dispatch(TrafficRequest request, int phase, TimeSpan due, TimeSpan now, CancellationToken cancellationToken)
    {
        if (Interlocked.Increment(ref _inFlight) > _maxInFlight)
        {
            Interlocked.Decrement(ref _inFlight);
            _recorder.Dropped(phase, request.Kind);
            return;
        }
        _recorder.Issued(phase, request.Kind, now - due);
        long dispatchedAt = _time.GetTimestamp();
        _ = Task.Run(() => SendAsync(request, phase, due, dispatchedAt, cancellationToken), CancellationToken.None);
    }

    private async Task SendAsync(TrafficRequest request, int phase, TimeSpan due, long dispatchedAt, CancellationToken cancellationToken)
    {
        _recorder.ClientQueueing.Record(_time.GetElapsedTime(dispatchedAt));
        try
        {
            TargetOutcome outcome;
            try
            {
                outcome = await _target.SendAsync(request, cancellationToken);
            }
            catch (Exception exception)
            {
                outcome = TargetOutcome.Failure($"{exception.GetType().Name}: {exception.Message}");
            }
            _recorder.Completed(phase, request, outcome, _time.GetElapsedTime(dispatchedAt), Elapsed);
            if (request.Kind == RequestKind.Order && outcome.Kind is OutcomeKind.Accepted or OutcomeKind.Duplicate)
            {
                ScheduleFollowUps(request.Plan, due);
            }
        }
        finally
        {
            Interlocked.Decrement(ref _inFlight);
        }
    }

    private void ScheduleFollowUps(OrderPlan plan, TimeSpan due)
    {
        PlanFollowUps followUps = plan.FollowUps;
        if (followUps.PayAfter is { } pay)
        {
            _followUps.Add(new TrafficRequest(RequestKind.Pay, plan), due + pay);
        }
        if (followUps.CancelAfter is { } cancel)
        {
            _followUps.Add(new TrafficRequest(RequestKind.Cancel, plan), due + cancel);
        }
        if (followUps.RepostAfter is { } repost)
        {
            _followUps.Add(new TrafficRequest(RequestKind.Repost, plan), due + repost);
        }
    }
}

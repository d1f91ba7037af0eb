using OrderActors.LoadTest.Engine;
using OrderActors.LoadTest.Metrics;
using OrderActors.LoadTest.Tests.Support;
using OrderActors.LoadTest.Traffic;

namespace OrderActors.LoadTest.Tests.Engine;

[Collection(SchedulerTimingCollection.Name)]
public sealed class OpenLoopDriverTests
{
    [Fact]
    public async Task NewOrdersLeaveOnScheduleWhateverTheAnswersAndEveryPhaseGetsItsCount()
    {
        var schedule = new RateSchedule([new PhaseSpec("slow", 50, TimeSpan.FromSeconds(1)), new PhaseSpec("fast", 200, TimeSpan.FromSeconds(1))]);
        var target = new ScriptedTarget(TimeSpan.FromMilliseconds(30));
        var recorder = new TrafficRecorder(target.Name, schedule);
        DateTimeOffset started = DateTimeOffset.UtcNow;

        await new OpenLoopDriver(target, recorder, Planner(), maxInFlight: 64).RunAsync([], CancellationToken.None);

        Assert.Equal(50, recorder.Phases[0].Orders.Issued);
        Assert.Equal(200, recorder.Phases[1].Orders.Issued);
        Assert.Equal(0, recorder.Phases.Sum(phase => phase.Dropped));
        DateTimeOffset[] fast = target.Received.Where(item => item.At - started >= TimeSpan.FromSeconds(1.05)).Select(item => item.At).ToArray();
        Assert.InRange(fast.Length, 150, 200);
        Assert.True(recorder.SchedulerLag.Percentile(0.5) < TimeSpan.FromMilliseconds(20), $"median lag {recorder.SchedulerLag.Percentile(0.5)}");
    }

    [Fact]
    public async Task BeyondTheInFlightBoundRequestsAreDroppedAndCountedNotQueued()
    {
        var schedule = new RateSchedule([new PhaseSpec("burst", 200, TimeSpan.FromSeconds(1))]);
        var target = new ScriptedTarget(TimeSpan.FromMilliseconds(500));
        var recorder = new TrafficRecorder(target.Name, schedule);

        await new OpenLoopDriver(target, recorder, Planner(), maxInFlight: 10).RunAsync([], CancellationToken.None);

        KindStats orders = recorder.Phases[0].Orders;
        Assert.Equal(200, orders.Issued + orders.Dropped);
        Assert.InRange(orders.Issued, 10, 40);
        Assert.True(target.MaxInFlight <= 10, $"{target.MaxInFlight} in flight");
        Assert.Equal(orders.Issued, orders.Completed);
    }

    [Fact]
    public async Task AcceptedOrdersGetTheirPaymentsCancellationsAndRepostsWhenDue()
    {
        var schedule = new RateSchedule([new PhaseSpec("only", 40, TimeSpan.FromSeconds(3))]);
        var target = new ScriptedTarget(TimeSpan.FromMilliseconds(5), request => request.Kind == RequestKind.Repost
            ? new TargetOutcome(OutcomeKind.Duplicate, 202)
            : new TargetOutcome(OutcomeKind.Accepted, 202, request.Plan.OrderId));
        var recorder = new TrafficRecorder(target.Name, schedule);
        var mix = TrafficMix.Default with
        {
            UnpaidShare = 1,
            PaysLaterShare = 1,
            CancelShare = 1,
            RepostShare = 1,
            PayDelay = (TimeSpan.FromMilliseconds(100), TimeSpan.FromMilliseconds(200)),
            CancelDelay = (TimeSpan.FromMilliseconds(100), TimeSpan.FromMilliseconds(200)),
            RepostDelay = (TimeSpan.FromMilliseconds(100), TimeSpan.FromMilliseconds(200)),
        };

        await new OpenLoopDriver(target, recorder, Planner(mix), maxInFlight: 64).RunAsync([], CancellationToken.None);

        (TrafficRequest Request, DateTimeOffset At)[] received = target.Received.ToArray();
        DateTimeOffset At(RequestKind kind, OrderPlan plan) => received.Single(item => item.Request.Kind == kind && item.Request.Plan == plan).At;
        OrderPlan[] cancelled = received.Where(item => item.Request.Kind == RequestKind.Cancel && !item.Request.Plan.PaidAtIntake).Select(item => item.Request.Plan).ToArray();
        Assert.True(cancelled.Length > 20, $"{cancelled.Length} cancellations of orders paid later");
        Assert.All(cancelled, plan => Assert.True(At(RequestKind.Order, plan) < At(RequestKind.Pay, plan) && At(RequestKind.Pay, plan) < At(RequestKind.Cancel, plan)));
        Assert.All(cancelled, plan => Assert.True(recorder.Ledger.Find(plan)!.Cancelled && recorder.Ledger.Find(plan)!.Paid));
        Assert.True(recorder.Ledger.RepostsAnsweredDuplicate > 20);
        Assert.Equal(recorder.Ledger.RepostsAnsweredDuplicate, received.Count(item => item.Request.Kind == RequestKind.Repost));
    }

    [Fact]
    public async Task TimedActionsStartAtTheirMomentAndActionsDueAtTheEndStartAsTheScheduleEnds()
    {
        var schedule = new RateSchedule([new PhaseSpec("only", 10, TimeSpan.FromSeconds(1))]);
        var target = new ScriptedTarget(TimeSpan.Zero);
        var recorder = new TrafficRecorder(target.Name, schedule);
        var driver = new OpenLoopDriver(target, recorder, Planner(), maxInFlight: 4);
        TimeSpan? middle = null;
        TimeSpan? end = null;

        await driver.RunAsync(
            [
                new TimedAction("middle", TimeSpan.FromSeconds(0.5), _ => { middle = driver.Elapsed; return Task.CompletedTask; }),
                new TimedAction("end", schedule.Total, _ => { end = driver.Elapsed; return Task.CompletedTask; }),
            ],
            CancellationToken.None);

        Assert.InRange(middle!.Value.TotalSeconds, 0.5, 0.6);
        Assert.InRange(end!.Value.TotalSeconds, 1.0, 1.1);
    }

    private static Func<DateTimeOffset, DateTimeOffset, OrderPlan> Planner(TrafficMix? mix = null) =>
        new OrderPlanner(GeneratedOrders.Catalog, mix ?? TrafficMix.Default with { UnpaidShare = 0, CancelShare = 0, RepostShare = 0 }, seed: 5, runTag: 1).Next;
}

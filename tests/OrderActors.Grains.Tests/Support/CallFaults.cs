
namespace OrderActors.Grains.Tests.Support;

/// <summary>
/// Counts incoming grain calls and injects faults into them: the next calls that match are dropped (as
/// if the message was lost with a silo) or fail (as if the grain's own call failed), a given number of times.
/// </summary>
public sealed class CallFaults : IIncomingGrainCallFilter
{
    private readonly List<Fault> _faults = [];
    private readonly Dictionary<string, int> _calls = new();

    public int Injected { get; private set; }

    /// <summary>How many calls of the method arrived (faulted or not).</summary>
    public int Calls(string method)
    {
        lock (_faults)
        {
            return _calls.GetValueOrDefault(method);
        }
    }

    public void Drop(string method, Func<IIncomingGrainCallContext, bool> when, int times = 1) => Add(new Fault(method, when, times, false));

    public void Fail(string method, Func<IIncomingGrainCallContext, bool> when, int times = 1) => Add(new Fault(method, when, times, true));

    public Task Invoke(IIncomingGrainCallContext context)
    {
        Fault? fault;
        lock (_faults)
        {
            _calls[context.MethodName] = _calls.GetValueOrDefault(context.MethodName) + 1;
            fault = _faults.FirstOrDefault(f => f.Remaining > 0 && f.Method == context.MethodName && f.When(context));
            if (fault is not null)
            {
                fault.Remaining--;
                Injected++;
            }
        }
        return fault switch
        {
            null => context.Invoke(),
            { Fail: true } => Task.FromException(new InvalidOperationException($"injected failure of {context.MethodName} on {context.TargetId}")),
            _ => Task.CompletedTask,
        };
    }

    private void Add(Fault fault)
    {
        lock (_faults)
        {
            _faults.Add(fault);
        }
    }

    private sealed record Fault(string Method, Func<IIncomingGrainCallContext, bool> When, int Times, bool Fail)
    {
        public int Remaining { get; set; } = Times;
    }
}

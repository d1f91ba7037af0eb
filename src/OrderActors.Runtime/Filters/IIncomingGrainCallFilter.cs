using System.Reflection;
using OrderActors.Runtime.Core;

namespace OrderActors.Runtime;

/// <summary>Runs around every call an activation executes (logging, metrics, authorization…).</summary>
public interface IIncomingGrainCallFilter
{
    /// <summary>Do work before and after <see cref="IIncomingGrainCallContext.Invoke"/>; not calling it short-circuits the call.</summary>
    Task Invoke(IIncomingGrainCallContext context);
}

/// <summary>One incoming call as the filters see it.</summary>
public interface IIncomingGrainCallContext
{
    /// <summary>The grain instance executing the call.</summary>
    Grain Grain { get; }

    GrainId TargetId { get; }

    /// <summary>The grain interface method being called.</summary>
    MethodInfo InterfaceMethod { get; }

    IReadOnlyList<object?> Arguments { get; }

    /// <summary>The method's result once <see cref="Invoke"/> completed (null for a plain Task).</summary>
    object? Result { get; set; }

    /// <summary>Runs the next filter, or the grain method itself.</summary>
    Task Invoke();
}

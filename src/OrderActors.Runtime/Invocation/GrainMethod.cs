using System.Linq.Expressions;
using System.Reflection;
using OrderActors.Runtime.Core;

namespace OrderActors.Runtime.Invocation;

/// <summary>
/// One grain interface method, with delegates compiled once so that neither the caller nor the
/// activation uses reflection per call.
/// </summary>
internal abstract class GrainMethod
{
    protected GrainMethod(MethodInfo method, Type resultType)
    {
        Method = method;
        ResultType = resultType;
        ParameterTypes = method.GetParameters().Select(p => p.ParameterType).ToArray();
        IsOneWay = method.GetCustomAttribute<OneWayAttribute>() is not null;
        Key = $"{method.DeclaringType!.FullName}:{method.Name}/{ParameterTypes.Length}";
        DisplayName = $"{method.DeclaringType!.Name}.{method.Name}";
        Invoker = CompileInvoker(method);
        if (IsOneWay && method.ReturnType != typeof(Task))
        {
            throw new InvalidOperationException($"{DisplayName} is [OneWay] and must return Task.");
        }
    }

    public MethodInfo Method { get; }

    /// <summary>Stable across processes running the same binaries: "Namespace.IOrderGrain:ShipAsync/2".</summary>
    public string Key { get; }

    public string DisplayName { get; }

    public Type[] ParameterTypes { get; }

    /// <summary>The T of Task&lt;T&gt;, or typeof(void) for a plain Task.</summary>
    public Type ResultType { get; }

    public bool IsOneWay { get; }

    /// <summary>Calls the method on a grain instance: (grain, args) → Task.</summary>
    public Func<object, object?[], Task> Invoker { get; }

    /// <summary>Reads the result of a completed task returned by <see cref="Invoker"/>, boxed (null for a plain Task).</summary>
    public abstract object? GetResult(Task completed);

    /// <summary>Called by a grain reference: routes the call and returns the Task the interface method promises.</summary>
    public abstract Task CallFromReference(IGrainCallRouter router, GrainId target, object?[] args);

    public static GrainMethod Create(MethodInfo method)
    {
        Type returnType = method.ReturnType;
        if (returnType == typeof(Task))
        {
            return new GrainMethod<object?>(method, typeof(void));
        }
        if (returnType.IsGenericType && returnType.GetGenericTypeDefinition() == typeof(Task<>))
        {
            Type resultType = returnType.GetGenericArguments()[0];
            return (GrainMethod)Activator.CreateInstance(typeof(GrainMethod<>).MakeGenericType(resultType), method, resultType)!;
        }
        throw new InvalidOperationException(
            $"{method.DeclaringType?.Name}.{method.Name} returns {returnType.Name}; grain interface methods return Task or Task<T>.");
    }

    private static Func<object, object?[], Task> CompileInvoker(MethodInfo method)
    {
        ParameterExpression grain = Expression.Parameter(typeof(object), "grain");
        ParameterExpression args = Expression.Parameter(typeof(object?[]), "args");
        IEnumerable<Expression> arguments = method.GetParameters().Select((p, i) =>
            (Expression)Expression.Convert(Expression.ArrayIndex(args, Expression.Constant(i)), p.ParameterType));
        MethodCallExpression call = Expression.Call(Expression.Convert(grain, method.DeclaringType!), method, arguments);
        return Expression.Lambda<Func<object, object?[], Task>>(Expression.Convert(call, typeof(Task)), grain, args).Compile();
    }
}

/// <summary>A grain method whose task yields <typeparamref name="TResult"/> (object for a plain Task).</summary>
internal sealed class GrainMethod<TResult>(MethodInfo method, Type resultType) : GrainMethod(method, resultType)
{
    public override object? GetResult(Task completed) =>
        ResultType == typeof(void) ? null : ((Task<TResult>)completed).Result;

    public override Task CallFromReference(IGrainCallRouter router, GrainId target, object?[] args)
    {
        if (IsOneWay)
        {
            router.InvokeOneWay(target, this, args);
            return Task.CompletedTask;
        }
        return router.InvokeAsync<TResult>(target, this, args);
    }
}

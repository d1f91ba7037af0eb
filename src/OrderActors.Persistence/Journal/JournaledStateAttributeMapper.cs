using System.Reflection;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace OrderActors.Persistence.Journal;

/// <summary>Supplies <see cref="JournaledStateAttribute"/> constructor parameters, the way Orleans supplies [PersistentState] ones.</summary>
internal sealed class JournaledStateAttributeMapper : IAttributeToFactoryMapper<JournaledStateAttribute>
{
    private static readonly MethodInfo CreateMethod =
        typeof(JournaledStateAttributeMapper).GetMethod(nameof(Create), BindingFlags.NonPublic | BindingFlags.Static)!;

    public Factory<IGrainContext, object> GetFactory(ParameterInfo parameter, JournaledStateAttribute metadata)
    {
        Type type = parameter.ParameterType;
        if (!type.IsGenericType || type.GetGenericTypeDefinition() != typeof(IJournaledState<,>))
        {
            throw new ArgumentException(
                $"Parameter '{parameter.Name}' of {parameter.Member.DeclaringType} has [JournaledState] but is a {type}, not an {typeof(IJournaledState<,>).Name}.",
                parameter.Name);
        }
        var create = CreateMethod.MakeGenericMethod(type.GetGenericArguments()).CreateDelegate<Func<IGrainContext, string, object>>();
        return context => create(context, metadata.StateName);
    }

    private static object Create<TState, TEvent>(IGrainContext context, string stateName)
        where TState : class, IJournalState<TState, TEvent>, new()
    {
        IServiceProvider services = context.ActivationServices;
        return new JournaledState<TState, TEvent>(
            context,
            stateName,
            services.GetRequiredService<IGrainJournalStorage>(),
            services.GetRequiredService<IOptions<HubJournalOptions>>().Value.JournalSnapshotInterval,
            services.GetRequiredService<ILoggerFactory>().CreateLogger<JournaledState<TState, TEvent>>());
    }
}

namespace OrderActors.Persistence.Journal;

/// <summary>
/// Marks a grain constructor parameter of type <see cref="IJournaledState{TState, TEvent}"/>: Orleans supplies it
/// (as it does <c>[PersistentState]</c>), replayed from the journal before OnActivateAsync.
/// </summary>
[AttributeUsage(AttributeTargets.Parameter)]
public sealed class JournaledStateAttribute(string stateName) : Attribute, IFacetMetadata
{
    public string StateName { get; } = stateName;
}

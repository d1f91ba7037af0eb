namespace OrderActors.Runtime;

/// <summary>Marker for every grain interface. Grain interface methods return <see cref="Task"/> or <see cref="Task{TResult}"/>.</summary>
public interface IGrain;

/// <summary>A grain addressed by a string key. Keys carry the tenant: <c>tenant/id</c>.</summary>
public interface IGrainWithStringKey : IGrain;

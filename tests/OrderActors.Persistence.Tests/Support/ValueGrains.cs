namespace OrderActors.Persistence.Tests.Support;

/// <summary>A grain holding one string in its persistent state "value".</summary>
public interface IValueGrain : IGrainWithStringKey
{
    /// <summary>The stored value, or null.</summary>
    Task<string?> GetAsync();

    /// <summary>Writes the value; acknowledged only after the write succeeded.</summary>
    Task SetAsync(string value);

    /// <summary>Clears the state (the row stays as a tombstone).</summary>
    Task ClearAsync();

    /// <summary>The state's current ETag.</summary>
    Task<string?> GetETagAsync();

    /// <summary>Drops the activation after this call.</summary>
    Task DeactivateAsync();
}

/// <summary>One of two grain types with the same key and state name: their rows must stay apart.</summary>
public interface IAlphaValueGrain : IValueGrain;

/// <summary>The other grain type.</summary>
public interface IBetaValueGrain : IValueGrain;

public sealed class ValueState
{
    public string? Value { get; set; }
}

public abstract class ValueGrain(IPersistentState<ValueState> state) : Grain, IValueGrain
{
    public Task<string?> GetAsync() => Task.FromResult(state.State.Value);

    public async Task SetAsync(string value)
    {
        state.State.Value = value;
        await state.WriteStateAsync();
    }

    public Task ClearAsync() => state.ClearStateAsync();

    public Task<string?> GetETagAsync() => Task.FromResult(state.Etag);

    public Task DeactivateAsync()
    {
        DeactivateOnIdle();
        return Task.CompletedTask;
    }
}

[GrainType("alphavalue")]
public sealed class AlphaValueGrain([PersistentState("value")] IPersistentState<ValueState> state) : ValueGrain(state), IAlphaValueGrain;

[GrainType("betavalue")]
public sealed class BetaValueGrain([PersistentState("value")] IPersistentState<ValueState> state) : ValueGrain(state), IBetaValueGrain;

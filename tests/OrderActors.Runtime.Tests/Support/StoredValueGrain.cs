namespace OrderActors.Runtime.Tests.Support;

public sealed record StoredValue
{
    public string? Value { get; init; }
}

public sealed class StoredValueGrain([PersistentState("value")] IPersistentState<StoredValue> state, ActivationProbe probe)
    : Grain, IStoredValueGrain
{
    public override Task OnActivateAsync(CancellationToken cancellationToken)
    {
        probe.Record($"activate:{GetPrimaryKeyString()}:{state.State.Value}");
        return Task.CompletedTask;
    }

    public override Task OnDeactivateAsync(DeactivationReason reason, CancellationToken cancellationToken)
    {
        probe.Record($"deactivate:{GetPrimaryKeyString()}:{reason.Code}");
        return Task.CompletedTask;
    }

    public async Task SetAsync(string value)
    {
        state.State = state.State with { Value = value };
        await state.WriteStateAsync();
    }

    public Task<string?> GetAsync() => Task.FromResult(state.State.Value);

    public Task ClearAsync() => state.ClearStateAsync();

    public Task<string?> GetEtagAsync() => Task.FromResult(state.Etag);
}

namespace OrderActors.Persistence.Storage;

/// <summary>
/// A grain's state could not be stored. <see cref="Reverted"/> says whether the grain's state was read back to what is
/// stored; either way the activation must not go on as if the change had happened (see <see cref="HubGrainStorage"/>).
/// </summary>
public sealed class GrainStateWriteException(GrainId grainId, string stateName, string operation, bool reverted, Exception inner)
    : OrleansException($"Could not {operation} state '{stateName}' of {grainId}: {inner.Message}", inner)
{
    public bool Reverted { get; } = reverted;
}

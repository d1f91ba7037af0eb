namespace OrderActors.Runtime;

/// <summary>A call got no response within the response timeout (for example an awaited call cycle).</summary>
public sealed class GrainCallTimeoutException(string message) : TimeoutException(message);

/// <summary>
/// A state write was refused because the stored ETag changed since this activation read it:
/// another activation wrote first. The runtime drops this activation; the next call re-reads.
/// </summary>
public sealed class InconsistentStateException(string message, string? storedEtag, string? currentEtag) : Exception(message)
{
    /// <summary>The ETag found in storage, or null when there is no stored row.</summary>
    public string? StoredEtag { get; } = storedEtag;

    /// <summary>The ETag this activation held when it tried to write.</summary>
    public string? CurrentEtag { get; } = currentEtag;
}

/// <summary>The silo that owns a grain could not be reached.</summary>
public sealed class SiloUnavailableException(string message, Exception? inner = null) : Exception(message, inner);

/// <summary>An exception thrown by grain code on another silo, carried back with its type name and message.</summary>
public sealed class RemoteGrainException(string remoteType, string message) : Exception(message)
{
    /// <summary>The full type name of the exception thrown on the remote silo.</summary>
    public string RemoteType { get; } = remoteType;
}

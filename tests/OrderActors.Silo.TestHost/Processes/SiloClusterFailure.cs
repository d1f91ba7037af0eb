namespace OrderActors.Silo.TestHost.Processes;

/// <summary>A test against silo processes failed: the original failure, then what the silos said last.</summary>
public sealed class SiloClusterFailure(Exception failure, string logs)
    : Exception($"{failure.GetType().Name}: {failure.Message}\n\n{logs}", failure);

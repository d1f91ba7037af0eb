namespace OrderActors.Persistence.Schema;

/// <summary>
/// Runs the migrations at the silo's very first lifecycle stage, before the clustering, storage, reminder and
/// stream providers read their queries from OrleansQuery; a silo whose schema cannot be brought up to date fails
/// to start.
/// </summary>
internal sealed class SchemaMigrationParticipant(SchemaMigrator migrator) : ILifecycleParticipant<ISiloLifecycle>
{
    public void Participate(ISiloLifecycle lifecycle) =>
        lifecycle.Subscribe(nameof(SchemaMigrationParticipant), ServiceLifecycleStage.First, migrator.ApplyAsync);
}

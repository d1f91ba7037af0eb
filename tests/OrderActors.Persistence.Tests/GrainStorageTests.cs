using OrderActors.Persistence.Tests.Support;
using OrderActors.Testing;
using Orleans.Storage;

namespace OrderActors.Persistence.Tests;

/// <summary>How the hub's grain state rests in grain_state through Orleans' ADO.NET provider and HubGrainStorage.</summary>
[Collection(SharedCluster.Name)]
public sealed class GrainStorageTests(SharedClusterFixture fixture)
{
    private IGrainFactory Grains => fixture.Cluster.Client;

    [PostgresFact]
    public async Task StateIsStoredAsReadableJsonUnderItsGrainTypeKeyAndStateName()
    {
        await Grains.GetGrain<IAlphaValueGrain>("acme/row").SetAsync("hello");

        string? payload = await fixture.Sql.ScalarAsync<string>(
            "SELECT payload::text FROM grain_state WHERE grain_type = 'alphavalue' AND grain_key = 'acme/row' AND state_name = 'value'");
        Assert.Equal("""{"value": "hello"}""", payload);
    }

    [PostgresFact]
    public async Task AStaleETagWriteIsRefusedAndTheGrainRecoversOnTheNextCall()
    {
        IAlphaValueGrain grain = Grains.GetGrain<IAlphaValueGrain>("acme/stale");
        await grain.SetAsync("mine");
        // Another activation (another silo, during a membership change) wrote in between.
        await fixture.Sql.ExecuteAsync(
            """UPDATE grain_state SET version = version + 1, payload = '{"value": "theirs"}' WHERE grain_type = 'alphavalue' AND grain_key = 'acme/stale'""");

        await Assert.ThrowsAsync<InconsistentStateException>(() => grain.SetAsync("lost"));

        Assert.Equal("theirs", await grain.GetAsync());
        await grain.SetAsync("after");
        Assert.Equal("after", await fixture.Sql.ScalarAsync<string>(
            "SELECT payload->>'value' FROM grain_state WHERE grain_type = 'alphavalue' AND grain_key = 'acme/stale'"));
    }

    [PostgresFact]
    public async Task TwoGrainTypesWithTheSameKeyAndStateNameKeepSeparateRows()
    {
        // dotnet/orleans #8746, #9737: the provider itself keys rows by state name and grain id only.
        await Grains.GetGrain<IAlphaValueGrain>("acme/shared").SetAsync("alpha");
        await Grains.GetGrain<IBetaValueGrain>("acme/shared").SetAsync("beta");
        await Grains.GetGrain<IAlphaValueGrain>("acme/shared").DeactivateAsync();
        await Grains.GetGrain<IBetaValueGrain>("acme/shared").DeactivateAsync();

        Assert.Equal("alpha", await Grains.GetGrain<IAlphaValueGrain>("acme/shared").GetAsync());
        Assert.Equal("beta", await Grains.GetGrain<IBetaValueGrain>("acme/shared").GetAsync());
        Assert.Equal(2L, await fixture.Sql.ScalarAsync<long>("SELECT count(*) FROM grain_state WHERE grain_key = 'acme/shared'"));
    }

    [PostgresTheory]
    [InlineData("020235", "20235")]
    [InlineData("0123456789abcdef0123456789abcdef", "0123456789ABCDEF0123456789ABCDEF")]
    public async Task KeysThatParseToTheSameNumberKeepSeparateRows(string first, string second)
    {
        // dotnet/orleans #9706: hex-looking string keys are turned into numbers (or a guid) by the provider.
        await Grains.GetGrain<IAlphaValueGrain>(first).SetAsync(first);
        await Grains.GetGrain<IAlphaValueGrain>(second).SetAsync(second);
        await Grains.GetGrain<IAlphaValueGrain>(first).DeactivateAsync();
        await Grains.GetGrain<IAlphaValueGrain>(second).DeactivateAsync();

        Assert.Equal(first, await Grains.GetGrain<IAlphaValueGrain>(first).GetAsync());
        Assert.Equal(second, await Grains.GetGrain<IAlphaValueGrain>(second).GetAsync());
        Assert.Equal(first, await fixture.Sql.ScalarAsync<string>(
            "SELECT payload->>'value' FROM grain_state WHERE grain_type = 'alphavalue' AND grain_key = @key", ("key", first)));
    }

    [PostgresFact]
    public async Task ClearKeepsATombstoneSoTheOldETagCannotMatchAgain()
    {
        IAlphaValueGrain grain = Grains.GetGrain<IAlphaValueGrain>("acme/cleared");
        await grain.SetAsync("one");
        await grain.SetAsync("two");
        string? etagBeforeClear = await grain.GetETagAsync();

        await grain.ClearAsync();

        Assert.Equal("2", etagBeforeClear);
        Assert.Equal("3", await grain.GetETagAsync());
        Assert.True(await fixture.Sql.ScalarAsync<bool>(
            "SELECT payload IS NULL AND version = 3 FROM grain_state WHERE grain_type = 'alphavalue' AND grain_key = 'acme/cleared'"));
        await using (var connection = await fixture.Sql.OpenConnectionAsync())
        {
            string write = await fixture.Sql.QueryTextAsync("WriteToStorageKey");
            Assert.Equal([null], await StorageQuery.RunAsync(connection, null, write, "alphavalue/acme/cleared", "value", 2, """{"value": "stale"}"""));
            Assert.Equal([null], await StorageQuery.RunAsync(connection, null, write, "alphavalue/acme/cleared", "value", null, """{"value": "fresh insert"}"""));
        }
        await grain.DeactivateAsync();
        Assert.Null(await grain.GetAsync());
        await grain.SetAsync("three");
        Assert.Equal("4", await grain.GetETagAsync());
    }
}

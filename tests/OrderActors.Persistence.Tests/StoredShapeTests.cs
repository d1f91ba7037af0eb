using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using OrderActors.Persistence.Tests.Support;
using OrderActors.Testing;
using Orleans.Storage;

namespace OrderActors.Persistence.Tests;

/// <summary>Rows keep the JSON shape the retired runtime wrote, so its rows read back and SQL triggers can read new ones.</summary>
[Collection(SharedCluster.Name)]
public sealed class StoredShapeTests(SharedClusterFixture fixture)
{
    [PostgresFact]
    public async Task ARowInTheOldRuntimesShapeReadsBackAndKeepsItsVersion()
    {
        // As the old runtime stored it: camelCase, enum names, no nulls, and jsonb's key order, which puts the
        // type discriminator "kind" after the shorter "r".
        await fixture.Sql.ExecuteAsync(
            """
            INSERT INTO grain_state (grain_type, grain_key, state_name, version, payload)
            VALUES ('shape', 'acme/legacy', 'shape', 7,
                    '{"name": "old", "colour": "Green", "shapes": [{"r": 3, "kind": "circle"}, {"kind": "square", "side": 2}]}')
            """);
        IShapeGrain grain = fixture.Cluster.Client.GetGrain<IShapeGrain>("acme/legacy");

        Assert.Equal("old Green note=none [circle r=3, square side=2]", await grain.DescribeAsync());
        Assert.Equal("7", await grain.GetETagAsync());
        await grain.RenameAsync("new");

        Assert.Equal(8L, await fixture.Sql.ScalarAsync<long>("SELECT version FROM grain_state WHERE grain_type = 'shape' AND grain_key = 'acme/legacy'"));
        Assert.Equal(
            """{"name": "new", "colour": "Green", "shapes": [{"r": 3, "kind": "circle"}, {"kind": "square", "side": 2}]}""",
            await fixture.Sql.ScalarAsync<string>("SELECT payload::text FROM grain_state WHERE grain_type = 'shape' AND grain_key = 'acme/legacy'"));
    }

    [PostgresFact]
    public void TheSilosStorageSerializerWritesExactlyTheHubJsonShape()
    {
        var state = new ShapeState { Name = "n", Colour = Colour.Red, Shapes = [new Square(4), new Circle(1)] };
        IGrainStorageSerializer serializer = fixture.Cluster.GetSiloServiceProvider().GetRequiredService<IGrainStorageSerializer>();

        string written = serializer.Serialize(state).ToString();

        Assert.Equal(JsonSerializer.Serialize(state, HubJson.Options), written);
        Assert.Equal("""{"name":"n","colour":"Red","shapes":[{"kind":"square","side":4},{"kind":"circle","r":1}]}""", written);
    }
}

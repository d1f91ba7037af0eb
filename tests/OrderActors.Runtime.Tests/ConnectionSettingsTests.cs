using OrderActors.Runtime.Hosting;

namespace OrderActors.Runtime.Tests;

public sealed class ConnectionSettingsTests
{
    private const string Given = "Host=db.internal;Port=5433;Username=hub;Database=orders";

    [Fact]
    public void TheMultiplexedSourceGetsASmallPoolAndPreparedStatementsUnlessTheConnectionStringSaysOtherwise()
    {
        var defaults = SiloServiceCollectionExtensions.ConnectionSettings(Options(Given), multiplexing: true);
        var chosen = SiloServiceCollectionExtensions.ConnectionSettings(Options(Given + ";Maximum Pool Size=64;Max Auto Prepare=5"), multiplexing: true);
        var synonym = SiloServiceCollectionExtensions.ConnectionSettings(Options(Given + ";MaxPoolSize=40"), multiplexing: true);

        Assert.Equal((true, 16, 32), (defaults.Multiplexing, defaults.MaxPoolSize, defaults.MaxAutoPrepare));
        Assert.Equal((64, 5), (chosen.MaxPoolSize, chosen.MaxAutoPrepare));
        Assert.Equal(40, synonym.MaxPoolSize);
        Assert.Equal(("db.internal", 5433, "orders"), (defaults.Host, defaults.Port, defaults.Database));
    }

    [Fact]
    public void TheSessionSourceForListenersStaysUnmultiplexedWithAtMostTenConnections()
    {
        var session = SiloServiceCollectionExtensions.ConnectionSettings(Options(Given + ";Maximum Pool Size=64"), multiplexing: false);

        Assert.Equal((false, 10), (session.Multiplexing, session.MaxPoolSize));
    }

    [Fact]
    public void AMissingConnectionStringIsRefusedNamingTheSetting()
    {
        var error = Assert.Throws<InvalidOperationException>(() => SiloServiceCollectionExtensions.ConnectionSettings(Options(" "), multiplexing: true));

        Assert.Contains("Silo:PostgresConnectionString", error.Message);
    }

    private static SiloOptions Options(string connectionString) => new() { Storage = StorageKind.Postgres, PostgresConnectionString = connectionString };
}

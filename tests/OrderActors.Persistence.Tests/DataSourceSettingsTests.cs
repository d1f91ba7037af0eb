using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using OrderActors.Persistence.Hosting;

namespace OrderActors.Persistence.Tests;

/// <summary>The providers' shared data source gets the hub's defaults only where the connection string is silent.</summary>
public sealed class DataSourceSettingsTests
{
    [Fact]
    public void AConnectionStringWithoutSettingsGetsTheDefaults()
    {
        var settings = new NpgsqlConnectionStringBuilder(HubDataSources.WithSharedDefaults("Host=db;Database=hub"));

        Assert.Equal((16, true, 32, "db"), (settings.MaxPoolSize, settings.Multiplexing, settings.MaxAutoPrepare, settings.Host));
    }

    [Fact]
    public void SettingsTheConnectionStringGivesAreKeptWhateverTheirSpelling()
    {
        var settings = new NpgsqlConnectionStringBuilder(HubDataSources.WithSharedDefaults("Host=db;MaxPoolSize=50;multiplexing=false;Max Auto Prepare=0"));

        Assert.Equal((50, false, 0), (settings.MaxPoolSize, settings.Multiplexing, settings.MaxAutoPrepare));
    }

    [Theory]
    [InlineData("")]
    [InlineData(" ")]
    public void AMissingConnectionStringIsRefusedNamingTheParameter(string connectionString)
    {
        ArgumentException error = Assert.Throws<ArgumentException>(() => new ServiceCollection().AddHubDataSources(connectionString));

        Assert.Equal("connectionString", error.ParamName);
    }

    [Fact]
    public void TheMigratorsSessionsAreNeverMultiplexed()
    {
        var settings = new NpgsqlConnectionStringBuilder(HubDataSources.ForSessions("Host=db;Multiplexing=true"));

        Assert.False(settings.Multiplexing);
    }
}

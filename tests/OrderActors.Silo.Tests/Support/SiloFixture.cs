using OrderActors.Testing;
using OrderActors.Silo.TestHost;

namespace OrderActors.Silo.Tests.Support;

/// <summary>One silo (real Kestrel, fresh PostgreSQL) shared by the API test classes; each test uses its own tenant.</summary>
public sealed class SiloFixture : IAsyncLifetime
{
    private int _tenants;

    private SiloHost? _host;

    public SiloHost Host => _host ?? throw new InvalidOperationException("No silo: PostgreSQL tests are skipped here.");

    /// <summary>Starts the silo unless the PostgreSQL tests are skipped (then no test uses it).</summary>
    public async Task InitializeAsync()
    {
        if (PostgresFactAttribute.SkipReason() is null)
        {
            _host = await SiloHost.StartAsync();
        }
    }

    public async Task DisposeAsync()
    {
        if (_host is not null)
        {
            await _host.DisposeAsync();
        }
    }

    /// <summary>A client for a tenant nobody else uses.</summary>
    public TenantApi NewTenant()
    {
        string tenant = $"t{Interlocked.Increment(ref _tenants)}-{Guid.NewGuid():N}"[..20];
        HttpClient client = Host.ClientWith(Host.AdminKey);
        client.DefaultRequestHeaders.Add("X-Tenant", tenant);
        return new TenantApi(client, tenant);
    }
}

[CollectionDefinition(Name)]
public sealed class SiloCollection : ICollectionFixture<SiloFixture>
{
    public const string Name = "silo";
}

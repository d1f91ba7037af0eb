using System.Security.Cryptography;
using System.Text.Json;
using Microsoft.Extensions.Options;

namespace OrderActors.Silo.Access;

/// <summary>
/// On the first start with an empty user table: user <c>admin</c> (role admin, every tenant) with a random password
/// and an admin API key, written to <c>{DataDirectory}/admin.json</c> (mode 600) and nowhere else — the log names the
/// file, never what is in it. It runs before the silo takes requests.
/// </summary>
public sealed partial class AdminBootstrap(IAccessStore store, IOptions<AccessOptions> options, TimeProvider time, ILogger<AdminBootstrap> logger)
    : IHostedService
{
    public const string FileName = "admin.json";
    public const string AdminUser = "admin";

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        if (await store.AnyUserAsync())
        {
            return;
        }
        string password = System.Buffers.Text.Base64Url.EncodeToString(RandomNumberGenerator.GetBytes(18));
        string[] roles = [Roles.Admin];
        string[] tenants = [Roles.AnyTenant];
        if (!await store.CreateFirstUserAsync(AdminUser, SignIn.Hash(password), roles, tenants))
        {
            return;
        }
        (string keyId, string key, byte[] hash) = ApiKeys.Generate();
        await store.CreateApiKeyAsync(new ApiKeyRecord(keyId, "bootstrap-admin", hash, roles, Roles.AnyTenant, AdminUser, time.GetUtcNow(), null));
        string path = Path.Combine(DataDirectory.Of(options.Value), FileName);
        SecretFile.Write(path, JsonSerializer.Serialize(new { user = AdminUser, password, apiKey = key }, new JsonSerializerOptions { WriteIndented = true }));
        LogCreated(path);
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    [LoggerMessage(EventId = 3430, Level = LogLevel.Warning, Message = "First start: created user admin; its password and an admin API key are in {Path} (mode 600)")]
    private partial void LogCreated(string path);
}

using System.Text.Json;

namespace OrderActors.Silo.TestHost;

/// <summary>The first start's admin.json: the bootstrap admin's password and API key.</summary>
public sealed record AdminFile(string Password, string ApiKey)
{
    public static AdminFile Read(string dataDirectory)
    {
        using JsonDocument admin = JsonDocument.Parse(File.ReadAllText(Path.Combine(dataDirectory, "admin.json")));
        return new AdminFile(admin.RootElement.GetProperty("password").GetString()!, admin.RootElement.GetProperty("apiKey").GetString()!);
    }
}

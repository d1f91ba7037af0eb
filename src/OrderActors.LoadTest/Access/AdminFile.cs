using System.Text.Json;
using OrderActors.LoadTest.Hub;

namespace OrderActors.LoadTest.Access;

/// <summary>
/// The bootstrap admin.json a silo writes into its <c>Access:DataDirectory</c> on its first start,
/// <c>{ "user", "password", "apiKey" }</c>. The load test needs only the API key; the password is never kept.
/// </summary>
public static class AdminFile
{
    private const string Shape = "expected the bootstrap admin file { \"user\", \"password\", \"apiKey\" }";

    /// <summary>The API key in <paramref name="path"/>; every way that can fail is a <see cref="SetupFailedException"/> naming the file.</summary>
    public static BearerToken ReadApiKey(string path)
    {
        string json;
        try
        {
            json = File.ReadAllText(path);
        }
        catch (Exception exception) when (exception is FileNotFoundException or DirectoryNotFoundException)
        {
            throw new SetupFailedException(
                $"no admin file at {path}: a silo writes admin.json into its Access:DataDirectory on its first start (scripts/run.sh prints where); "
                + "or give --admin-token or ORDERACTORS_TOKEN");
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            throw new SetupFailedException($"cannot read the admin file {path}: {exception.Message}");
        }
        return ParseApiKey(json, path);
    }

    public static BearerToken ParseApiKey(string json, string path)
    {
        try
        {
            using JsonDocument document = JsonDocument.Parse(json);
            JsonElement root = document.RootElement;
            return root.ValueKind == JsonValueKind.Object
                && root.TryGetProperty("apiKey", out JsonElement key) && key.ValueKind == JsonValueKind.String && !string.IsNullOrWhiteSpace(key.GetString())
                ? new BearerToken(key.GetString()!)
                : throw new SetupFailedException($"{path} has no \"apiKey\": {Shape}");
        }
        catch (JsonException exception)
        {
            throw new SetupFailedException($"{path} is not JSON (line {exception.LineNumber + 1}): {Shape}");
        }
    }
}

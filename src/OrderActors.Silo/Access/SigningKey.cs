using System.Security.Cryptography;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.Tokens;

namespace OrderActors.Silo.Access;

/// <summary>
/// The bearer tokens' HMAC-SHA256 key: <c>Access:SigningKey</c> when configured, else a random key generated once into
/// <c>{DataDirectory}/jwt-signing.key</c> (mode 600), which every silo sharing that directory reads.
/// </summary>
public sealed class SigningKey
{
    public const string FileName = "jwt-signing.key";
    private const int MinimumBytes = 32;

    public SigningKey(IOptions<AccessOptions> options)
    {
        byte[] key = string.IsNullOrWhiteSpace(options.Value.SigningKey)
            ? LoadOrCreate(Path.Combine(DataDirectory.Of(options.Value), FileName))
            : Decode(options.Value.SigningKey);
        Key = new SymmetricSecurityKey(key) { KeyId = Convert.ToHexString(SHA256.HashData(key))[..16] };
    }

    public SymmetricSecurityKey Key { get; }

    private static byte[] Decode(string configured)
    {
        byte[] key;
        try
        {
            key = Convert.FromBase64String(configured);
        }
        catch (FormatException)
        {
            throw new InvalidOperationException("Access:SigningKey is not base64.");
        }
        return key.Length >= MinimumBytes ? key : throw new InvalidOperationException($"Access:SigningKey has {key.Length} bytes; at least {MinimumBytes} are needed.");
    }

    private static byte[] LoadOrCreate(string path)
    {
        if (!File.Exists(path))
        {
            string temporary = $"{path}.{Environment.ProcessId}.tmp";
            SecretFile.Write(temporary, Convert.ToBase64String(RandomNumberGenerator.GetBytes(64)));
            try
            {
                // Two silos racing on a fresh directory: the first rename wins, the other reads the winner's key.
                File.Move(temporary, path, overwrite: false);
            }
            catch (IOException) when (File.Exists(path))
            {
                File.Delete(temporary);
            }
        }
        return Decode(File.ReadAllText(path).Trim());
    }
}

/// <summary>The data directory of <see cref="AccessOptions"/>, absolute and created.</summary>
public static class DataDirectory
{
    public static string Of(AccessOptions options)
    {
        string directory = Path.GetFullPath(options.DataDirectory);
        Directory.CreateDirectory(directory);
        return directory;
    }
}

/// <summary>Files only their owner may read (mode 600): the signing key, admin.json.</summary>
public static class SecretFile
{
    public static void Write(string path, string text)
    {
        var options = new FileStreamOptions { Mode = FileMode.Create, Access = FileAccess.Write };
        if (!OperatingSystem.IsWindows())
        {
            options.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
        }
        using (var stream = new FileStream(path, options))
        using (var writer = new StreamWriter(stream))
        {
            writer.Write(text);
        }
        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(path, UnixFileMode.UserRead | UnixFileMode.UserWrite);
        }
    }
}

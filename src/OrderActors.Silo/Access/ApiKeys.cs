using System.Diagnostics.CodeAnalysis;
using System.Security.Cryptography;
using System.Text;

namespace OrderActors.Silo.Access;

/// <summary>
/// Machines' keys: <c>oak_{keyId}_{secret}</c>, 64 random bits of id and 256 of secret. Only the SHA-256 of the
/// secret is stored; a fast hash is enough for a secret that long (a password needs PasswordHasher's slow one).
/// </summary>
public static class ApiKeys
{
    public const string Prefix = "oak_";

    public static (string KeyId, string Key, byte[] SecretHash) Generate()
    {
        string keyId = Convert.ToHexString(RandomNumberGenerator.GetBytes(8)).ToLowerInvariant();
        string secret = System.Buffers.Text.Base64Url.EncodeToString(RandomNumberGenerator.GetBytes(32));
        return (keyId, $"{Prefix}{keyId}_{secret}", Hash(secret));
    }

    public static bool LooksLikeKey(string token) => token.StartsWith(Prefix, StringComparison.Ordinal);

    public static bool TryParse(string token, [NotNullWhen(true)] out string? keyId, [NotNullWhen(true)] out string? secret)
    {
        keyId = secret = null;
        string[] parts = token.Split('_');
        if (parts.Length < 3 || parts[0] + "_" != Prefix || parts[1].Length != 16)
        {
            return false;
        }
        keyId = parts[1];
        secret = token[(Prefix.Length + 17)..];
        return secret.Length > 0;
    }

    public static byte[] Hash(string secret) => SHA256.HashData(Encoding.UTF8.GetBytes(secret));

    public static bool Matches(ApiKeyRecord key, string secret) => CryptographicOperations.FixedTimeEquals(key.SecretHash, Hash(secret));
}

using System.Buffers.Text;
using System.Runtime.InteropServices;
using System.Security.Cryptography;
using System.Text;
using OrderActors.Abstractions.Common;
using OrderActors.Silo.Access;
using OrderActors.Silo.Api;

namespace OrderActors.Silo.Tracking;

/// <summary>
/// The token of an order's tracking page: <c>{tenant}.{orderId}.{mac}</c>, where <c>mac</c> is HMAC-SHA256 over
/// <c>"{tenant}/{orderId}"</c>, truncated to 96 bits, base64url (16 characters). Nothing is stored: any silo holding
/// the signing key checks a token by computing its MAC again. The MAC key is derived from the bearer tokens' key with
/// HKDF under a label of its own, so a tracking MAC is never a JWT signature and neither key can stand for the other.
/// </summary>
public sealed class TrackingTokens
{
    /// <summary>Longer than any token the hub issues (32 + 64 + 16 + 2); anything longer is not read at all.</summary>
    public const int MaxLength = 128;

    private const int MacBytes = 12;
    private const int MacChars = 16;
    private static readonly byte[] Purpose = "orderactors tracking-page token v1"u8.ToArray();

    private readonly byte[] _key;

    public TrackingTokens(SigningKey signingKey) =>
        _key = HKDF.DeriveKey(HashAlgorithmName.SHA256, signingKey.Key.Key, outputLength: 32, salt: [], info: Purpose);

    public string Issue(string tenant, string orderId) => $"{tenant}.{orderId}.{Mac(tenant, orderId)}";

    /// <summary>
    /// The order a token names, when the hub issued it. Any flaw (shape, tenant, id, MAC) is the same false: the
    /// caller cannot tell which part was wrong.
    /// </summary>
    public bool TryRead(string? token, out string tenant, out string orderId)
    {
        tenant = "";
        orderId = "";
        if (token is null || token.Length > MaxLength)
        {
            return false;
        }
        int first = token.IndexOf('.', StringComparison.Ordinal);
        int last = token.LastIndexOf('.');
        if (first <= 0 || last - first < 2 || token.Length - last - 1 != MacChars)
        {
            return false;
        }
        string claimedTenant = token[..first];
        string claimedOrder = token[(first + 1)..last];
        if (!Tenancy.IsTenantName(claimedTenant) || !Keys.IsValidId(claimedOrder))
        {
            return false;
        }
        string expected = Mac(claimedTenant, claimedOrder);
        if (!CryptographicOperations.FixedTimeEquals(MemoryMarshal.AsBytes(token.AsSpan(last + 1)), MemoryMarshal.AsBytes(expected.AsSpan())))
        {
            return false;
        }
        (tenant, orderId) = (claimedTenant, claimedOrder);
        return true;
    }

    private string Mac(string tenant, string orderId)
    {
        Span<byte> mac = stackalloc byte[HMACSHA256.HashSizeInBytes];
        HMACSHA256.HashData(_key, Encoding.UTF8.GetBytes($"{tenant}/{orderId}"), mac);
        return Base64Url.EncodeToString(mac[..MacBytes]);
    }
}

using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Options;
using OrderActors.Silo.Access;
using OrderActors.Silo.Tracking;

namespace OrderActors.Silo.Tests.Tracking;

/// <summary>Issue 16: the tracking page's token names one order of one tenant and cannot be made without the hub's key.</summary>
public sealed class TrackingTokensTests : IDisposable
{
    private const string OrderId = "taobao-4012345678901234567";

    private readonly string _shared = Directory.CreateTempSubdirectory("oa-tracking-").FullName;
    private readonly string _elsewhere = Directory.CreateTempSubdirectory("oa-tracking-").FullName;

    [Fact]
    public void ATokenIsShortReadableByEverySiloSharingTheDataDirectoryAndByNoOtherHub()
    {
        string token = Tokens(_shared).Issue("default", OrderId);

        Assert.Matches($"^default\\.{OrderId}\\.[A-Za-z0-9_-]{{16}}$", token);
        Assert.True(token.Length <= 60, $"{token.Length} characters");
        Assert.True(Tokens(_shared).TryRead(token, out string tenant, out string orderId));
        Assert.Equal(("default", OrderId), (tenant, orderId));
        Assert.False(Tokens(_elsewhere).TryRead(token, out _, out _));
    }

    [Fact]
    public void SilosWithTheSameConfiguredSigningKeyReadEachOthersTokensWhateverTheirDataDirectory()
    {
        string key = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32));

        string token = Tokens(_shared, key).Issue("shop-1", OrderId);

        Assert.True(Tokens(_elsewhere, key).TryRead(token, out _, out _));
        Assert.False(Tokens(_shared).TryRead(token, out _, out _));
    }

    [Fact]
    public void ChangingAnyOneCharacterOrTheLengthOfATokenIsRefused()
    {
        TrackingTokens tokens = Tokens(_shared);
        string token = tokens.Issue("default", OrderId);
        var accepted = new List<string>();

        for (int i = 0; i < token.Length; i++)
        {
            foreach (char replacement in new[] { 'A', 'z', '0', '-', '.' })
            {
                string changed = token[..i] + replacement + token[(i + 1)..];
                if (changed != token && tokens.TryRead(changed, out _, out _))
                {
                    accepted.Add(changed);
                }
            }
        }

        Assert.Empty(accepted);
        Assert.False(tokens.TryRead(token[..^1], out _, out _));
        Assert.False(tokens.TryRead(token + "A", out _, out _));
        Assert.False(tokens.TryRead(token.Replace("default.", "other.", StringComparison.Ordinal), out _, out _));
    }

    [Fact]
    public void TheMacIsNotMadeWithTheBearerTokensKeyItself()
    {
        string token = Tokens(_shared).Issue("default", OrderId);
        byte[] jwtKey = Convert.FromBase64String(File.ReadAllText(Path.Combine(_shared, SigningKey.FileName)).Trim());

        string withJwtKey = Base64Url.EncodeToString(HMACSHA256.HashData(jwtKey, Encoding.UTF8.GetBytes($"default/{OrderId}")).AsSpan(0, 12));

        Assert.NotEqual(withJwtKey, token[(token.LastIndexOf('.') + 1)..]);
    }

    public void Dispose()
    {
        Directory.Delete(_shared, recursive: true);
        Directory.Delete(_elsewhere, recursive: true);
    }

    private static TrackingTokens Tokens(string dataDirectory, string? configuredKey = null) =>
        new(new SigningKey(Options.Create(new AccessOptions { DataDirectory = dataDirectory, SigningKey = configuredKey })));
}

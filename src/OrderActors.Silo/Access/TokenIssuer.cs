using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace OrderActors.Silo.Access;

/// <summary>Short-lived bearer tokens (JWT, HMAC-SHA256) for the CLI and scripts, validated by the JwtBearer scheme.</summary>
public sealed class TokenIssuer(SigningKey key, IOptions<AccessOptions> options, TimeProvider time)
{
    private readonly JsonWebTokenHandler _handler = new();

    public (string Token, DateTimeOffset ExpiresAt) Issue(HubPrincipal principal)
    {
        DateTimeOffset now = time.GetUtcNow();
        DateTimeOffset expires = now.Add(options.Value.TokenLifetime);
        string token = _handler.CreateToken(new SecurityTokenDescriptor
        {
            Issuer = AccessOptions.Issuer,
            Audience = AccessOptions.Issuer,
            Subject = principal.ToIdentity("token"),
            IssuedAt = now.UtcDateTime,
            NotBefore = now.UtcDateTime,
            Expires = expires.UtcDateTime,
            SigningCredentials = new SigningCredentials(key.Key, SecurityAlgorithms.HmacSha256),
        });
        return (token, expires);
    }

    public TokenValidationParameters ValidationParameters() => new()
    {
        ValidIssuer = AccessOptions.Issuer,
        ValidAudience = AccessOptions.Issuer,
        IssuerSigningKey = key.Key,
        ValidAlgorithms = [SecurityAlgorithms.HmacSha256],
        NameClaimType = HubPrincipal.NameClaim,
        RoleClaimType = HubPrincipal.RoleClaim,
        ClockSkew = TimeSpan.FromSeconds(30),
    };
}

namespace OrderActors.Silo.Access;

/// <summary>The <c>Access</c> configuration section.</summary>
public sealed class AccessOptions
{
    /// <summary>Where admin.json, the generated token signing key and the cookie protection keys live.</summary>
    public string DataDirectory { get; set; } = ".data";

    /// <summary>The bearer tokens' HMAC-SHA256 key, base64 (at least 32 bytes); generated into the data directory when empty.</summary>
    public string? SigningKey { get; set; }

    public TimeSpan TokenLifetime { get; set; } = TimeSpan.FromMinutes(60);

    /// <summary>How long the admin UI's cookie session lasts without use.</summary>
    public TimeSpan SessionLifetime { get; set; } = TimeSpan.FromHours(8);

    /// <summary>Sign-in attempts one client address may make per minute.</summary>
    public int LoginAttemptsPerMinute { get; set; } = 10;

    /// <summary>Wrong passwords in a row before a user is locked; each further one doubles the lock, up to <see cref="MaxLockout"/>.</summary>
    public int LockoutAfterFailures { get; set; } = 5;

    public TimeSpan FirstLockout { get; set; } = TimeSpan.FromMinutes(1);

    public TimeSpan MaxLockout { get; set; } = TimeSpan.FromMinutes(15);

    /// <summary>Intake calls one principal may make per second, sustained; <see cref="IntakeBurst"/> may come at once.</summary>
    public int IntakePermitsPerSecond { get; set; } = 1000;

    public int IntakeBurst { get; set; } = 2000;

    /// <summary>How far a signed push's timestamp may be from now, and how long its nonce is kept.</summary>
    public TimeSpan PushReplayWindow { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>How long a validated API key is trusted before it is read again (another silo's revocation takes this long).</summary>
    public TimeSpan ApiKeyCacheTime { get; set; } = TimeSpan.FromSeconds(5);

    public const string Issuer = "orderactors";
}

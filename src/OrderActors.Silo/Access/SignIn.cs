using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace OrderActors.Silo.Access;

public abstract record SignInResult
{
    public sealed record Success(HubPrincipal Principal) : SignInResult;

    public sealed record WrongCredentials : SignInResult;

    /// <summary>Too many wrong passwords in a row: no password is checked until the lock ends.</summary>
    public sealed record Locked(TimeSpan RetryAfter) : SignInResult;
}

/// <summary>
/// Checks a user's password (ASP.NET Core Identity's <see cref="PasswordHasher{TUser}"/>, PBKDF2) and locks the user
/// after <see cref="AccessOptions.LockoutAfterFailures"/> wrong ones in a row, each further one doubling the lock.
/// An unknown user costs the same hash as a known one, so the answer's timing does not tell which names exist.
/// </summary>
public sealed partial class SignIn(IAccessStore store, IOptions<AccessOptions> options, TimeProvider time, ILogger<SignIn> logger)
{
    private static readonly PasswordHasher<UserRecord> Hasher = new();
    private static readonly Lazy<string> DecoyHash = new(() => Hasher.HashPassword(null!, Guid.NewGuid().ToString()));

    public const int MinimumPasswordLength = 10;

    public static string Hash(string password) => Hasher.HashPassword(null!, password);

    public async Task<SignInResult> CheckAsync(string user, string password)
    {
        DateTimeOffset now = time.GetUtcNow();
        UserRecord? record = await store.FindUserAsync(user);
        if (record is null)
        {
            Hasher.VerifyHashedPassword(null!, DecoyHash.Value, password);
            LogUnknownUser();
            return new SignInResult.WrongCredentials();
        }
        if (record.LockedUntil is { } until && until > now)
        {
            return new SignInResult.Locked(until - now);
        }
        PasswordVerificationResult verified = Hasher.VerifyHashedPassword(record, record.PasswordHash, password);
        if (verified == PasswordVerificationResult.Failed)
        {
            UserRecord? updated = await store.RecordFailedLoginAsync(user, LockFor, now);
            LogWrongPassword(user, updated?.FailedAttempts ?? 0);
            return updated?.LockedUntil is { } locked && locked > now
                ? new SignInResult.Locked(locked - now)
                : new SignInResult.WrongCredentials();
        }
        await store.RecordSuccessfulLoginAsync(user, verified == PasswordVerificationResult.SuccessRehashNeeded ? Hash(password) : null);
        return new SignInResult.Success(new HubPrincipal(record.User, HubPrincipal.UserKind, record.Roles, record.Tenants));
    }

    private TimeSpan? LockFor(int failures)
    {
        AccessOptions o = options.Value;
        if (failures < o.LockoutAfterFailures)
        {
            return null;
        }
        double minutes = o.FirstLockout.TotalMinutes * Math.Pow(2, Math.Min(failures - o.LockoutAfterFailures, 16));
        return TimeSpan.FromMinutes(Math.Min(minutes, o.MaxLockout.TotalMinutes));
    }

    [LoggerMessage(EventId = 3400, Level = LogLevel.Warning, Message = "Sign-in refused: no such user")]
    private partial void LogUnknownUser();

    [LoggerMessage(EventId = 3401, Level = LogLevel.Warning, Message = "Sign-in refused: wrong password for {User} ({Failures} in a row)")]
    private partial void LogWrongPassword(string user, int failures);
}

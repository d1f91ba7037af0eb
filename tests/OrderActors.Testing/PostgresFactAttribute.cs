namespace OrderActors.Testing;

/// <summary>
/// A test that needs the PostgreSQL server named by ORDERACTORS_TEST_PG. Outside CI it is skipped when
/// the variable is unset (a plain `dotnet test`); in CI (CI=true) it always runs and fails loudly instead.
/// </summary>
public sealed class PostgresFactAttribute : FactAttribute
{
    public PostgresFactAttribute()
    {
        Skip = SkipReason();
    }

    /// <summary>Why PostgreSQL tests cannot run here, or null when they can (or must: in CI they always run).</summary>
    public static string? SkipReason()
    {
        bool inCi = string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase);
        return PostgresTestDatabase.AdminConnectionString is null && !inCi
            ? $"{PostgresTestDatabase.EnvironmentVariable} is not set; scripts/test.sh starts a private PostgreSQL and sets it."
            : null;
    }
}

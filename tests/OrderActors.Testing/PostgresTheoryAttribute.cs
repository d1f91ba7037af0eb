namespace OrderActors.Testing;

/// <summary>A theory that needs PostgreSQL; skipped outside CI when ORDERACTORS_TEST_PG is unset, like <see cref="PostgresFactAttribute"/>.</summary>
public sealed class PostgresTheoryAttribute : TheoryAttribute
{
    public PostgresTheoryAttribute()
    {
        Skip = PostgresFactAttribute.SkipReason();
    }
}

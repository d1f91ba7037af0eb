namespace OrderActors.Silo.Api;

/// <summary>Who is acting, for order timelines: <c>operator:{X-Operator}</c>, or <c>operator</c>.</summary>
public static class Operators
{
    public const string Header = "X-Operator";

    public static string SourceOf(HttpContext context)
    {
        string? name = context.Request.Headers[Header].FirstOrDefault();
        return string.IsNullOrWhiteSpace(name) ? "operator" : $"operator:{name.Trim()[..Math.Min(name.Trim().Length, 64)]}";
    }
}

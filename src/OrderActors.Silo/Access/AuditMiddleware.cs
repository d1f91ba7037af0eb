using OrderActors.Silo.Api;

namespace OrderActors.Silo.Access;

/// <summary>
/// Records every state-changing call (POST, PUT, PATCH, DELETE) once it is answered: the acting principal, the route
/// as action, its subject, the result. A call without a credential is not recorded (a sign-in that fails is, by the
/// sign-in route itself), so anonymous noise cannot flood the trail.
/// </summary>
public sealed class AuditMiddleware(RequestDelegate next, AuditTrail trail, TimeProvider time)
{
    private const string SubjectItem = "audit.subject";
    private const string TenantItem = "audit.tenant";

    private static readonly string[] SubjectRouteValues = ["orderId", "warehouseId", "externalOrderId", "sku", "platformSkuId", "user", "keyId", "carrier", "channel"];

    /// <summary>Names the subject when the route does not (an intake call's order id is known only once it is mapped).</summary>
    public static void SetSubject(HttpContext context, string subject) => context.Items[SubjectItem] = subject;

    /// <summary>The tenant an access call (sign-in, users, keys) is filed under when it is not the request's own.</summary>
    public static void SetTenant(HttpContext context, string tenant) => context.Items[TenantItem] = tenant;

    public async Task InvokeAsync(HttpContext context)
    {
        if (context.Request.IsSafe())
        {
            await next(context);
            return;
        }
        int status = StatusCodes.Status500InternalServerError;
        try
        {
            await next(context);
            status = context.Response.StatusCode;
        }
        finally
        {
            if (Entry(context, status) is { } entry)
            {
                await trail.RecordAsync(entry);
            }
        }
    }

    private AuditEntry? Entry(HttpContext context, int status)
    {
        HubPrincipal? principal = HubPrincipal.Of(context.User);
        string? tenant = context.Items[TenantItem] as string;
        if (principal is null && tenant is null)
        {
            return null;
        }
        tenant ??= Tenancy.TryOf(context) ?? Roles.AnyTenant;
        string route = (context.GetEndpoint() as RouteEndpoint)?.RoutePattern.RawText ?? context.Request.Path.Value ?? "";
        string result = status switch
        {
            < 400 => "ok",
            StatusCodes.Status401Unauthorized or StatusCodes.Status403Forbidden => "denied",
            < 500 => "refused",
            _ => "failed",
        };
        return new AuditEntry(time.GetUtcNow(), tenant, principal?.Name ?? "anonymous", $"{context.Request.Method} {route}",
            context.Items[SubjectItem] as string ?? SubjectOf(context), result, status);
    }

    private static string SubjectOf(HttpContext context)
    {
        foreach (string name in SubjectRouteValues)
        {
            if (context.Request.RouteValues.TryGetValue(name, out object? value) && value is string id)
            {
                return $"{name switch { "orderId" => "order", "warehouseId" => "warehouse", "externalOrderId" => "platform-order", "platformSkuId" => "platform-sku", "keyId" => "api-key", _ => name }}/{id}";
            }
        }
        return context.Request.Path.Value ?? "";
    }
}

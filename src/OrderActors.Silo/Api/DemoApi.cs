using Microsoft.AspNetCore.Http.HttpResults;
using OrderActors.Silo.Access;
using OrderActors.Silo.Demo;

namespace OrderActors.Silo.Api;

/// <summary>Loads demo data into the tenant (warehouses, catalog, stock, mappings, orders).</summary>
public static class DemoApi
{
    public static IEndpointRouteBuilder MapDemoApi(this IEndpointRouteBuilder app)
    {
        app.MapPost("/api/v1/demo", SeedAsync).WithTags("Admin").RequireAuthorization(Permissions.DemoSeed);
        return app;
    }

    public static async Task<Accepted<DemoResult>> SeedAsync(DemoRequest? body, HttpContext context, DemoData demo)
    {
        int orders = body?.Orders ?? 300;
        var check = new RequestCheck();
        check.Range("orders", orders, 0, 5000);
        check.ThrowIfAny();
        return TypedResults.Accepted("/api/v1/dashboard", await demo.SeedAsync(Tenancy.Of(context), orders));
    }
}

public sealed record DemoRequest(int? Orders);

using System.Security.Claims;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;
using OrderActors.Abstractions.Errors;
using OrderActors.Silo.Access;
using OrderActors.Silo.Api.Contracts;

namespace OrderActors.Silo.Api;

/// <summary>Sign-in (a bearer token, or the admin UI's cookie session), who am I, users, API keys and the audit log.</summary>
public static class AccessApi
{
    private const int MaxNameLength = 64;

    public static IEndpointRouteBuilder MapAccessApi(this IEndpointRouteBuilder app)
    {
        RouteGroupBuilder auth = app.MapGroup("/api/v1/auth").WithTags("Access");
        auth.MapPost("/login", LoginAsync).AllowAnonymous().RequireRateLimiting(AccessSetup.LoginRateLimit);
        auth.MapPost("/session", OpenSessionAsync).AllowAnonymous().RequireRateLimiting(AccessSetup.LoginRateLimit);
        // Cast: a handler taking only HttpContext would otherwise bind as a RequestDelegate and drop its result.
        auth.MapDelete("/session", (Func<HttpContext, Task<NoContent>>)CloseSessionAsync).RequireAuthorization(Permissions.Principal);
        auth.MapGet("/me", Me).RequireAuthorization(Permissions.Principal);

        RouteGroupBuilder users = app.MapGroup("/api/v1/users").WithTags("Access").RequireAuthorization(Permissions.AccessAdmin);
        users.MapGet("/", ListUsersAsync);
        users.MapPut("/{user}", PutUserAsync);

        RouteGroupBuilder keys = app.MapGroup("/api/v1/api-keys").WithTags("Access").RequireAuthorization(Permissions.AccessAdmin);
        keys.MapGet("/", ListKeysAsync);
        keys.MapPost("/", CreateKeyAsync);
        keys.MapDelete("/{keyId}", RevokeKeyAsync);

        app.MapGet("/api/v1/audit-log", AuditLogAsync).WithTags("Access").RequireAuthorization(Permissions.AuditRead);
        return app;
    }

    public static async Task<Results<Ok<LoginResponse>, ProblemHttpResult>> LoginAsync(LoginRequest body, HttpContext context, SignIn signIn, TokenIssuer tokens)
    {
        SignInResult result = await CheckAsync(body, context, signIn);
        if (result is not SignInResult.Success { Principal: var principal })
        {
            return RefusedSignIn(context, result);
        }
        (string token, DateTimeOffset expires) = tokens.Issue(principal);
        return TypedResults.Ok(new LoginResponse(principal.Name, token, expires, principal.Roles, principal.Tenants));
    }

    public static async Task<Results<Ok<SessionResponse>, ProblemHttpResult>> OpenSessionAsync(
        LoginRequest body, HttpContext context, SignIn signIn, IOptions<AccessOptions> options, TimeProvider time)
    {
        SignInResult result = await CheckAsync(body, context, signIn);
        if (result is not SignInResult.Success { Principal: var principal })
        {
            return RefusedSignIn(context, result);
        }
        DateTimeOffset expires = time.GetUtcNow().Add(options.Value.SessionLifetime);
        await context.SignInAsync(AccessSetup.SessionScheme, new ClaimsPrincipal(principal.ToIdentity(HubPrincipal.SessionAuthentication)),
            new AuthenticationProperties { IsPersistent = false, ExpiresUtc = expires });
        return TypedResults.Ok(new SessionResponse(principal.Name, expires, principal.Roles, principal.Tenants));
    }

    public static async Task<NoContent> CloseSessionAsync(HttpContext context)
    {
        await context.SignOutAsync(AccessSetup.SessionScheme);
        return TypedResults.NoContent();
    }

    public static Ok<MeResponse> Me(HttpContext context, IAntiforgery antiforgery)
    {
        HubPrincipal principal = HubPrincipal.Of(context.User)!;
        string? csrf = context.User.Identity?.AuthenticationType == HubPrincipal.SessionAuthentication
            ? antiforgery.GetAndStoreTokens(context).RequestToken
            : null;
        return TypedResults.Ok(new MeResponse(principal.Name, principal.Kind, principal.Roles, principal.Tenants, Tenancy.Of(context),
            Permissions.Of(principal), csrf));
    }

    public static async Task<Ok<ItemsResponse<UserResponse>>> ListUsersAsync(HttpContext context, IAccessStore store)
    {
        HubPrincipal principal = HubPrincipal.Of(context.User)!;
        IReadOnlyList<UserRecord> users = await store.ListUsersAsync();
        return TypedResults.Ok(new ItemsResponse<UserResponse>(users
            .Where(u => principal.HoldsAnyTenant || u.Tenants.All(principal.Holds))
            .Select(u => new UserResponse(u.User, u.Roles, u.Tenants, u.CreatedAt)).ToList()));
    }

    public static async Task<Ok<UserResponse>> PutUserAsync(string user, UserRequest body, HttpContext context, IAccessStore store)
    {
        var check = new RequestCheck();
        string name = check.Id("user", user);
        check.MaxLength("user", name, MaxNameLength);
        if (body.Password is { } password && password.Length < SignIn.MinimumPasswordLength)
        {
            check.Add("password", $"A password has at least {SignIn.MinimumPasswordLength} characters.");
        }
        List<string> roles = CheckRoles(check, body.Roles);
        List<string> tenants = CheckTenants(check, body.Tenants);
        check.ThrowIfAny();
        MayGrant(context, tenants);
        AuditMiddleware.SetTenant(context, Roles.AnyTenant);
        UserRecord? existing = await store.FindUserAsync(name);
        if (existing is not null)
        {
            MayGrant(context, existing.Tenants);
        }
        if (!await store.UpsertUserAsync(name, body.Password is null ? null : SignIn.Hash(body.Password), roles, tenants))
        {
            throw new RequestValidationException("password", "A new user needs a password.");
        }
        return TypedResults.Ok(new UserResponse(name, roles, tenants, existing?.CreatedAt));
    }

    public static async Task<Ok<ItemsResponse<ApiKeyResponse>>> ListKeysAsync(HttpContext context, IAccessStore store)
    {
        HubPrincipal principal = HubPrincipal.Of(context.User)!;
        IReadOnlyList<ApiKeyRecord> keys = await store.ListApiKeysAsync();
        return TypedResults.Ok(new ItemsResponse<ApiKeyResponse>(keys
            .Where(k => principal.Holds(k.Tenant))
            .Select(k => new ApiKeyResponse(k.KeyId, k.Name, k.Roles, k.Tenant, k.CreatedAt, k.RevokedAt)).ToList()));
    }

    public static async Task<Created<ApiKeyCreated>> CreateKeyAsync(ApiKeyRequest body, HttpContext context, IAccessStore store, TimeProvider time)
    {
        var check = new RequestCheck();
        string name = check.Required("name", body.Name);
        check.MaxLength("name", name, MaxNameLength);
        List<string> roles = CheckRoles(check, body.Roles);
        string tenant = body.Tenant ?? Tenancy.Of(context);
        if (tenant != Roles.AnyTenant && !Tenancy.IsTenantName(tenant))
        {
            check.Add("tenant", "A tenant is 1–32 lower-case letters, digits or '-', or '*' for every tenant.");
        }
        check.ThrowIfAny();
        MayGrant(context, [tenant]);
        AuditMiddleware.SetTenant(context, Roles.AnyTenant);
        (string keyId, string key, byte[] hash) = ApiKeys.Generate();
        await store.CreateApiKeyAsync(new ApiKeyRecord(keyId, name, hash, roles, tenant, HubPrincipal.Of(context.User)!.Name, time.GetUtcNow(), null));
        AuditMiddleware.SetSubject(context, $"api-key/{keyId}");
        return TypedResults.Created($"/api/v1/api-keys/{keyId}", new ApiKeyCreated(keyId, key, name, roles, tenant));
    }

    public static async Task<NoContent> RevokeKeyAsync(string keyId, HttpContext context, IAccessStore store, ApiKeyCache cache, TimeProvider time)
    {
        ApiKeyRecord key = await store.FindApiKeyAsync(keyId) ?? throw new NotFoundException($"There is no API key {keyId}.");
        MayGrant(context, [key.Tenant]);
        AuditMiddleware.SetTenant(context, Roles.AnyTenant);
        await store.RevokeApiKeyAsync(keyId, time.GetUtcNow());
        cache.Evict(keyId);
        return TypedResults.NoContent();
    }

    public static async Task<Ok<AuditLogResponse>> AuditLogAsync(
        HttpContext context, IAccessStore store, string? subject, string? actor, DateTimeOffset? from, DateTimeOffset? to, int? page, int? pageSize)
    {
        var check = new RequestCheck();
        int pageNumber = page ?? 1;
        int size = pageSize ?? 50;
        check.Range("page", pageNumber, 1, int.MaxValue);
        check.Range("pageSize", size, 1, 500);
        check.ThrowIfAny();
        HubPrincipal principal = HubPrincipal.Of(context.User)!;
        List<string> tenants = [Tenancy.Of(context)];
        if (principal.HoldsAnyTenant)
        {
            tenants.Add(Roles.AnyTenant);
        }
        AuditPage result = await store.ReadAuditAsync(new AuditQuery(tenants, Blank(subject), Blank(actor), from, to, pageNumber, size));
        return TypedResults.Ok(new AuditLogResponse(
            result.Items.Select(e => new AuditItem(e.At, e.Actor, e.Action, e.Subject, e.Result, e.Status)).ToList(), pageNumber, size, result.Total));
    }

    /// <summary>Checks the password; a success acts as the user from here on (the audit entry names it).</summary>
    private static async Task<SignInResult> CheckAsync(LoginRequest body, HttpContext context, SignIn signIn)
    {
        var check = new RequestCheck();
        string user = check.Required("user", body.User);
        check.Required("password", body.Password);
        check.ThrowIfAny();
        AuditMiddleware.SetTenant(context, Roles.AnyTenant);
        AuditMiddleware.SetSubject(context, $"user/{user}");
        SignInResult result = await signIn.CheckAsync(user, body.Password!);
        if (result is SignInResult.Success success)
        {
            context.User = new ClaimsPrincipal(success.Principal.ToIdentity("password"));
        }
        return result;
    }

    private static ProblemHttpResult RefusedSignIn(HttpContext context, SignInResult result)
    {
        if (result is SignInResult.Locked locked)
        {
            int seconds = context.SetRetryAfter(locked.RetryAfter);
            return TypedResults.Problem(statusCode: StatusCodes.Status429TooManyRequests, title: "Too many failed sign-ins",
                detail: $"This user is locked after repeated wrong passwords; try again in {seconds} s.");
        }
        context.Response.Headers.WWWAuthenticate = "Bearer";
        return TypedResults.Problem(statusCode: StatusCodes.Status401Unauthorized, title: "Sign-in failed", detail: "Wrong user name or password.");
    }

    private static List<string> CheckRoles(RequestCheck check, List<string>? roles)
    {
        if (roles is null or [])
        {
            check.Add("roles", "At least one role is required.");
            return [];
        }
        foreach (string role in roles)
        {
            if (Roles.Invalid(role) is { } problem)
            {
                check.Add("roles", problem);
            }
        }
        return roles.Distinct(StringComparer.Ordinal).ToList();
    }

    private static List<string> CheckTenants(RequestCheck check, List<string>? tenants)
    {
        if (tenants is null or [])
        {
            check.Add("tenants", "At least one tenant is required ('*' for every tenant).");
            return [];
        }
        foreach (string tenant in tenants.Where(t => t != Roles.AnyTenant && !Tenancy.IsTenantName(t)))
        {
            check.Add("tenants", $"'{tenant}': a tenant is 1–32 lower-case letters, digits or '-', or '*'.");
        }
        return tenants.Distinct(StringComparer.Ordinal).ToList();
    }

    /// <summary>An admin grants only tenants it holds itself: an admin of one tenant cannot make a principal of another.</summary>
    private static void MayGrant(HttpContext context, IEnumerable<string> tenants)
    {
        HubPrincipal principal = HubPrincipal.Of(context.User)!;
        foreach (string tenant in tenants)
        {
            if (tenant == Roles.AnyTenant ? !principal.HoldsAnyTenant : !principal.Holds(tenant))
            {
                throw new TenantForbiddenException(tenant);
            }
        }
    }

    private static string? Blank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}

using System.Threading.RateLimiting;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Options;
using Npgsql;
using OrderActors.Abstractions.Orders;
using OrderActors.Silo.Api;
using OrderActors.Silo.Tracking;

namespace OrderActors.Silo.Access;

/// <summary>
/// Who may call what. One default scheme picks the credential a request carries: an API key or a JWT as
/// <c>Authorization: Bearer</c>, else, on the channel intake routes, the platform's signature, else the admin UI's
/// cookie session. Every route names a policy from
/// <see cref="Permissions"/>; a route that names none still needs a principal (the fallback policy).
/// </summary>
public static class AccessSetup
{
    public const string DefaultScheme = "hub";
    public const string SessionScheme = "session";
    public const string SessionCookie = "oa_session";
    public const string LoginRateLimit = "login";
    public const string IntakeRateLimit = "intake";

    public static WebApplicationBuilder AddOrderHubAccess(this WebApplicationBuilder builder, bool postgres)
    {
        IServiceCollection services = builder.Services;
        AccessOptions configured = builder.Configuration.GetSection("Access").Get<AccessOptions>() ?? new AccessOptions();
        services.Configure<AccessOptions>(builder.Configuration.GetSection("Access"));
        if (postgres)
        {
            services.AddSingleton<IAccessStore>(sp => new PostgresAccessStore(sp.GetRequiredService<NpgsqlDataSource>()));
        }
        else
        {
            services.AddSingleton<IAccessStore, MemoryAccessStore>();
        }
        services.AddMemoryCache();
        services.AddSingleton<ApiKeyCache>();
        services.AddSingleton<SigningKey>();
        services.AddSingleton<TokenIssuer>();
        services.AddSingleton<SignIn>();
        services.AddSingleton<AuditTrail>();
        services.AddHostedService(sp => sp.GetRequiredService<AuditTrail>());
        services.AddHostedService<AdminBootstrap>();
        // The cookie session and the CSRF tokens survive restarts and are shared by silos that share the data directory.
        services.AddDataProtection()
            .SetApplicationName("OrderActors")
            .PersistKeysToFileSystem(new DirectoryInfo(Path.Combine(DataDirectory.Of(configured), "keys")));
        services.AddAntiforgery(o =>
        {
            o.HeaderName = CsrfCheck.Header;
            o.Cookie.Name = "oa_csrf";
            o.Cookie.SameSite = SameSiteMode.Strict;
        });

        services.AddAuthentication(DefaultScheme)
            .AddPolicyScheme(DefaultScheme, "Bearer token, API key or session", o => o.ForwardDefaultSelector = SchemeOf)
            .AddJwtBearer(o => o.MapInboundClaims = false)
            .AddScheme<AuthenticationSchemeOptions, ApiKeyAuthentication>(ApiKeyAuthentication.SchemeName, null)
            .AddScheme<AuthenticationSchemeOptions, PushAuthentication>(PushAuthentication.SchemeName, null)
            .AddCookie(SessionScheme, o =>
            {
                o.Cookie.Name = SessionCookie;
                o.Cookie.HttpOnly = true;
                o.Cookie.SameSite = SameSiteMode.Strict;
                o.ExpireTimeSpan = configured.SessionLifetime;
                o.SlidingExpiration = true;
                // An API answers 401/403; the admin UI goes to its sign-in page itself.
                o.Events.OnRedirectToLogin = context => Refuse(context.HttpContext, StatusCodes.Status401Unauthorized);
                o.Events.OnRedirectToAccessDenied = context => Refuse(context.HttpContext, StatusCodes.Status403Forbidden);
            });
        services.AddOptions<JwtBearerOptions>(JwtBearerDefaults.AuthenticationScheme)
            .Configure<TokenIssuer>((o, issuer) => o.TokenValidationParameters = issuer.ValidationParameters());

        services.AddAuthorization(o =>
        {
            foreach (string permission in Permissions.All.Where(p => p is not (Permissions.Intake or Permissions.ClusterAdmin)))
            {
                o.AddPolicy(permission, p => p.RequireAuthenticatedUser().RequireAssertion(c => Permissions.Allows(permission, RolesOf(c))));
            }
            o.AddPolicy(Permissions.Intake, p => p.RequireAuthenticatedUser().RequireAssertion(c =>
                c.Resource is HttpContext http && ChannelNames.TryParse(http.GetRouteValue("channel") as string, out Channel channel)
                    ? Permissions.AllowsIntake(channel, RolesOf(c))
                    : RolesOf(c).Contains(Roles.Admin)));
            o.AddPolicy(Permissions.ClusterAdmin, p => p.RequireAuthenticatedUser().RequireAssertion(c =>
                HubPrincipal.Of(c.User) is { } principal && Permissions.AllowsCluster(principal)));
            o.FallbackPolicy = new AuthorizationPolicyBuilder().RequireAuthenticatedUser().Build();
        });

        services.AddSingleton<IAuthorizationMiddlewareResultHandler, ForbiddenDetail>();
        services.AddRateLimiter(o =>
        {
            o.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            o.OnRejected = (context, _) => new ValueTask(TrackingPage.Handles(context.HttpContext)
                ? TrackingPage.TooManyAsync(context.HttpContext)
                : TooManyAsync(context.HttpContext, context.Lease.TryGetMetadata(MetadataName.RetryAfter, out TimeSpan retry) ? retry : TimeSpan.FromSeconds(1)));
            o.AddPolicy(LoginRateLimit, http => RateLimitPartition.GetFixedWindowLimiter(
                http.Connection.RemoteIpAddress?.ToString() ?? "unknown",
                _ => new FixedWindowRateLimiterOptions { PermitLimit = OptionsOf(http).LoginAttemptsPerMinute, Window = TimeSpan.FromMinutes(1), QueueLimit = 0 }));
            o.AddPolicy(IntakeRateLimit, http => RateLimitPartition.GetTokenBucketLimiter(
                HubPrincipal.Of(http.User) is { } principal
                    ? $"{principal.Name}@{string.Join(',', principal.Tenants)}"
                    : http.Connection.RemoteIpAddress?.ToString() ?? "unknown",
                _ => new TokenBucketRateLimiterOptions
                {
                    TokenLimit = OptionsOf(http).IntakeBurst,
                    TokensPerPeriod = OptionsOf(http).IntakePermitsPerSecond,
                    ReplenishmentPeriod = TimeSpan.FromSeconds(1),
                    QueueLimit = 0,
                }));
        });
        return builder;
    }

    /// <summary>Authentication, the audit trail, authorization and the CSRF check, in that order (after routing).</summary>
    public static WebApplication UseOrderHubAccess(this WebApplication app)
    {
        app.UseAuthentication();
        app.UseRateLimiter();
        app.UseMiddleware<AuditMiddleware>();
        app.UseAuthorization();
        app.UseMiddleware<CsrfCheck>();
        return app;
    }

    /// <summary>Writes a 429 problem with Retry-After in whole seconds.</summary>
    public static Task TooManyAsync(HttpContext context, TimeSpan retryAfter)
    {
        int seconds = context.SetRetryAfter(retryAfter);
        return context.WriteProblemAsync(StatusCodes.Status429TooManyRequests, "Too many requests", $"Try again in {seconds} s.");
    }

    /// <summary>A bearer credential wins (a push that also carries a signature is then not checked against it).</summary>
    private static string SchemeOf(HttpContext context) => BearerToken.Of(context.Request) switch
    {
        { } token when ApiKeys.LooksLikeKey(token) => ApiKeyAuthentication.SchemeName,
        not null => JwtBearerDefaults.AuthenticationScheme,
        null when PushAuthentication.Applies(context) => PushAuthentication.SchemeName,
        null => SessionScheme,
    };

    private static Task Refuse(HttpContext context, int status)
    {
        context.Response.StatusCode = status;
        if (status == StatusCodes.Status401Unauthorized)
        {
            context.Response.Headers.WWWAuthenticate = "Bearer";
        }
        return Task.CompletedTask;
    }

    private static List<string> RolesOf(AuthorizationHandlerContext context) =>
        context.User.FindAll(HubPrincipal.RoleClaim).Select(c => c.Value).ToList();

    private static AccessOptions OptionsOf(HttpContext http) => http.RequestServices.GetRequiredService<IOptions<AccessOptions>>().Value;
}

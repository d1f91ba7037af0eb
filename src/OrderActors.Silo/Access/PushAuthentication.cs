using System.Security.Claims;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Http.Extensions;
using Microsoft.Extensions.Options;
using OrderActors.Abstractions.Orders;
using OrderActors.Connectors.Pull;
using OrderActors.Connectors.Push;
using OrderActors.Silo.Api;

namespace OrderActors.Silo.Access;

/// <summary>
/// A channel push without a bearer credential is verified the way its platform signs it (OrderActors.Connectors.Push,
/// against <c>Channels:{channel}:Shops</c>): a valid signature acts as that channel's connector in the shop's tenant;
/// a bad one is 401 naming why, before anything is read or stored. A push carrying no signature at all gets the
/// ordinary 401 (no credential). A nonce (the mini-program's) is used once within the replay window, on every silo.
/// </summary>
public sealed partial class PushAuthentication(
    IOptionsMonitor<AuthenticationSchemeOptions> schemeOptions, ILoggerFactory loggers, UrlEncoder encoder,
    IOptions<ChannelPullOptions> channels, IOptions<AccessOptions> access, IAccessStore store, TimeProvider time)
    : AuthenticationHandler<AuthenticationSchemeOptions>(schemeOptions, loggers, encoder)
{
    public const string SchemeName = "PlatformSignature";
    private const string RefusalItem = "access.push-refused";

    /// <summary>Whether the request is a channel push (the intake routes), which this scheme authenticates.</summary>
    public static bool Applies(HttpContext context) =>
        HttpMethods.IsPost(context.Request.Method)
        && context.Request.RouteValues.TryGetValue("channel", out object? channel) && channel is string
        && context.GetEndpoint()?.Metadata.GetMetadata<IntakeRoute>() is not null;

    protected override async Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        if (!ChannelNames.TryParse(Context.Request.RouteValues["channel"] as string, out Channel channel))
        {
            return AuthenticateResult.NoResult();
        }
        Context.Request.EnableBuffering();
        using var buffer = new MemoryStream();
        await Context.Request.Body.CopyToAsync(buffer, Context.RequestAborted);
        Context.Request.Body.Position = 0;
        PushRequest push = PushRequest.Create(channel, Request.Method, new Uri(Request.GetDisplayUrl()),
            Request.Headers.Select(h => KeyValuePair.Create(h.Key, h.Value.ToString())), Request.ContentType, buffer.ToArray());
        DateTimeOffset now = time.GetUtcNow();
        TimeSpan window = access.Value.PushReplayWindow;
        switch (PushVerifier.Verify(push, channels.Value.Shops(channel), now, window))
        {
            case PushVerdict.Refused refused:
                return Refuse(channel, refused.Reason);
            case PushVerdict.Verified verified:
                if (verified.Nonce is { } nonce && !await store.UseNonceAsync(channel.ToRouteName(), nonce, now.Add(window)))
                {
                    return Refuse(channel, $"nonce {nonce} was already used within the replay window");
                }
                var principal = new HubPrincipal($"platform:{channel.ToRouteName()}", HubPrincipal.PlatformKind, [Roles.Connector(channel)], [verified.Tenant]);
                return AuthenticateResult.Success(new AuthenticationTicket(new ClaimsPrincipal(principal.ToIdentity(SchemeName)), SchemeName));
            default:
                return AuthenticateResult.NoResult();
        }
    }

    protected override async Task HandleChallengeAsync(AuthenticationProperties properties)
    {
        Response.StatusCode = StatusCodes.Status401Unauthorized;
        Response.Headers.WWWAuthenticate = "Bearer";
        if (Context.Items[RefusalItem] is string reason)
        {
            await Context.WriteProblemAsync(StatusCodes.Status401Unauthorized, "Push signature refused", reason);
        }
    }

    private AuthenticateResult Refuse(Channel channel, string reason)
    {
        Context.Items[RefusalItem] = reason;
        LogRefused(Logger, channel.ToRouteName(), reason);
        return AuthenticateResult.Fail(reason);
    }

    [LoggerMessage(EventId = 3440, Level = LogLevel.Warning, Message = "Signed {Channel} push refused: {Reason}")]
    private static partial void LogRefused(ILogger logger, string channel, string reason);
}

/// <summary>Marks the channel intake routes, whose pushes may be signed by the platform instead of carrying a credential.</summary>
public sealed class IntakeRoute;

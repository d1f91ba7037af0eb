using System.CommandLine;
using OrderActors.Cli.Access;
using OrderActors.Cli.Http;

namespace OrderActors.Cli.Commands;

/// <summary>The options every command takes: which server, which tenant, which credential, and raw JSON instead of tables.</summary>
public sealed class GlobalOptions(CliEnvironment environment)
{
    public const string ServerVariable = "ORDERACTORS_SERVER";
    public const string DefaultServer = "http://127.0.0.1:5080";

    public Option<string> Server { get; } = ServerOption(environment);

    /// <summary>
    /// Not on the root like the others but on each command that acts in a tenant (<see cref="HubAction"/> adds it):
    /// <c>user set</c> and <c>apikey create</c> have a <c>--tenant</c> of their own, the tenants they grant.
    /// </summary>
    public Option<string?> Tenant { get; } = new("--tenant")
    {
        Description = "The tenant to act in (X-Tenant header), one your credential holds; without it, its first ('default' for a credential of every tenant).",
        HelpName = "TENANT",
    };

    public Option<string?> Token { get; } = new("--token")
    {
        Description = $"An access token or API key to send as the bearer credential. Default: ${Access.Credential.TokenVariable}, else the sign-in of orderactors login for this server.",
        HelpName = "TOKEN",
        Recursive = true,
    };

    public Option<bool> Json { get; } = new("--json")
    {
        Description = "Print the server's JSON as received instead of tables.",
        Recursive = true,
    };

    /// <summary>Where orderactors login keeps its sign-in.</summary>
    public CredentialStore Store => CredentialStore.For(environment);

    public void AddTo(RootCommand root)
    {
        root.Options.Add(Server);
        root.Options.Add(Token);
        root.Options.Add(Json);
    }

    public Uri ServerUri(ParseResult parse) => ParseServer(parse.GetValue(Server)) ?? new Uri(DefaultServer);

    /// <summary>The credential this command line sends: --token, else ORDERACTORS_TOKEN, else the stored sign-in.</summary>
    public Credential Credential(ParseResult parse) =>
        Access.Credential.Resolve(parse.GetValue(Token), environment, Store, ServerUri(parse), DateTimeOffset.UtcNow);

    /// <summary>The hub settings for a parsed command line; <paramref name="change"/> adds the idempotency key.</summary>
    public HubSettings Settings(ParseResult parse, Credential credential, ChangeOptions? change) =>
        new(ServerUri(parse), parse.GetValue(Tenant), credential, change?.IdempotencyKey(parse));

    private static Option<string> ServerOption(CliEnvironment environment)
    {
        var server = new Option<string>("--server")
        {
            Description = $"The silo's base URL; ${ServerVariable} sets the default.",
            HelpName = "URL",
            Recursive = true,
            DefaultValueFactory = _ => environment[ServerVariable] ?? DefaultServer,
        };
        server.Validators.Add(result =>
        {
            if (ParseServer(result.GetValueOrDefault<string>()) is null)
            {
                result.AddError("--server must be an http:// or https:// URL, e.g. http://127.0.0.1:5080.");
            }
        });
        return server;
    }

    private static Uri? ParseServer(string? text) =>
        Uri.TryCreate(text, UriKind.Absolute, out Uri? uri) && (uri.Scheme == Uri.UriSchemeHttp || uri.Scheme == Uri.UriSchemeHttps) ? uri : null;
}

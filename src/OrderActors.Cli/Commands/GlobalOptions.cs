using System.CommandLine;
using OrderActors.Cli.Http;

namespace OrderActors.Cli.Commands;

/// <summary>The options every command takes: which server, which tenant, and raw JSON instead of tables.</summary>
public sealed class GlobalOptions
{
    public const string ServerVariable = "ORDERACTORS_SERVER";
    public const string DefaultServer = "http://127.0.0.1:5080";

    public Option<string> Server { get; } = new("--server")
    {
        Description = $"The silo's base URL; ${ServerVariable} sets the default.",
        HelpName = "URL",
        Recursive = true,
        DefaultValueFactory = _ => Environment.GetEnvironmentVariable(ServerVariable) is { Length: > 0 } fromEnvironment ? fromEnvironment : DefaultServer,
    };

    public Option<string?> Tenant { get; } = new("--tenant")
    {
        Description = "The tenant (X-Tenant header); the server uses 'default' without it.",
        HelpName = "TENANT",
        Recursive = true,
    };

    public Option<bool> Json { get; } = new("--json")
    {
        Description = "Print the server's JSON as received instead of tables.",
        Recursive = true,
    };

    public GlobalOptions()
    {
        Server.Validators.Add(result =>
        {
            if (ParseServer(result.GetValueOrDefault<string>()) is null)
            {
                result.AddError("--server must be an http:// or https:// URL, e.g. http://127.0.0.1:5080.");
            }
        });
    }

    public void AddTo(RootCommand root)
    {
        root.Options.Add(Server);
        root.Options.Add(Tenant);
        root.Options.Add(Json);
    }

    /// <summary>The hub settings for a parsed command line; <paramref name="change"/> adds the operator and idempotency key.</summary>
    public HubSettings Settings(ParseResult parse, ChangeOptions? change) =>
        new(ParseServer(parse.GetValue(Server)) ?? new Uri(DefaultServer), parse.GetValue(Tenant), change?.Operator(parse), change?.IdempotencyKey(parse));

    private static Uri? ParseServer(string? text) =>
        Uri.TryCreate(text, UriKind.Absolute, out Uri? uri) && (uri.Scheme == Uri.UriSchemeHttp || uri.Scheme == Uri.UriSchemeHttps) ? uri : null;
}

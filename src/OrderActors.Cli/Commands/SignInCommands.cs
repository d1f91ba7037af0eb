using System.CommandLine;
using System.Text.Json.Nodes;
using OrderActors.Cli.Access;
using OrderActors.Cli.Http;
using OrderActors.Cli.Output;

namespace OrderActors.Cli.Commands;

/// <summary><c>login</c>, <c>logout</c>, <c>whoami</c>: the sign-in kept between commands.</summary>
public static class SignInCommands
{
    public static IEnumerable<Command> Create(CommandScope scope) => [Login(scope), Logout(scope), WhoAmI(scope)];

    private static Command Login(CommandScope scope)
    {
        var user = new Option<string?>("--user") { Description = "Who signs in; asked for at a terminal when left out.", HelpName = "USER" };
        var command = new Command("login",
            "Sign in: exchange a user and password for an access token, kept (owner-only) for the following commands at this server.") { user };
        var password = new PasswordInput(command);
        command.SetSignInAction(scope, async (context, cancellationToken) =>
        {
            string? name = context.Value(user) ?? context.Console.Prompt?.Ask("User 用户:");
            if (name is not { Length: > 0 })
            {
                return context.Usage("--user is needed when standard input is not a terminal.");
            }
            string? secret = password.FromStdin(context.Parse)
                ? await PasswordInput.ReadStdinAsync(context.Console, cancellationToken)
                : context.Console.Prompt?.AskSecret($"Password for {name} 密码:");
            if (secret is null)
            {
                return context.Usage(password.FromStdin(context.Parse)
                    ? "--password-stdin: standard input held no password."
                    : "standard input is not a terminal, so the password cannot be asked for: pipe it in with --password-stdin.");
            }
            HubResponse response = await context.Hub.PostAsync("/api/v1/auth/login", new { user = name, password = secret }, cancellationToken);
            SignIn signIn = response.Read<SignIn>();
            context.Store.Save(new StoredCredential(StoredCredential.Key(context.Hub.Server), signIn.User, signIn.AccessToken, signIn.ExpiresAt));
            if (context.Json)
            {
                JsonObject shown = JsonNode.Parse(response.Body)!.AsObject();
                shown.Remove("accessToken");
                context.Console.Output.WriteLine(shown.ToJsonString());
            }
            else
            {
                AccessViews.SignedIn(context.Output, context.Hub.Server, signIn, context.Store.FilePath!);
            }
            if (scope.Globals.Credential(context.Parse) is { Token: { } sent } credential && sent != signIn.AccessToken)
            {
                ProblemWriter.Write(context.Console.Error, $"note: {credential.Source} is sent instead of this sign-in while it is set.");
            }
            return ExitCodes.Ok;
        });
        return command;
    }

    private static Command Logout(CommandScope scope)
    {
        var command = new Command("logout", "Sign out: remove the kept sign-in. The token is not revoked; it stops working when it expires.");
        command.SetHubAction(scope, (context, _) =>
        {
            StoredCredential? stored = Stored(context.Store);
            string path = context.Store.FilePath ?? "credentials.json";
            context.Output.Line(!context.Store.Delete()
                ? $"Not signed in (no {path})."
                : stored is null
                    ? $"Signed out: removed {path}."
                    : $"Signed out of {stored.Server} as {stored.User}: removed {path}.");
            return Task.FromResult(ExitCodes.Ok);
        });
        return command;
    }

    private static Command WhoAmI(CommandScope scope)
    {
        var command = new Command("whoami", "Who the credential is: user or API key, roles, tenants, the tenant commands act in, permissions, expiry.");
        command.SetHubAction(scope, async (context, cancellationToken) =>
            context.Show<Principal>(await context.Hub.GetAsync("/api/v1/auth/me", cancellationToken),
                (output, principal) => AccessViews.WhoAmI(output, principal, context.Credential)));
        return command;
    }

    /// <summary>The sign-in about to be removed, to name it; an unreadable one is removed all the same.</summary>
    private static StoredCredential? Stored(CredentialStore store)
    {
        try
        {
            return store.Load();
        }
        catch (CredentialStoreException)
        {
            return null;
        }
    }
}

using System.CommandLine;
using OrderActors.Cli.Http;
using OrderActors.Cli.Output;

namespace OrderActors.Cli.Commands;

/// <summary><c>apikey create | list | revoke</c>: credentials for machines (connectors, scripts, the load test; admin only).</summary>
public static class ApiKeyCommands
{
    public static Command Create(CommandScope scope)
    {
        var group = new Command("apikey", "API keys for machines (admin): connectors, scripts, the load test.");
        group.Subcommands.Add(CreateKey(scope));
        group.Subcommands.Add(List(scope));
        group.Subcommands.Add(Revoke(scope));
        return group;
    }

    private static Command CreateKey(CommandScope scope)
    {
        var name = new Option<string>("--name") { Description = "What the key is for, e.g. 'taobao connector'.", HelpName = "NAME", Required = true };
        Option<string[]> roles = AccessOptions.Roles();
        var tenant = new Option<string>("--tenant") { Description = "The tenant the key acts in.", HelpName = "TENANT", Required = true };
        var command = new Command("create", "Create an API key and print it; it is shown this once only.") { name, roles, tenant };
        var change = new ChangeOptions(command);
        command.SetHubAction(scope, async (context, cancellationToken) =>
        {
            HubResponse response = await context.Hub.PostAsync("/api/v1/api-keys",
                new { name = context.Value(name), roles = context.Value(roles), tenant = context.Value(tenant) }, cancellationToken);
            CreatedApiKey key = response.Read<CreatedApiKey>();
            context.Show(response, key, AccessViews.KeyCreated);
            if (context.Json)
            {
                ProblemWriter.Write(context.Console.Error, AccessViews.ShownOnce);
            }
            return ExitCodes.Ok;
        }, change);
        return command;
    }

    private static Command List(CommandScope scope)
    {
        var command = new Command("list", "Every API key (never the key itself): name, roles, tenant, created, revoked.");
        command.SetHubAction(scope, async (context, cancellationToken) =>
            context.Show<ApiKeyList>(await context.Hub.GetAsync("/api/v1/api-keys", cancellationToken), AccessViews.Keys));
        return command;
    }

    private static Command Revoke(CommandScope scope)
    {
        var keyId = new Argument<string>("KEYID") { Description = "The key's id, as apikey list shows it (not the key)." };
        var command = new Command("revoke", "Revoke an API key: the server refuses it from now on.") { keyId };
        command.SetHubAction(scope, async (context, cancellationToken) =>
        {
            string id = context.Value(keyId);
            await context.Hub.DeleteAsync($"/api/v1/api-keys/{HubClient.Segment(id)}", cancellationToken);
            context.Output.Line($"Revoked {id}.", Tone.Good);
            return ExitCodes.Ok;
        });
        return command;
    }
}

using System.CommandLine;
using OrderActors.Cli.Http;
using OrderActors.Cli.Output;

namespace OrderActors.Cli.Commands;

/// <summary><c>user set | list</c>: the people who sign in, their roles and tenants (admin only).</summary>
public static class UserCommands
{
    public static Command Create(CommandScope scope)
    {
        var group = new Command("user", "Users who sign in (admin): their roles and tenants.");
        group.Subcommands.Add(Set(scope));
        group.Subcommands.Add(List(scope));
        return group;
    }

    private static Command Set(CommandScope scope)
    {
        var name = new Argument<string>("NAME") { Description = "The name the user signs in with." };
        Option<string[]> roles = AccessOptions.Roles();
        var tenants = new Option<string[]>("--tenant")
        {
            Description = "A tenant the user may act in, '*' for every tenant; repeat for several. Replaces the user's tenants.",
            HelpName = "TENANT",
            Required = true,
            Arity = ArgumentArity.OneOrMore,
        };
        var command = new Command("set",
            "Create a user or replace their roles and tenants; at a terminal it asks for a new password (Enter keeps the current one).") { name, roles, tenants };
        var password = new PasswordInput(command);
        var change = new ChangeOptions(command);
        command.SetHubAction(scope, async (context, cancellationToken) =>
        {
            string user = context.Value(name);
            string? secret;
            if (password.FromStdin(context.Parse))
            {
                secret = await PasswordInput.ReadStdinAsync(context.Console, cancellationToken);
                if (secret is null)
                {
                    return context.Usage("--password-stdin: standard input held no password.");
                }
            }
            else if (context.Console.Prompt is { } prompt && prompt.AskSecret($"New password for {user} (Enter keeps the current one) 新密码:", allowEmpty: true) is { Length: > 0 } typed)
            {
                if (prompt.AskSecret("Again 再输一次:", allowEmpty: true) != typed)
                {
                    return context.Usage("the two passwords differ; nothing was changed.");
                }
                secret = typed;
            }
            else
            {
                secret = null;
            }
            HubResponse response = await context.Hub.PutAsync($"/api/v1/users/{HubClient.Segment(user)}",
                new { password = secret, roles = context.Value(roles), tenants = context.Value(tenants) }, cancellationToken);
            return context.Show<UserAccount>(response, AccessViews.UserSaved);
        }, change);
        return command;
    }

    private static Command List(CommandScope scope)
    {
        var command = new Command("list", "Every user with their roles and tenants.");
        command.SetHubAction(scope, async (context, cancellationToken) =>
            context.Show<UserList>(await context.Hub.GetAsync("/api/v1/users", cancellationToken), AccessViews.Users));
        return command;
    }
}

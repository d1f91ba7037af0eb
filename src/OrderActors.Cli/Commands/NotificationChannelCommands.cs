using System.CommandLine;
using System.CommandLine.Parsing;
using OrderActors.Cli.Http;
using OrderActors.Cli.Output;

namespace OrderActors.Cli.Commands;

/// <summary>
/// <c>notification channel list | set | delete</c>: where a tenant's notifications go. The server never returns a
/// channel's secret, and nothing here prints the one it was given.
/// </summary>
public static class NotificationChannelCommands
{
    /// <summary>The channel kinds as the API spells them.</summary>
    public static readonly string[] Kinds = ["wecom", "feishu", "dingtalk", "sms", "webhook"];

    public static Command Create(CommandScope scope)
    {
        var group = new Command("channel", "Notification channels (通知渠道): group robots, SMS and webhooks, and the events each takes.");
        group.Subcommands.Add(List(scope));
        group.Subcommands.Add(Set(scope));
        group.Subcommands.Add(Delete(scope));
        return group;
    }

    private static Command List(CommandScope scope)
    {
        var command = new Command("list", "Every notification channel: kind, URL (tokens masked), whether a secret is set, events, settings.");
        command.SetHubAction(scope, async (context, cancellationToken) =>
            context.Show<NotificationChannelList>(await context.Hub.GetAsync("/api/v1/notification-channels", cancellationToken), NotificationViews.Channels));
        return command;
    }

    private static Command Set(CommandScope scope)
    {
        var name = new Argument<string>("NAME") { Description = "The channel's name: letters, digits, _ . : - (at most 64), e.g. ops-wecom." };
        var kind = new Option<string>("--kind")
        {
            Description = "wecom (企业微信群机器人), feishu (飞书), dingtalk (钉钉), sms (短信), webhook (your own endpoint, signed).",
            HelpName = "KIND",
            Required = true,
        };
        kind.AcceptOnlyFromAmong(Kinds);
        var url = new Option<string>("--url") { Description = "The robot's webhook URL, the SMS provider's endpoint, or your endpoint.", HelpName = "URL", Required = true };
        var events = new Option<string[]>("--event")
        {
            Description = "An event the channel takes: order.shipped, unpaid.reminder, breaker.tripped, or * for all; repeat for several.",
            HelpName = "EVENT",
            Required = true,
            Arity = ArgumentArity.OneOrMore,
        };
        var settings = new Option<IReadOnlyDictionary<string, string>>("--setting")
        {
            Description = "A setting as KEY=VALUE, e.g. msgtype=text, signName=某某商城, accessKeyId=…, template.order.shipped=SMS_123; repeat for several.",
            HelpName = "KEY=VALUE",
            Arity = ArgumentArity.OneOrMore,
            CustomParser = ParseSettings,
        };
        var command = new Command("set",
            "Create a notification channel or replace it. The secret comes from --secret-stdin or --secret, or is asked for at a terminal; it is never printed.")
        {
            name, kind, url, events, settings,
        };
        var secret = new SecretInput(command);
        var change = new ChangeOptions(command);
        command.SetHubAction(scope, async (context, cancellationToken) =>
        {
            string channel = context.Value(name);
            (string? given, string? missing) = await secret.ReadAsync(context, channel, cancellationToken);
            if (missing is not null)
            {
                return context.Usage(missing);
            }
            var body = new
            {
                kind = context.Value(kind),
                url = context.Value(url),
                secret = given,
                events = context.Value(events),
                settings = context.Value(settings) ?? new Dictionary<string, string>(),
            };
            HubResponse response = await context.Hub.PutAsync(Path(channel), body, cancellationToken);
            return context.Show<NotificationChannel>(response, NotificationViews.ChannelSaved);
        }, change);
        return command;
    }

    private static Command Delete(CommandScope scope)
    {
        var name = new Argument<string>("NAME") { Description = "The channel's name, as notification channel list shows it." };
        var command = new Command("delete", "Delete a notification channel: nothing more is sent through it.") { name };
        command.SetHubAction(scope, async (context, cancellationToken) =>
        {
            string channel = context.Value(name);
            await context.Hub.DeleteAsync(Path(channel), cancellationToken);
            context.Output.Line($"Deleted {channel}.", Tone.Good);
            return ExitCodes.Ok;
        });
        return command;
    }

    /// <summary>KEY=VALUE, split at the first '=' (a value may hold one); a key given twice is a usage error, not a silent overwrite.</summary>
    private static IReadOnlyDictionary<string, string> ParseSettings(ArgumentResult result)
    {
        var parsed = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (Token token in result.Tokens)
        {
            int equals = token.Value.IndexOf('=', StringComparison.Ordinal);
            if (equals <= 0 || token.Value[..equals].Trim().Length == 0)
            {
                result.AddError($"--setting '{token.Value}' is not KEY=VALUE, e.g. signName=某某商城.");
            }
            else if (!parsed.TryAdd(token.Value[..equals].Trim(), token.Value[(equals + 1)..]))
            {
                result.AddError($"--setting {token.Value[..equals].Trim()} is given twice.");
            }
        }
        return parsed;
    }

    private static string Path(string name) => $"/api/v1/notification-channels/{HubClient.Segment(name)}";
}

using System.CommandLine;
using OrderActors.Cli.Http;
using OrderActors.Cli.Output;

namespace OrderActors.Cli.Commands;

/// <summary>
/// <c>notification list | counts | retry</c>: the outbox of notifications to group robots, SMS and webhooks; the channels
/// they go to in <see cref="NotificationChannelCommands"/> (<c>notification channel …</c>, since <c>channel</c> names the
/// sales channels).
/// </summary>
public static class NotificationCommands
{
    /// <summary>The outbox statuses as the API spells them.</summary>
    public static readonly string[] Statuses = ["pending", "delivered", "failed"];

    public static Command Create(CommandScope scope)
    {
        var group = new Command("notification", "Notifications (通知) to WeCom, Feishu and DingTalk groups, SMS and webhooks: the outbox, retries, channels.");
        group.Subcommands.Add(List(scope));
        group.Subcommands.Add(Counts(scope));
        group.Subcommands.Add(Retry(scope));
        group.Subcommands.Add(NotificationChannelCommands.Create(scope));
        return group;
    }

    private static Command List(CommandScope scope)
    {
        var status = new Option<string?>("--status")
        {
            Description = "Only this status: pending (待发送, still being tried), delivered (已送达), failed (失败: the dead letter).",
            HelpName = "STATUS",
        };
        status.AcceptOnlyFromAmong(Statuses);
        var channel = new Option<string?>("--channel") { Description = "Only the notifications of this notification channel (its name).", HelpName = "NAME" };
        var page = new Option<int>("--page") { Description = "Page number, from 1 (default 1).", HelpName = "N" };
        var pageSize = new Option<int>("--page-size") { Description = "Notifications per page (default: the server's).", HelpName = "N" };
        var command = new Command("list", "Notifications, newest first: event, subject, channel, status, attempts, the last error, the next attempt or delivery.")
        {
            status, channel, page, pageSize,
        };
        command.SetHubAction(scope, async (context, cancellationToken) =>
        {
            string query = HubClient.Query(
                ("status", context.Value(status)), ("channel", context.Value(channel)),
                ("page", context.QueryValue(page)), ("pageSize", context.QueryValue(pageSize)));
            return context.Show<NotificationPage>(await context.Hub.GetAsync($"/api/v1/notifications{query}", cancellationToken), NotificationViews.List);
        });
        return command;
    }

    private static Command Counts(CommandScope scope)
    {
        var command = new Command("counts", "How many notifications are pending, delivered and failed (dead letters).");
        command.SetHubAction(scope, async (context, cancellationToken) =>
            context.Show<NotificationCounts>(await context.Hub.GetAsync("/api/v1/notifications/counts", cancellationToken), NotificationViews.Counts));
        return command;
    }

    private static Command Retry(CommandScope scope)
    {
        var id = new Argument<long>("NOTIFICATION_ID") { Description = "The notification's id (a number), as notification list shows it." };
        var command = new Command("retry",
            "Send a failed notification (a dead letter) again: it goes back to pending with its attempts reset. Any other status is exit code 4.") { id };
        var change = new ChangeOptions(command);
        command.SetHubAction(scope, async (context, cancellationToken) =>
        {
            HubResponse response = await context.Hub.PostAsync($"/api/v1/notifications/{Labels.Number(context.Value(id))}/retry", null, cancellationToken);
            return context.Show<OutboxNotification>(response, NotificationViews.Show);
        }, change);
        return command;
    }
}

using System.CommandLine;
using OrderActors.Cli.Http;
using OrderActors.Cli.Output;

namespace OrderActors.Cli.Commands;

/// <summary><c>audit-log</c>: the audit trail of state-changing calls (who, what, on what, with what result). Not <c>audit</c>, the stock audit.</summary>
public static class AuditLogCommand
{
    public static Command Create(CommandScope scope)
    {
        var subject = new Option<string?>("--subject") { Description = "Only calls on this subject: an id (WH-HZ, a user name) or kind/id (warehouse/WH-HZ, user/wang, api-key/KEYID).", HelpName = "SUBJECT" };
        var actor = new Option<string?>("--actor") { Description = "Only calls by this principal: a user name, or key:NAME for an API key.", HelpName = "ACTOR" };
        var from = new Option<DateTimeOffset?>("--from") { Description = "Only calls at or after this time, ISO 8601.", HelpName = "TIME" };
        var to = new Option<DateTimeOffset?>("--to") { Description = "Only calls before this time, ISO 8601.", HelpName = "TIME" };
        var page = new Option<int>("--page") { Description = "Page number, from 1 (default 1).", HelpName = "N" };
        var pageSize = new Option<int>("--page-size") { Description = "Entries per page, 1–500 (default 50).", HelpName = "N" };
        var command = new Command("audit-log", "The audit trail (admin, hq), newest first: every state-changing call with its actor, action, subject and result.")
        {
            subject, actor, from, to, page, pageSize,
        };
        command.SetHubAction(scope, async (context, cancellationToken) =>
        {
            string query = HubClient.Query(
                ("subject", context.Value(subject)), ("actor", context.Value(actor)), ("from", context.QueryValue(from)), ("to", context.QueryValue(to)),
                ("page", context.QueryValue(page)), ("pageSize", context.QueryValue(pageSize)));
            return context.Show<AuditLogPage>(await context.Hub.GetAsync($"/api/v1/audit-log{query}", cancellationToken), AccessViews.AuditLog);
        });
        return command;
    }
}

using System.CommandLine;
using OrderActors.Cli.Http;
using OrderActors.Cli.Output;

namespace OrderActors.Cli.Commands;

/// <summary>
/// <c>return list | show | create</c> here; the moves through the lifecycle in <see cref="ReturnMoveCommands"/>, the
/// reason classifier in <see cref="ReturnReasonCommands"/>.
/// </summary>
public static class ReturnCommands
{
    /// <summary>The kinds as the API spells them.</summary>
    public static readonly string[] Kinds = ["return", "exchange", "refund_only"];

    public static Command Create(CommandScope scope)
    {
        var group = new Command("return", "After-sales (售后): returns, exchanges and refunds (RMA), their refunds and return reasons.");
        group.Subcommands.Add(List(scope));
        group.Subcommands.Add(Show(scope));
        group.Subcommands.Add(CreateReturn(scope));
        foreach (Command command in ReturnMoveCommands.Create(scope))
        {
            group.Subcommands.Add(command);
        }
        foreach (Command command in ReturnReasonCommands.Create(scope))
        {
            group.Subcommands.Add(command);
        }
        return group;
    }

    private static Command List(CommandScope scope)
    {
        var status = new Option<string?>("--status") { Description = "Only this status: Requested, Approved, Rejected, Received, Refunded, Closed.", HelpName = "STATUS" };
        var reason = new Option<string?>("--reason") { Description = "Only this reason code, e.g. 包装破损.", HelpName = "CODE" };
        var kind = new Option<string?>("--kind") { Description = "Only this kind: return, exchange, refund_only.", HelpName = "KIND" };
        kind.AcceptOnlyFromAmong(Kinds);
        var order = new Option<string?>("--order") { Description = "Only the returns of this order.", HelpName = "ORDER_ID" };
        var page = new Option<int>("--page") { Description = "Page number, from 1 (default 1).", HelpName = "N" };
        var pageSize = new Option<int>("--page-size") { Description = "Returns per page, 1–200 (default 50).", HelpName = "N" };
        var command = new Command("list", "Returns, newest first, filtered.") { status, reason, kind, order, page, pageSize };
        command.SetHubAction(scope, async (context, cancellationToken) =>
        {
            string query = HubClient.Query(
                ("status", context.Value(status)), ("reasonCode", context.Value(reason)), ("kind", context.Value(kind)),
                ("orderId", context.Value(order)), ("page", context.QueryValue(page)), ("pageSize", context.QueryValue(pageSize)));
            return context.Show<RmaPage>(await context.Hub.GetAsync($"/api/v1/returns{query}", cancellationToken), ReturnViews.List);
        });
        return command;
    }

    private static Command Show(CommandScope scope)
    {
        Argument<string> id = RmaId();
        var command = new Command("show", "One return: its lines, the refund and how it was worked out, the reason and the timeline.") { id };
        command.SetHubAction(scope, async (context, cancellationToken) =>
            context.Show<Rma>(await context.Hub.GetAsync(Path(context.Value(id)), cancellationToken), ReturnViews.Show));
        return command;
    }

    private static Command CreateReturn(CommandScope scope)
    {
        var orderId = new Argument<string>("ORDER_ID") { Description = "The shipped order, e.g. taobao-3961234567890." };
        var kind = new Option<string>("--kind")
        {
            Description = "return (goods and money back), exchange (a replacement order), refund_only (money back, goods stay with the buyer).",
            HelpName = "KIND",
            Required = true,
        };
        kind.AcceptOnlyFromAmong(Kinds);
        Option<IReadOnlyList<ReturnedUnits>> lines = ReturnLineOptions.Returned();
        var reason = new Option<string>("--reason") { Description = "The buyer's words; the classifier reads a reason code from them.", HelpName = "TEXT", Required = true };
        var insurance = new Option<long?>("--insurance-fen")
        {
            Description = "运费险 the insurer pays out for this return, in fen (booked as the merchant's income, not refunded).",
            HelpName = "N",
        };
        var command = new Command("create", "Open a return for a shipped order; prints the RMA with its refund quote.") { orderId, kind, lines, reason, insurance };
        var change = new ChangeOptions(command);
        command.SetHubAction(scope, async (context, cancellationToken) =>
        {
            var body = new
            {
                kind = context.Value(kind),
                lines = context.Value(lines)!.Select(l => new { sku = l.Sku, quantity = l.Quantity }).ToArray(),
                reasonText = context.Value(reason),
                shippingInsuranceFen = context.Value(insurance),
            };
            HubResponse response = await context.Hub.PostAsync($"/api/v1/orders/{HubClient.Segment(context.Value(orderId))}/returns", body, cancellationToken);
            return context.Show<Rma>(response, ReturnViews.Show);
        }, change);
        return command;
    }

    public static Argument<string> RmaId() => new("RMA_ID") { Description = "The RMA id: {orderId}-R{n}, e.g. miniapp-DEMO-0007-R1." };

    public static string Path(string rmaId) => $"/api/v1/returns/{HubClient.Segment(rmaId)}";
}

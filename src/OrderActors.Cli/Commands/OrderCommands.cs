using System.CommandLine;
using OrderActors.Cli.Http;
using OrderActors.Cli.Output;

namespace OrderActors.Cli.Commands;

/// <summary><c>order show | list | cancel | release-hold | receiver</c>.</summary>
public static class OrderCommands
{
    public static Command Create(CommandScope scope)
    {
        var group = new Command("order", "Orders: look one up, list and filter, cancel, release a hold.");
        group.Subcommands.Add(Show(scope));
        group.Subcommands.Add(List(scope));
        group.Subcommands.Add(Cancel(scope));
        group.Subcommands.Add(ReleaseHold(scope));
        group.Subcommands.Add(Receiver(scope));
        return group;
    }

    private static Command Show(CommandScope scope)
    {
        Argument<string> id = OrderId();
        var command = new Command("show", "One order: lines, holds, the timeline (已分仓, 已出库, 在途 …) and why it went to its warehouses.") { id };
        command.SetHubAction(scope, async (context, cancellationToken) =>
            context.Show<Order>(await context.Hub.GetAsync(Path(context.Value(id)), cancellationToken), OrderViews.Show));
        return command;
    }

    private static Command List(CommandScope scope)
    {
        var status = new Option<string?>("--status") { Description = "Only this status: PendingPayment, Paid, Reserved, Allocated, Shipped, InTransit, Delivered, Completed, OnHold, Cancelled, Returning, Refunded.", HelpName = "STATUS" };
        var channel = new Option<string?>("--channel") { Description = "Only this channel: taobao, jd, pdd, douyin, meituan, miniapp.", HelpName = "CHANNEL" };
        var warehouse = new Option<string?>("--warehouse") { Description = "Only orders allocated to this warehouse.", HelpName = "ID" };
        var holdCode = new Option<string?>("--hold-code") { Description = "Only orders held for this reason, e.g. unmapped_sku, out_of_stock, unroutable.", HelpName = "CODE" };
        var page = new Option<int>("--page") { Description = "Page number, from 1 (default 1).", HelpName = "N" };
        var pageSize = new Option<int>("--page-size") { Description = "Orders per page, 1–200 (default 50).", HelpName = "N" };
        var command = new Command("list", "Orders, newest first, filtered (from the order projection).") { status, channel, warehouse, holdCode, page, pageSize };
        command.SetHubAction(scope, async (context, cancellationToken) =>
        {
            string query = HubClient.Query(
                ("status", context.Value(status)), ("channel", context.Value(channel)), ("warehouseId", context.Value(warehouse)),
                ("holdCode", context.Value(holdCode)), ("page", context.QueryValue(page)), ("pageSize", context.QueryValue(pageSize)));
            return context.Show<OrderPage>(await context.Hub.GetAsync($"/api/v1/orders{query}", cancellationToken), OrderViews.List);
        });
        return command;
    }

    private static Command Cancel(CommandScope scope)
    {
        Argument<string> id = OrderId();
        var reason = new Option<string?>("--reason") { Description = "Why, recorded in the order's timeline.", HelpName = "TEXT" };
        var command = new Command("cancel", "Cancel an order; its reserved stock is released.") { id, reason };
        var change = new ChangeOptions(command);
        command.SetHubAction(scope, async (context, cancellationToken) =>
        {
            HubResponse response = await context.Hub.PostAsync($"{Path(context.Value(id))}/cancel", new { reason = context.Value(reason) }, cancellationToken);
            return context.Show<Order>(response, OrderViews.Changed);
        }, change);
        return command;
    }

    private static Command ReleaseHold(CommandScope scope)
    {
        Argument<string> id = OrderId();
        var note = new Option<string?>("--note") { Description = "What was checked or fixed, recorded in the order's timeline.", HelpName = "TEXT" };
        var command = new Command("release-hold", "Clear an order's blocking holds (挂起) and let it continue (allocation, if paid).") { id, note };
        var change = new ChangeOptions(command);
        command.SetHubAction(scope, async (context, cancellationToken) =>
        {
            HubResponse response = await context.Hub.PostAsync($"{Path(context.Value(id))}/release-hold", new { note = context.Value(note) }, cancellationToken);
            return context.Show<Order>(response, OrderViews.Changed);
        }, change);
        return command;
    }

    private static Command Receiver(CommandScope scope)
    {
        Argument<string> id = OrderId();
        var name = new Option<string>("--name") { Description = "The receiver's name as the platform's decrypt API gave it.", HelpName = "NAME", Required = true };
        var phone = new Option<string>("--phone") { Description = "The receiver's phone as decrypted.", HelpName = "PHONE", Required = true };
        var detail = new Option<string>("--detail") { Description = "The street address as decrypted.", HelpName = "TEXT", Required = true };
        var command = new Command("receiver",
            "Post the platform's decrypt result for an order whose receiver came encrypted (pii_encrypted): the order may ship then.") { id, name, phone, detail };
        var change = new ChangeOptions(command);
        command.SetHubAction(scope, async (context, cancellationToken) =>
        {
            HubResponse response = await context.Hub.PostAsync($"{Path(context.Value(id))}/receiver",
                new { name = context.Value(name), phone = context.Value(phone), detail = context.Value(detail) }, cancellationToken);
            return context.Show<Order>(response, OrderViews.Changed);
        }, change);
        return command;
    }

    private static Argument<string> OrderId() => new("ID") { Description = "The order id: {channel}-{platform order id}, e.g. taobao-3961234567890." };

    private static string Path(string orderId) => $"/api/v1/orders/{HubClient.Segment(orderId)}";
}

using Npgsql;
using OrderActors.LoadTest.Engine;
using OrderActors.LoadTest.Traffic;

namespace OrderActors.LoadTest.Naive;

/// <summary>
/// The obvious alternative a merchant's IT would write, driven straight through Npgsql: one transaction per
/// order that picks the warehouse nearest the buyer stocking every SKU, locks those stock rows
/// (SELECT … FOR UPDATE, in SKU order so two orders cannot deadlock), checks them, decrements them and inserts the
/// order and its lines; short stock records the order as out_of_stock. Payments and cancellations lock the order
/// row, then reserve or give back stock the same way.
/// </summary>
public sealed partial class NaiveSqlTarget(NpgsqlDataSource dataSource, StockPlan stock) : ITrafficTarget
{
    public string Name => "naive-sql";

    public async Task<TargetOutcome> SendAsync(TrafficRequest request, CancellationToken cancellationToken)
    {
        try
        {
            await using NpgsqlConnection connection = await dataSource.OpenConnectionAsync(cancellationToken);
            await using NpgsqlTransaction transaction = await connection.BeginTransactionAsync(cancellationToken);
            TargetOutcome outcome = request.Kind switch
            {
                RequestKind.Order or RequestKind.Repost => await PlaceAsync(connection, request.Plan, cancellationToken),
                RequestKind.Pay => await PayAsync(connection, request.Plan, cancellationToken),
                _ => await CancelAsync(connection, request.Plan, cancellationToken),
            };
            if (outcome.Kind == OutcomeKind.Accepted)
            {
                await transaction.CommitAsync(cancellationToken);
            }
            else
            {
                await transaction.RollbackAsync(cancellationToken);
            }
            return outcome;
        }
        catch (PostgresException exception)
        {
            return TargetOutcome.Failure($"PostgreSQL {exception.SqlState}: {exception.MessageText}");
        }
        catch (NpgsqlException exception)
        {
            return TargetOutcome.Failure($"Npgsql: {exception.Message}");
        }
    }

    private async Task<TargetOutcome> PlaceAsync(NpgsqlConnection connection, OrderPlan plan, CancellationToken cancellationToken)
    {
        string status = "pending_payment";
        string? warehouse = null;
        if (plan.PaidAtIntake)
        {
            warehouse = stock.NearestStocking(plan.Receiver.Place, plan.Lines.Select(line => line.Sku));
            status = warehouse is not null && await TryReserveAsync(connection, warehouse, plan.Lines, cancellationToken) ? "reserved" : "out_of_stock";
        }
        bool inserted = await InsertOrderAsync(connection, plan, status, warehouse, cancellationToken);
        return inserted
            ? new TargetOutcome(OutcomeKind.Accepted, OrderId: plan.OrderId, Status: status)
            : new TargetOutcome(OutcomeKind.Duplicate, OrderId: plan.OrderId);
    }

    private async Task<TargetOutcome> PayAsync(NpgsqlConnection connection, OrderPlan plan, CancellationToken cancellationToken)
    {
        string? current = await LockOrderAsync(connection, plan.OrderId, cancellationToken);
        if (current is null)
        {
            return new TargetOutcome(OutcomeKind.Rejected, Detail: "unknown order");
        }
        if (current != "pending_payment")
        {
            return new TargetOutcome(OutcomeKind.Conflict, Status: current);
        }
        string? warehouse = stock.NearestStocking(plan.Receiver.Place, plan.Lines.Select(line => line.Sku));
        string status = warehouse is not null && await TryReserveAsync(connection, warehouse, plan.Lines, cancellationToken) ? "reserved" : "out_of_stock";
        await SetStatusAsync(connection, plan.OrderId, status, warehouse, cancellationToken);
        return new TargetOutcome(OutcomeKind.Accepted, OrderId: plan.OrderId, Status: status);
    }

    private async Task<TargetOutcome> CancelAsync(NpgsqlConnection connection, OrderPlan plan, CancellationToken cancellationToken)
    {
        string? current = await LockOrderAsync(connection, plan.OrderId, cancellationToken);
        if (current is null)
        {
            return new TargetOutcome(OutcomeKind.Rejected, Detail: "unknown order");
        }
        if (current == "cancelled")
        {
            return new TargetOutcome(OutcomeKind.Conflict, Status: current);
        }
        if (current == "reserved")
        {
            await ReleaseAsync(connection, plan.OrderId, cancellationToken);
        }
        await SetStatusAsync(connection, plan.OrderId, "cancelled", warehouse: null, cancellationToken);
        return new TargetOutcome(OutcomeKind.Accepted, OrderId: plan.OrderId, Status: "cancelled");
    }
}

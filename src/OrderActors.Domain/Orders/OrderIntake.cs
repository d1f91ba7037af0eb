using System.Collections.Immutable;
using OrderActors.Abstractions.Orders;
using OrderActors.Domain.Intake;

namespace OrderActors.Domain.Orders;

/// <summary>Builds a new order from a channel order and the verdict of intake validation.</summary>
public static class OrderIntake
{
    /// <param name="coldChainSkus">Master SKUs that are cold-chain goods.</param>
    public static OrderRecord Create(
        string orderId, NormalizedOrder order, IntakeValidation validation, IReadOnlySet<string> coldChainSkus, DateTimeOffset receivedAt)
    {
        OrderStatus initial = order.MappedStatus is OrderStatus.PendingPayment or OrderStatus.Paid or OrderStatus.Cancelled
            ? order.MappedStatus
            : OrderStatus.Paid;
        string source = $"channel:{order.Channel.ToString().ToLowerInvariant()}";
        var lines = validation.Lines.Select((line, index) => new OrderLineRecord
        {
            LineNo = index + 1,
            PlatformSkuId = line.PlatformSkuId,
            MasterSku = line.MasterSku,
            Title = order.Lines[index].Title,
            Variant = order.Lines[index].Variant,
            Quantity = line.Quantity,
            UnitPrice = line.UnitPrice,
            LineDiscount = line.LineDiscount,
            OrderDiscountShare = line.OrderDiscountShare,
            ColdChain = line.MasterSku is not null && coldChainSkus.Contains(line.MasterSku),
            Gift = order.Lines[index].Gift,
        }).ToImmutableList();
        var record = new OrderRecord
        {
            OrderId = orderId,
            Channel = order.Channel,
            ExternalOrderId = order.ExternalOrderId,
            Status = initial,
            PlatformStatus = order.PlatformStatus,
            PlatformStage = order.MappedStatus,
            IsPaid = order.PaidAt is not null || initial == OrderStatus.Paid,
            CreatedAt = order.CreatedAt,
            ReceivedAt = receivedAt,
            PaidAt = order.PaidAt,
            UpdatedAt = receivedAt,
            BuyerId = order.BuyerId,
            Receiver = order.Receiver,
            ShippingAddress = order.ShippingAddress,
            Destination = order.ShippingAddress.Location ?? validation.Address?.Centroid,
            DivisionCode = validation.Address?.Code,
            BuyerNote = order.BuyerNote,
            SellerNote = order.SellerNote,
            Lines = lines,
            GoodsTotal = order.GoodsTotal,
            ShippingFee = order.ShippingFee,
            OrderDiscount = order.OrderDiscount,
            AmountPaid = order.AmountPaid,
            Promotions = [.. order.Promotions],
            Fingerprint = validation.Fingerprint,
            Timeline = [new TimelineEntry(initial, receivedAt, source, $"received from {order.Channel} as {order.PlatformStatus}")],
        };
        if (validation.IsClean || initial == OrderStatus.Cancelled)
        {
            return record;
        }
        return validation.Holds.Any(h => h.Blocking)
            ? OrderCommands.Hold(record, validation.Holds, receivedAt, "intake")
            : OrderCommands.Note(record with { Holds = [.. validation.Holds] }, receivedAt, "intake",
                string.Join("; ", validation.Holds.Select(h => $"{h.Code}: {h.Message}")));
    }
}

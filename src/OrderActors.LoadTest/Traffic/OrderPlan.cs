using OrderActors.Abstractions.Orders;

namespace OrderActors.LoadTest.Traffic;

/// <summary>One line of a simulated order: a master SKU, how many, and the platform's discount on the line in fen.</summary>
public sealed record PlanLine(CatalogSku Sku, int Quantity, long LineDiscountFen)
{
    public long GoodsFen => Sku.UnitPriceFen * Quantity;
}

/// <summary>The buyer and where the parcel goes. The phone is a plain mainland mobile number.</summary>
public sealed record PlanReceiver(string BuyerId, string Name, string Phone, MainlandPlace Place, string StreetDetail);

/// <summary>What the simulated buyer does after placing the order, as delays from its creation; null = never.</summary>
public sealed record PlanFollowUps(TimeSpan? PayAfter, TimeSpan? CancelAfter, TimeSpan? RepostAfter)
{
    public static PlanFollowUps None { get; } = new(null, null, null);
}

/// <summary>
/// A simulated channel order, independent of any platform's format: the payload builders turn it into Taobao's,
/// JD's … JSON and the naive baseline into rows. Amounts are consistent by construction:
/// goods − line discounts − order discount + shipping = paid.
/// </summary>
public sealed record OrderPlan(
    long Sequence,
    int RunTag,
    Channel Channel,
    string ExternalOrderId,
    PlanReceiver Receiver,
    IReadOnlyList<PlanLine> Lines,
    long ShippingFen,
    long OrderDiscountFen,
    DateTimeOffset CreatedAt,
    DateTimeOffset? IntakePaidAt,
    PlanFollowUps FollowUps)
{
    /// <summary>The hub's order id for this order (API.md: {channel}-{externalOrderId}).</summary>
    public string OrderId => $"{Channel.ToRouteName()}-{ExternalOrderId}";

    public long GoodsFen => Lines.Sum(line => line.GoodsFen);

    public long LineDiscountsFen => Lines.Sum(line => line.LineDiscountFen);

    public long PaidFen => GoodsFen - LineDiscountsFen - OrderDiscountFen + ShippingFen;

    /// <summary>True when the platform reports the order already paid (IntakePaidAt is the payment time).</summary>
    public bool PaidAtIntake => IntakePaidAt is not null;
}

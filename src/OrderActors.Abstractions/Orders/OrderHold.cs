using Orleans;

namespace OrderActors.Abstractions.Orders;

/// <summary>
/// Why an order stopped for a person to look at, with a reason code operators filter on. A
/// non-blocking hold (a carrier discrepancy) asks for attention without stopping the flow.
/// </summary>
[GenerateSerializer, Immutable, Alias("oa.OrderHold")]
public sealed record OrderHold(string Code, string Message, DateTimeOffset At, bool Blocking = true);

/// <summary>The reason codes of holds.</summary>
public static class HoldCodes
{
    public const string InvalidPhone = "invalid_phone";
    public const string InvalidDivision = "invalid_division";
    public const string IncompleteAddress = "incomplete_address";
    public const string UnmappedSku = "unmapped_sku";
    public const string SkuVariantMismatch = "sku_variant_mismatch";
    public const string AbnormalAmount = "abnormal_amount";
    public const string PriceDeviation = "price_deviation";
    public const string SuspectedDuplicate = "suspected_duplicate";
    public const string ClockSkew = "clock_skew";
    public const string HighValueApproval = "high_value_approval";
    public const string OutOfStock = "out_of_stock";
    public const string Unroutable = "unroutable";
    public const string CarrierDiscrepancy = "carrier_discrepancy";

    /// <summary>The platform reports a payment for an order the hub had already cancelled (the unpaid timeout, say): refund or reinstate it.</summary>
    public const string PaidAfterCancel = "paid_after_cancel";

    /// <summary>The receiver came as platform ciphertext: the order is allocated by its divisions, shipping waits for the decrypt result.</summary>
    public const string PiiEncrypted = "pii_encrypted";

    /// <summary>The platform status is missing or not in the channel's status table.</summary>
    public const string UnknownStatus = "unknown_status";

    /// <summary>A business field the connector could not read (a time, a text of the wrong type).</summary>
    public const string UnreadableField = "unreadable_field";

    /// <summary>A coupon or discount entry of a shape the connector does not know.</summary>
    public const string UnknownCoupon = "unknown_coupon";
}

namespace OrderActors.Abstractions.Orders;

/// <summary>
/// Why an order stopped for a person to look at, with a reason code operators filter on. A
/// non-blocking hold (a carrier discrepancy) asks for attention without stopping the flow.
/// </summary>
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
}

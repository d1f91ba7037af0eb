using OrderActors.Abstractions.Common;
using OrderActors.Abstractions.Errors;

namespace OrderActors.Domain.AfterSales;

/// <summary>运费险: the insurer's payout is the merchant's income, booked once per order and never part of the buyer's refund.</summary>
internal static class ShippingInsurance
{
    public static void Validate(Money claimed)
    {
        if (claimed.Fen < 0)
        {
            throw new CommandValidationException("shippingInsuranceFen", $"the 运费险 payout {Yuan.Of(claimed)} must not be negative");
        }
    }

    public static void Apply(RefundContext context, Money claimed, QuoteDraft draft)
    {
        if (claimed.Fen == 0)
        {
            return;
        }
        if (context.Before.InsuranceBooked)
        {
            draft.Explain($"运费险 {Yuan.Of(claimed)} not booked: this order's 运费险 was booked with an earlier return");
            return;
        }
        draft.Insurance = claimed;
        draft.Explain($"运费险 {Yuan.Of(claimed)} booked as the merchant's income (paid by the insurer, not by us)");
    }
}

using OrderActors.Abstractions.Orders;
using OrderActors.Domain.Addresses;

namespace OrderActors.Domain.Intake;

/// <summary>
/// The intake rules every new channel order passes before stock is reserved. Pure: findings become holds with
/// reason codes (<see cref="HoldCodes"/>), never exceptions, so a grain can store the order and its holds together.
/// </summary>
public static class IntakeValidator
{
    /// <summary>Checks the order against the tenant's mappings and rules; see <see cref="IntakeValidation"/>.</summary>
    public static IntakeValidation Validate(NormalizedOrder order, IntakeContext context)
    {
        var holds = new HoldCollector(context.ReceivedAt);
        foreach (IntakeFinding finding in order.Findings)
        {
            holds.Add(finding.Code, $"{finding.Field}: {finding.Message}");
        }
        ReceiverRules.CheckName(order, holds);
        ReceiverRules.CheckPhone(order, holds);
        ResolvedDivision? address = ReceiverRules.CheckAddress(order, context.Divisions, holds);
        AmountRules.Check(order, context.Rules, holds);
        IReadOnlyList<MappedOrderLine> lines = MapLines(order, context, holds);
        CheckTiming(order, context, holds);
        string fingerprint = DuplicateFingerprint.Compute(order);
        if (order.ReplacementFor is null && DuplicateFingerprint.IsSuspectedDuplicate(context.FingerprintLastSeenAt, context.ReceivedAt, context.Rules.DuplicateWindow))
        {
            holds.Add(HoldCodes.SuspectedDuplicate,
                $"the same buyer ordered the same items to the same address at {context.FingerprintLastSeenAt:u}");
        }
        return new IntakeValidation(holds.ToHolds(), lines, address, fingerprint);
    }

    private static IReadOnlyList<MappedOrderLine> MapLines(NormalizedOrder order, IntakeContext context, HoldCollector holds)
    {
        try
        {
            return LineRules.MapLines(order, context, holds);
        }
        catch (OverflowException)
        {
            holds.Add(HoldCodes.AbnormalAmount, "the line amounts are too large to add up");
            return [];
        }
    }

    private static void CheckTiming(NormalizedOrder order, IntakeContext context, HoldCollector holds)
    {
        if (order.ClientSubmittedAt is not { } submitted)
        {
            return;
        }
        TimeSpan skew = (context.ReceivedAt - submitted).Duration();
        if (skew > context.Rules.ClockSkewLimit)
        {
            holds.Add(HoldCodes.ClockSkew,
                $"the client says it submitted at {submitted:O}, {skew.TotalSeconds:F1} s from our {context.ReceivedAt:O}");
        }
    }
}

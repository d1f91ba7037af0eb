using OrderActors.Abstractions.Orders;
using OrderActors.Domain.Tests.Support;

namespace OrderActors.Domain.Tests.Intake;

/// <summary>Issue 13: a hold names its first few findings and counts the rest, so it stays short however many lines it is about.</summary>
public sealed class HoldMessageTests
{
    [Fact]
    public void FiveHundredUnmappedLinesGiveOneShortHoldThatCountsTheRest()
    {
        NormalizedOrderLine[] lines = Enumerable.Range(1, 500).Select(i => OrderBuilder.Line($"UNMAPPED-{i:D4}", 100, 1)).ToArray();
        NormalizedOrder order = new OrderBuilder().WithLines(lines).Build();

        OrderHold hold = Assert.Single(Support.Intake.Validate(order).Holds, h => h.Code == HoldCodes.UnmappedSku);

        Assert.Contains("UNMAPPED-0005", hold.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("UNMAPPED-0006", hold.Message, StringComparison.Ordinal);
        Assert.EndsWith("; and 495 more", hold.Message, StringComparison.Ordinal);
        Assert.True(hold.Message.Length < 600, $"{hold.Message.Length} characters: {hold.Message}");
    }

    [Fact]
    public void FiveFindingsAreAllNamed()
    {
        NormalizedOrderLine[] lines = Enumerable.Range(1, 5).Select(i => OrderBuilder.Line($"UNMAPPED-{i:D4}", 100, 1)).ToArray();
        NormalizedOrder order = new OrderBuilder().WithLines(lines).Build();

        OrderHold hold = Assert.Single(Support.Intake.Validate(order).Holds, h => h.Code == HoldCodes.UnmappedSku);

        Assert.Contains("UNMAPPED-0005", hold.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("more", hold.Message, StringComparison.Ordinal);
    }
}

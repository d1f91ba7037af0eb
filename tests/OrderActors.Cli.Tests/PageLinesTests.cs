using OrderActors.Cli.Output;

namespace OrderActors.Cli.Tests;

/// <summary>What every list command prints around a page: no server needed.</summary>
public sealed class PageLinesTests
{
    [Fact]
    public void AnEmptyPageOfNoMatchesSaysSo()
    {
        var (output, text) = Plain();
        Assert.True(PageLines.Empty(output, count: 0, page: 1, total: 0, "No orders match.", "orders"));
        Assert.Equal("No orders match.", text.ToString().TrimEnd());
    }

    [Fact]
    public void AnEmptyPagePastTheLastSaysHowManyThereAre()
    {
        var (output, text) = Plain();
        Assert.True(PageLines.Empty(output, count: 0, page: 9, total: 130, "No orders match.", "orders"));
        Assert.Equal("Page 9 is past the last of 130 orders.", text.ToString().TrimEnd());
    }

    [Fact]
    public void APageWithRowsIsNotEmptyAndPrintsNothing()
    {
        var (output, text) = Plain();
        Assert.False(PageLines.Empty(output, count: 3, page: 1, total: 3, "No orders match.", "orders"));
        Assert.Equal("", text.ToString());
    }

    [Theory]
    [InlineData(2, 20, 130, "Page 2/7 · 130 orders")]
    [InlineData(1, 20, 20, "Page 1/1 · 20 orders")]
    [InlineData(1, 20, 21, "Page 1/2 · 21 orders")]
    public void TheFooterCountsWholePages(int page, int pageSize, long total, string expected)
    {
        var (output, text) = Plain();
        PageLines.Footer(output, page, pageSize, total, "orders");
        Assert.Equal(expected, text.ToString().TrimEnd());
    }

    private static (IOutput Output, StringWriter Text) Plain()
    {
        var text = new StringWriter();
        return (new PlainOutput(text), text);
    }
}

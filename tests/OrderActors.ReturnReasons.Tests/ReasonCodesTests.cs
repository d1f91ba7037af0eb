namespace OrderActors.ReturnReasons.Tests;

public sealed class ReasonCodesTests
{
    [Fact]
    public void ThePoolIsTheIssuesListInItsOrder() =>
        Assert.Equal(
            ["质量问题", "发错货", "少件漏发", "尺寸不符", "与描述不符", "包装破损", "物流损毁", "口味不符", "不喜欢/不想要", "过敏不适", "其他"],
            ReasonCodes.All);

    [Theory]
    [InlineData("包装破损", true)]
    [InlineData("不喜欢/不想要", true)]
    [InlineData("其他", true)]
    [InlineData("不喜欢", false)]
    [InlineData(" 其他", false)]
    [InlineData("", false)]
    [InlineData(null, false)]
    public void OnlyTheExactCodesAreKnown(string? code, bool known) => Assert.Equal(known, ReasonCodes.IsKnown(code));
}

using OrderActors.LoadTest.Metrics;

namespace OrderActors.LoadTest.Tests.Metrics;

public sealed class ProblemSamplesTests
{
    [Fact]
    public void ReasonsAreCountedAndMobileNumbersInThemMasked()
    {
        var problems = new ProblemSamples();

        problems.Add("order 400: receiver 13812345678 rejected");
        problems.Add("order 400: receiver 13812345678 rejected");

        Assert.Equal(new Dictionary<string, long> { ["order 400: receiver 138****5678 rejected"] = 2 }, problems.Counts);
    }

    [Fact]
    public void BeyondTheLimitNewReasonsAreCountedTogether()
    {
        var problems = new ProblemSamples();

        for (int i = 0; i < 100; i++)
        {
            problems.Add($"pay 500: reason {i}");
        }

        Assert.Equal(31, problems.Counts.Count);
        Assert.Equal(70, problems.Counts["(other)"]);
        Assert.Equal(100, problems.Counts.Values.Sum());
    }
}

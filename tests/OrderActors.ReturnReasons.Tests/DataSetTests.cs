using System.Text.RegularExpressions;

namespace OrderActors.ReturnReasons.Tests;

public sealed partial class DataSetTests
{
    private readonly ReasonDataSet _data = ReasonDataSet.Load();

    [Fact]
    public void TheShippedSetHasOver1200RowsAndAboutAQuarterHeldOut()
    {
        int total = _data.Train.Count + _data.Test.Count;
        Assert.True(total >= 1200, $"{total} rows");
        Assert.InRange((double)_data.Test.Count / total, 0.20, 0.26);
    }

    [Fact]
    public void EveryCodeOfThePoolHasEnoughRowsInBothSplits()
    {
        foreach (string code in ReasonCodes.All)
        {
            int train = _data.Train.Count(row => row.ReasonCode == code);
            int test = _data.Test.Count(row => row.ReasonCode == code);
            Assert.True(train >= 70 && test >= 20, $"{code}: {train} train, {test} test");
        }
    }

    [Fact]
    public void EveryRowHasACodeOfThePoolAndText()
    {
        Assert.All(_data.Train.Concat(_data.Test), row =>
        {
            Assert.True(ReasonCodes.IsKnown(row.ReasonCode), row.ReasonCode);
            Assert.False(string.IsNullOrWhiteSpace(row.Text));
        });
    }

    [Fact]
    public void NoTestRowEqualsATrainRowOnceSpacesAndPunctuationAreIgnored()
    {
        var train = _data.Train.Select(row => Bare(row.Text)).ToHashSet(StringComparer.Ordinal);
        Assert.DoesNotContain(_data.Test, row => train.Contains(Bare(row.Text)));
    }

    [Fact]
    public void NoTestRowIsANearCopyOfATrainRow()
    {
        // Jaccard similarity of character bigrams: a reworded copy ("猫不吃这个口味" / "狗不吃这个口味") scores
        // well above one half; the closest honest pair in the shipped set scores 0.40.
        var train = _data.Train.Select(row => (row.Text, Grams: Bigrams(row.Text))).ToList();
        foreach (LabelledReason test in _data.Test)
        {
            HashSet<string> grams = Bigrams(test.Text);
            (string Text, double Similarity) closest = train
                .Select(row => (row.Text, Similarity: Jaccard(grams, row.Grams)))
                .MaxBy(pair => pair.Similarity);
            Assert.True(closest.Similarity < 0.5, $"\"{test.Text}\" is close to the train row \"{closest.Text}\" ({closest.Similarity:F2})");
        }
    }

    [Fact]
    public void TheNearCopyMeasureCatchesARewording() =>
        Assert.True(Jaccard(Bigrams("我家猫不吃这个口味"), Bigrams("我家狗不吃这个口味")) >= 0.5);

    [Theory]
    [InlineData("text\treasonCode\tsplit\n坏了\t坏掉了\ttrain\n", "not a reason code")]
    [InlineData("text\treasonCode\tsplit\n坏了\t质量问题\tvalidation\n", "the split must be")]
    [InlineData("坏了\t质量问题\ttrain\n", "header")]
    [InlineData("text\treasonCode\tsplit\n坏了\t质量问题\n", "expected a text")]
    public void AMalformedFileIsRefusedWithItsLine(string tsv, string message)
    {
        var error = Assert.Throws<FormatException>(() => ReasonDataSet.Parse(new StringReader(tsv)));
        Assert.Contains(message, error.Message);
    }

    [Fact]
    public void CommentLinesAreSkipped()
    {
        ReasonDataSet parsed = ReasonDataSet.Parse(new StringReader("# made by hand\ntext\treasonCode\tsplit\n# a note\n坏了\t质量问题\ttest\n"));
        Assert.Equal([new LabelledReason("坏了", ReasonCodes.Quality)], parsed.Test);
        Assert.Empty(parsed.Train);
    }

    private static string Bare(string text) => NotLetterOrDigit().Replace(text.ToLowerInvariant(), "");

    private static HashSet<string> Bigrams(string text)
    {
        string bare = Bare(text);
        var grams = new HashSet<string>(StringComparer.Ordinal);
        for (int i = 0; i + 2 <= bare.Length; i++)
        {
            grams.Add(bare.Substring(i, 2));
        }
        if (grams.Count == 0)
        {
            grams.Add(bare);
        }
        return grams;
    }

    private static double Jaccard(HashSet<string> a, HashSet<string> b) =>
        (double)a.Count(b.Contains) / a.Union(b).Count();

    [GeneratedRegex(@"[^\p{L}\p{Nd}]+")]
    private static partial Regex NotLetterOrDigit();
}

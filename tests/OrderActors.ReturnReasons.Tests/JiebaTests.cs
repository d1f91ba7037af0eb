using OrderActors.ReturnReasons.Text;

namespace OrderActors.ReturnReasons.Tests;

public sealed class JiebaTests
{
    [Fact]
    public void TheDictionaryFilesAreCopiedIntoAReferencingProjectsOutput()
    {
        string directory = Path.Combine(AppContext.BaseDirectory, "jieba");
        Assert.All(JiebaWords.RequiredFiles, file => Assert.True(File.Exists(Path.Combine(directory, file)), file));
        Assert.Equal(Path.GetFullPath(directory), Path.GetFullPath(JiebaWords.ResourceDirectory));
    }

    [Theory]
    [InlineData("七天无理由退货", "退货")]
    [InlineData("快递盒压扁了", "快递盒")]
    [InlineData("不想要了", "不想要")]
    [InlineData("赠品漏发了", "漏发")]
    public void TextIsCutIntoWords(string text, string word) => Assert.Contains(word, JiebaWords.Cut(text));

    [Fact]
    public void FeaturesAreWordsAndCharacterGramsWithinRuns()
    {
        List<string> features = ReasonFeatures.Extract("不想要，ＯＫ");
        Assert.Contains("w:不想要", features);
        Assert.Contains("c:不想要", features);
        Assert.Contains("c:ok", features);
        Assert.DoesNotContain(features, feature => feature.Contains('，') || feature.Contains(','));
        Assert.DoesNotContain("c:要o", features);
    }
}

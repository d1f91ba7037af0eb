using OrderActors.ReturnReasons.Tests.Support;

namespace OrderActors.ReturnReasons.Tests;

[Collection(BaseModelCollection.Name)]
public sealed class ClassifyTests(BaseModel baseModel)
{
    private readonly ReasonModel _model = baseModel.Model;

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("\t\r\n")]
    [InlineData("。。。！！")]
    public void TextWithNothingToReadIsOtherWithNoConfidence(string text)
    {
        ReasonPrediction prediction = _model.Classify(text);
        Assert.Equal((ReasonCodes.Other, 0.0, "v0-test"), (prediction.ReasonCode, prediction.Confidence, prediction.ModelVersion));
        Assert.Empty(prediction.Ranking);
    }

    [Fact]
    public void TextOfOnlyUnseenCharactersIsOtherWithNoConfidence()
    {
        ReasonPrediction prediction = _model.Classify("ㅋㅋㅋ ㅠㅠ");
        Assert.Equal((ReasonCodes.Other, 0.0), (prediction.ReasonCode, prediction.Confidence));
    }

    [Fact]
    public void NullTextIsTreatedAsEmpty() =>
        Assert.Equal(ReasonCodes.Other, _model.Classify(null!).ReasonCode);

    [Fact]
    public void AFiveThousandCharacterTextIsClassified()
    {
        string text = string.Concat(Enumerable.Repeat("鞋子小了一码，挤脚😣 ", 500))[..5000];
        Assert.Equal(5000, text.Length);
        ReasonPrediction prediction = _model.Classify(text);
        Assert.Equal(ReasonCodes.WrongSize, prediction.ReasonCode);
    }

    [Fact]
    public void ALoneSurrogateAtTheCutDoesNotBreakClassification()
    {
        string text = new string('坏', 3999) + "\ud83d" + "坏了";
        Assert.True(ReasonCodes.IsKnown(_model.Classify(text).ReasonCode));
    }

    [Fact]
    public void TheRankingIsADistributionOverThePoolBestFirst()
    {
        ReasonPrediction prediction = _model.Classify("洗了一次就掉色");
        Assert.Equal(ReasonCodes.All.Order(), prediction.Ranking.Select(pair => pair.Code).Order());
        Assert.Equal(1.0, prediction.Ranking.Sum(pair => pair.Probability), 6);
        Assert.Equal(prediction.Ranking.OrderByDescending(pair => pair.Probability).Select(pair => pair.Probability),
            prediction.Ranking.Select(pair => pair.Probability));
        Assert.Equal((prediction.ReasonCode, prediction.Confidence), prediction.Ranking[0]);
    }

    [Fact]
    public void FullWidthAndCaseDoNotChangeTheAnswer() =>
        Assert.Equal(_model.Classify("size太小，穿不上").Ranking, _model.Classify("ＳＩＺＥ太小，穿不上").Ranking);

    [Fact]
    public void ManyThreadsClassifyingAtOnceGetWhatOneThreadGets()
    {
        var texts = baseModel.Data.Test.Select(row => row.Text).ToArray();
        var expected = texts.Select(text => _model.Classify(text)).ToArray();
        var actual = new ReasonPrediction[8][];
        using var start = new Barrier(actual.Length);
        var threads = Enumerable.Range(0, actual.Length).Select(t => new Thread(() =>
        {
            start.SignalAndWait();
            // Each thread walks the texts from its own offset, so different texts are in flight together.
            var mine = new ReasonPrediction[texts.Length];
            for (int k = 0; k < texts.Length; k++)
            {
                int i = (k + t * 37) % texts.Length;
                mine[i] = _model.Classify(texts[i]);
            }
            actual[t] = mine;
        })).ToList();
        threads.ForEach(thread => thread.Start());
        threads.ForEach(thread => thread.Join());
        Assert.All(actual, run => Assert.Equal(
            expected.Select(p => (p.ReasonCode, p.Confidence)),
            run.Select(p => (p.ReasonCode, p.Confidence))));
    }
}

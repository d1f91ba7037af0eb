using OrderActors.ReturnReasons.Tests.Support;

namespace OrderActors.ReturnReasons.Tests;

[Collection(BaseModelCollection.Name)]
public sealed class CorrectionTests(BaseModel baseModel)
{
    // 临期 (near its sell-by date) is nowhere in the shipped rows; an operator files it under 质量问题.
    private const string Probe = "收到的是临期货";

    private static readonly LabelledReason[] s_nearExpiry =
    [
        new("收到的牛奶是临期的", ReasonCodes.Quality),
        new("寄来的零食都是临期货", ReasonCodes.Quality),
        new("收到的面包临期，后天就过期", ReasonCodes.Quality),
        new("临期商品还按原价卖", ReasonCodes.Quality),
        new("发的是临期品，下周就到期", ReasonCodes.Quality),
    ];

    [Fact]
    public void CorrectionsOfSimilarPhrasesMoveAPhraseTheBaseModelGetsWrong()
    {
        Assert.Equal(ReasonCodes.WrongItem, baseModel.Model.Classify(Probe).ReasonCode);

        ReasonModel corrected = ReasonTrainer.Train(s_nearExpiry, "v1-test");

        Assert.Equal(ReasonCodes.Quality, corrected.Classify(Probe).ReasonCode);
    }

    [Fact]
    public void ACorrectionCountsForMoreThanAShippedRow()
    {
        // The same rows counted once each do not outvote what the shipped rows taught.
        var once = baseModel.Data.Train.Select(row => new WeightedReason(row, 1f))
            .Concat(s_nearExpiry.Select(row => new WeightedReason(row, 1f)))
            .ToList();
        ReasonModel counted = ReasonModel.Train(once, "v1-once");
        ReasonModel weighted = ReasonTrainer.Train(s_nearExpiry, "v1-weighted");
        double onceProbability = Probability(counted.Classify(Probe), ReasonCodes.Quality);
        double weightedProbability = Probability(weighted.Classify(Probe), ReasonCodes.Quality);
        Assert.True(weightedProbability > onceProbability, $"{weightedProbability:F2} vs {onceProbability:F2}");
    }

    [Fact]
    public void CorrectionsDoNotCostTheHeldOutRows()
    {
        ReasonModel corrected = ReasonTrainer.Train(s_nearExpiry, "v1-test");
        double before = ReasonEvaluation.Evaluate(baseModel.Model, baseModel.Data.Test).Accuracy;
        double after = ReasonEvaluation.Evaluate(corrected, baseModel.Data.Test).Accuracy;
        Assert.True(after >= before - 0.01, $"{after:P1} after the corrections, {before:P1} before");
    }

    [Fact]
    public void TheTrainerLearnsFromTheShippedRowsAndTheUsableCorrectionsUnderTheVersionItIsGiven()
    {
        LabelledReason[] corrections = [.. s_nearExpiry, new("  ", ReasonCodes.Other)];
        ReasonModel model = ReasonTrainer.Train(corrections, "r3-abc123");
        int expected = baseModel.Data.Train.Count + s_nearExpiry.Length;
        Assert.Equal(("r3-abc123", expected), (model.ModelVersion, model.TrainingCount));
        Assert.Equal("r3-abc123", model.Classify(Probe).ModelVersion);
    }

    [Fact]
    public void ACorrectionWithACodeOutsideThePoolIsRefused() =>
        Assert.Throws<ArgumentException>(() => ReasonTrainer.Train([new LabelledReason("临期了", "临期")], "v1"));

    private static double Probability(ReasonPrediction prediction, string code) =>
        prediction.Ranking.Single(pair => pair.Code == code).Probability;
}

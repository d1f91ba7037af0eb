using System.Diagnostics;
using OrderActors.ReturnReasons.Learning;
using OrderActors.ReturnReasons.Tests.Support;
using OrderActors.ReturnReasons.Text;
using Xunit.Abstractions;

namespace OrderActors.ReturnReasons.Tests;

[Collection(BaseModelCollection.Name)]
public sealed class TrainingTests(BaseModel baseModel, ITestOutputHelper output)
{
    [Fact]
    public void TheSameExamplesTrainTheSameModel()
    {
        ReasonModel again = ReasonModel.Train(baseModel.Data.Train, "v0-again");
        foreach (LabelledReason row in baseModel.Data.Test)
        {
            Assert.Equal(baseModel.Model.Classify(row.Text).Ranking, again.Classify(row.Text).Ranking);
        }
    }

    [Fact]
    public void TheCopiedWeightsScoreExactlyAsMlNetDoes()
    {
        var features = baseModel.Data.Train.Select(row => ReasonFeatures.Extract(row.Text)).ToList();
        FeatureSpace space = FeatureSpace.Build(features);
        var classes = baseModel.Data.Train.Select(row => ReasonCodes.All.ToList().IndexOf(row.ReasonCode)).ToList();
        var (scores, mlNet) = MaxEntLearner.FitKeepingMlNet(features.Select(space.Vectorize).ToList(), classes,
            Enumerable.Repeat(1f, classes.Count).ToList(), space.Count, new LearnerSettings());
        var test = baseModel.Data.Test.Select(row => space.Vectorize(ReasonFeatures.Extract(row.Text))).ToList();
        float[][] expected = mlNet(test);
        for (int i = 0; i < test.Count; i++)
        {
            double[] ours = scores.Probabilities(test[i]);
            for (int c = 0; c < ours.Length; c++)
            {
                Assert.Equal(expected[i][c], ours[c], tolerance: 1e-5);
            }
        }
    }

    [Fact]
    public void ThreeThousandExamplesTrainInWellUnderTenSeconds()
    {
        // The shipped rows three times over, each copy with its own suffix: a corrections table grown large.
        string[] suffixes = ["", "，麻烦处理", "，谢谢"];
        var examples = suffixes
            .SelectMany(suffix => baseModel.Data.Train.Concat(baseModel.Data.Test).Select(row => row with { Text = row.Text + suffix }))
            .Take(3000)
            .ToList();
        ReasonFeatures.Extract("预热分词词典");
        var clock = Stopwatch.StartNew();
        ReasonModel model = ReasonModel.Train(examples, "v1-3000");
        clock.Stop();
        output.WriteLine($"{examples.Count} examples, {model.FeatureCount} features: {clock.Elapsed.TotalSeconds:F2} s");
        output.WriteLine($"the shipped train split ({baseModel.Model.TrainingCount} rows): {baseModel.Model.TrainingTime.TotalSeconds:F2} s, including jieba's first load");
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(10), $"training took {clock.Elapsed.TotalSeconds:F1} s");
    }

    [Fact]
    public void ACodeOutsideThePoolIsRefused() =>
        Assert.Throws<ArgumentException>(() => ReasonModel.Train([new LabelledReason("坏了", "坏掉")], "v1"));

    [Fact]
    public void NothingToTrainOnIsRefused() =>
        Assert.Throws<ArgumentException>(() => ReasonModel.Train(Array.Empty<LabelledReason>(), "v1"));

    [Theory]
    [InlineData(0f)]
    [InlineData(-1f)]
    [InlineData(float.NaN)]
    public void AWeightThatIsNotPositiveIsRefused(float weight) =>
        Assert.Throws<ArgumentException>(() => ReasonModel.Train([new WeightedReason(new LabelledReason("坏了", ReasonCodes.Quality), weight)], "v1"));

    [Fact]
    public void TrainingTextsWithoutFeaturesStillGiveAModelThatAnswersOtherWithNoConfidence()
    {
        ReasonModel model = ReasonModel.Train([new LabelledReason("。。。", ReasonCodes.Other), new LabelledReason("！", ReasonCodes.Quality)], "v1");
        ReasonPrediction prediction = model.Classify("坏了");
        Assert.Equal((ReasonCodes.Other, 0.0), (prediction.ReasonCode, prediction.Confidence));
        Assert.Empty(prediction.Ranking);
    }
}

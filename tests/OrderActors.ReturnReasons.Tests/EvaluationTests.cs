namespace OrderActors.ReturnReasons.Tests;

public sealed class EvaluationTests
{
    /// <summary>Answers from a fixed table, so that every count of the report is known in advance.</summary>
    private sealed class TableClassifier(Dictionary<string, string> answers) : IReturnReasonClassifier
    {
        public string ModelVersion => "table";

        public ReasonPrediction Classify(string text) => new(answers[text], 1, ModelVersion, [(answers[text], 1.0)]);
    }

    private static readonly LabelledReason[] s_rows =
    [
        new("a", ReasonCodes.Quality), new("b", ReasonCodes.Quality), new("c", ReasonCodes.Quality),
        new("d", ReasonCodes.Taste), new("e", ReasonCodes.Taste),
        new("f", ReasonCodes.Other),
    ];

    private static readonly TableClassifier s_classifier = new(new()
    {
        ["a"] = ReasonCodes.Quality, ["b"] = ReasonCodes.Quality, ["c"] = ReasonCodes.Taste,
        ["d"] = ReasonCodes.Taste, ["e"] = ReasonCodes.ChangedMind,
        ["f"] = "不在池里",
    });

    [Fact]
    public void AccuracyAndTheConfusionTableCountEveryRow()
    {
        EvaluationReport report = ReasonEvaluation.Evaluate(s_classifier, s_rows);
        Assert.Equal((4.0 / 6, 6, "table"), (report.Accuracy, report.Count, report.ModelVersion));
        Assert.Equal(2, report.Confusion[ReasonCodes.Quality][ReasonCodes.Quality]);
        Assert.Equal(1, report.Confusion[ReasonCodes.Quality][ReasonCodes.Taste]);
        Assert.Equal(1, report.Confusion[ReasonCodes.Taste][ReasonCodes.ChangedMind]);
        Assert.Equal(0, report.Confusion[ReasonCodes.WrongItem][ReasonCodes.WrongItem]);
        Assert.All(ReasonCodes.All, actual => Assert.Equal(ReasonCodes.All.Count, report.Confusion[actual].Count));
    }

    [Fact]
    public void AnAnswerOutsideThePoolCountsAsOther() =>
        Assert.Equal(1, ReasonEvaluation.Evaluate(s_classifier, s_rows).Confusion[ReasonCodes.Other][ReasonCodes.Other]);

    [Fact]
    public void PrecisionAndRecallArePerCode()
    {
        EvaluationReport report = ReasonEvaluation.Evaluate(s_classifier, s_rows);
        CodeScore quality = report.PerCode[ReasonCodes.Quality];
        CodeScore taste = report.PerCode[ReasonCodes.Taste];
        Assert.Equal((1.0, 2.0 / 3), (quality.Precision, quality.Recall));
        Assert.Equal((0.5, 0.5), (taste.Precision, taste.Recall));
        Assert.True(double.IsNaN(report.PerCode[ReasonCodes.WrongItem].Precision));
        Assert.True(double.IsNaN(report.PerCode[ReasonCodes.ChangedMind].Recall));
    }

    [Fact]
    public void TheMarkdownHasARowPerCode()
    {
        string markdown = ReasonEvaluation.Evaluate(s_classifier, s_rows).ToMarkdown();
        Assert.Contains("accuracy 66.7 %", markdown);
        Assert.All(ReasonCodes.All, code => Assert.Contains($"\n| {code} | ", markdown));
    }
}

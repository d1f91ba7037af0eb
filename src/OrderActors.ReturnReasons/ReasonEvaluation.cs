using System.Globalization;
using System.Text;

namespace OrderActors.ReturnReasons;

/// <summary>Precision and recall of one code on an evaluation set; NaN where the code was never predicted or never present.</summary>
public sealed record CodeScore(string Code, int Support, int Predicted, int Correct)
{
    /// <summary>Of the rows predicted as this code, the share that really were.</summary>
    public double Precision => Predicted == 0 ? double.NaN : (double)Correct / Predicted;

    /// <summary>Of the rows that really were this code, the share predicted as it.</summary>
    public double Recall => Support == 0 ? double.NaN : (double)Correct / Support;
}

/// <summary>
/// How a classifier did on labelled rows: accuracy, the confusion table (actual code → predicted code →
/// count, every code of the pool present on both sides) and precision/recall per code.
/// </summary>
public sealed record EvaluationReport(
    double Accuracy,
    int Count,
    IReadOnlyDictionary<string, IReadOnlyDictionary<string, int>> Confusion,
    IReadOnlyDictionary<string, CodeScore> PerCode,
    string ModelVersion)
{
    /// <summary>The report as Markdown: accuracy, then per actual code a row of predicted counts with recall and precision.</summary>
    public string ToMarkdown()
    {
        var text = new StringBuilder();
        text.Append(CultureInfo.InvariantCulture, $"Model {ModelVersion}: accuracy {Accuracy:P1} on {Count} held-out rows.\n\n");
        text.Append("| actual ↓ / predicted → | ");
        text.Append(string.Join(" | ", ReasonCodes.All));
        text.Append(" | recall | precision |\n|---|");
        text.Append(string.Concat(Enumerable.Repeat("---:|", ReasonCodes.All.Count + 2)));
        text.Append('\n');
        foreach (string actual in ReasonCodes.All)
        {
            CodeScore score = PerCode[actual];
            text.Append(CultureInfo.InvariantCulture, $"| {actual} | ");
            text.Append(string.Join(" | ", ReasonCodes.All.Select(predicted => Confusion[actual][predicted] switch
            {
                0 => "·",
                int n when predicted == actual => $"**{n}**",
                int n => n.ToString(CultureInfo.InvariantCulture),
            })));
            text.Append(CultureInfo.InvariantCulture, $" | {Percent(score.Recall)} | {Percent(score.Precision)} |\n");
        }
        return text.ToString();
    }

    private static string Percent(double value) =>
        double.IsNaN(value) ? "–" : value.ToString("P0", CultureInfo.InvariantCulture);
}

/// <summary>Scores a classifier against labelled rows (the test split, or any set an operator collects).</summary>
public static class ReasonEvaluation
{
    public static EvaluationReport Evaluate(IReturnReasonClassifier model, IReadOnlyList<LabelledReason> test)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(test);
        var counts = ReasonCodes.All.ToDictionary(code => code, _ => ReasonCodes.All.ToDictionary(code => code, _ => 0));
        int correct = 0;
        foreach (LabelledReason row in test)
        {
            if (!ReasonCodes.IsKnown(row.ReasonCode))
            {
                throw new ArgumentException($"\"{row.ReasonCode}\" is not a reason code of the pool.", nameof(test));
            }
            string predicted = model.Classify(row.Text).ReasonCode;
            // A classifier behind the interface may answer a code outside the pool; it counts as 其他.
            string counted = ReasonCodes.IsKnown(predicted) ? predicted : ReasonCodes.Other;
            counts[row.ReasonCode][counted]++;
            if (counted == row.ReasonCode)
            {
                correct++;
            }
        }
        var confusion = counts.ToDictionary(
            pair => pair.Key,
            pair => (IReadOnlyDictionary<string, int>)pair.Value);
        var perCode = ReasonCodes.All.ToDictionary(
            code => code,
            code => new CodeScore(
                code,
                Support: counts[code].Values.Sum(),
                Predicted: ReasonCodes.All.Sum(actual => counts[actual][code]),
                Correct: counts[code][code]));
        double accuracy = test.Count == 0 ? double.NaN : (double)correct / test.Count;
        return new EvaluationReport(accuracy, test.Count, confusion, perCode, model.ModelVersion);
    }
}

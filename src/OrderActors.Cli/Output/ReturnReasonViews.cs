using OrderActors.Cli.Http;

namespace OrderActors.Cli.Output;

/// <summary>The return-reason classifier: the codes in use, its model and evaluation, and one classification.</summary>
public static class ReturnReasonViews
{
    public static void Reasons(IOutput output, ReturnReasons reasons)
    {
        output.Heading("Reason codes 退货原因");
        output.Table(new TableView(["Code 原因", "Returns 退货数"],
            reasons.Codes.Select(c => (IReadOnlyList<Cell>)[c.Code, Labels.Number(c.Count)]).ToList()));
        output.Heading("Model 模型");
        List<Field> fields =
        [
            new("Version 版本", reasons.Model.Version),
            new("Trained 训练时间", Labels.Time(reasons.Model.TrainedAt)),
            new("Training examples 训练样本", Labels.Number(reasons.Model.TrainExamples)),
            new("Corrections 人工更正", Labels.Number(reasons.Model.Corrections)),
        ];
        if (reasons.Evaluation is { } evaluation)
        {
            fields.Add(new("Accuracy 准确率", $"{Labels.Percent(evaluation.Accuracy)} of {Labels.Number(evaluation.TestCount)} held-out returns 留出样本"));
        }
        output.Fields(fields);
        if (reasons.Evaluation is { Confusion.Count: > 0 } scored)
        {
            Confusion(output, reasons.Codes, scored.Confusion);
        }
    }

    public static void Classification(IOutput output, ReasonClassification classification) =>
        output.Fields(
        [
            new("Code 原因", classification.ReasonCode),
            new("Confidence 置信度", Labels.Percent(classification.Confidence)),
            new("Model 模型版本", classification.ModelVersion),
        ]);

    /// <summary>
    /// One row per actual code, one column per predicted code, in the order of the code list (then any other code the
    /// table names); the diagonal is what the model got right.
    /// </summary>
    private static void Confusion(
        IOutput output, IReadOnlyList<ReasonCount> codes, IReadOnlyDictionary<string, IReadOnlyDictionary<string, int>> confusion)
    {
        List<string> named = confusion.Keys.Concat(confusion.Values.SelectMany(predicted => predicted.Keys)).Distinct(StringComparer.Ordinal).ToList();
        List<string> order = codes.Select(c => c.Code).Where(named.Contains)
            .Concat(named.Where(code => codes.All(c => c.Code != code)).Order(StringComparer.Ordinal)).ToList();
        output.Heading("Confusion 混淆矩阵 (rows: actual 实际, columns: predicted 预测)");
        output.Table(new TableView(
            ["Actual 实际", .. order],
            order.Where(confusion.ContainsKey).Select(actual => (IReadOnlyList<Cell>)
            [
                actual,
                .. order.Select(predicted => Count(confusion[actual], predicted, actual == predicted)),
            ]).ToList()));
    }

    private static Cell Count(IReadOnlyDictionary<string, int> predictions, string predicted, bool diagonal)
    {
        int count = predictions.GetValueOrDefault(predicted);
        return new Cell(Labels.Number(count), diagonal ? Tone.Good : count > 0 ? Tone.Bad : Tone.Muted);
    }
}

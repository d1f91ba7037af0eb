using OrderActors.Abstractions.AfterSales;
using OrderActors.ReturnReasons;

namespace OrderActors.Grains.Tests.Support;

/// <summary>The hub's built-in classifier trained on the shipped data set, as the grains see it (the silo's learning one adds corrections).</summary>
public sealed class ShippedReasonClassifier : IReasonClassifier
{
    private static readonly Lazy<ReasonModel> Model = new(() => ReasonTrainer.Train([], "r0"));

    public IReadOnlyList<string> Codes => ReasonCodes.All;

    public ReasonGuess Classify(string text)
    {
        ReasonPrediction prediction = Model.Value.Classify(text);
        return new ReasonGuess(prediction.ReasonCode, prediction.Confidence, prediction.ModelVersion);
    }
}

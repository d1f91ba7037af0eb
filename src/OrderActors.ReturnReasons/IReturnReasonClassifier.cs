namespace OrderActors.ReturnReasons;

/// <summary>
/// Maps a buyer's free-text return reason to a code of <see cref="ReasonCodes"/>. The built-in
/// <see cref="ReasonModel"/> runs offline; an external NLP service can stand behind the same interface.
/// Implementations are safe to call from many threads.
/// </summary>
public interface IReturnReasonClassifier
{
    /// <summary>Classifies <paramref name="text"/>; never throws for empty, blank or very long text.</summary>
    ReasonPrediction Classify(string text);

    /// <summary>The version of the model answering, recorded beside every prediction.</summary>
    string ModelVersion { get; }
}

/// <summary>
/// A classification: the chosen code, its probability, the model that chose it and the codes ranked by
/// probability (best first; empty when there was nothing to classify).
/// </summary>
public sealed record ReasonPrediction(
    string ReasonCode,
    double Confidence,
    string ModelVersion,
    IReadOnlyList<(string Code, double Probability)> Ranking);

/// <summary>A reason text with the code a person gave it: a row of the data set or an operator's correction.</summary>
public sealed record LabelledReason(string Text, string ReasonCode);

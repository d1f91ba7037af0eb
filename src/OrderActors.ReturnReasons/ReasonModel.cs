using System.Diagnostics;
using OrderActors.ReturnReasons.Learning;
using OrderActors.ReturnReasons.Text;

namespace OrderActors.ReturnReasons;

/// <summary>An example and how much it counts in training (an operator's correction counts more than a shipped row).</summary>
public readonly record struct WeightedReason(LabelledReason Reason, float Weight);

/// <summary>
/// The built-in classifier: jieba words and character 1–3-grams, weighted (1 + ln count) × idf and scaled to
/// unit length, scored by a multinomial logistic regression that ML.NET's L-BFGS trains. Immutable once trained:
/// <see cref="Classify"/> only reads, so any number of threads may call it.
/// </summary>
public sealed class ReasonModel : IReturnReasonClassifier
{
    private static readonly IReadOnlyList<(string Code, double Probability)> s_nothing = [];

    private readonly FeatureSpace _space;
    private readonly LinearScores _scores;

    private ReasonModel(string version, FeatureSpace space, LinearScores scores, int trainingCount, TimeSpan trainingTime)
    {
        ModelVersion = version;
        _space = space;
        _scores = scores;
        TrainingCount = trainingCount;
        TrainingTime = trainingTime;
    }

    /// <inheritdoc />
    public string ModelVersion { get; }

    /// <summary>How many examples the model was trained on.</summary>
    public int TrainingCount { get; }

    /// <summary>How long featurising and training took.</summary>
    public TimeSpan TrainingTime { get; }

    /// <summary>How many distinct features the training texts gave.</summary>
    public int FeatureCount => _space.Count;

    /// <summary>Trains on <paramref name="examples"/>, each counted once. The same examples give the same model.</summary>
    public static ReasonModel Train(IReadOnlyList<LabelledReason> examples, string version)
    {
        ArgumentNullException.ThrowIfNull(examples);
        return Train(examples.Select(example => new WeightedReason(example, 1f)).ToList(), version);
    }

    /// <summary>Trains on <paramref name="examples"/>, each counted by its weight.</summary>
    public static ReasonModel Train(IReadOnlyList<WeightedReason> examples, string version) =>
        Train(examples, version, new LearnerSettings());

    internal static ReasonModel Train(IReadOnlyList<WeightedReason> examples, string version, LearnerSettings settings)
    {
        ArgumentNullException.ThrowIfNull(examples);
        ArgumentException.ThrowIfNullOrWhiteSpace(version);
        if (examples.Count == 0)
        {
            throw new ArgumentException("There is nothing to train on.", nameof(examples));
        }
        var clock = Stopwatch.StartNew();
        var features = new List<List<string>>(examples.Count);
        var classes = new List<int>(examples.Count);
        var weights = new List<float>(examples.Count);
        foreach (WeightedReason example in examples)
        {
            int index = IndexOf(example.Reason.ReasonCode);
            if (!(example.Weight > 0) || float.IsInfinity(example.Weight))
            {
                throw new ArgumentException($"The weight of \"{example.Reason.Text}\" must be a positive number.", nameof(examples));
            }
            features.Add(ReasonFeatures.Extract(example.Reason.Text));
            classes.Add(index);
            weights.Add(example.Weight);
        }
        FeatureSpace space = FeatureSpace.Build(features);
        var vectors = features.Select(space.Vectorize).ToList();
        LinearScores scores = MaxEntLearner.Fit(vectors, classes, weights, space.Count, settings);
        return new ReasonModel(version, space, scores, examples.Count, clock.Elapsed);
    }

    /// <inheritdoc />
    public ReasonPrediction Classify(string text)
    {
        SparseVector vector = _space.Vectorize(ReasonFeatures.Extract(text));
        if (vector.Indices.Length == 0)
        {
            // Nothing to read (empty, blank, only punctuation, or not one feature the model has seen):
            // the catch-all, with no confidence at all, rather than the class priors dressed up as an answer.
            return new ReasonPrediction(ReasonCodes.Other, 0, ModelVersion, s_nothing);
        }
        double[] probabilities = _scores.Probabilities(vector);
        var ranking = probabilities
            .Select((probability, index) => (Code: ReasonCodes.All[index], Probability: probability))
            .OrderByDescending(pair => pair.Probability)
            .ThenBy(pair => IndexOf(pair.Code))
            .ToList();
        return new ReasonPrediction(ranking[0].Code, ranking[0].Probability, ModelVersion, ranking);
    }

    private static int IndexOf(string code)
    {
        for (int i = 0; i < ReasonCodes.All.Count; i++)
        {
            if (string.Equals(ReasonCodes.All[i], code, StringComparison.Ordinal))
            {
                return i;
            }
        }
        throw new ArgumentException($"\"{code}\" is not a reason code of the pool.", nameof(code));
    }
}

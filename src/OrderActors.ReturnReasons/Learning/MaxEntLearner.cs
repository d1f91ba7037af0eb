using Microsoft.ML;
using Microsoft.ML.Data;
using Microsoft.ML.Trainers;

namespace OrderActors.ReturnReasons.Learning;

/// <summary>
/// Settings of the learner, chosen by 5-fold cross-validation on the train split only (docs/return-reasons.md):
/// L2 = 1e-3 (accuracy is flat from 1e-4 to 1e-2, and log-loss is lowest here); L1 off, since ML.NET's
/// default L1 of 1 zeroes most n-gram weights on a data set this small; a tolerance of 1e-5 instead of
/// 1e-7 trains a third faster for the same accuracy.
/// </summary>
internal sealed record LearnerSettings(
    float L2Regularization = 1e-3f, float L1Regularization = 0f, float OptimizationTolerance = 1e-5f, int Seed = 15);

/// <summary>
/// Multinomial logistic regression (maximum entropy) trained by ML.NET's L-BFGS on one thread with a
/// fixed seed, so that the same examples always give the same weights. The weights are copied out of
/// ML.NET's model, and <see cref="ReasonModel"/> scores with them directly.
/// </summary>
internal static class MaxEntLearner
{
    public static LinearScores Fit(IReadOnlyList<SparseVector> vectors, IReadOnlyList<int> classes,
        IReadOnlyList<float> weights, int featureCount, LearnerSettings settings) =>
        FitKeepingMlNet(vectors, classes, weights, featureCount, settings).Scores;

    /// <summary>
    /// Fits, and also hands back ML.NET's own scoring of the fitted model (probabilities per code for each
    /// vector), so a test can check that the copied weights score exactly as ML.NET does.
    /// </summary>
    internal static (LinearScores Scores, Func<IReadOnlyList<SparseVector>, float[][]> MlNetProbabilities) FitKeepingMlNet(
        IReadOnlyList<SparseVector> vectors, IReadOnlyList<int> classes, IReadOnlyList<float> weights, int featureCount,
        LearnerSettings settings)
    {
        int classCount = ReasonCodes.All.Count;
        // Training texts without a single feature still need one slot for ML.NET.
        int width = Math.Max(1, featureCount);
        var context = new MLContext(seed: settings.Seed);
        SchemaDefinition schema = Schema(classCount, width);
        IDataView data = context.Data.LoadFromEnumerable(Rows(vectors, classes, weights, width), schema);
        var trainer = context.MulticlassClassification.Trainers.LbfgsMaximumEntropy(new LbfgsMaximumEntropyMulticlassTrainer.Options
        {
            LabelColumnName = nameof(TrainingRow.Label),
            FeatureColumnName = nameof(TrainingRow.Features),
            ExampleWeightColumnName = nameof(TrainingRow.Weight),
            L2Regularization = settings.L2Regularization,
            L1Regularization = settings.L1Regularization,
            OptimizationTolerance = settings.OptimizationTolerance,
            NumberOfThreads = 1,
        });
        var fitted = trainer.Fit(data);
        float[][] MlNetProbabilities(IReadOnlyList<SparseVector> input)
        {
            IDataView scored = fitted.Transform(context.Data.LoadFromEnumerable(
                Rows(input, new int[input.Count], Enumerable.Repeat(1f, input.Count).ToList(), width), schema));
            return scored.GetColumn<float[]>("Score").ToArray();
        }
        return (Extract(fitted.Model, classCount, width), MlNetProbabilities);
    }

    private static List<TrainingRow> Rows(IReadOnlyList<SparseVector> vectors, IReadOnlyList<int> classes,
        IReadOnlyList<float> weights, int width)
    {
        var rows = new List<TrainingRow>(vectors.Count);
        for (int i = 0; i < vectors.Count; i++)
        {
            rows.Add(new TrainingRow
            {
                // A key column read from a class holds the zero-based index; ML.NET adds the 1 (0 means missing).
                Label = (uint)classes[i],
                Features = new VBuffer<float>(width, vectors[i].Indices.Length, vectors[i].Values, vectors[i].Indices),
                Weight = weights[i],
            });
        }
        return rows;
    }

    private static SchemaDefinition Schema(int classCount, int width)
    {
        SchemaDefinition schema = SchemaDefinition.Create(typeof(TrainingRow));
        schema[nameof(TrainingRow.Label)].ColumnType = new KeyDataViewType(typeof(uint), classCount);
        schema[nameof(TrainingRow.Features)].ColumnType = new VectorDataViewType(NumberDataViewType.Single, width);
        return schema;
    }

    private static LinearScores Extract(MaximumEntropyModelParameters model, int classCount, int width)
    {
        VBuffer<float>[] perClass = [];
        model.GetWeights(ref perClass, out int learnedClasses);
        float[] biases = new float[classCount];
        int at = 0;
        foreach (float bias in model.GetBiases().Take(classCount))
        {
            biases[at++] = bias;
        }
        var dense = new float[classCount][];
        for (int c = 0; c < classCount; c++)
        {
            dense[c] = new float[width];
            if (c < learnedClasses)
            {
                perClass[c].CopyTo(dense[c]);
            }
        }
        return new LinearScores(dense, biases);
    }

    /// <summary>One example as ML.NET reads it; public members because ML.NET binds them by reflection.</summary>
    private sealed class TrainingRow
    {
        public uint Label { get; set; }

        public VBuffer<float> Features { get; set; }

        public float Weight { get; set; }
    }
}

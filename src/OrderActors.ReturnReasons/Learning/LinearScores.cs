namespace OrderActors.ReturnReasons.Learning;

/// <summary>The learned linear scores: per reason code (in <see cref="ReasonCodes.All"/> order) a weight per feature, and a bias.</summary>
internal sealed record LinearScores(float[][] Weights, float[] Biases)
{
    /// <summary>The softmax of the linear scores of <paramref name="vector"/>, per code in <see cref="ReasonCodes.All"/> order.</summary>
    public double[] Probabilities(SparseVector vector)
    {
        double[] scores = new double[Biases.Length];
        double max = double.NegativeInfinity;
        for (int c = 0; c < scores.Length; c++)
        {
            float[] row = Weights[c];
            double score = Biases[c];
            for (int i = 0; i < vector.Indices.Length; i++)
            {
                score += row[vector.Indices[i]] * vector.Values[i];
            }
            scores[c] = score;
            max = Math.Max(max, score);
        }
        double total = 0;
        for (int c = 0; c < scores.Length; c++)
        {
            scores[c] = Math.Exp(scores[c] - max);
            total += scores[c];
        }
        for (int c = 0; c < scores.Length; c++)
        {
            scores[c] /= total;
        }
        return scores;
    }
}

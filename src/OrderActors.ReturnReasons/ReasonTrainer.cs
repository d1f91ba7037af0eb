namespace OrderActors.ReturnReasons;

/// <summary>
/// Retraining with operators' corrections: the shipped train split plus every correction, each correction
/// counted <see cref="CorrectionWeight"/> times, since one operator's fix speaks for the many buyers who
/// write alike and the shipped rows are a thousand voices against it.
/// </summary>
public static class ReasonTrainer
{
    /// <summary>How many shipped rows one correction is worth.</summary>
    public const float CorrectionWeight = 3f;

    /// <summary>
    /// Trains a model on the shipped train split and <paramref name="corrections"/>. Corrections with blank
    /// text are skipped; one with a code outside the pool is refused. The same inputs give the same model.
    /// </summary>
    public static ReasonModel Train(IEnumerable<LabelledReason> corrections, string version)
    {
        ArgumentNullException.ThrowIfNull(corrections);
        var examples = ReasonDataSet.Load().Train.Select(row => new WeightedReason(row, 1f)).ToList();
        foreach (LabelledReason correction in corrections)
        {
            if (!ReasonCodes.IsKnown(correction.ReasonCode))
            {
                throw new ArgumentException($"The correction \"{correction.Text}\" has the unknown code \"{correction.ReasonCode}\".", nameof(corrections));
            }
            if (!string.IsNullOrWhiteSpace(correction.Text))
            {
                examples.Add(new WeightedReason(correction, CorrectionWeight));
            }
        }
        return ReasonModel.Train(examples, version);
    }
}

namespace OrderActors.ReturnReasons.Learning;

/// <summary>A feature vector with few non-zero entries: ascending indices and their values.</summary>
internal readonly record struct SparseVector(int[] Indices, float[] Values);

/// <summary>
/// The dictionary of features seen in training, in ordinal order (so one input always gives one space),
/// and the weighting of a text's features: (1 + ln count) × idf, where idf = ln((N + 1) / (df + 1)) + 1
/// over the N training texts, so that characters every text has ("了", "的") weigh little; then scaled to
/// unit length, so that a long text and a short one speak with the same loudness. Features never seen in
/// training are dropped.
/// </summary>
internal sealed class FeatureSpace
{
    private readonly Dictionary<string, int> _index;
    private readonly float[] _idf;

    private FeatureSpace(Dictionary<string, int> index, float[] idf)
    {
        _index = index;
        _idf = idf;
    }

    public int Count => _index.Count;

    public static FeatureSpace Build(IReadOnlyList<IReadOnlyList<string>> documents)
    {
        var df = new SortedDictionary<string, int>(StringComparer.Ordinal);
        foreach (IReadOnlyList<string> document in documents)
        {
            foreach (string name in document.Distinct())
            {
                df[name] = df.TryGetValue(name, out int n) ? n + 1 : 1;
            }
        }
        var index = new Dictionary<string, int>(df.Count, StringComparer.Ordinal);
        float[] idfs = new float[df.Count];
        foreach ((string name, int n) in df)
        {
            idfs[index.Count] = (float)(Math.Log((documents.Count + 1.0) / (n + 1.0)) + 1);
            index.Add(name, index.Count);
        }
        return new FeatureSpace(index, idfs);
    }

    public SparseVector Vectorize(IReadOnlyList<string> features)
    {
        var counts = new SortedDictionary<int, int>();
        foreach (string feature in features)
        {
            if (_index.TryGetValue(feature, out int slot))
            {
                counts[slot] = counts.TryGetValue(slot, out int seen) ? seen + 1 : 1;
            }
        }
        int[] indices = new int[counts.Count];
        float[] values = new float[counts.Count];
        double squares = 0;
        int at = 0;
        foreach ((int slot, int count) in counts)
        {
            double value = (1 + Math.Log(count)) * _idf[slot];
            indices[at] = slot;
            values[at] = (float)value;
            squares += value * value;
            at++;
        }
        if (squares > 0)
        {
            float scale = (float)(1 / Math.Sqrt(squares));
            for (int i = 0; i < values.Length; i++)
            {
                values[i] *= scale;
            }
        }
        return new SparseVector(indices, values);
    }
}

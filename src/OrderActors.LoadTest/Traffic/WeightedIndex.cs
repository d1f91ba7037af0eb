namespace OrderActors.LoadTest.Traffic;

/// <summary>Draws an index into a short list of weights, in proportion to them.</summary>
public static class WeightedIndex
{
    public static int Pick(Random random, IReadOnlyList<double> weights)
    {
        double target = random.NextDouble() * weights.Sum();
        for (int i = 0; i < weights.Count; i++)
        {
            target -= weights[i];
            if (target < 0)
            {
                return i;
            }
        }
        return weights.Count - 1;
    }
}

namespace OrderActors.LoadTest.Metrics;

/// <summary>
/// A log-linear latency histogram in microseconds: each power of two is cut into <see cref="SubBuckets"/> equal
/// buckets, so any recorded value is known to within 1/<see cref="SubBuckets"/> of itself (about 3 %) from 1 µs
/// to over an hour, in a fixed ~1,100 counters. Recording is lock-free; percentiles walk the counters, never a
/// sorted list of samples.
/// </summary>
public sealed class LatencyHistogram
{
    /// <summary>Buckets per power of two; the relative width of a bucket is at most 1/SubBuckets.</summary>
    public const int SubBuckets = 32;

    private const int SubBucketBits = 5;
    private const int Powers = 33;
    private readonly long[] _counts = new long[(Powers + 1) * SubBuckets];
    private long _count;
    private long _maxMicros;

    public long Count => Interlocked.Read(ref _count);

    public TimeSpan Max => TimeSpan.FromMicroseconds(Interlocked.Read(ref _maxMicros));

    public void Record(TimeSpan latency) => RecordMicros((long)latency.TotalMicroseconds);

    public void RecordMicros(long micros)
    {
        micros = Math.Max(0, micros);
        Interlocked.Increment(ref _counts[IndexOf(micros)]);
        Interlocked.Increment(ref _count);
        RaiseMax(micros);
    }

    /// <summary>Adds another histogram's counts to this one.</summary>
    public void Add(LatencyHistogram other)
    {
        for (int i = 0; i < _counts.Length; i++)
        {
            long count = Interlocked.Read(ref other._counts[i]);
            if (count != 0)
            {
                Interlocked.Add(ref _counts[i], count);
            }
        }
        Interlocked.Add(ref _count, other.Count);
        RaiseMax(Interlocked.Read(ref other._maxMicros));
    }

    /// <summary>
    /// The latency at quantile <paramref name="quantile"/> (0–1]: the middle of the bucket holding that rank,
    /// capped at the largest value seen. Zero when nothing was recorded.
    /// </summary>
    public TimeSpan Percentile(double quantile)
    {
        long total = Count;
        if (total == 0)
        {
            return TimeSpan.Zero;
        }
        long rank = Math.Max(1, (long)Math.Ceiling(Math.Clamp(quantile, 0, 1) * total));
        long seen = 0;
        for (int i = 0; i < _counts.Length; i++)
        {
            seen += Interlocked.Read(ref _counts[i]);
            if (seen >= rank)
            {
                (long low, long high) = BucketRange(i);
                return TimeSpan.FromMicroseconds(Math.Min((low + high) / 2.0, Interlocked.Read(ref _maxMicros)));
            }
        }
        return Max;
    }

    /// <summary>The bucket a value falls in: values below SubBuckets are exact, then SubBuckets per power of two.</summary>
    internal static int IndexOf(long micros)
    {
        if (micros < SubBuckets)
        {
            return (int)micros;
        }
        int power = Math.Min(63 - (int)long.LeadingZeroCount(micros) - SubBucketBits, Powers);
        long sub = (micros >> power) - SubBuckets;
        return Math.Min((power + 1) * SubBuckets + (int)sub, (Powers + 1) * SubBuckets - 1);
    }

    /// <summary>The values [low, high] a bucket holds.</summary>
    internal static (long Low, long High) BucketRange(int index)
    {
        if (index < SubBuckets)
        {
            return (index, index);
        }
        int power = index / SubBuckets - 1;
        long low = (long)(SubBuckets + index % SubBuckets) << power;
        return (low, low + (1L << power) - 1);
    }

    private void RaiseMax(long micros)
    {
        long seen = Interlocked.Read(ref _maxMicros);
        while (micros > seen)
        {
            long previous = Interlocked.CompareExchange(ref _maxMicros, micros, seen);
            if (previous == seen)
            {
                return;
            }
            seen = previous;
        }
    }
}

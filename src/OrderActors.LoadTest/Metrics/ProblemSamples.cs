using System.Collections.Concurrent;
using System.Text.RegularExpressions;
using OrderActors.Abstractions.Common;

namespace OrderActors.LoadTest.Metrics;

/// <summary>
/// The distinct reasons requests failed or were refused, with counts, kept to a few dozen so a storm of one error
/// cannot grow without bound. Mobile numbers a problem detail might echo are masked.
/// </summary>
public sealed partial class ProblemSamples
{
    private const int Limit = 30;
    private readonly ConcurrentDictionary<string, long> _counts = new(StringComparer.Ordinal);
    private long _other;

    /// <summary>Reason → how many requests gave it; reasons past the limit are counted under "(other)".</summary>
    public IReadOnlyDictionary<string, long> Counts
    {
        get
        {
            var counts = new Dictionary<string, long>(_counts, StringComparer.Ordinal);
            long other = Interlocked.Read(ref _other);
            if (other > 0)
            {
                counts["(other)"] = other;
            }
            return counts;
        }
    }

    public void Add(string reason)
    {
        string masked = MobileNumber().Replace(reason, match => Masking.Phone(match.Value));
        if (_counts.ContainsKey(masked) || _counts.Count < Limit)
        {
            _counts.AddOrUpdate(masked, 1, (_, count) => count + 1);
        }
        else
        {
            Interlocked.Increment(ref _other);
        }
    }

    [GeneratedRegex(@"1[3-9]\d{9}")]
    private static partial Regex MobileNumber();
}

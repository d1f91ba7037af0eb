namespace OrderActors.Domain.Events;

/// <summary>
/// Which event sequence numbers were delivered. A bigserial value is taken at insert but seen at commit,
/// so a row can appear after rows with higher numbers: the tracker keeps reading from the highest number
/// below which nothing is missing, delivers each row once, and gives up on a missing number (a rolled-back
/// insert) after <paramref name="patience"/>.
/// </summary>
public sealed class SequenceTracker(TimeSpan patience)
{
    private readonly HashSet<long> _deliveredAboveFloor = [];
    private readonly Dictionary<long, DateTime> _missingSince = new();
    private long _max;

    public bool Started { get; private set; }

    /// <summary>Every number up to here was delivered or given up on.</summary>
    public long Floor { get; private set; }

    public void Start(long head)
    {
        Floor = head;
        _max = head;
        Started = true;
    }

    /// <summary>True the first time a number is seen (deliver it), false for a repeat.</summary>
    public bool TryDeliver(long seq)
    {
        if (seq <= Floor || !_deliveredAboveFloor.Add(seq))
        {
            return false;
        }
        _max = Math.Max(_max, seq);
        _missingSince.Remove(seq);
        return true;
    }

    /// <summary>Moves the floor over delivered numbers and over gaps older than the patience.</summary>
    public void Advance(DateTime now)
    {
        for (long seq = Floor + 1; seq <= _max; seq++)
        {
            if (!_deliveredAboveFloor.Contains(seq))
            {
                _missingSince.TryAdd(seq, now);
            }
        }
        while (Floor < _max)
        {
            long next = Floor + 1;
            if (_deliveredAboveFloor.Remove(next) || (_missingSince.TryGetValue(next, out DateTime since) && now - since >= patience))
            {
                _missingSince.Remove(next);
                Floor = next;
                continue;
            }
            break;
        }
    }
}

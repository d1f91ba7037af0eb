using OrderActors.Abstractions.Orders;

namespace OrderActors.Connectors.Reading;

/// <summary>
/// What one read of a payload found, in two kinds. A rejection (per field path) means the body is not that
/// platform's order at all and answers 400. A finding is a business field the hub cannot use: the order is still
/// accepted and the finding becomes a hold.
/// </summary>
internal sealed class FieldErrors
{
    /// <summary>More findings than this are summed up in one, so a hostile payload cannot grow the hold without bound.</summary>
    private const int MaxFindings = 20;

    private readonly Dictionary<string, List<string>> _errors = new(StringComparer.Ordinal);
    private readonly List<IntakeFinding> _findings = [];
    private int _droppedFindings;

    public bool Any => _errors.Count > 0;

    public void Add(string path, string message)
    {
        if (!_errors.TryGetValue(path, out List<string>? messages))
        {
            messages = [];
            _errors[path] = messages;
        }
        messages.Add(message);
    }

    public void Hold(string code, string path, string message)
    {
        if (_findings.Any(finding => finding.Code == code && finding.Field == path))
        {
            return;
        }
        if (_findings.Count >= MaxFindings)
        {
            _droppedFindings++;
            return;
        }
        _findings.Add(new IntakeFinding(code, path, message));
    }

    public IReadOnlyList<IntakeFinding> Findings => _droppedFindings == 0
        ? _findings.ToArray()
        : [.. _findings, new IntakeFinding(HoldCodes.UnreadableField, "$", $"and {_droppedFindings} more fields like these")];

    public IReadOnlyDictionary<string, string[]> ToDictionary() =>
        _errors.ToDictionary(pair => pair.Key, pair => pair.Value.ToArray(), StringComparer.Ordinal);
}

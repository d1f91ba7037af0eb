namespace OrderActors.Connectors;

/// <summary>
/// A parsed value, or the reasons it could not be parsed keyed by the platform's field path
/// ("orders.order[1].num"), ready for the <c>errors</c> map of an RFC 7807 problem.
/// </summary>
public sealed class ConnectorResult<T>
    where T : class
{
    private static readonly IReadOnlyDictionary<string, string[]> _noErrors = new Dictionary<string, string[]>();
    private readonly T? _value;

    private ConnectorResult(T? value, IReadOnlyDictionary<string, string[]> errors)
    {
        _value = value;
        Errors = errors;
    }

    public bool IsSuccess => _value is not null;

    /// <summary>The parsed value; reading it from a failed result is a programming error.</summary>
    public T Value => _value ?? throw new InvalidOperationException("The payload did not parse; see Errors.");

    /// <summary>Field path → messages; empty on success.</summary>
    public IReadOnlyDictionary<string, string[]> Errors { get; }

    public static ConnectorResult<T> Success(T value) => new(value, _noErrors);

    public static ConnectorResult<T> Failure(IReadOnlyDictionary<string, string[]> errors)
    {
        if (errors.Count == 0)
        {
            throw new ArgumentException("A failure needs at least one error.", nameof(errors));
        }
        return new(null, errors);
    }

    public static ConnectorResult<T> Failure(string field, string message) =>
        Failure(new Dictionary<string, string[]> { [field] = [message] });
}

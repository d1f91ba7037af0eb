using OrderActors.Abstractions.Common;

namespace OrderActors.Silo.Api;

/// <summary>Field-level problems found in a request, reported as an RFC 7807 validation problem (400).</summary>
public sealed class RequestValidationException(IReadOnlyDictionary<string, string[]> errors)
    : Exception(string.Join("; ", errors.Select(e => $"{e.Key}: {string.Join(", ", e.Value)}")))
{
    public RequestValidationException(string field, string message) : this(new Dictionary<string, string[]> { [field] = [message] })
    {
    }

    public IReadOnlyDictionary<string, string[]> Errors { get; } = errors;
}

/// <summary>Collects field errors of one request and throws them together.</summary>
public sealed class RequestCheck
{
    private readonly Dictionary<string, List<string>> _errors = new();

    public T Required<T>(string field, T? value) where T : struct
    {
        if (value is null)
        {
            Add(field, $"{field} is required.");
        }
        return value ?? default;
    }

    public string Required(string field, string? value)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            Add(field, $"{field} is required.");
            return "";
        }
        return value.Trim();
    }

    public void MaxLength(string field, string value, int max)
    {
        if (value.Length > max)
        {
            Add(field, $"{field} is {value.Length} characters; at most {max}.");
        }
    }

    public void Range(string field, double value, double min, double max)
    {
        if (value < min || value > max)
        {
            Add(field, $"{field} must be between {min} and {max}.");
        }
    }

    /// <summary>An id used in grain keys and routes: letters, digits and <c>_ . : -</c>, at most 64 characters.</summary>
    public string Id(string field, string? value)
    {
        string id = Required(field, value);
        if (id.Length > 0 && !Keys.IsValidId(id))
        {
            Add(field, $"{field} may only contain {Keys.IdRule}.");
        }
        return id;
    }

    public void Add(string field, string message)
    {
        if (!_errors.TryGetValue(field, out List<string>? messages))
        {
            messages = [];
            _errors[field] = messages;
        }
        messages.Add(message);
    }

    /// <summary>Throws every error collected so far.</summary>
    public void ThrowIfAny()
    {
        if (_errors.Count > 0)
        {
            throw new RequestValidationException(_errors.ToDictionary(e => e.Key, e => e.Value.ToArray()));
        }
    }

    /// <summary>Checks a single id and throws at once if it is bad.</summary>
    public static string ValidId(string field, string? value)
    {
        var check = new RequestCheck();
        string id = check.Id(field, value);
        check.ThrowIfAny();
        return id;
    }
}

using System.Text.Json;

namespace OrderActors.Connectors.Reading;

/// <summary>
/// Reads fields of one JSON object, recording a field-level error (and returning null) for anything missing or
/// of the wrong shape instead of throwing. Readers of nested objects share the parent's error list.
/// </summary>
internal sealed partial class PayloadReader
{
    private readonly JsonElement _element;

    public PayloadReader(JsonElement element, string path, FieldErrors errors)
    {
        _element = element;
        Path = path;
        Errors = errors;
    }

    public string Path { get; }

    public FieldErrors Errors { get; }

    /// <summary>A reader over a whole payload, with an error when the payload is not a JSON object.</summary>
    public static PayloadReader Root(JsonElement payload, FieldErrors errors)
    {
        if (payload.ValueKind != JsonValueKind.Object)
        {
            errors.Add("$", $"expected a JSON object, got {payload.ValueKind}");
        }
        return new PayloadReader(payload, "", errors);
    }

    public string PathOf(string name) => Path.Length == 0 ? name : $"{Path}.{name}";

    public void Fail(string name, string message) => Errors.Add(PathOf(name), message);

    /// <summary>True when the field is present and not null.</summary>
    public bool Has(string name) => TryGet(name, out _);

    /// <summary>Follows a chain of envelope objects ("data", "shop_order_detail") when present, else stays here.</summary>
    public PayloadReader Unwrap(params string[] envelope)
    {
        PayloadReader current = this;
        foreach (string name in envelope)
        {
            if (!current.TryGet(name, out JsonElement inner) || inner.ValueKind != JsonValueKind.Object)
            {
                return this;
            }
            current = new PayloadReader(inner, current.PathOf(name), Errors);
        }
        return current;
    }

    public PayloadReader? Object(string name, bool required = true)
    {
        if (!TryGet(name, out JsonElement value))
        {
            return Missing<PayloadReader>(name, required);
        }
        if (value.ValueKind != JsonValueKind.Object)
        {
            Fail(name, $"expected an object, got {value.ValueKind}");
            return null;
        }
        return new PayloadReader(value, PathOf(name), Errors);
    }

    /// <summary>The elements of an array field, each as a reader; an error when it is required and empty.</summary>
    public IReadOnlyList<PayloadReader> Array(string name, bool required = true)
    {
        if (!TryGet(name, out JsonElement value))
        {
            Missing<PayloadReader>(name, required);
            return [];
        }
        return Items(value, PathOf(name), required);
    }

    /// <summary>A field holding JSON text (Meituan's detail, Taobao's message content), parsed.</summary>
    public PayloadReader? EmbeddedJson(string name, bool required = true)
    {
        string? text = String(name, required);
        if (text is null)
        {
            return null;
        }
        try
        {
            using JsonDocument document = JsonDocument.Parse(text);
            return new PayloadReader(document.RootElement.Clone(), PathOf(name), Errors);
        }
        catch (JsonException)
        {
            Fail(name, "is not valid JSON text");
            return null;
        }
    }

    /// <summary>This reader's own element as an array of readers (for an embedded JSON array).</summary>
    public IReadOnlyList<PayloadReader> AsArray(bool required = true) => Items(_element, Path, required);

    private IReadOnlyList<PayloadReader> Items(JsonElement value, string path, bool required)
    {
        if (value.ValueKind != JsonValueKind.Array)
        {
            Errors.Add(path, $"expected an array, got {value.ValueKind}");
            return [];
        }
        if (required && value.GetArrayLength() == 0)
        {
            Errors.Add(path, "must not be empty");
        }
        return value.EnumerateArray().Select((item, index) => new PayloadReader(item, $"{path}[{index}]", Errors)).ToArray();
    }

    private bool TryGet(string name, out JsonElement value)
    {
        value = default;
        return _element.ValueKind == JsonValueKind.Object
            && _element.TryGetProperty(name, out value)
            && value.ValueKind != JsonValueKind.Null;
    }

    private T? Missing<T>(string name, bool required)
    {
        if (required)
        {
            Fail(name, "is required");
        }
        return default;
    }
}

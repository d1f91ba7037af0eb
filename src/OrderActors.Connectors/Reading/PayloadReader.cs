using System.Text.Json;
using OrderActors.Abstractions.Orders;

namespace OrderActors.Connectors.Reading;

/// <summary>
/// Reads fields of one JSON object without throwing. A business field that is missing or of the wrong shape is
/// recorded as a finding (a hold at intake) and read as null; only the fields that make a body an order at all —
/// its id and its lines (<see cref="Id"/>, <see cref="Lines"/>) — are rejections. Readers of nested objects share
/// the parent's record.
/// </summary>
internal sealed partial class PayloadReader
{
    /// <summary>No platform's order has more lines than this; a body with more is refused (400), not held.</summary>
    public const int MaxLines = 500;

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

    /// <summary>Records that a business field cannot be used: the order is kept and held with <paramref name="code"/>.</summary>
    public void Fail(string name, string message, string code = HoldCodes.UnreadableField) => Errors.Hold(code, PathOf(name), message);

    /// <summary>Records a finding about this reader's whole element (an array entry of an unknown shape).</summary>
    public void FailHere(string message, string code) => Errors.Hold(code, Path.Length == 0 ? "$" : Path, message);

    /// <summary>True when this reader's element is a JSON object.</summary>
    public bool IsObject => _element.ValueKind == JsonValueKind.Object;

    /// <summary>Records that the body is not an order at all (no id, no lines): the request answers 400.</summary>
    public void Reject(string name, string message) => Errors.Add(PathOf(name), message);

    /// <summary>The order's own id: text or digits (ids beyond 2^53 are kept as written), never empty; a rejection otherwise.</summary>
    public string? Id(string name)
    {
        if (!TryGet(name, out JsonElement value))
        {
            Reject(name, "is required");
            return null;
        }
        bool cleaned = false;
        string? text = value.ValueKind switch
        {
            JsonValueKind.String => StorableText.Of(value, out cleaned).Trim(),
            JsonValueKind.Number => value.GetRawText(),
            _ => null,
        };
        if (cleaned)
        {
            Reject(name, "holds characters that are no id (U+0000, a lone UTF-16 surrogate or bytes that are not UTF-8)");
            return null;
        }
        if (string.IsNullOrEmpty(text))
        {
            Reject(name, text is null ? $"expected text or digits, got {value.ValueKind}" : "must not be empty");
            return null;
        }
        return text;
    }

    /// <summary>
    /// The order's lines: a non-empty array of objects, or JSON text holding one (Meituan's detail, some JD fields);
    /// a rejection otherwise.
    /// </summary>
    public IReadOnlyList<PayloadReader> Lines(string name)
    {
        if (!TryGet(name, out JsonElement value))
        {
            Reject(name, "is required: an order needs at least one line");
            return [];
        }
        if (value.ValueKind == JsonValueKind.String)
        {
            if (ParseText(StorableText.Of(value, out _)) is not { } parsed)
            {
                Reject(name, "is neither an array of lines nor JSON text holding one");
                return [];
            }
            value = parsed;
        }
        return StrictLines(value, PathOf(name));
    }

    /// <summary>True when the field is present and not null.</summary>
    public bool Has(string name) => TryGet(name, out _);

    /// <summary>True when the field is a JSON array.</summary>
    public bool IsArray(string name) => TryGet(name, out JsonElement value) && value.ValueKind == JsonValueKind.Array;

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
    /// <remarks>Some platforms encode twice (JSON text of JSON text); up to three layers are opened.</remarks>
    public PayloadReader? EmbeddedJson(string name, bool required = true)
    {
        if (TryGet(name, out JsonElement direct) && direct.ValueKind is JsonValueKind.Object or JsonValueKind.Array)
        {
            return new PayloadReader(direct, PathOf(name), Errors);
        }
        string? text = String(name, required);
        if (text is null)
        {
            return null;
        }
        if (ParseText(text) is not { } parsed)
        {
            Fail(name, "is not valid JSON text");
            return null;
        }
        return new PayloadReader(parsed, PathOf(name), Errors);
    }

    /// <summary>This reader's own element as an array of readers (for an embedded JSON array).</summary>
    public IReadOnlyList<PayloadReader> AsArray(bool required = true) => Items(_element, Path, required);

    private IReadOnlyList<PayloadReader> Items(JsonElement value, string path, bool required)
    {
        if (value.ValueKind != JsonValueKind.Array)
        {
            Errors.Hold(HoldCodes.UnreadableField, path, $"expected an array, got {value.ValueKind}");
            return [];
        }
        if (required && value.GetArrayLength() == 0)
        {
            Errors.Hold(HoldCodes.UnreadableField, path, "must not be empty");
        }
        return value.EnumerateArray().Select((item, index) => new PayloadReader(item, $"{path}[{index}]", Errors)).ToArray();
    }

    private IReadOnlyList<PayloadReader> StrictLines(JsonElement value, string path)
    {
        if (value.ValueKind != JsonValueKind.Array)
        {
            Errors.Add(path, $"expected an array of lines, got {value.ValueKind}");
            return [];
        }
        if (value.GetArrayLength() == 0)
        {
            Errors.Add(path, "must not be empty: an order needs at least one line");
            return [];
        }
        if (value.GetArrayLength() > MaxLines)
        {
            Errors.Add(path, $"has {value.GetArrayLength()} lines: an order has at most {MaxLines}");
            return [];
        }
        var lines = new List<PayloadReader>();
        int index = 0;
        foreach (JsonElement item in value.EnumerateArray())
        {
            if (item.ValueKind != JsonValueKind.Object)
            {
                Errors.Add($"{path}[{index}]", $"expected a line object, got {item.ValueKind}");
            }
            lines.Add(new PayloadReader(item, $"{path}[{index}]", Errors));
            index++;
        }
        return lines;
    }

    /// <summary>Parses JSON text, opening JSON text of JSON text up to three layers; null when it is not JSON.</summary>
    private static JsonElement? ParseText(string text)
    {
        for (int layer = 0; layer < 3; layer++)
        {
            JsonElement parsed;
            try
            {
                using JsonDocument document = JsonDocument.Parse(text);
                parsed = document.RootElement.Clone();
            }
            catch (JsonException)
            {
                return null;
            }
            if (parsed.ValueKind != JsonValueKind.String)
            {
                return parsed;
            }
            text = StorableText.Of(parsed, out _);
        }
        return null;
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

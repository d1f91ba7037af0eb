using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace OrderActors.Silo.Tests.Support;

/// <summary>One generated request. <see cref="Class"/> names the kind of input, so a failure says which rule it hit.</summary>
public sealed record FuzzCase(
    int Index, FuzzRoute Route, string Class, string Description, string Path, byte[]? Body, string ContentType,
    IReadOnlyDictionary<string, string> Headers)
{
    public override string ToString() => $"#{Index} {Route.Method} {Route.Name} [{Class}] {Description}";
}

/// <summary>
/// Mutates a route's valid request, deterministically from its seed: wrong types, missing or null fields, edge
/// numbers, odd Unicode, random JSON, unknown and malformed ids, broken bodies and headers — and the input classes
/// the other issue-13 fixes own: invalid UTF-8, lone surrogates, U+0000, huge fields.
/// </summary>
public sealed partial class FuzzMutator(int seed)
{
    /// <summary>Input classes fixed outside this worktree's part of issue 13 (ProblemMapping, ChannelBody, RequestValidation, PayloadReader).</summary>
    public static readonly IReadOnlySet<string> OtherClasses = new HashSet<string> { "invalid-utf8", "lone-surrogate", "nul-char", "huge-field" };

    private static readonly string[] BodyClasses =
        ["wrong-type", "missing-field", "null-field", "number-edge", "unicode", "random-json", "not-json", "truncated-json", "empty-body",
         "invalid-utf8", "lone-surrogate", "nul-char", "huge-field"];

    private static readonly string[] PathClasses = ["unknown-id", "bad-id", "number-edge", "unicode", "invalid-utf8", "nul-char", "huge-field"];

    private static readonly JsonNode[] EdgeNumbers =
        [-1, 0, 2147483648L, -2147483649L, 9223372036854775807L, 1.5, -0.0, 1e308, -1e308, JsonNode.Parse("123456789012345678901234567890")!];

    private static readonly string[] OddText =
        ["\u202Eevil\u202C", "👨‍👩‍👧‍👦🏳️‍🌈", "e\u0301\u0301\u0301", "\u200B\u200D\uFEFF", "𠜎𠜱𠝹", "' OR 1=1 --", "<script>x</script>", "\t\r\n ", "ＷＨ－ＨＺ"];

    /// <summary>Bodies carry their Unicode as UTF-8, not as <c>\u</c> escapes.</summary>
    private static readonly JsonSerializerOptions Raw = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    private readonly Random _random = new(seed);

    public FuzzCase Next(int index, FuzzRoute route)
    {
        string path = Fill(route.Template);
        string? body = route.Body;
        var headers = new Dictionary<string, string>();
        string contentType = route.ContentType;
        if (index % 11 == 0)
        {
            return new FuzzCase(index, route, "valid", "as documented", path, Bytes(body), contentType, headers);
        }
        if (index % 13 == 0)
        {
            (string what, string? type) = Header(headers, contentType);
            return new FuzzCase(index, route, "header", what, path, Bytes(body), type ?? contentType, headers);
        }
        bool mutatePath = body is null || Slots(route.Template).Count > 0 && _random.Next(4) == 0;
        if (mutatePath && Slots(route.Template).Count > 0)
        {
            string cls = Pick(PathClasses);
            (string mutated, string what) = MutatePath(route.Template, cls);
            return new FuzzCase(index, route, cls, what, mutated, Bytes(body), contentType, headers);
        }
        string bodyClass = Pick(BodyClasses);
        (byte[]? bytes, string description) = route.ContentType == FuzzRoute.Form
            ? MutateForm(body ?? "", bodyClass)
            : MutateJson(body ?? "{}", bodyClass, route.Bound);
        return new FuzzCase(index, route, bodyClass, description, path, bytes, contentType, headers);
    }

    private (string Path, string What) MutatePath(string template, string cls)
    {
        List<Match> slots = Slots(template);
        Match slot = slots[_random.Next(slots.Count)];
        string value = cls switch
        {
            "unknown-id" => $"ZZ-{_random.Next(1_000_000)}",
            "bad-id" => Pick(["..", "a%20b", "%2F", "a.b/c", "-", new string('x', 65), "%3Cx%3E", "a%3Fb%3Dc"]),
            "number-edge" => Uri.EscapeDataString(Pick(EdgeNumbers).ToJsonString()),
            "unicode" => Uri.EscapeDataString(Pick(OddText)),
            "invalid-utf8" => Pick(["%FF%FE", "%C3%28", "%ED%A0%80"]),
            "nul-char" => "a%00b",
            _ => new string('h', 5000),
        };
        string path = Fill(template[..slot.Index] + value + template[(slot.Index + slot.Length)..]);
        return (path, $"{slot.Groups[1].Value} → {Shorten(value)}");
    }

    private (byte[]? Body, string What) MutateJson(string valid, string cls, Func<string, string> bound)
    {
        switch (cls)
        {
            case "not-json":
                return (Bytes(Pick(["hello", "{'a':1}", "<xml/>", "{\"a\":1}{", "NaN", "[1,2,,]"])), "not JSON");
            case "truncated-json":
                return (Bytes(valid[..Math.Max(1, _random.Next(valid.Length))]), "cut short");
            case "empty-body":
                return ([], "no body");
            case "invalid-utf8":
                byte[] text = Encoding.UTF8.GetBytes(valid);
                int at = Math.Max(0, valid.IndexOf('"', StringComparison.Ordinal) + 1);
                return ([.. text[..at], 0xFF, 0xC3, 0x28, .. text[at..]], "bytes FF C3 28 inside the first string");
            case "random-json":
                return (Bytes(bound(Text(RandomJson(3)))), "random JSON");
        }
        JsonNode root = JsonNode.Parse(valid)!;
        List<JsonNode> nodes = Descendants(root).ToList();
        if (nodes.Count == 0)
        {
            return (Bytes(bound(Text(RandomJson(2)))), "random JSON instead of an empty body");
        }
        JsonNode target = nodes[_random.Next(nodes.Count)];
        string where = target.GetPath();
        if (cls == "missing-field")
        {
            Remove(target);
            return (Bytes(bound(root.ToJsonString(Raw))), $"{where} removed");
        }
        JsonNode? replacement = cls switch
        {
            "null-field" => null,
            "number-edge" => Pick(EdgeNumbers).DeepClone(),
            "unicode" => JsonValue.Create(Pick(OddText)),
            "nul-char" => JsonValue.Create("a\u0000b"),
            "huge-field" => JsonValue.Create(new string('长', 300_000)),
            "lone-surrogate" => JsonValue.Create("LONE-SURROGATE"),
            _ => WrongType(target),
        };
        Replace(target, replacement);
        string json = root.ToJsonString(Raw);
        if (cls == "lone-surrogate")
        {
            json = json.Replace("\"LONE-SURROGATE\"", "\"\\ud800x\"", StringComparison.Ordinal);
        }
        return (Bytes(bound(json)), $"{where} → {Shorten(replacement?.ToJsonString() ?? "null")}");
    }

    private (byte[]? Body, string What) MutateForm(string valid, string cls)
    {
        string[] fields = valid.Split('&');
        int i = _random.Next(fields.Length);
        string name = fields[i].Split('=')[0];
        string? value = cls switch
        {
            "missing-field" => null,
            "null-field" or "empty-body" => "",
            "number-edge" => Uri.EscapeDataString(Pick(EdgeNumbers).ToJsonString()),
            "unicode" => Uri.EscapeDataString(Pick(OddText)),
            "invalid-utf8" => "%FF%C3%28",
            "lone-surrogate" => "%ED%A0%80",
            "nul-char" => "a%00b",
            "huge-field" => new string('x', 300_000),
            "truncated-json" or "not-json" => "%7B%22a%22%3A",
            _ => Uri.EscapeDataString(Text(RandomJson(2))),
        };
        fields[i] = value is null ? "" : $"{name}={value}";
        return (Bytes(string.Join('&', fields.Where(f => f.Length > 0))), $"form field {name} → {Shorten(value ?? "(removed)")}");
    }

    private (string What, string? ContentType) Header(Dictionary<string, string> headers, string contentType)
    {
        switch (_random.Next(4))
        {
            case 0:
                headers["X-Tenant"] = Pick(["UPPER", "a/b", new string('t', 300), "a b", "%00"]);
                return ($"X-Tenant {Shorten(headers["X-Tenant"])}", null);
            case 1:
                headers["Idempotency-Key"] = new string('k', 129 + _random.Next(100));
                return ("an Idempotency-Key over 128 characters", null);
            case 2:
                return ("Content-Type text/plain", "text/plain");
            default:
                return ($"Content-Type {contentType}; charset=latin1", $"{contentType}; charset=latin1");
        }
    }

    private JsonNode WrongType(JsonNode target) => target switch
    {
        JsonValue v when v.TryGetValue(out double d) => JsonValue.Create(d.ToString(System.Globalization.CultureInfo.InvariantCulture)),
        JsonValue v when v.TryGetValue(out string? s) => double.TryParse(s, System.Globalization.CultureInfo.InvariantCulture, out _)
            ? JsonValue.Create(_random.Next(2) == 0)
            : JsonValue.Create(_random.Next(-5, 5)),
        JsonArray => new JsonObject { ["0"] = "x" },
        JsonObject => new JsonArray(1, "two"),
        _ => JsonValue.Create("true"),
    };

    private JsonNode? RandomJson(int depth)
    {
        int kind = _random.Next(depth == 0 ? 5 : 7);
        switch (kind)
        {
            case 0:
                return null;
            case 1:
                return JsonValue.Create(_random.Next(2) == 0);
            case 2:
                return Pick(EdgeNumbers).DeepClone();
            case 3:
                return JsonValue.Create(Pick(OddText));
            case 4:
                return JsonValue.Create(_random.Next());
            case 5:
                var array = new JsonArray();
                for (int i = _random.Next(4); i > 0; i--)
                {
                    array.Add(RandomJson(depth - 1));
                }
                return array;
            default:
                var obj = new JsonObject();
                foreach (string key in new[] { "orders", "name", "sku", "reason", "onHand", "trackingNo", "a" }.OrderBy(_ => _random.Next()).Take(_random.Next(1, 4)))
                {
                    obj[key] = RandomJson(depth - 1);
                }
                return obj;
        }
    }

    private static IEnumerable<JsonNode> Descendants(JsonNode? node)
    {
        IEnumerable<JsonNode?> children = node switch
        {
            JsonObject o => o.Select(p => p.Value),
            JsonArray a => a,
            _ => [],
        };
        foreach (JsonNode? child in children)
        {
            if (child is null)
            {
                continue;
            }
            yield return child;
            foreach (JsonNode deeper in Descendants(child))
            {
                yield return deeper;
            }
        }
    }

    private static void Remove(JsonNode node)
    {
        switch (node.Parent)
        {
            case JsonObject o:
                o.Remove(node.GetPropertyName());
                break;
            case JsonArray a:
                a.RemoveAt(node.GetElementIndex());
                break;
        }
    }

    private static void Replace(JsonNode node, JsonNode? replacement)
    {
        switch (node.Parent)
        {
            case JsonObject o:
                o[node.GetPropertyName()] = replacement;
                break;
            case JsonArray a:
                a[node.GetElementIndex()] = replacement;
                break;
        }
    }

    private static string Text(JsonNode? node) => node?.ToJsonString(Raw) ?? "null";

    private T Pick<T>(IReadOnlyList<T> items) => items[_random.Next(items.Count)];

    private static string Fill(string template) => SlotPattern().Replace(template, m => m.Groups[1].Value);

    private static List<Match> Slots(string template) => SlotPattern().Matches(template).ToList();

    private static byte[]? Bytes(string? text) => text is null ? null : Encoding.UTF8.GetBytes(text);

    private static string Shorten(string text) => text.Length <= 40 ? text : $"{text[..20]}…({text.Length} chars)";

    [GeneratedRegex(@"\{([^{}]*)\}")]
    private static partial Regex SlotPattern();
}

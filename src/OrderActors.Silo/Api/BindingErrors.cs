using System.Text.Json;
using System.Text.RegularExpressions;

namespace OrderActors.Silo.Api;

/// <summary>
/// The field errors of a request ASP.NET Core could not bind: a body that is not JSON, of the wrong shape or type,
/// too deep, not text; a parameter that is missing or does not parse. Keys are the fields as operators write them
/// (<c>reason</c>, <c>backups[1]</c>), <c>body</c> for the body as a whole.
/// </summary>
public static partial class BindingErrors
{
    public static IReadOnlyDictionary<string, string[]> Of(JsonException json) =>
        new Dictionary<string, string[]> { [FieldOf(json.Path)] = [MessageOf(json)] };

    /// <summary>
    /// A parameter the framework names in its message (<c>Failed to bind parameter "int? page" from "x"</c>); an empty
    /// or <c>null</c> body where one is required.
    /// </summary>
    public static IReadOnlyDictionary<string, string[]> Of(BadHttpRequestException bad)
    {
        Match parameter = Parameter().Match(bad.Message);
        string field = parameter.Success ? parameter.Groups["name"].Value : "request";
        string message = MissingBody().IsMatch(bad.Message) ? "is required: send a JSON object" : bad.Message;
        return new Dictionary<string, string[]> { [field] = [message] };
    }

    private static string FieldOf(string? path) => path switch
    {
        null or "$" => "body",
        _ when path.StartsWith("$.", StringComparison.Ordinal) => path[2..],
        _ => path,
    };

    private static string MessageOf(JsonException json)
    {
        if (json.InnerException is InvalidOperationException notText)
        {
            return notText.Message;
        }
        string message = json.Message;
        int suffix = message.IndexOf(" Path: ", StringComparison.Ordinal);
        message = suffix < 0 ? message : message[..suffix];
        Match wrongType = WrongType().Match(message);
        return wrongType.Success ? $"expected {Expected(wrongType.Groups["type"].Value)}" : message;
    }

    private static string Expected(string type) => type.Replace("System.Nullable`1[", "", StringComparison.Ordinal).TrimEnd(']') switch
    {
        "System.String" => "text",
        "System.Int32" or "System.Int64" => "a whole number",
        "System.Double" or "System.Decimal" => "a number",
        "System.Boolean" => "true or false",
        "System.DateTimeOffset" or "System.DateTime" => "an ISO-8601 time",
        string name when name.EndsWith("[]", StringComparison.Ordinal) || name.Contains("List`1", StringComparison.Ordinal) => "an array",
        _ => "a JSON object",
    };

    [GeneratedRegex("^The JSON value could not be converted to (?<type>[^ ]+)\\.$")]
    private static partial Regex WrongType();

    [GeneratedRegex("parameter \"(?:[^\"]* )?(?<name>[^\" ]+)\"")]
    private static partial Regex Parameter();

    [GeneratedRegex("no body was provided|was not provided from body")]
    private static partial Regex MissingBody();
}

namespace OrderActors.Connectors.Push;

/// <summary>
/// JD and Pinduoduo sign a JSON push as TOP signs an API call whose business JSON is one parameter: the body that is
/// not a form is signed as the parameter <c>name</c>, exactly as received.
/// </summary>
internal static class BodyParameter
{
    /// <summary>The parameters to sign for a push sending <paramref name="body"/> (none or empty: the parameters alone).</summary>
    public static IEnumerable<KeyValuePair<string, string>> With(IEnumerable<KeyValuePair<string, string>> parameters, string name, string? body) =>
        string.IsNullOrEmpty(body) ? parameters : parameters.Append(new KeyValuePair<string, string>(name, body));

    /// <summary>
    /// The body as the parameter's value (null for a form or an empty body); refused when it is not UTF-8 or when the
    /// query or form carries the parameter too.
    /// </summary>
    public static string? Of(PushCheck check, SignedParameters signed, string name, out PushVerdict.Refused? refused)
    {
        refused = null;
        if (check.Request.Form is not null || check.Request.Body.IsEmpty)
        {
            return null;
        }
        if (signed.Parameters.ContainsKey(name))
        {
            refused = new PushVerdict.Refused($"{name} is sent as a parameter and as the body");
            return null;
        }
        string? text = check.Request.BodyText();
        refused = text is null ? new PushVerdict.Refused($"the body, signed as {name}, is not UTF-8 text") : null;
        return text;
    }
}

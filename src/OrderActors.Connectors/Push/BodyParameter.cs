using OrderActors.Connectors.Signing;

namespace OrderActors.Connectors.Push;

/// <summary>
/// JD and Pinduoduo sign a JSON push as TOP signs an API call whose business JSON is one parameter: the body that is
/// not a form is signed as the parameter <c>name</c>, exactly as received.
/// </summary>
internal static class BodyParameter
{
    /// <summary>
    /// The sign (TOP's md5, upper-case hex) of a push sending <paramref name="parameters"/> and <paramref name="body"/>
    /// signed as <paramref name="name"/>, with the scheme's <paramref name="system"/> parameters, which it returns with the sign.
    /// </summary>
    public static PushSignature Sign(
        ParameterScheme scheme, string secret, Dictionary<string, string> system, IReadOnlyDictionary<string, string> parameters, string name, string body)
    {
        system[scheme.Sign] = Convert.ToHexString(Digest(secret, parameters.Concat(system), name, body));
        return PushSignature.OfParameters(system);
    }

    /// <summary>Verifies a push signed by <see cref="Sign"/>.</summary>
    public static PushVerdict Verify(PushCheck check, ParameterScheme scheme, string name)
    {
        if (check.Signed(scheme, out PushVerdict? verdict) is not { } signed)
        {
            return verdict!;
        }
        string? body = Of(check, signed, name, out PushVerdict.Refused? refused);
        return refused ?? PushCheck.Verdict(scheme, signed, Digest(signed.Shop.AppSecret!, signed.Parameters, name, body));
    }

    private static byte[] Digest(string secret, IEnumerable<KeyValuePair<string, string>> parameters, string name, string? body) =>
        PlatformSignatures.Top(secret, TopSignMethod.Md5, With(parameters, name, body), []);

    /// <summary>The parameters to sign for a push sending <paramref name="body"/> (none or empty: the parameters alone).</summary>
    private static IEnumerable<KeyValuePair<string, string>> With(IEnumerable<KeyValuePair<string, string>> parameters, string name, string? body) =>
        string.IsNullOrEmpty(body) ? parameters : parameters.Append(new KeyValuePair<string, string>(name, body));

    /// <summary>
    /// The body as the parameter's value (null for a form or an empty body); refused when it is not UTF-8 or when the
    /// query or form carries the parameter too.
    /// </summary>
    private static string? Of(PushCheck check, SignedParameters signed, string name, out PushVerdict.Refused? refused)
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

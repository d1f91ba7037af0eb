using OrderActors.Connectors.Signing;

namespace OrderActors.Connectors.Push;

/// <summary>
/// 拼多多 (POP): a push signed as a POP API call: <c>client_id</c>, <c>timestamp</c> (Unix seconds) and <c>sign</c> in
/// the query or the form; the sign (MD5 of client secret + sorted name·value pairs + client secret) covers every other
/// query and form parameter and a body that is not a form as <c>data</c> (our choice: POP documents no HTTP push).
/// </summary>
public static class PddPush
{
    public const string BodyParameterName = "data";

    internal static readonly ParameterScheme Scheme = new("sign", "client_id", "timestamp", SignedTime.FromUnixSeconds, "Unix seconds");

    /// <summary>
    /// The system parameters (client_id, timestamp, sign) that sign a push sending <paramref name="parameters"/> (its
    /// other query and form parameters) and <paramref name="body"/> (UTF-8 text, e.g. JSON; empty for a form push).
    /// </summary>
    public static PushSignature Sign(string clientId, string secret, DateTimeOffset at, IReadOnlyDictionary<string, string> parameters, string body)
    {
        var system = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["client_id"] = clientId,
            ["timestamp"] = SignedTime.UnixSeconds(at),
        };
        return BodyParameter.Sign(Scheme, secret, system, parameters, BodyParameterName, body);
    }

    internal static PushVerdict Verify(PushCheck check) => BodyParameter.Verify(check, Scheme, BodyParameterName);
}

using OrderActors.Connectors.Signing;

namespace OrderActors.Connectors.Push;

/// <summary>
/// 京东 (JOS): a push signed as a JOS API call: <c>app_key</c>, <c>timestamp</c> (yyyy-MM-dd HH:mm:ss, China time),
/// <c>v</c> and <c>sign</c> in the query or the form; the sign (TOP's md5) covers every other query and form parameter
/// and a body that is not a form as <c>360buy_param_json</c>.
/// </summary>
public static class JdPush
{
    public const string BodyParameterName = "360buy_param_json";

    internal static readonly ParameterScheme Scheme = new("sign", "app_key", "timestamp", SignedTime.FromChina, "yyyy-MM-dd HH:mm:ss (China time)", "v");

    /// <summary>
    /// The system parameters (app_key, timestamp, v, sign) that sign a push sending <paramref name="parameters"/> (its
    /// other query and form parameters) and <paramref name="body"/> (UTF-8 text, e.g. JSON; empty for a form push).
    /// </summary>
    public static PushSignature Sign(string appKey, string secret, DateTimeOffset at, IReadOnlyDictionary<string, string> parameters, string body)
    {
        var system = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["app_key"] = appKey,
            ["timestamp"] = SignedTime.China(at),
            ["v"] = "2.0",
        };
        return BodyParameter.Sign(Scheme, secret, system, parameters, BodyParameterName, body);
    }

    internal static PushVerdict Verify(PushCheck check) => BodyParameter.Verify(check, Scheme, BodyParameterName);
}

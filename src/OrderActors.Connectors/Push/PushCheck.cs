using System.Globalization;
using System.Security.Cryptography;
using OrderActors.Abstractions.Orders;

namespace OrderActors.Connectors.Push;

/// <summary>One push being verified against a channel's shops at a moment: the steps every scheme shares.</summary>
internal sealed class PushCheck(PushRequest request, IReadOnlyDictionary<string, ShopCredentials> shops, DateTimeOffset now, TimeSpan window)
{
    public PushRequest Request { get; } = request;

    private string Channel => Request.Channel.ToRouteName();

    /// <summary>The query and form fields together; a name sent in both is refused, since either could be the signed one.</summary>
    public Dictionary<string, string>? Parameters(out PushVerdict.Refused? refused)
    {
        var parameters = new Dictionary<string, string>(Request.Query, StringComparer.Ordinal);
        foreach ((string name, string value) in Request.Form ?? new Dictionary<string, string>())
        {
            if (!parameters.TryAdd(name, value))
            {
                refused = new PushVerdict.Refused($"{Shown(name)} is sent both in the query and in the form");
                return null;
            }
        }
        refused = null;
        return parameters;
    }

    /// <summary>
    /// Steps 1–5 of a scheme that signs query and form parameters: the parameters (without the signature field), the
    /// signature, the shop the app key names and the signed time inside the window; or the verdict that ends the check
    /// (<see cref="PushVerdict.Unsigned"/> when the signature field is absent).
    /// </summary>
    public SignedParameters? Signed(ParameterScheme scheme, out PushVerdict? verdict)
    {
        Dictionary<string, string>? parameters = Parameters(out PushVerdict.Refused? twice);
        verdict = twice;
        if (parameters is null)
        {
            return null;
        }
        if (!parameters.Remove(scheme.Sign, out string? sign))
        {
            verdict = PushVerdict.Unsigned.Instance;
            return null;
        }
        verdict = Missing(scheme.Sign, parameters, [scheme.AppKey, scheme.Timestamp, .. scheme.AlsoRequired]);
        if (verdict is not null)
        {
            return null;
        }
        string timestamp = parameters[scheme.Timestamp];
        if (scheme.ReadTime(timestamp) is not { } signedAt)
        {
            verdict = new PushVerdict.Refused($"{scheme.Timestamp} '{Shown(timestamp)}' is not {scheme.TimeForm}");
            return null;
        }
        (string Tenant, ShopCredentials Shop)? shop = Shop(scheme.AppKey, parameters[scheme.AppKey], out PushVerdict.Refused? unknown);
        verdict = unknown ?? Outside(scheme.Timestamp, signedAt);
        return verdict is null ? new SignedParameters(parameters, sign, shop!.Value.Tenant, shop.Value.Shop, signedAt) : null;
    }

    /// <summary>Verified when <paramref name="signed"/>'s signature is <paramref name="expected"/>.</summary>
    public static PushVerdict Verdict(ParameterScheme scheme, SignedParameters signed, byte[] expected) =>
        Mismatch(scheme.Sign, signed.Signature, expected) ?? new PushVerdict.Verified(signed.Tenant, signed.Shop.AppKey!, null, signed.SignedAt);

    /// <summary>The refusal naming what a signed push lacks of <paramref name="required"/>, or null when it has all.</summary>
    public static PushVerdict.Refused? Missing(string signature, IReadOnlyDictionary<string, string> fields, params string[] required)
    {
        string[] missing = required.Where(name => !fields.TryGetValue(name, out string? value) || value.Length == 0).ToArray();
        return missing.Length == 0 ? null : new PushVerdict.Refused($"{signature} is present but not {string.Join(", ", missing)}");
    }

    /// <summary>The one configured shop whose app key is <paramref name="appKey"/>; else the refusal.</summary>
    public (string Tenant, ShopCredentials Shop)? Shop(string field, string appKey, out PushVerdict.Refused? refused)
    {
        List<KeyValuePair<string, ShopCredentials>> named = shops
            .Where(s => !string.IsNullOrEmpty(s.Value.AppKey) && !string.IsNullOrEmpty(s.Value.AppSecret) && s.Value.AppKey == appKey)
            .ToList();
        refused = named.Count switch
        {
            0 => new PushVerdict.Refused($"{field} '{Shown(appKey)}' names no {Channel} shop"),
            1 => null,
            _ => new PushVerdict.Refused(
                $"{field} '{Shown(appKey)}' names {named.Count} {Channel} shops ({string.Join(", ", named.Select(s => s.Key).Order(StringComparer.Ordinal))}): it must name one"),
        };
        return refused is null ? (named[0].Key, named[0].Value) : null;
    }

    /// <summary>The refusal of a signed time outside now ± the window, or null when it is inside.</summary>
    public PushVerdict.Refused? Outside(string field, DateTimeOffset signedAt)
    {
        TimeSpan skew = now - signedAt;
        return skew > window
            ? new PushVerdict.Refused($"{field} is {Minutes(skew)} old: pushes signed more than {Minutes(window)} ago are refused")
            : -skew > window
                ? new PushVerdict.Refused($"{field} is {Minutes(-skew)} ahead of the hub's clock, beyond the {Minutes(window)} allowed")
                : null;
    }

    /// <summary>
    /// Null when <paramref name="received"/> is <paramref name="expected"/> written as hex, in either case (the digests
    /// are compared in constant time); else the refusal, which says only what is wrong with the received value.
    /// </summary>
    public static PushVerdict? Mismatch(string field, string received, byte[] expected)
    {
        if (received.Length != expected.Length * 2 || !received.All(char.IsAsciiHexDigit))
        {
            return new PushVerdict.Refused($"{field} is not {expected.Length * 2} hex digits");
        }
        return CryptographicOperations.FixedTimeEquals(Convert.FromHexString(received), expected)
            ? null
            : new PushVerdict.Refused($"{field} does not match the push as received with the shop's secret");
    }

    /// <summary>Text from the request fit for a log line: printable ASCII, at most 40 characters.</summary>
    public static string Shown(string text)
    {
        string printable = new(text.Take(40).Select(c => c is >= ' ' and <= '~' ? c : '?').ToArray());
        return text.Length > 40 ? printable + "…" : printable;
    }

    private static string Minutes(TimeSpan span) => span.TotalMinutes >= 1
        ? string.Create(CultureInfo.InvariantCulture, $"{span.TotalMinutes:0.#} min")
        : string.Create(CultureInfo.InvariantCulture, $"{span.TotalSeconds:0} s");
}

/// <summary>How a scheme that signs query and form parameters names its fields.</summary>
/// <param name="TimeForm">How the signed time is written, for the refusal of one that is not.</param>
internal sealed record ParameterScheme(
    string Sign, string AppKey, string Timestamp, Func<string, DateTimeOffset?> ReadTime, string TimeForm, params string[] AlsoRequired);

/// <summary>A parameter-signed push past the checks every such scheme shares, its signature not yet compared.</summary>
internal sealed record SignedParameters(Dictionary<string, string> Parameters, string Signature, string Tenant, ShopCredentials Shop, DateTimeOffset SignedAt);

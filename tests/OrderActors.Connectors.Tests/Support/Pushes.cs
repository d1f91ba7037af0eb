using System.Text;
using FsCheck;
using FsCheck.Fluent;
using OrderActors.Abstractions.Orders;
using OrderActors.Connectors.Push;

namespace OrderActors.Connectors.Tests.Support;

/// <summary>Pushes as the HTTP server reads them, the shops they are checked against, and what their verdicts say.</summary>
public static class Pushes
{
    /// <summary>20:00:00 in China.</summary>
    public static readonly DateTimeOffset Now = new(2026, 1, 20, 12, 0, 0, TimeSpan.Zero);

    public static PushRequest Json(Channel channel, string url, string body, params (string Name, string Value)[] headers) =>
        Request(channel, url, "application/json", Encoding.UTF8.GetBytes(body), headers);

    public static PushRequest Form(Channel channel, string url, string body, params (string Name, string Value)[] headers) =>
        Request(channel, url, "application/x-www-form-urlencoded; charset=UTF-8", Encoding.UTF8.GetBytes(body), headers);

    public static PushRequest Request(Channel channel, string url, string contentType, byte[] body, params (string Name, string Value)[] headers) =>
        PushRequest.Create(channel, "POST", new Uri(url), headers.Select(h => KeyValuePair.Create(h.Name, h.Value)), contentType, body);

    /// <summary>Tenants' shops: tenant, app key, secret.</summary>
    public static Dictionary<string, ShopCredentials> Shops(params (string Tenant, string AppKey, string Secret)[] shops) =>
        shops.ToDictionary(s => s.Tenant, s => new ShopCredentials { AppKey = s.AppKey, AppSecret = s.Secret }, StringComparer.Ordinal);

    public static PushVerdict.Verified Verified(PushVerdict verdict) =>
        Assert.IsType<PushVerdict.Verified>(verdict, exactMatch: true);

    /// <summary>The reason of a refusal, which must name <paramref name="fragment"/>.</summary>
    public static string Refused(PushVerdict verdict, string fragment = "")
    {
        string reason = Assert.IsType<PushVerdict.Refused>(verdict, exactMatch: true).Reason;
        Assert.Contains(fragment, reason, StringComparison.Ordinal);
        return reason;
    }

    /// <summary>The URL with the signature's parameters appended to its query.</summary>
    public static string With(string url, PushSignature signature) => $"{url}{(url.Contains('?', StringComparison.Ordinal) ? '&' : '?')}{signature.QueryString}";

    public static (string Name, string Value)[] Headers(PushSignature signature) => signature.Headers.Select(h => (h.Key, h.Value)).ToArray();

    /// <summary>
    /// For random single bytes of <paramref name="body"/> changed to another value, <paramref name="holds"/> is true of
    /// the push sending the changed body.
    /// </summary>
    public static void EveryOneByteChange(string body, Func<byte[], bool> holds)
    {
        byte[] original = Encoding.UTF8.GetBytes(body);
        Gen<(int Index, int Delta)> changes =
            from index in Gen.Choose(0, original.Length - 1)
            from delta in Gen.Choose(1, 255)
            select (index, delta);
        Prop.ForAll(changes.ToArbitrary(), change =>
        {
            byte[] changed = original.ToArray();
            changed[change.Index] = (byte)(changed[change.Index] + change.Delta);
            return holds(changed);
        }).QuickCheckThrowOnFailure();
    }
}

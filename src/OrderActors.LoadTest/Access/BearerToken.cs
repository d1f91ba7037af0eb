using System.Net.Http.Headers;

namespace OrderActors.LoadTest.Access;

/// <summary>
/// A secret sent as <c>Authorization: Bearer</c>: an API key or an access token. It never shows its value — its
/// ToString, a record printing it and a JSON serializer all get "(hidden)" or nothing — so a key cannot reach a
/// stage line, a problem sample or the report by accident.
/// </summary>
public sealed class BearerToken
{
    private readonly string _value;

    public BearerToken(string value)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(value);
        _value = value;
    }

    public AuthenticationHeaderValue Header() => new("Bearer", _value);

    public override string ToString() => "(hidden)";
}

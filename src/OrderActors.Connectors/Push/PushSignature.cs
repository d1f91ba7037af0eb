namespace OrderActors.Connectors.Push;

/// <summary>
/// What signs a push: <see cref="Parameters"/> to add to its query string (or to its form, where the scheme signs the
/// form's fields) and <see cref="Headers"/> to send.
/// </summary>
public sealed record PushSignature(IReadOnlyDictionary<string, string> Parameters, IReadOnlyDictionary<string, string> Headers)
{
    private static readonly Dictionary<string, string> None = [];

    /// <summary><see cref="Parameters"/> as a query string, names and values escaped.</summary>
    public string QueryString => string.Join('&', Parameters.Select(p => $"{Uri.EscapeDataString(p.Key)}={Uri.EscapeDataString(p.Value)}"));

    internal static PushSignature OfParameters(IReadOnlyDictionary<string, string> parameters) => new(parameters, None);

    internal static PushSignature OfHeaders(IReadOnlyDictionary<string, string> headers) => new(None, headers);
}

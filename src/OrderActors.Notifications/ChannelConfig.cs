namespace OrderActors.Notifications;

/// <summary>
/// One tenant's channel: its kind, the address to post to and the secret that signs the request. <see cref="Events"/>
/// lists the event kinds it takes (<c>*</c> for all). <see cref="Settings"/> carries per-kind options, named in
/// <see cref="ChannelSettings"/> (message type for robots; provider, sign name, template codes and credentials for
/// SMS). The secret never reaches a log or an error message.
/// </summary>
public sealed record ChannelConfig(
    string Name,
    ChannelKind Kind,
    string Url,
    string? Secret,
    IReadOnlyList<string> Events,
    IReadOnlyDictionary<string, string>? Settings = null)
{
    /// <summary>Whether this channel takes events of <paramref name="eventKind"/>.</summary>
    public bool Takes(string eventKind) =>
        Events.Any(e => e == "*" || string.Equals(e, eventKind, StringComparison.OrdinalIgnoreCase));

    /// <summary>The setting called <paramref name="key"/>, or null when absent or blank.</summary>
    public string? Setting(string key) =>
        Settings is not null && Settings.TryGetValue(key, out string? value) && !string.IsNullOrWhiteSpace(value) ? value : null;

    /// <summary>Keeps the secret out of anything that prints the record.</summary>
    public override string ToString() => $"{Kind} channel {Name}";
}

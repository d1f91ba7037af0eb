namespace OrderActors.Notifications;

/// <summary>
/// What happened, ready to render: the event kind (see <see cref="EventKinds"/>), a one-line subject, the fields
/// its template reads (documented per kind on <see cref="EventKinds"/>), and the recipient's phone number for SMS.
/// <paramref name="EventId"/> is the hub event's id: webhooks send it as <c>X-OrderActors-Event-Id</c> and SMS as
/// Aliyun's <c>OutId</c>, so a receiver can drop the duplicates that at-least-once delivery allows.
/// </summary>
public sealed record Notification(
    string EventKind,
    string Subject,
    IReadOnlyDictionary<string, string> Fields,
    string? Recipient,
    string? EventId = null)
{
    /// <summary>The field called <paramref name="name"/>, or null when absent or blank.</summary>
    public string? Field(string name) =>
        Fields is not null && Fields.TryGetValue(name, out string? value) && !string.IsNullOrWhiteSpace(value) ? value : null;
}

namespace OrderActors.Notifications;

/// <summary>
/// A notification's fields as a template reads them: trimmed, on one line, at most <see cref="MaxLength"/> characters,
/// and "—" when absent or blank, so a template never throws and never breaks a markdown line.
/// </summary>
internal readonly struct TemplateValues(Notification notification)
{
    public const int MaxLength = 200;

    public string this[string name] => Clean(notification.Field(name));

    public bool Has(string name) => notification.Field(name) is not null;

    public static string Clean(string? value)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            return NotificationTemplates.Missing;
        }
        string line = string.Join(' ', value.Split(['\r', '\n', '\t'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
        return line.Length <= MaxLength ? line : string.Concat(line.AsSpan(0, MaxLength - 1), "…");
    }
}

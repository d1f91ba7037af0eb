namespace OrderActors.Notifications;

/// <summary>
/// Renders notifications in Chinese, one template per event kind (<see cref="EventKinds"/> lists the fields each
/// reads). A missing field renders as "—" and an unknown kind falls back to its subject and fields: nothing here
/// throws on what the hub sends.
/// </summary>
public static class NotificationTemplates
{
    /// <summary>What stands in for a missing field.</summary>
    public const string Missing = "—";

    /// <summary>The title, plain text and markdown of <paramref name="notification"/>.</summary>
    public static RenderedMessage Render(Notification notification)
    {
        ArgumentNullException.ThrowIfNull(notification);
        var values = new TemplateValues(notification);
        if (!TemplateCatalog.ByKind.TryGetValue(notification.EventKind ?? "", out EventTemplate? template))
        {
            return Fallback(notification);
        }
        string markdown = $"### {template.Title}\n" + string.Join('\n', template.MarkdownLines(values));
        return new RenderedMessage(template.Title, template.Text(values), markdown);
    }

    /// <summary>The SMS text: 【<paramref name="signName"/>】 then a short body, near one 70-character segment.</summary>
    public static string RenderSms(Notification notification, string signName)
    {
        ArgumentNullException.ThrowIfNull(notification);
        string body = TemplateCatalog.ByKind.TryGetValue(notification.EventKind ?? "", out EventTemplate? template)
            ? template.Sms(new TemplateValues(notification))
            : TemplateValues.Clean(notification.Subject);
        return $"【{TemplateValues.Clean(signName)}】{body}";
    }

    /// <summary>
    /// The variables of the provider-side SMS template for this kind (Aliyun's <c>TemplateParam</c>): the fields the
    /// SMS text reads, by the same names, "—" when missing. An unknown kind sends its subject as <c>subject</c>.
    /// </summary>
    public static IReadOnlyDictionary<string, string> SmsParameters(Notification notification)
    {
        ArgumentNullException.ThrowIfNull(notification);
        var values = new TemplateValues(notification);
        if (!TemplateCatalog.ByKind.TryGetValue(notification.EventKind ?? "", out EventTemplate? template))
        {
            return new Dictionary<string, string> { ["subject"] = TemplateValues.Clean(notification.Subject) };
        }
        return template.SmsFields.ToDictionary(name => name, name => values[name]);
    }

    private static RenderedMessage Fallback(Notification notification)
    {
        string title = TemplateValues.Clean(notification.Subject) is var subject && subject != Missing ? subject : "通知";
        string[] lines = (notification.Fields ?? new Dictionary<string, string>())
            .OrderBy(f => f.Key, StringComparer.Ordinal)
            .Select(f => $"{TemplateValues.Clean(f.Key)}：{TemplateValues.Clean(f.Value)}")
            .ToArray();
        string text = lines.Length == 0 ? title : title + "\n" + string.Join('\n', lines);
        string markdown = $"### {title}" + string.Concat(lines.Select(l => "\n> " + l));
        return new RenderedMessage(title, text, markdown);
    }
}

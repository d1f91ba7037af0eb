namespace OrderActors.Notifications;

/// <summary>One event kind's wording: the title, and how to write its text, markdown and SMS from the fields.</summary>
internal sealed record EventTemplate(
    string Title,
    IReadOnlyList<string> SmsFields,
    Func<TemplateValues, string> Text,
    Func<TemplateValues, IEnumerable<string>> MarkdownLines,
    Func<TemplateValues, string> Sms);

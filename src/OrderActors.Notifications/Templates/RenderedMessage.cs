namespace OrderActors.Notifications;

/// <summary>A notification rendered once for every channel: a title, plain text (WeCom/DingTalk text, Feishu text
/// and post) and markdown (WeCom/DingTalk markdown, Feishu cards).</summary>
public sealed record RenderedMessage(string Title, string Text, string Markdown);

namespace OrderActors.Notifications;

/// <summary>The keys of <see cref="ChannelConfig.Settings"/>.</summary>
public static class ChannelSettings
{
    /// <summary>WeCom and DingTalk: <c>markdown</c> (default) or <c>text</c>. Feishu: <c>post</c> (default), <c>text</c> or <c>interactive</c>.</summary>
    public const string MessageType = "msgtype";

    /// <summary>SMS: the provider's name; <c>aliyun</c> when absent.</summary>
    public const string Provider = "provider";

    /// <summary>SMS: the approved sign name (签名) that opens every message as 【sign】.</summary>
    public const string SignName = "signName";

    /// <summary>SMS: the provider's AccessKey ID (the secret is <see cref="ChannelConfig.Secret"/>).</summary>
    public const string AccessKeyId = "accessKeyId";

    /// <summary>SMS: the provider's region (Aliyun <c>RegionId</c>); <c>cn-hangzhou</c> when absent.</summary>
    public const string Region = "region";

    /// <summary>SMS: the field that holds the phone number when the notification has no recipient; <c>phone</c> when absent.</summary>
    public const string PhoneField = "phoneField";

    /// <summary>SMS: prefix of the template code per event kind, e.g. <c>template.order.shipped</c> = <c>SMS_123456789</c>.</summary>
    public const string TemplatePrefix = "template.";

    /// <summary>The template-code key for <paramref name="eventKind"/>.</summary>
    public static string Template(string eventKind) => TemplatePrefix + eventKind;
}

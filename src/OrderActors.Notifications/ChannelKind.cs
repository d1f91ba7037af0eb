namespace OrderActors.Notifications;

/// <summary>Where a notification goes: a group robot, an SMS provider or the tenant's own endpoint.</summary>
public enum ChannelKind
{
    /// <summary>企业微信群机器人 (WeCom group robot webhook).</summary>
    WeCom,

    /// <summary>飞书自定义机器人 (Feishu custom bot), optionally signed.</summary>
    Feishu,

    /// <summary>钉钉自定义机器人 (DingTalk robot), optionally signed in the URL.</summary>
    DingTalk,

    /// <summary>短信: a provider's SMS API (<see cref="ISmsProvider"/>).</summary>
    Sms,

    /// <summary>A generic webhook signed with HMAC-SHA256.</summary>
    Webhook,
}

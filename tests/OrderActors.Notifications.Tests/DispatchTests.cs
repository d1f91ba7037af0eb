using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using OrderActors.Notifications.Tests.Support;

namespace OrderActors.Notifications.Tests;

public sealed class DispatchTests
{
    [Fact]
    public async Task EachKindGoesToItsOwnSender()
    {
        await using var harness = new SenderHarness();
        var sms = new Dictionary<string, string>
        {
            [ChannelSettings.SignName] = "店",
            [ChannelSettings.AccessKeyId] = "id",
            [ChannelSettings.Template(EventKinds.OrderShipped)] = "SMS_1",
        };

        foreach ((ChannelKind kind, string path) in new[]
        {
            (ChannelKind.WeCom, PlatformReplies.WeComPath + "?key=k"),
            (ChannelKind.Feishu, PlatformReplies.FeishuPath + "h"),
            (ChannelKind.DingTalk, PlatformReplies.DingTalkPath + "?access_token=t"),
            (ChannelKind.Webhook, "/hook"),
            (ChannelKind.Sms, "/"),
        })
        {
            ChannelConfig channel = Samples.Channel(kind, harness.Server.Url(path), "secret", kind == ChannelKind.Sms ? sms : null);
            Assert.True((await harness.SendAsync(channel, Samples.Shipped())).Delivered, kind.ToString());
        }

        Assert.Equal(["wecom", "feishu", "dingtalk", "webhook", "aliyun"], harness.Server.Requests.Select(PlatformReplies.Platform).ToArray());
    }

    [Fact]
    public async Task AKindWithoutASenderIsAPermanentFailure()
    {
        var senders = new NotificationSenders([]);

        DeliveryResult result = await senders.SendAsync(Samples.Channel(ChannelKind.WeCom, "https://x"), Samples.Shipped(), CancellationToken.None);

        Assert.Equal(new DeliveryResult(false, false, null, "no sender for WeCom channels"), result);
    }

    [Fact]
    public async Task TheRegisteredSenderIsTheDispatcher()
    {
        await using var harness = new SenderHarness();

        Assert.IsType<NotificationSenders>(harness.Sender);
        Assert.Same(harness.Sender, harness.Services.GetRequiredService<NotificationSenders>());
        Assert.Equal(5, harness.Services.GetServices<IChannelSender>().Select(s => s.Kind).Distinct().Count());
    }

    [Fact]
    public void AddingTheSendersTwiceRegistersEachOnce()
    {
        var services = new ServiceCollection().AddLogging();
        services.AddNotificationSenders();
        services.AddNotificationSenders();
        using ServiceProvider provider = services.BuildServiceProvider();

        Assert.Equal(5, provider.GetServices<IChannelSender>().Count());
        Assert.Single(provider.GetServices<ISmsProvider>());
    }

    [Fact]
    public void NonsensicalOptionsAreRefused()
    {
        var services = new ServiceCollection().AddLogging();
        services.AddNotificationSenders(o => o.InRequestRetries = -1);
        using ServiceProvider provider = services.BuildServiceProvider();

        Assert.Throws<OptionsValidationException>(() => provider.GetRequiredService<IOptions<NotificationSenderOptions>>().Value);
    }
}

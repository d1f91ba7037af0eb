using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace OrderActors.Notifications.Tests.Support;

/// <summary>
/// The senders as the outbox gets them (AddNotificationSenders, real HTTP clients and resilience pipelines), with
/// quick retry delays, every log captured, and a capture server to send to.
/// </summary>
public sealed class SenderHarness : IAsyncDisposable
{
    private readonly ServiceProvider _services;

    public SenderHarness(Action<NotificationSenderOptions>? configure = null)
    {
        Server = CaptureServer.Start(r => PlatformReplies.Success(r));
        var services = new ServiceCollection();
        services.AddLogging(logging => logging.SetMinimumLevel(LogLevel.Trace).AddProvider(Logs));
        services.AddNotificationSenders(options =>
        {
            options.RetryDelay = TimeSpan.FromMilliseconds(10);
            options.AttemptTimeout = TimeSpan.FromSeconds(2);
            options.TotalTimeout = TimeSpan.FromSeconds(10);
            configure?.Invoke(options);
        });
        _services = services.BuildServiceProvider(new ServiceProviderOptions { ValidateOnBuild = true, ValidateScopes = true });
        Sender = _services.GetRequiredService<INotificationSender>();
    }

    public CaptureServer Server { get; }

    public CapturingLoggerProvider Logs { get; } = new();

    public INotificationSender Sender { get; }

    public IServiceProvider Services => _services;

    public Task<DeliveryResult> SendAsync(ChannelConfig channel, Notification notification) =>
        Sender.SendAsync(channel, notification, CancellationToken.None);

    public async ValueTask DisposeAsync()
    {
        await Server.DisposeAsync();
        await _services.DisposeAsync();
    }
}

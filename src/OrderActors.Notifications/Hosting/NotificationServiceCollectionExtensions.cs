using System.Net;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Http.Resilience;
using Microsoft.Extensions.Options;
using Polly;
using Polly.Timeout;

namespace OrderActors.Notifications;

/// <summary>Registers the senders, the SMS providers and their HTTP clients.</summary>
public static class NotificationServiceCollectionExtensions
{
    /// <summary>
    /// Adds <see cref="INotificationSender"/> (<see cref="NotificationSenders"/>), a sender per <see cref="ChannelKind"/>,
    /// the Aliyun SMS provider and two HTTP clients behind resilience pipelines (total timeout → retry with exponential
    /// backoff and jitter → per-attempt timeout). The HTTP client factory's own request logging is removed from both,
    /// since robot URLs carry their keys.
    /// </summary>
    public static IServiceCollection AddNotificationSenders(this IServiceCollection services, Action<NotificationSenderOptions>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(services);
        OptionsBuilder<NotificationSenderOptions> options = services.AddOptions<NotificationSenderOptions>();
        if (configure is not null)
        {
            options.Configure(configure);
        }
        options.Validate(o => o.InRequestRetries >= 0 && o.SmsInRequestRetries >= 0, "retries cannot be negative")
            .Validate(o => o.AttemptTimeout > TimeSpan.Zero && o.TotalTimeout >= o.AttemptTimeout, "timeouts must be positive, the total no shorter than one attempt")
            .Validate(o => o.RetryDelay >= TimeSpan.Zero, "the retry delay cannot be negative");

        services.TryAddSingleton(TimeProvider.System);
        services.AddHttpClient(NotificationHttpClients.Robots, ConfigureClient)
            .RemoveAllLoggers()
            .AddResilienceHandler("notifications", (pipeline, context) =>
            {
                NotificationSenderOptions o = context.ServiceProvider.GetRequiredService<IOptions<NotificationSenderOptions>>().Value;
                Build(pipeline, o, o.InRequestRetries, WorthRetryingNow);
            });
        services.AddHttpClient(NotificationHttpClients.Sms, ConfigureClient)
            .RemoveAllLoggers()
            .AddResilienceHandler("notifications-sms", (pipeline, context) =>
            {
                NotificationSenderOptions o = context.ServiceProvider.GetRequiredService<IOptions<NotificationSenderOptions>>().Value;
                Build(pipeline, o, o.SmsInRequestRetries, SurelyNotSent);
            });

        services.TryAddSingleton<HttpDelivery>();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IChannelSender, WeComSender>());
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IChannelSender, FeishuSender>());
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IChannelSender, DingTalkSender>());
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IChannelSender, WebhookSender>());
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IChannelSender, SmsSender>());
        services.TryAddEnumerable(ServiceDescriptor.Singleton<ISmsProvider, AliyunSmsProvider>());
        services.TryAddSingleton<NotificationSenders>();
        services.TryAddSingleton<INotificationSender>(sp => sp.GetRequiredService<NotificationSenders>());
        return services;
    }

    /// <summary>The pipeline's total timeout bounds a send; the client's own 100 s default would only get in the way.</summary>
    private static void ConfigureClient(HttpClient client)
    {
        client.Timeout = Timeout.InfiniteTimeSpan;
        client.DefaultRequestHeaders.UserAgent.ParseAdd("OrderActors-Notifications/1.0");
    }

    private static void Build(
        ResiliencePipelineBuilder<HttpResponseMessage> pipeline,
        NotificationSenderOptions options,
        int retries,
        Func<Outcome<HttpResponseMessage>, bool> shouldRetry)
    {
        pipeline.AddTimeout(options.TotalTimeout);
        if (retries > 0)
        {
            pipeline.AddRetry(new HttpRetryStrategyOptions
            {
                MaxRetryAttempts = retries,
                BackoffType = DelayBackoffType.Exponential,
                UseJitter = true,
                Delay = options.RetryDelay,
                ShouldRetryAfterHeader = false,
                ShouldHandle = args => ValueTask.FromResult(shouldRetry(args.Outcome)),
            });
        }
        pipeline.AddTimeout(options.AttemptTimeout);
    }

    /// <summary>
    /// Transient for a robot or webhook: network errors, attempt timeouts, 408 and 5xx. Not 429: a rate limit is
    /// better waited out by the outbox's long backoff than hammered within one send.
    /// </summary>
    internal static bool WorthRetryingNow(Outcome<HttpResponseMessage> outcome) =>
        outcome.Exception is HttpRequestException or TimeoutRejectedException
        || (outcome.Result is { } response && (response.StatusCode == HttpStatusCode.RequestTimeout || (int)response.StatusCode >= 500));

    /// <summary>For SMS: a connection that failed before the request went out, or a 503 that refused it whole.</summary>
    internal static bool SurelyNotSent(Outcome<HttpResponseMessage> outcome) =>
        (outcome.Exception is HttpRequestException e && e.HttpRequestError is HttpRequestError.ConnectionError or HttpRequestError.NameResolutionError)
        || outcome.Result?.StatusCode == HttpStatusCode.ServiceUnavailable;
}

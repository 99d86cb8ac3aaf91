using Microsoft.Extensions.Options;
using Purrr.Core.Events;
using Purrr.Core.ScaleOut;
using Purrr.Core.Webhooks;

namespace Purrr.Web.Webhooks;

/// <summary>
/// Sends webhooks from the outbox: at start (events saved before a stop or crash), then every
/// <c>Webhooks:PollSeconds</c>, and at once when a test event or a redelivery is queued.
/// </summary>
public sealed class WebhookWorker(WebhookDispatcher dispatcher, WorkLeases leases, IEventBus bus, IOptions<WebhookOptions> options, ILogger<WebhookWorker> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!options.Value.RunWorker)
            return;
        var interval = TimeSpan.FromSeconds(Math.Max(1, options.Value.PollSeconds));
        using var wake = new SemaphoreSlim(0);
        using var subscription = bus.Subscribe<WebhookDeliveryQueued>(_ =>
        {
            if (wake.CurrentCount == 0)
                wake.Release();
            return Task.CompletedTask;
        });
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                var round = await leases.RunAsync(nameof(WebhookWorker), interval, dispatcher.RunAsync, stoppingToken);
                if (round is not null && round.Attempts > 0)
                    logger.LogInformation("Webhooks: {Attempts} attempt(s), {Delivered} delivered, {Failed} hook(s) failed.", round.Attempts, round.Delivered, round.HooksFailed);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                logger.LogError(e, "Sending webhooks failed; trying again in {Interval}.", interval);
            }
            await wake.WaitAsync(interval, stoppingToken).ContinueWith(_ => { }, TaskScheduler.Default);
        }
    }
}

public static class WebhookSetup
{
    /// <summary>The outbox worker; http:// to loopback URLs is accepted in Development only.</summary>
    public static WebApplicationBuilder AddPurrrWebhooks(this WebApplicationBuilder builder)
    {
        var development = builder.Environment.IsDevelopment();
        builder.Services.PostConfigure<WebhookOptions>(o => o.AllowHttpLoopback = development);
        builder.Services.AddHostedService<WebhookWorker>();
        return builder;
    }
}

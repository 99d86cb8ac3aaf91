using Microsoft.Extensions.Options;
using Purrr.Core.Events;
using Purrr.Core.ScaleOut;
using Purrr.Core.Webhooks;
using Purrr.Web.Background;

namespace Purrr.Web.Webhooks;

/// <summary>
/// Sends webhooks from the outbox: at start (events saved before a stop or crash), then every
/// <c>Webhooks:PollSeconds</c>, and at once when a test event or a redelivery is queued.
/// </summary>
public sealed class WebhookWorker(WebhookDispatcher dispatcher, WorkLeases leases, IEventBus bus, IOptions<WebhookOptions> options, ILogger<WebhookWorker> logger)
    : LeasedTickWorker(leases, logger)
{
    protected override bool Enabled => options.Value.RunWorker;

    protected override TimeSpan Interval => TimeSpan.FromSeconds(Math.Max(1, options.Value.PollSeconds));

    protected override bool TickAtStart => true;

    protected override IDisposable Listen() => bus.Subscribe<WebhookDeliveryQueued>(_ =>
    {
        WakeUp();
        return Task.CompletedTask;
    });

    protected override async Task<string?> TickAsync(CancellationToken ct) =>
        await dispatcher.RunAsync(ct) is { Attempts: > 0 } round
            ? $"{round.Attempts} attempt(s), {round.Delivered} delivered, {round.HooksFailed} hook(s) failed." : null;
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

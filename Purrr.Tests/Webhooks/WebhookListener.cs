using System.Collections.Concurrent;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Purrr.Tests.Webhooks;

/// <summary>A received webhook request: the raw body and the headers Purrr sets.</summary>
public sealed record ReceivedWebhook(string Body, string? Signature, string? Event, string? Delivery);

/// <summary>A real HTTP endpoint on 127.0.0.1 (Kestrel) that records what Purrr posts to <c>/hook</c> and answers 200 (or <see cref="Answer"/>).</summary>
public sealed class WebhookListener : IAsyncDisposable
{
    private readonly WebApplication app;

    public ConcurrentQueue<ReceivedWebhook> Received { get; } = new();

    public int Answer { get; set; } = 200;

    private WebhookListener(WebApplication app) => this.app = app;

    public string Url => app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First() + "/hook";

    public static async Task<WebhookListener> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        var app = builder.Build();
        var listener = new WebhookListener(app);
        app.MapPost("/hook", async (HttpRequest request) =>
        {
            using var reader = new StreamReader(request.Body);
            listener.Received.Enqueue(new ReceivedWebhook(await reader.ReadToEndAsync(),
                request.Headers["X-Purrr-Signature"], request.Headers["X-Purrr-Event"], request.Headers["X-Purrr-Delivery"]));
            return Results.Text("thanks, purrr", statusCode: listener.Answer);
        });
        await app.StartAsync();
        return listener;
    }

    /// <summary>Waits until <paramref name="count"/> requests arrived (a real network round trip: polled, with a generous limit).</summary>
    public async Task WaitForAsync(int count, TimeSpan? limit = null)
    {
        var until = DateTime.UtcNow + (limit ?? TimeSpan.FromSeconds(30));
        while (Received.Count < count)
        {
            if (DateTime.UtcNow > until)
                throw new TimeoutException($"Expected {count} webhook request(s), got {Received.Count}.");
            await Task.Delay(50);
        }
    }

    public async ValueTask DisposeAsync() => await app.DisposeAsync();
}

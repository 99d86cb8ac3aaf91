using Microsoft.Extensions.Diagnostics.HealthChecks;
using Purrr.Data.Redis;

namespace Purrr.Web.Health;

/// <summary>
/// Redis, when several instances share it (<c>Realtime:Redis</c>): answering, and this instance listening to the others.
/// Without it an instance still serves its own players, so a lost Redis is Degraded, never Unhealthy.
/// </summary>
public sealed class RedisHealthCheck(IServiceProvider services) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken ct = default)
    {
        if (services.GetService<RedisConnection>() is not { } redis)
            return HealthCheckResult.Healthy("Not configured: this instance runs alone on its in-memory event bus.");
        const string degraded = "Redis cannot be reached: this instance serves its own players; the others' events resume when it is back.";
        if (!redis.IsConnected)
            return HealthCheckResult.Degraded(degraded);
        try
        {
            var latency = await redis.Multiplexer.GetDatabase().PingAsync().WaitAsync(TimeSpan.FromSeconds(2), ct);
            var bus = services.GetService<RedisEventBus>();
            return bus is { IsSubscribed: false }
                ? HealthCheckResult.Degraded("Redis answers, but this instance is not listening to the others yet.")
                : HealthCheckResult.Healthy($"Answering in {latency.TotalMilliseconds:0.0} ms; events shared with the other instances.");
        }
        catch (Exception e) when (e is StackExchange.Redis.RedisException or TimeoutException)
        {
            return HealthCheckResult.Degraded(degraded, e);
        }
    }
}

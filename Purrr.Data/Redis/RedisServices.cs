using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Purrr.Core.Events;

namespace Purrr.Data.Redis;

public static class RedisServices
{
    /// <summary>
    /// Several instances, one world: with <c>Realtime:Redis</c> set (a StackExchange.Redis configuration string, e.g.
    /// <c>127.0.0.1:6379</c>) the event bus spans every instance over Redis pub/sub and presence and live rooms keep
    /// replicas of the other instances' (heartbeat every <c>Realtime:HeartbeatSeconds</c>, default 5; an instance silent
    /// for <c>Realtime:InstanceTtlSeconds</c>, default 20, is taken for gone). <c>Realtime:Channel</c> (default
    /// <c>purrr:events</c>) separates worlds sharing one Redis. Without <c>Realtime:Redis</c> the in-memory bus runs alone.
    /// </summary>
    public static IServiceCollection AddPurrrRedis(this IServiceCollection services, IConfiguration configuration)
    {
        if (configuration["Realtime:Redis"] is not { Length: > 0 } connection)
            return services;
        var heartbeat = TimeSpan.FromSeconds(Math.Max(0.2, configuration.GetValue("Realtime:HeartbeatSeconds", 5.0)));
        var ttl = TimeSpan.FromSeconds(Math.Max(heartbeat.TotalSeconds * 2, configuration.GetValue("Realtime:InstanceTtlSeconds", 20.0)));
        services.AddSingleton(AppInstance.Shared(heartbeat, ttl));
        services.AddSingleton(_ => new RedisConnection(connection));
        var channel = configuration["Realtime:Channel"] is { Length: > 0 } named ? named : RedisEventBus.DefaultChannel;
        services.AddSingleton(sp => new RedisEventBus(sp.GetRequiredService<RedisConnection>(), sp.GetRequiredService<AppInstance>(),
            sp.GetRequiredService<Microsoft.Extensions.Logging.ILogger<RedisEventBus>>(), channel));
        services.AddSingleton<IEventBus>(sp => sp.GetRequiredService<RedisEventBus>());
        return services;
    }
}

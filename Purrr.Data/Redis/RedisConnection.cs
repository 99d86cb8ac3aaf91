using StackExchange.Redis;

namespace Purrr.Data.Redis;

/// <summary>
/// The one connection to Redis (<c>Realtime:Redis</c>). It starts even when Redis is down and reconnects by itself, so
/// an instance keeps serving its own players alone meanwhile (the health check says Degraded).
/// </summary>
public sealed class RedisConnection : IDisposable
{
    public RedisConnection(string configuration)
    {
        var options = ConfigurationOptions.Parse(configuration);
        options.AbortOnConnectFail = false;
        options.ClientName ??= "purrr";
        options.ReconnectRetryPolicy ??= new LinearRetry(500); // loopback restarts come back within a second
        Multiplexer = ConnectionMultiplexer.Connect(options);
    }

    public IConnectionMultiplexer Multiplexer { get; }

    public bool IsConnected => Multiplexer.IsConnected;

    public void Dispose() => Multiplexer.Dispose();
}

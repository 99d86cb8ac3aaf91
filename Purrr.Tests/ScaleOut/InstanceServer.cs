using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Purrr.Tests.Infrastructure;

namespace Purrr.Tests.ScaleOut;

/// <summary>
/// One of several app instances on a real Kestrel port, sharing a data folder (one SQLite file in WAL mode) and one
/// Redis with the others; heartbeats every half second and a 3 s instance TTL, so losing an instance shows in seconds.
/// Start the first (it migrates and seeds) before the others.
/// </summary>
public sealed class InstanceServer : PurrrAppFactory
{
    private readonly string redis;
    private readonly string channel;

    public InstanceServer(string dataFolder, string redis, string channel, bool seed) : base(dataFolder)
    {
        this.redis = redis;
        this.channel = channel;
        SeedDemoWorld = seed;
        UseKestrel(0);
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.UseSetting("Realtime:Redis", redis);
        builder.UseSetting("Realtime:Channel", channel);
        builder.UseSetting("Realtime:HeartbeatSeconds", "0.5");
        builder.UseSetting("Realtime:InstanceTtlSeconds", "3");
    }

    public string BaseUrl
    {
        get
        {
            StartServer();
            var address = Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
            return address.Replace("[::]", "127.0.0.1").Replace("localhost", "127.0.0.1").TrimEnd('/') + "/";
        }
    }
}

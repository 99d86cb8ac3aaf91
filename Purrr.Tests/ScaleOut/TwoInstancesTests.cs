using System.Net;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Purrr.Core.NightWatch;
using Purrr.Core.ScaleOut;
using Purrr.Data.Redis;
using Purrr.Tests.Infrastructure;
using Purrr.Web.Background;

namespace Purrr.Tests.ScaleOut;

/// <summary>Two app instances (two hosts in this process) on one database and one Redis.</summary>
[Trait("Category", "Redis")]
public sealed class TwoInstancesTests
{
    [Fact]
    public async Task A_night_watch_tick_runs_on_one_instance_not_on_both()
    {
        await using var data = new TempFolder("purrr-two-");
        var channel = TestRedis.NewChannel();
        await using var a = new InstanceServer(data.Path, TestRedis.Address, channel, seed: true);
        _ = a.BaseUrl; // migrated and seeded before the second starts
        await using var b = new InstanceServer(data.Path, TestRedis.Address, channel, seed: false);
        _ = b.BaseUrl;

        var ran = new List<string>();
        for (var round = 0; round < 5; round++)
        {
            // Both instances' ticks come due at the same moment.
            var ticks = await Task.WhenAll(new[] { a, b }.Select(host => Task.Run(async () =>
            {
                var leases = host.Services.GetRequiredService<WorkLeases>();
                var simulator = host.Services.GetRequiredService<NightWatchSimulator>();
                var report = await leases.RunAsync(nameof(NightWatchWorker), TimeSpan.FromSeconds(1), simulator.TickAsync);
                return report is null ? null : host.Services.GetRequiredService<Purrr.Core.Events.AppInstance>().Id;
            })));
            ran.AddRange(ticks.OfType<string>());
            Assert.Single(ticks.OfType<string>());
        }
        // The holder keeps the job while it ticks: no hopping between instances.
        Assert.Single(ran.Distinct());
    }

    [Fact]
    public async Task Health_says_degraded_not_unhealthy_while_Redis_is_down_and_healthy_once_it_is_back()
    {
        using var redis = new RedisProcess();
        await using var data = new TempFolder("purrr-two-");
        await using var app = new InstanceServer(data.Path, redis.Address, TestRedis.NewChannel(), seed: false);
        using var client = app.CreateClient();
        var bus = app.Services.GetRequiredService<RedisEventBus>();
        await TestRedis.WaitUntilAsync(() => bus.IsSubscribed, "the instance listens");
        Assert.Equal(("Healthy", "Healthy"), await HealthAsync(client));

        redis.Stop();
        await TestRedis.WaitUntilAsync(() => !bus.IsSubscribed, "the instance noticed Redis is gone");
        Assert.Equal(("Degraded", "Degraded"), await HealthAsync(client));

        redis.Start();
        await TestRedis.WaitUntilAsync(() => bus.IsSubscribed, "the instance resubscribed by itself", 20_000);
        Assert.Equal(("Healthy", "Healthy"), await HealthAsync(client));
    }

    private static async Task<(string Overall, string Redis)> HealthAsync(HttpClient client)
    {
        var response = await client.GetAsync("/health");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
        var redis = body.GetProperty("checks").EnumerateArray().Single(c => c.GetProperty("name").GetString() == "redis");
        return (body.GetProperty("status").GetString()!, redis.GetProperty("status").GetString()!);
    }
}

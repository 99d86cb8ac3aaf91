using System.Diagnostics;
using Microsoft.Extensions.Logging.Abstractions;
using Purrr.Core.Common;
using Purrr.Core.Events;
using Purrr.Core.Rooms;
using Purrr.Data.Redis;

namespace Purrr.Bench;

/// <summary>
/// Cross-instance event latency: two instances' buses on one Redis, 1,000 room moves a second from one, timed from
/// Publish on the first to the subscriber's handler on the second (one process, so one clock).
///   dotnet run -c Release --project Purrr.Bench -- cross-instance 127.0.0.1:6379 [seconds]
/// </summary>
public static class CrossInstanceLatency
{
    public static async Task RunAsync(string redisAddress, int seconds)
    {
        const int perSecond = 1000;
        var warmUp = perSecond; // the first second is not counted
        var total = warmUp + perSecond * seconds;
        var channel = $"purrr:bench:{Guid.NewGuid():N}";
        using var connectionA = new RedisConnection(redisAddress);
        using var connectionB = new RedisConnection(redisAddress);
        using var a = new RedisEventBus(connectionA, AppInstance.Shared(TimeSpan.FromSeconds(5), TimeSpan.FromSeconds(20)), NullLogger<RedisEventBus>.Instance, channel);
        using var b = new RedisEventBus(connectionB, AppInstance.Shared(TimeSpan.FromSeconds(5), TimeSpan.FromSeconds(20)), NullLogger<RedisEventBus>.Instance, channel);
        while (!a.IsSubscribed || !b.IsSubscribed)
            await Task.Delay(10);

        var room = new RoomKey(RoomType.PartyRoom, 1);
        var sent = new long[total];
        var received = new long[total];
        var done = new TaskCompletionSource();
        var count = 0;
        using var subscription = b.Subscribe<RoomEvent>(RoomEvent.TopicOf(room), e =>
        {
            var i = ((CatMoved)e).X;
            received[i] = Stopwatch.GetTimestamp();
            if (Interlocked.Increment(ref count) == total)
                done.TrySetResult();
            return Task.CompletedTask;
        });

        var cat = CatId.New();
        var start = Stopwatch.GetTimestamp();
        for (var i = 0; i < total; i++)
        {
            var due = start + i * Stopwatch.Frequency / perSecond;
            while (Stopwatch.GetTimestamp() < due)
            {
                if (due - Stopwatch.GetTimestamp() > Stopwatch.Frequency / 500)
                    Thread.Sleep(1);
                else
                    Thread.SpinWait(50);
            }
            sent[i] = Stopwatch.GetTimestamp();
            a.Publish<RoomEvent>(new CatMoved(room, cat, i, 0, 0));
        }
        await Task.WhenAny(done.Task, Task.Delay(TimeSpan.FromSeconds(30)));

        var latencies = Enumerable.Range(warmUp, total - warmUp).Where(i => received[i] != 0)
            .Select(i => (received[i] - sent[i]) * 1000.0 / Stopwatch.Frequency).Order().ToArray();
        var rate = (total - 1) * (double)Stopwatch.Frequency / (sent[^1] - sent[0]);
        Console.WriteLine($"Cross-instance latency over Redis ({redisAddress}), {rate:N0} events/s for {seconds} s: " +
            $"{latencies.Length:N0} of {total - warmUp:N0} received, p50 {Percentile(latencies, 0.50):0.00} ms, " +
            $"p99 {Percentile(latencies, 0.99):0.00} ms, max {latencies.LastOrDefault():0.00} ms");
    }

    private static double Percentile(double[] sorted, double p) => sorted.Length == 0 ? double.NaN : sorted[Math.Min(sorted.Length - 1, (int)(p * sorted.Length))];
}

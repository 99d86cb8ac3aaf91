using BenchmarkDotNet.Attributes;
using Microsoft.Extensions.Time.Testing;
using Purrr.Core.Security;

namespace Purrr.Bench;

/// <summary>
/// The cost of one rate-limit decision, which every /api request and every room action pays: 10,000 API clients with
/// half their hourly allowance used (a busy hour), and one client asking again and again.
/// </summary>
[MemoryDiagnoser]
public class RateLimitBenchmarks
{
    private const int Clients = 10_000;
    private readonly FakeTimeProvider clock = new(new DateTimeOffset(2026, 11, 24, 12, 0, 0, TimeSpan.Zero));
    private RateLimits limits = null!;
    private string[] clients = [];
    private int next;

    [GlobalSetup]
    public void Setup()
    {
        limits = new RateLimits(clock);
        clients = [.. Enumerable.Range(0, Clients).Select(i => $"key:{i}")];
        foreach (var client in clients)
            for (var i = 0; i < 50; i++)
                limits.AdmitApi(client, ApiTier.Premium);
    }

    [Benchmark(Description = "AdmitApi, 10,000 busy clients in turn")]
    public bool AdmitBusyClients()
    {
        var admission = limits.AdmitApi(clients[next++ % Clients], ApiTier.Premium);
        if (next % Clients == 0)
            clock.Advance(TimeSpan.FromSeconds(1)); // a little time passes, so old requests leave the window now and then
        return admission.Allowed;
    }

    [Benchmark(Description = "TryAct, room actions of one player")]
    public bool RoomAction() => limits.TryAct(RateLimitPolicy.RoomActions, "player") is null;
}

using BenchmarkDotNet.Attributes;
using Purrr.Core.Cats;
using Purrr.Core.Common;
using Purrr.Core.NightWatch;

namespace Purrr.Bench;

/// <summary>
/// Issue 5's target: one night-watch tick over 10,000 active patrols (≈50,000 cats) in ≤ 50 ms of Core time, without
/// the database: indexing the zones, then weather, encounter, effectiveness, strays and XP for every patrol.
/// </summary>
[MemoryDiagnoser]
public class NightWatchTickBenchmark
{
    private static readonly DateTimeOffset Night = new(2026, 4, 14, 22, 0, 0, TimeSpan.Zero); // spring: the busiest bobcats
    private static readonly GeoPoint[] Cities = [new(48.853, 2.35), new(40.71, -74.0), new(35.68, 139.69), new(-33.87, 151.21), new(51.5, -0.12)];

    private readonly SeasonalWeather weather = new();
    private PatrolInput[] patrols = [];
    private ZoneFootprint[] zones = [];

    [Params(10_000)]
    public int Patrols { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        var random = new SeededRandomSource(5);
        var personalities = Enum.GetValues<Personality>();
        var roles = Enum.GetValues<PatrolRole>();
        GeoPoint Somewhere() => random.Pick(Cities).Offset(random.NextDouble() * 8_000, random.NextDouble() * 360);

        patrols = Enumerable.Range(0, Patrols).Select(_ => new PatrolInput(Somewhere(),
            Enumerable.Range(0, random.Next(1, 10)) // 1–9 cats, 5 on average
                .Select(_ => new PatrolCatState(random.Pick(roles), random.Pick(personalities), random.Next(0, 100))).ToArray())).ToArray();
        // Every patrolling player has a Home Base, and one in two built another zone.
        zones = patrols.Select(p => new ZoneFootprint(p.Center, ZoneSpecs.HomeBaseRadius, ZoneType.SafeHaven, default))
            .Concat(patrols.Where((_, i) => i % 2 == 0).Select(p => new ZoneFootprint(p.Center.Offset(300, 90), random.Next(50, 1001), random.Pick(Enum.GetValues<ZoneType>()), default)))
            .ToArray();
    }

    [Benchmark]
    public int Tick()
    {
        var ticks = ThreatModel.TickAll(patrols, new ZoneIndex(zones), weather, Night, ThreatModel.BaseActivity, new SeededRandomSource(7));
        return ticks.Length;
    }
}

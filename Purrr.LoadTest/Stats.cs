using System.Text.Json.Serialization;

namespace Purrr.LoadTest;

/// <summary>Percentiles of a set of durations, in milliseconds (nearest rank).</summary>
public sealed record Percentiles(int Count, double P50, double P95, double P99, double Max)
{
    public static Percentiles? Of(IEnumerable<double> milliseconds)
    {
        var sorted = milliseconds.Order().ToArray();
        if (sorted.Length == 0)
            return null;
        double At(double p) => sorted[Math.Clamp((int)Math.Ceiling(p * sorted.Length) - 1, 0, sorted.Length - 1)];
        return new Percentiles(sorted.Length, Math.Round(At(0.50), 1), Math.Round(At(0.95), 1), Math.Round(At(0.99), 1), Math.Round(sorted[^1], 1));
    }

    public override string ToString() => $"n={Count:N0} p50={P50} ms p95={P95} ms p99={P99} ms max={Max} ms";
}

/// <summary>The app's own figures, from its opt-in <c>/_perf/process</c> endpoint.</summary>
public sealed record ProcessSnapshot(long WorkingSetBytes, long ManagedHeapBytes, long GcHeapSizeBytes, long GcCommittedBytes,
    int OpenCircuits, long CircuitsOpened, int Threads, double CpuMilliseconds, int Gen0, int Gen1, int Gen2, bool ServerGc, int Processors);

/// <summary>What one scenario run measured; written as JSON for the report.</summary>
public sealed record ScenarioResult
{
    public required string Scenario { get; init; }
    public required int Circuits { get; init; }
    public int Opened { get; init; }
    public int Failed { get; init; }
    public double DurationSeconds { get; init; }
    public double RatePerCircuit { get; init; }
    public int Events { get; init; }
    public int EventErrors { get; init; }
    public Percentiles? RoundTrip { get; init; }
    public Percentiles? TimeToInteractive { get; init; }
    public long RenderBatches { get; init; }
    public ProcessSnapshot? Baseline { get; init; }
    /// <summary>The app once every circuit was open (no forced GC): from here to <see cref="Loaded"/> is the acting phase.</summary>
    public ProcessSnapshot? Ready { get; init; }
    public ProcessSnapshot? Loaded { get; init; }

    /// <summary>The load client's own CPU time during the acting phase (it shares the machine with the app).</summary>
    public double ClientCpuMilliseconds { get; init; }

    /// <summary>HTTP/1.1 (a socket per circuit, as a browser tab) or HTTP/2 (circuits share connections).</summary>
    public string Transport { get; init; } = "HTTP/1.1";
    public ProcessSnapshot? After { get; init; }
    public string? Uptime { get; init; }
    public List<string> Errors { get; init; } = [];

    /// <summary>Rooms: from an event leaving the sender until another tab in the room shows it.</summary>
    public Percentiles? FanOut { get; init; }

    /// <summary>Rooms: steps and chat messages seen on the sender's tab (and how many cats were in).</summary>
    public int Moves { get; init; }
    public int Messages { get; init; }
    public int Members { get; init; }

    /// <summary>The app's CPU time per event during the acting phase (includes whatever else the app did meanwhile: ticks, GC).</summary>
    [JsonIgnore]
    public double? AppCpuPerEventMs => Ready is null || Loaded is null || Events == 0 ? null : (Loaded.CpuMilliseconds - Ready.CpuMilliseconds) / Events;

    [JsonIgnore]
    public double? ClientCpuPerEventMs => Events == 0 ? null : ClientCpuMilliseconds / Events;

    [JsonIgnore]
    public double? WorkingSetPerCircuitKb => Baseline is null || Loaded is null || Opened == 0 ? null : (Loaded.WorkingSetBytes - Baseline.WorkingSetBytes) / 1024.0 / Opened;

    [JsonIgnore]
    public double? HeapPerCircuitKb => Baseline is null || Loaded is null || Opened == 0 ? null : (Loaded.ManagedHeapBytes - Baseline.ManagedHeapBytes) / 1024.0 / Opened;
}

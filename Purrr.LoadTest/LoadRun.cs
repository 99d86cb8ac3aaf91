using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;

namespace Purrr.LoadTest;

public sealed record LoadOptions(Uri BaseUri, int Circuits, TimeSpan Duration, double RatePerCircuit = 1, int Ramp = 16,
    IReadOnlyList<string>? Players = null, string Password = "purrr-demo-2026", int? Rooms = null, bool Http2 = false)
{
    public IReadOnlyList<string> PlayerNames => Players ?? ["milo", "nova", "pixel", "luna"];
}

/// <summary>
/// Runs one scenario: opens the circuits (a few at a time), keeps them busy or idle for the duration, and reads the
/// app's memory before (baseline), with the circuits open (loaded) and after they close.
/// </summary>
public sealed partial class LoadRun(LoadOptions options, TextWriter log)
{
    private static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(120);
    private static readonly TimeSpan EventTimeout = TimeSpan.FromSeconds(30);
    private readonly ConcurrentBag<double> roundTrips = [];
    private readonly ConcurrentBag<double> startTimes = [];
    private readonly ConcurrentQueue<string> errors = new();
    private int eventErrors;

    public static readonly string[] Scenarios = ["idle", "care", "nightwatch", "rooms"];

    public async Task<ScenarioResult> RunAsync(string scenario, CancellationToken cancellation = default)
    {
        var baseline = await SnapshotAsync(collect: true);
        log.WriteLine($"[{scenario}] baseline: {Describe(baseline)}");

        var sessions = scenario == "idle" ? [Visitor()] : await SignInAllAsync();
        var plan = await PlanAsync(scenario, sessions);
        var clients = new CircuitClient?[options.Circuits];
        var started = Stopwatch.StartNew();
        using (var gate = new SemaphoreSlim(options.Ramp))
        {
            await Task.WhenAll(Enumerable.Range(0, options.Circuits).Select(async i =>
            {
                await gate.WaitAsync(cancellation);
                try
                {
                    var (session, path) = scenario == "rooms"
                        ? (RoomSeat(i, sessions.Length) is (_, { }) ? sessions[i % sessions.Length] : Visitor(), $"rooms/{RoomSlug}-{RoomSeat(i, sessions.Length).Room}")
                        : plan[i % plan.Count];
                    var client = new CircuitClient(options.BaseUri, session.Http, session.Cookies) { TrackUi = scenario != "idle" };
                    var opening = Stopwatch.GetTimestamp();
                    await client.StartAsync(path, StartTimeout, cancellation);
                    startTimes.Add(Stopwatch.GetElapsedTime(opening).TotalMilliseconds);
                    clients[i] = client;
                    if (startTimes.Count % 1000 == 0)
                        log.WriteLine($"[{scenario}] {startTimes.Count:N0} circuits open after {started.Elapsed.TotalSeconds:0} s");
                }
                catch (Exception ex) when (ex is not OutOfMemoryException)
                {
                    Record($"start: {ex.GetType().Name}: {ex.Message}");
                }
                finally
                {
                    gate.Release();
                }
            }));
        }
        var opened = clients.Count(c => c is not null);
        log.WriteLine($"[{scenario}] {opened:N0} of {options.Circuits:N0} circuits open in {started.Elapsed.TotalSeconds:0.0} s");

        var ready = await SnapshotAsync(collect: false);
        var clientCpuReady = Process.GetCurrentProcess().TotalProcessorTime;
        var running = Stopwatch.StartNew();
        if (scenario == "rooms")
            await ActInRoomsAsync(clients, sessions.Length, cancellation);
        else
            await Task.WhenAll(clients.Where(c => c is not null).Select((c, i) => ActAsync(scenario, c!, i, cancellation)));
        var clientCpu = Process.GetCurrentProcess().TotalProcessorTime - clientCpuReady;
        var loaded = await SnapshotAsync(collect: true);
        log.WriteLine($"[{scenario}] loaded: {Describe(loaded)}");
        var uptime = Uptime();
        var renderBatches = clients.Where(c => c is not null).Sum(c => (long)c!.RenderBatches);
        foreach (var c in clients.Where(c => c?.Error is { Length: > 0 }))
            Record($"circuit: {c!.Error}");

        await Task.WhenAll(clients.Where(c => c is not null).Select(c => c!.DisposeAsync().AsTask()));
        await Task.Delay(TimeSpan.FromSeconds(3), cancellation); // let the server close the circuits
        var after = await SnapshotAsync(collect: true);

        return new ScenarioResult
        {
            Scenario = scenario,
            Circuits = options.Circuits,
            Opened = opened,
            Failed = options.Circuits - opened,
            DurationSeconds = Math.Round(running.Elapsed.TotalSeconds, 1),
            RatePerCircuit = scenario is "care" or "rooms" ? options.RatePerCircuit : 0,
            Events = roundTrips.Count,
            EventErrors = eventErrors,
            RoundTrip = Percentiles.Of(roundTrips),
            TimeToInteractive = Percentiles.Of(startTimes),
            RenderBatches = renderBatches,
            Baseline = baseline,
            Ready = ready,
            Loaded = loaded,
            ClientCpuMilliseconds = Math.Round(clientCpu.TotalMilliseconds),
            Transport = options.Http2 ? "HTTP/2" : "HTTP/1.1",
            After = after,
            Uptime = uptime,
            Errors = errors.Distinct().Take(20).ToList(),
            FanOut = Percentiles.Of(fanOuts),
            Moves = moves,
            Messages = messages,
            Members = members,
        };
    }

    private sealed record Session(HttpClient Http, CookieContainer Cookies, string Name);

    private Session Visitor()
    {
        var cookies = new CookieContainer();
        return new Session(WebSessions.NewHttp(cookies, options.Http2), cookies, "visitor");
    }

    private async Task<Session[]> SignInAllAsync() =>
        await Task.WhenAll(options.PlayerNames.Select(async name =>
        {
            var (http, cookies) = await WebSessions.SignInAsync(options.BaseUri, name, options.Password, options.Http2);
            return new Session(http, cookies, name);
        }));

    /// <summary>Which page each circuit opens, round robin over the sessions.</summary>
    private async Task<List<(Session Session, string Path)>> PlanAsync(string scenario, Session[] sessions)
    {
        var plan = new List<(Session, string)>();
        foreach (var session in sessions)
            plan.Add((session, scenario switch
            {
                "idle" => "",
                "care" => await WebSessions.FirstCatPathAsync(session.Http, options.BaseUri),
                "nightwatch" => "night-watch",
                "rooms" => "rooms", // each circuit's room is chosen when it opens (RoomSeat)
                _ => throw new ArgumentException($"Unknown scenario '{scenario}'. Known: {string.Join(", ", Scenarios)}."),
            }));
        return plan;
    }

    /// <summary>What one circuit does for the duration.</summary>
    private async Task ActAsync(string scenario, CircuitClient client, int index, CancellationToken cancellation)
    {
        var until = DateTime.UtcNow + options.Duration;
        if (scenario != "care")
        {
            var left = until - DateTime.UtcNow;
            if (left > TimeSpan.Zero)
                await Task.Delay(left, cancellation);
            return;
        }
        // Spread the circuits' events over the period so they don't all click at once.
        var period = TimeSpan.FromSeconds(1 / options.RatePerCircuit);
        await Task.Delay(period * Random.Shared.NextDouble(), cancellation);
        string[] labels = ["Feed", "Play", "Groom", "Train"];
        var step = index;
        while (DateTime.UtcNow < until && !cancellation.IsCancellationRequested)
        {
            var next = DateTime.UtcNow + period;
            try
            {
                // A menu opens, the next click on it closes it: a render each time, and nothing spent.
                var label = Enumerable.Range(0, labels.Length).Select(k => labels[(step / 2 + k) % labels.Length] + "*").FirstOrDefault(client.Has)
                    ?? throw new InvalidOperationException("No care menu to open (all cooling down?): " + string.Join(" | ", client.Buttons()));
                step++;
                roundTrips.Add((await client.ClickAsync(label, EventTimeout, cancellation)).TotalMilliseconds);
            }
            catch (Exception ex) when (ex is not OutOfMemoryException)
            {
                Interlocked.Increment(ref eventErrors);
                Record($"event: {ex.GetType().Name}: {ex.Message}");
                if (client.Error is { Length: > 0 })
                    return;
            }
            var wait = next - DateTime.UtcNow;
            if (wait > TimeSpan.Zero)
                await Task.Delay(wait, cancellation);
        }
    }

    private void Record(string error)
    {
        if (errors.Count < 1000)
            errors.Enqueue(error);
    }

    private async Task<ProcessSnapshot?> SnapshotAsync(bool collect)
    {
        try
        {
            using var http = WebSessions.NewHttp(new CookieContainer(), options.Http2);
            return await http.GetFromJsonAsync<ProcessSnapshot>(new Uri(options.BaseUri, $"_perf/process?collect={(collect ? "true" : "false")}"));
        }
        catch (HttpRequestException ex)
        {
            log.WriteLine($"No process metrics ({ex.Message}): start the app with Perf__ProcessMetrics=true.");
            return null;
        }
    }

    private static string Describe(ProcessSnapshot? s) => s is null ? "n/a"
        : $"working set {s.WorkingSetBytes / 1048576.0:0.0} MB, managed heap {s.ManagedHeapBytes / 1048576.0:0.0} MB, {s.OpenCircuits} circuits open";

    private static string? Uptime() => File.Exists("/proc/loadavg") ? "load average " + string.Join(", ", File.ReadAllText("/proc/loadavg").Split(' ').Take(3)) : null;
}

using System.Globalization;
using System.Runtime.InteropServices;
using System.Text;
using System.Text.Json;

namespace Purrr.LoadTest;

/// <summary>
/// Writes docs/performance.md from one perf.sh run: the machine, every goal with its measured figure (load scenarios'
/// JSON results, BenchmarkDotNet's CSV reports, the cold start), then the details.
/// </summary>
public static class Report
{
    private static readonly CultureInfo Invariant = CultureInfo.InvariantCulture;

    public static string Write(string resultsFolder, string? benchFolder, double? coldStartMs, IReadOnlyList<double>? restartMs = null)
    {
        var results = Directory.Exists(resultsFolder)
            ? Directory.GetFiles(resultsFolder, "*.json").Order(StringComparer.Ordinal)
                .Select(f => JsonSerializer.Deserialize<ScenarioResult>(File.ReadAllText(f))!).ToList()
            : [];
        var bench = benchFolder is not null && Directory.Exists(benchFolder) ? Benchmarks.Read(benchFolder) : new Benchmarks([]);
        ScenarioResult? Scenario(string name) => results.Where(r => r.Scenario == name).MaxBy(r => r.Opened);

        var md = new StringBuilder();
        md.AppendLine("# Performance");
        md.AppendLine();
        md.AppendLine($"Measured by `./perf.sh` on {DateTime.UtcNow:yyyy-MM-dd HH:mm} UTC (Release ReadyToRun publish, fresh SQLite database, demo world). Regenerate with `./perf.sh` (see the end).");
        md.AppendLine();
        md.AppendLine("## Machine");
        md.AppendLine();
        foreach (var fact in MachineFacts())
            md.AppendLine($"- {fact}");
        foreach (var r in results.Where(r => r.Uptime is not null))
            md.AppendLine($"- At the end of `{r.Scenario}` ({r.Opened:N0} circuits): {r.Uptime}");
        md.AppendLine("- The load client runs on the same 2 cores as the app: every latency below includes its work.");
        md.AppendLine();

        md.AppendLine("## Goals and measured figures");
        md.AppendLine();
        md.AppendLine("| Goal | Target | Measured | Met | How |");
        md.AppendLine("|---|---|---|---|---|");
        var idle = Scenario("idle");
        Row(md, "Concurrent live circuits", "20,000", idle is null ? null : $"{idle.Opened:N0} open, {idle.Failed:N0} failed",
            idle is null ? null : idle.Opened >= 20_000 && idle.Failed == 0, $"`idle` scenario: home page circuits held open at once ({idle?.Transport ?? "HTTP/1.1"})");
        Row(md, "Memory per idle circuit", "≤ 200 KB", idle?.WorkingSetPerCircuitKb is { } ws ? $"{ws:N0} KB working set ({idle.HeapPerCircuitKb:N0} KB managed heap)" : null,
            idle?.WorkingSetPerCircuitKb is { } w ? w <= 200 : null, "(working set with N circuits − baseline) / N, after a full GC");
        var care = Scenario("care");
        // A smaller care run (PERF_CARE_SMALL) shows where p99 stands below the full load.
        var smaller = results.Where(r => r.Scenario == "care" && r != care && r.RoundTrip is not null).MaxBy(r => r.Opened);
        Row(md, "Active users, 1 UI event/s each, p99 round trip", "2,000 users, ≤ 100 ms",
            care?.RoundTrip is { } rt ? $"{care.Opened:N0} users: p50 {rt.P50} ms, p95 {rt.P95} ms, p99 {rt.P99} ms, max {rt.Max} ms ({care.Events:N0} events, {care.EventErrors} errors)"
                + (smaller?.RoundTrip is { } st ? $"; {smaller.Opened:N0} users: p50 {st.P50} ms, p99 {st.P99} ms ({smaller.Events:N0} events, {smaller.EventErrors} errors)" : "") : null,
            care?.RoundTrip is { } r2 ? care.Opened >= 2_000 && r2.P99 <= 100 && care.EventErrors == 0 : null, "`care` scenario: signed-in players open and close their cat's care menus");
        var rooms = Scenario("rooms");
        Row(md, "Room members moving and chatting, p99 round trip", "≤ 100 ms",
            rooms?.RoundTrip is { } rr ? string.Create(Invariant, $"{rooms.Members} cats in rooms, {rooms.Opened:N0} tabs: own tab p50 {rr.P50} / p99 {rr.P99} ms; another member's tab p50 {rooms.FanOut?.P50} / p99 {rooms.FanOut?.P99} ms ({rooms.Moves:N0} moves, {rooms.Messages:N0} messages, {rooms.EventErrors} errors)") : null,
            rooms?.RoundTrip is { } r3 ? r3.P99 <= 100 && (rooms.FanOut?.P99 ?? double.MaxValue) <= 100 && rooms.EventErrors == 0 : null,
            "`rooms` scenario: arrow key on the floor / chat message → the render showing it on the sender, and on another tab in the room");
        var fanOut = bench.Find("RoomFanOutBenchmark", "MoveReachesAll25");
        Row(md, "Room fan-out to 25 members (server side)", "≤ 10 ms", fanOut?.Mean is { } f ? Ms(f) + " mean" : null, Within(fanOut?.Mean, 10), "`RoomFanOutBenchmark`");
        var tick = bench.Find("NightWatchTickBenchmark", "Tick");
        Row(md, "Night-watch tick over 10,000 patrols", "≤ 50 ms", tick?.Mean is { } t ? Ms(t) + " mean" : null, Within(tick?.Mean, 50), "`NightWatchTickBenchmark`");
        var feed = bench.Find("FeedBenchmark", "LatestFirstPage");
        Row(md, "Feed page over 100,000 posts, p95", "≤ 20 ms", feed?.P95 is { } p ? Ms(p) + " p95" : null, Within(feed?.P95, 20), "`FeedBenchmark` (SQLite file)");
        var restart = restartMs is { Count: > 0 } ? restartMs.Order().ElementAt(restartMs.Count / 2) : (double?)null;
        Row(md, "Cold start to first served page", "≤ 3 s",
            coldStartMs is { } c ? string.Create(Invariant, $"fresh database {c / 1000:0.00} s; existing database {(restart is { } again ? $"{again / 1000:0.00} s (median of {restartMs!.Count})" : "not measured")}") : null,
            coldStartMs is { } c2 ? c2 <= 3000 && (restart ?? 0) <= 3000 : null,
            "perf.sh: process launch → first 200 on `/`; fresh = migrations + demo accounts and cats first (the rest of the demo world right after, in the background); existing = the restarts before each later scenario");
        md.AppendLine();

        if (results.Count > 0)
        {
            md.AppendLine("## Load scenarios");
            md.AppendLine();
            md.AppendLine("Run by `Purrr.LoadTest`, a headless circuit client (SignalR + blazorpack, render batches applied to a logical DOM, events dispatched like blazor.web.js), each scenario against a freshly restarted app. " +
                "CPU per event: the process's CPU time from the moment every circuit was open to the end of the scenario, divided by the events (the app's includes its ticks and GC meanwhile).");
            md.AppendLine();
            md.AppendLine("| Scenario | Circuits opened / failed | Time to interactive p50 / p95 | Events | Round trip p50 / p95 / p99 / max | CPU per event app / client | Working set before → loaded | Managed heap before → loaded | Per circuit (WS / heap) |");
            md.AppendLine("|---|---|---|---|---|---|---|---|---|");
            foreach (var r in results)
            {
                md.AppendLine(string.Create(Invariant, $"| {r.Scenario} | {r.Opened:N0} / {r.Failed:N0} | {r.TimeToInteractive?.P50} / {r.TimeToInteractive?.P95} ms | " +
                    $"{r.Events:N0} ({r.EventErrors} errors) | {(r.RoundTrip is { } x ? $"{x.P50} / {x.P95} / {x.P99} / {x.Max} ms" : "—")} | " +
                    $"{(r.AppCpuPerEventMs is { } app ? $"{app:0.00} / {r.ClientCpuPerEventMs:0.00} ms" : "—")} | " +
                    $"{Mb(r.Baseline?.WorkingSetBytes)} → {Mb(r.Loaded?.WorkingSetBytes)} | {Mb(r.Baseline?.ManagedHeapBytes)} → {Mb(r.Loaded?.ManagedHeapBytes)} | " +
                    $"{r.WorkingSetPerCircuitKb:N0} KB / {r.HeapPerCircuitKb:N0} KB |"));
            }
            md.AppendLine();
            foreach (var r in results.Where(r => r.Scenario == "rooms" && r.RoundTrip is not null))
            {
                md.AppendLine(string.Create(Invariant, $"Rooms: {r.Members} cats walked and chatted at {r.RatePerCircuit} events/s each ({r.Moves:N0} moves, {r.Messages:N0} messages); " +
                    $"the other {r.Opened - r.Members:N0} tabs watched. From the event leaving the sender until another tab in the room showed it: " +
                    $"{(r.FanOut is { } seen ? $"p50 {seen.P50} / p95 {seen.P95} / p99 {seen.P99} / max {seen.Max} ms" : "—")}."));
                md.AppendLine();
            }
            foreach (var r in results.Where(r => r.Errors.Count > 0))
            {
                md.AppendLine($"Errors in `{r.Scenario}` (first distinct ones):");
                md.AppendLine();
                foreach (var e in r.Errors.Take(5))
                    md.AppendLine($"- {e.Replace("|", "\\|")}");
                md.AppendLine();
            }
        }

        if (bench.Tables.Count > 0)
        {
            md.AppendLine("## Benchmarks");
            md.AppendLine();
            md.AppendLine("BenchmarkDotNet (`Purrr.Bench`, in-process toolchain, short job), Core hot paths and SQLite queries on real files.");
            md.AppendLine();
            foreach (var (name, table) in bench.Tables)
            {
                md.AppendLine($"### {name}");
                md.AppendLine();
                md.AppendLine(table.Trim());
                md.AppendLine();
            }
        }
        return md.ToString();
    }

    private static void Row(StringBuilder md, string goal, string target, string? measured, bool? met, string how) =>
        md.AppendLine($"| {goal} | {target} | {measured ?? "not measured"} | {(met is null ? "—" : met.Value ? "yes" : "**no**")} | {how} |");

    private static bool? Within(double? measured, double limit) => measured is { } m ? m <= limit : null;

    private static string Ms(double ms) => ms < 1 ? $"{ms * 1000:0.0} µs".Replace(",", "", StringComparison.Ordinal) : string.Create(Invariant, $"{ms:0.00} ms");

    private static string Mb(long? bytes) => bytes is { } b ? string.Create(Invariant, $"{b / 1048576.0:0} MB") : "—";

    private static IEnumerable<string> MachineFacts()
    {
        string? Read(string path) => File.Exists(path) ? File.ReadAllText(path) : null;
        var cpu = Read("/proc/cpuinfo")?.Split('\n').FirstOrDefault(l => l.StartsWith("model name", StringComparison.Ordinal))?.Split(':', 2)[1].Trim();
        var memKb = Read("/proc/meminfo")?.Split('\n').FirstOrDefault(l => l.StartsWith("MemTotal", StringComparison.Ordinal))?.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1];
        var os = Read("/etc/os-release")?.Split('\n').FirstOrDefault(l => l.StartsWith("PRETTY_NAME=", StringComparison.Ordinal))?.Split('=', 2)[1].Trim('"');
        yield return $"CPU: {cpu ?? RuntimeInformation.ProcessArchitecture.ToString()}, {Environment.ProcessorCount} logical cores";
        if (memKb is not null)
            yield return string.Create(Invariant, $"Memory: {long.Parse(memKb, Invariant) / 1048576.0:0.0} GB");
        yield return $"OS: {os ?? RuntimeInformation.OSDescription}; {RuntimeInformation.FrameworkDescription}";
    }

    /// <summary>BenchmarkDotNet's exported reports: the GitHub-flavoured tables, and the CSV figures by type and method.</summary>
    private sealed record Benchmarks(List<(string Name, string Table)> Tables)
    {
        private readonly List<(string Type, Dictionary<string, string> Row)> rows = [];

        public static Benchmarks Read(string folder)
        {
            var bench = new Benchmarks([]);
            foreach (var md in Directory.GetFiles(folder, "*-report-github.md").Order(StringComparer.Ordinal))
            {
                var name = Path.GetFileName(md).Replace("Purrr.Bench.", "", StringComparison.Ordinal).Replace("-report-github.md", "", StringComparison.Ordinal);
                var table = string.Join('\n', File.ReadAllLines(md).SkipWhile(l => !l.StartsWith('|')));
                bench.Tables.Add((name, table));
            }
            foreach (var csv in Directory.GetFiles(folder, "*-report.csv"))
            {
                var type = Path.GetFileName(csv).Replace("Purrr.Bench.", "", StringComparison.Ordinal).Replace("-report.csv", "", StringComparison.Ordinal);
                var lines = File.ReadAllLines(csv);
                var header = Split(lines[0]);
                foreach (var line in lines.Skip(1))
                {
                    var cells = Split(line);
                    bench.rows.Add((type, header.Zip(cells).ToDictionary(p => p.First, p => p.Second)));
                }
            }
            return bench;
        }

        public (double? Mean, double? P95)? Find(string type, string method)
        {
            var row = rows.FirstOrDefault(r => r.Type == type && r.Row.GetValueOrDefault("Method") == method).Row;
            return row is null ? null : (ToMs(row.GetValueOrDefault("Mean")), ToMs(row.GetValueOrDefault("P95")));
        }

        private static double? ToMs(string? value)
        {
            if (value is null || value.Split(' ') is not [var number, var unit] || !double.TryParse(number.Replace(",", "", StringComparison.Ordinal), NumberStyles.Float, Invariant, out var n))
                return null;
            return unit switch { "ns" => n / 1e6, "us" or "μs" or "µs" => n / 1e3, "ms" => n, "s" => n * 1e3, _ => null };
        }

        private static List<string> Split(string line)
        {
            var cells = new List<string>();
            var cell = new StringBuilder();
            var quoted = false;
            foreach (var ch in line)
            {
                if (ch == '"')
                    quoted = !quoted;
                else if (ch == ',' && !quoted)
                {
                    cells.Add(cell.ToString());
                    cell.Clear();
                }
                else
                    cell.Append(ch);
            }
            cells.Add(cell.ToString());
            return cells;
        }
    }
}

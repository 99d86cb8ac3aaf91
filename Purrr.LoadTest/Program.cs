using System.Globalization;
using System.Text.Json;
using Purrr.LoadTest;

// Purrr.LoadTest <idle|care|nightwatch|rooms> --url http://127.0.0.1:5000/ --circuits 100 [--duration 60] [--rate 1] [--ramp 16]
//                [--players milo,nova] [--out result.json] [--http2 (the URL is an HTTP/2-only endpoint; tabs share connections)]
// Purrr.LoadTest report --results <folder of result JSON> --out docs/performance.md [--bench <BenchmarkDotNet results folder>] [--cold-start-ms N]
//                       [--cold-start-existing-ms N,N,...]
if (args.Length == 0 || args[0] is "-h" or "--help")
{
    Console.WriteLine("Purrr.LoadTest <idle|care|nightwatch|rooms> --url URL --circuits N [--duration S] [--rate R] [--ramp K] [--players a,b] [--rooms K] [--out file.json] [--http2]");
    Console.WriteLine("Purrr.LoadTest report --results DIR --out docs/performance.md [--bench DIR] [--cold-start-ms N] [--cold-start-existing-ms N,N,...]");
    return 0;
}

string? Option(string name) => Array.IndexOf(args, name) is var i and >= 0 && i + 1 < args.Length ? args[i + 1] : null;
double Number(string name, double fallback) => Option(name) is { } v ? double.Parse(v, CultureInfo.InvariantCulture) : fallback;

if (args[0] == "report")
{
    var written = Report.Write(Option("--results") ?? "perf-results", Option("--bench"), Option("--cold-start-ms") is { } ms ? double.Parse(ms, CultureInfo.InvariantCulture) : null,
        Option("--cold-start-existing-ms")?.Split(',', StringSplitOptions.RemoveEmptyEntries).Select(v => double.Parse(v, CultureInfo.InvariantCulture)).ToList());
    File.WriteAllText(Option("--out") ?? "docs/performance.md", written);
    Console.WriteLine($"Wrote {Option("--out") ?? "docs/performance.md"}");
    return 0;
}

var options = new LoadOptions(
    new Uri((Option("--url") ?? "http://127.0.0.1:5000/").TrimEnd('/') + "/"),
    (int)Number("--circuits", 10),
    TimeSpan.FromSeconds(Number("--duration", 30)),
    Number("--rate", 1),
    (int)Number("--ramp", 16),
    Option("--players")?.Split(',', StringSplitOptions.RemoveEmptyEntries),
    Rooms: Option("--rooms") is { } rooms ? int.Parse(rooms, CultureInfo.InvariantCulture) : null,
    Http2: args.Contains("--http2"));
var result = await new LoadRun(options, Console.Out).RunAsync(args[0]);
Console.WriteLine($"{result.Scenario}: {result.Opened:N0} opened, {result.Failed:N0} failed; time to interactive {result.TimeToInteractive}");
if (result.RoundTrip is { } rt)
    Console.WriteLine($"  events: {rt}; {result.EventErrors} errors");
if (result.Scenario == "rooms")
    Console.WriteLine($"  rooms: {result.Members} cats in; {result.Moves:N0} moves, {result.Messages:N0} messages seen; another tab saw them: {result.FanOut?.ToString() ?? "n/a"}");
if (result.WorkingSetPerCircuitKb is { } ws)
    Console.WriteLine($"  per circuit: working set {ws:0.0} KB, managed heap {result.HeapPerCircuitKb:0.0} KB");
foreach (var error in result.Errors.Take(5))
    Console.WriteLine($"  error: {error}");
if (Option("--out") is { } path)
    File.WriteAllText(path, JsonSerializer.Serialize(result, new JsonSerializerOptions { WriteIndented = true }));
return result.Failed == 0 && result.EventErrors == 0 ? 0 : 1;

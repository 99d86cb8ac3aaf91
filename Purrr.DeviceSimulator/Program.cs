using Purrr.DeviceSimulator;

// dotnet run --project Purrr.DeviceSimulator -- --url http://localhost:5000 --device <id> --key <key> [--type weight_scale] [--days 90] [--seed 7]
var options = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
for (var i = 0; i + 1 < args.Length; i += 2)
{
    if (!args[i].StartsWith("--", StringComparison.Ordinal))
        return Usage($"Unexpected \"{args[i]}\".");
    options[args[i][2..]] = args[i + 1];
}
if (!options.TryGetValue("device", out var deviceText) || !Guid.TryParse(deviceText, out var device))
    return Usage("--device: the device's id as the cat's Health tab shows it (a GUID).");
if (!options.TryGetValue("key", out var key) || key.Length == 0)
    return Usage("--key: the device key shown once when you registered the device (pd_…).");
var url = options.GetValueOrDefault("url", "http://localhost:5000");
var type = options.GetValueOrDefault("type", "weight_scale");
if (!SimulatedReadings.Types.Contains(type))
    return Usage($"--type is one of {string.Join(", ", SimulatedReadings.Types)}.");
if (!int.TryParse(options.GetValueOrDefault("days", "90"), out var days) || days is < 1 or > 365)
    return Usage("--days is 1 to 365.");
if (!int.TryParse(options.GetValueOrDefault("seed", "7"), out var seed))
    return Usage("--seed is a whole number.");

using var http = new HttpClient { BaseAddress = new Uri(url.TrimEnd('/') + "/") };
var readings = SimulatedReadings.For(type, DateTimeOffset.UtcNow, days, seed);
Console.WriteLine($"Sending {readings.Count:N0} {type} readings over {days} days to {url} …");
try
{
    var summary = await new DevicePusher(http, device, key).PushAsync(readings);
    Console.WriteLine($"Done in {summary.Batches} batches: {summary.Stored:N0} stored, {summary.AlreadyStored:N0} already there.");
    return 0;
}
catch (Exception e) when (e is DevicePushException or HttpRequestException)
{
    Console.Error.WriteLine(e.Message);
    return 1;
}

static int Usage(string problem)
{
    Console.Error.WriteLine(problem);
    Console.Error.WriteLine("Usage: dotnet run --project Purrr.DeviceSimulator -- --url http://localhost:5000 --device <id> --key <key> [--type weight_scale|activity_tracker|collar_sensor] [--days 90] [--seed 7]");
    return 2;
}

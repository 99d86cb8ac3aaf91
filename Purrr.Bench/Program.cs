using BenchmarkDotNet.Running;

// Cross-instance event latency over a real Redis (not a BenchmarkDotNet run: it paces events at 1,000/s):
//   dotnet run -c Release --project Purrr.Bench -- cross-instance 127.0.0.1:6379 [seconds]
if (args is ["cross-instance", var redis, ..])
{
    await Purrr.Bench.CrossInstanceLatency.RunAsync(redis, args.Length > 2 ? int.Parse(args[2], System.Globalization.CultureInfo.InvariantCulture) : 10);
    return;
}

// Runs every benchmark, or those matching a filter: dotnet run -c Release --project Purrr.Bench -- --filter '*NightWatch*'
BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args.Length > 0 ? args : ["--filter", "*"]);

using BenchmarkDotNet.Running;

// Runs every benchmark, or those matching a filter: dotnet run -c Release --project Purrr.Bench -- --filter '*NightWatch*'
BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args.Length > 0 ? args : ["--filter", "*"]);

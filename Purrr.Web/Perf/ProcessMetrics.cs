using System.Diagnostics;
using System.Net;
using Microsoft.AspNetCore.Components.Server.Circuits;

namespace Purrr.Web.Perf;

/// <summary>
/// For load tests only (issue 15): <c>GET /_perf/process</c> answers the process's working set, managed heap and open
/// circuits, so a load client can measure memory per circuit. Off unless <c>Perf:ProcessMetrics</c> is true, and then
/// only for requests from this machine; <c>?collect=true</c> runs a full blocking GC first, for a stable heap figure.
/// </summary>
public static class ProcessMetrics
{
    public const string Path = "/_perf/process";

    public static bool IsEnabled(IConfiguration configuration) => configuration.GetValue<bool>("Perf:ProcessMetrics");

    public static WebApplicationBuilder AddPurrrProcessMetrics(this WebApplicationBuilder builder)
    {
        if (IsEnabled(builder.Configuration))
        {
            builder.Services.AddSingleton<OpenCircuits>();
            builder.Services.AddScoped<CircuitHandler, OpenCircuits.Counter>();
        }
        return builder;
    }

    public static WebApplication MapPurrrProcessMetrics(this WebApplication app)
    {
        if (!IsEnabled(app.Configuration))
            return app;
        app.MapGet(Path, (HttpContext context, OpenCircuits circuits, bool? collect) =>
        {
            if (context.Connection.RemoteIpAddress is not { } caller || !IPAddress.IsLoopback(caller))
                return Results.NotFound();
            using var process = Process.GetCurrentProcess();
            var cpu = process.TotalProcessorTime; // before the forced GC: the app's own work, not the measurement's
            if (collect == true)
            {
                GC.Collect(GC.MaxGeneration, GCCollectionMode.Forced, blocking: true, compacting: true);
                GC.WaitForPendingFinalizers();
                GC.Collect(GC.MaxGeneration, GCCollectionMode.Forced, blocking: true, compacting: true);
            }
            process.Refresh();
            var gc = GC.GetGCMemoryInfo();
            return Results.Json(new ProcessSnapshot(process.WorkingSet64, GC.GetTotalMemory(false), gc.HeapSizeBytes, gc.TotalCommittedBytes,
                circuits.Open, circuits.Opened, process.Threads.Count, cpu.TotalMilliseconds,
                GC.CollectionCount(0), GC.CollectionCount(1), GC.CollectionCount(2), System.Runtime.GCSettings.IsServerGC, Environment.ProcessorCount));
        }).ExcludeFromDescription();
        return app;
    }

    public sealed record ProcessSnapshot(long WorkingSetBytes, long ManagedHeapBytes, long GcHeapSizeBytes, long GcCommittedBytes,
        int OpenCircuits, long CircuitsOpened, int Threads, double CpuMilliseconds, int Gen0, int Gen1, int Gen2, bool ServerGc, int Processors);

    /// <summary>Circuits open now and ever opened, counted by a circuit handler.</summary>
    public sealed class OpenCircuits
    {
        private int open;
        private long opened;

        public int Open => Volatile.Read(ref open);

        public long Opened => Interlocked.Read(ref opened);

        public sealed class Counter(OpenCircuits circuits) : CircuitHandler
        {
            public override Task OnCircuitOpenedAsync(Circuit circuit, CancellationToken cancellationToken)
            {
                Interlocked.Increment(ref circuits.open);
                Interlocked.Increment(ref circuits.opened);
                return Task.CompletedTask;
            }

            public override Task OnCircuitClosedAsync(Circuit circuit, CancellationToken cancellationToken)
            {
                Interlocked.Decrement(ref circuits.open);
                return Task.CompletedTask;
            }
        }
    }
}

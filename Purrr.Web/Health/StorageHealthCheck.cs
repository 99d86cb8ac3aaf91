using Microsoft.Extensions.Diagnostics.HealthChecks;
using Purrr.Data;

namespace Purrr.Web.Health;

/// <summary>The data folder (database file, images, mail drop, key ring): writable, and how much room is left.</summary>
public sealed class StorageHealthCheck(PurrrStorage storage) : IHealthCheck
{
    public const long LowSpaceBytes = 500L * 1024 * 1024;

    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken ct = default)
    {
        try
        {
            var probe = Path.Combine(storage.DataFolder, $".health-{Guid.NewGuid():N}");
            await File.WriteAllTextAsync(probe, "ok", ct);
            File.Delete(probe);
            var free = new DriveInfo(Path.GetFullPath(storage.DataFolder)).AvailableFreeSpace;
            var data = new Dictionary<string, object> { ["freeBytes"] = free };
            return free < LowSpaceBytes
                ? HealthCheckResult.Degraded($"Writable, but only {free / (1024 * 1024):N0} MB free.", data: data)
                : HealthCheckResult.Healthy($"Writable; {free / (1024 * 1024 * 1024.0):N1} GB free.", data);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return HealthCheckResult.Unhealthy("The data folder cannot be written.", e);
        }
    }
}

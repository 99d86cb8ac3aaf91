using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Purrr.Core.Persistence;

namespace Purrr.Web.Health;

/// <summary>
/// The database as the app's services reach it (through <see cref="IPurrrDbFactory"/>): it answers a real query, and
/// its schema has every migration this build knows.
/// </summary>
public sealed class DatabaseHealthCheck(IPurrrDbFactory dbFactory) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken ct = default)
    {
        try
        {
            await using var db = await dbFactory.CreateAsync(ct);
            var database = ((DbContext)db).Database;
            var players = await db.Players.CountAsync(ct);
            var pending = (await database.GetPendingMigrationsAsync(ct)).ToList();
            var data = new Dictionary<string, object> { ["provider"] = database.ProviderName ?? "", ["players"] = players };
            return pending.Count == 0
                ? HealthCheckResult.Healthy($"Answering; {players:N0} players.", data)
                : HealthCheckResult.Unhealthy($"{pending.Count} migration(s) not applied: {string.Join(", ", pending)}.", data: data);
        }
        catch (Exception e) when (e is not OperationCanceledException || !ct.IsCancellationRequested)
        {
            return HealthCheckResult.Unhealthy("The database cannot be reached.", e);
        }
    }
}

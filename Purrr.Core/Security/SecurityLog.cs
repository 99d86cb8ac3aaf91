using Microsoft.EntityFrameworkCore;
using Purrr.Core.Common;
using Purrr.Core.Persistence;

namespace Purrr.Core.Security;

/// <summary>Stores security events for the admin console.</summary>
public sealed class SecurityLog(IPurrrDbFactory dbFactory, TimeProvider clock)
{
    public async Task RecordAsync(SecurityEventType type, UserId? userId, string? ipAddress, string detail, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateAsync(ct);
        db.SecurityEvents.Add(SecurityEvent.Create(type, userId, ipAddress, detail, clock.GetUtcNow()));
        await db.SaveChangesAsync(ct);
    }

    public async Task<IReadOnlyList<SecurityEvent>> RecentAsync(int count, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateAsync(ct);
        return await db.SecurityEvents.AsNoTracking().OrderByDescending(e => e.Id).Take(count).ToListAsync(ct);
    }
}

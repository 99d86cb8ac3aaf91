using Microsoft.EntityFrameworkCore;
using Purrr.Core.Common;
using Purrr.Core.Events;
using Purrr.Core.Persistence;

namespace Purrr.Core.Security;

/// <summary>Stores security events for the admin console and raises an alert for the critical ones.</summary>
public sealed class SecurityLog(IPurrrDbFactory dbFactory, TimeProvider clock, IEventBus bus)
{
    public const int MaxPageSize = 100;

    public async Task RecordAsync(SecurityEventType type, UserId? userId, string? ipAddress, string detail, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateAsync(ct);
        var entry = SecurityEvent.Create(type, userId, ipAddress, detail, clock.GetUtcNow());
        db.SecurityEvents.Add(entry);
        await db.SaveChangesAsync(ct);
        if (entry.Severity == SecuritySeverity.Critical)
            bus.Publish(new SecurityAlertRaised(entry.Id, entry.Code, entry.Detail, entry.IpAddress, entry.OccurredAt));
    }

    public async Task<IReadOnlyList<SecurityEvent>> RecentAsync(int count, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateAsync(ct);
        return await db.SecurityEvents.AsNoTracking().OrderByDescending(e => e.Id).Take(count).ToListAsync(ct);
    }

    /// <summary>One page of the log, newest first, filtered in the database; the user filter matches user or display names.</summary>
    public async Task<SecurityLogPage> SearchAsync(SecurityLogFilter filter, int skip, int take, CancellationToken ct = default)
    {
        skip = Math.Max(0, skip);
        take = Math.Clamp(take, 1, MaxPageSize);
        await using var db = await dbFactory.CreateAsync(ct);
        var query = db.SecurityEvents.AsNoTracking();
        if (filter.Severity is { } severity)
            query = query.Where(e => e.Severity == severity);
        if (filter.Type is { } type)
            query = query.Where(e => e.Type == type);
        if (filter.Ip?.Trim() is { Length: > 0 } ip)
            query = query.Where(e => e.IpAddress != null && e.IpAddress.StartsWith(ip));
        if (filter.User?.Trim() is { Length: > 0 } user)
            query = query.Where(e => db.Players.Any(p => p.Id == e.UserId && (p.UserName.Contains(user) || p.DisplayName.Contains(user))));

        var total = await query.CountAsync(ct);
        var events = await query.OrderByDescending(e => e.OccurredAt).ThenByDescending(e => e.Id).Skip(skip).Take(take).ToListAsync(ct);
        var userIds = events.Where(e => e.UserId is not null).Select(e => e.UserId!.Value).Distinct().ToList();
        var names = await db.Players.AsNoTracking().Where(p => userIds.Contains(p.Id)).ToDictionaryAsync(p => p.Id, p => p.UserName, ct);
        return new SecurityLogPage(total, [.. events.Select(e => new SecurityLogRow(e.Id, e.OccurredAt, e.Type, e.Code, e.Severity,
            e.UserId, e.UserId is { } id ? names.GetValueOrDefault(id) : null, e.IpAddress, e.Detail))]);
    }
}

/// <summary>What the security log page filters by; empty parts match everything.</summary>
public sealed record SecurityLogFilter(SecuritySeverity? Severity = null, SecurityEventType? Type = null, string? User = null, string? Ip = null);

public sealed record SecurityLogRow(long Id, DateTimeOffset OccurredAt, SecurityEventType Type, string Code, SecuritySeverity Severity,
    UserId? UserId, string? UserName, string? IpAddress, string Detail);

public sealed record SecurityLogPage(int Total, IReadOnlyList<SecurityLogRow> Rows);

/// <summary>A critical security event was logged: online admins see it at once.</summary>
public sealed record SecurityAlertRaised(long EventId, string Code, string Detail, string? IpAddress, DateTimeOffset OccurredAt);

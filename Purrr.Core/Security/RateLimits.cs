using System.Collections.Concurrent;
using System.Threading.RateLimiting;
using Purrr.Core.Common;

namespace Purrr.Core.Security;

/// <summary>
/// The one rate limiter of the app (spec §2), for the public API and in-circuit actions alike: a
/// <see cref="ClockWindowRateLimiter"/> per policy and key (a player, an API key, an address), created on first use and
/// forgotten once idle. API clients that break their limit <see cref="ViolationsBeforeBan"/> times within an hour are
/// banned for <see cref="BanLength"/>. All in memory: a restart forgives everyone. A player who goes over an in-circuit
/// limit is logged as RATE_LIMITED once per window (not once per refused message, so a flood does not flood the log).
/// </summary>
public sealed class RateLimits(TimeProvider clock, SecurityLog? securityLog = null)
{
    public const int ViolationsBeforeBan = 5;
    public static readonly TimeSpan ViolationWindow = TimeSpan.FromHours(1);
    public static readonly TimeSpan BanLength = TimeSpan.FromHours(1);

    private static readonly RateLimitPolicy Violations = new("api-violations", ViolationsBeforeBan, ViolationWindow, "violations", "an hour");
    private static readonly TimeSpan SweepEvery = TimeSpan.FromMinutes(1);

    private readonly ConcurrentDictionary<(string Policy, string Key), ClockWindowRateLimiter> limiters = new();
    private readonly ConcurrentDictionary<string, DateTimeOffset> bans = new();
    private readonly ConcurrentDictionary<(string Policy, string Key), DateTimeOffset> reported = new();
    private long lastSweepTicks = clock.GetUtcNow().UtcTicks;

    /// <summary>Counts one action of <paramref name="player"/>, or says how long to wait (and counts nothing).</summary>
    public Problem? TryAct(RateLimitPolicy policy, UserId player)
    {
        var slowDown = TryAct(policy, player.ToString());
        if (slowDown is not null && securityLog is not null && FirstRefusalInWindow(policy, player.ToString()))
            _ = ReportAsync(securityLog, policy, player);
        return slowDown;
    }

    /// <inheritdoc cref="TryAct(RateLimitPolicy, UserId)"/>
    public Problem? TryAct(RateLimitPolicy policy, string key)
    {
        using var lease = LimiterFor(policy, key).AttemptAcquire();
        return lease.IsAcquired ? null : new Problem(policy.SlowDown(RetryAfter(lease)));
    }

    /// <summary>
    /// Admits one API request of <paramref name="client"/> on its tier's hourly allowance, or refuses it; a refusal is a
    /// violation, and the fifth within an hour bans the client (<see cref="ApiAdmission.JustBanned"/>).
    /// </summary>
    public ApiAdmission AdmitApi(string client, ApiTier tier)
    {
        var now = clock.GetUtcNow();
        var policy = RateLimitPolicy.Api(tier);
        if (BannedUntil(client, now) is { } until)
            return new(false, policy.Limit, 0, until, until - now, Banned: true, JustBanned: false);

        var limiter = LimiterFor(policy, client);
        using var lease = limiter.AttemptAcquire();
        if (lease.IsAcquired)
            return new(true, policy.Limit, limiter.Remaining, limiter.NextRelease, TimeSpan.Zero, Banned: false, JustBanned: false);

        var strikes = LimiterFor(Violations, client);
        using (strikes.AttemptAcquire())
        {
            if (strikes.Remaining > 0)
                return new(false, policy.Limit, 0, limiter.NextRelease, RetryAfter(lease), Banned: false, JustBanned: false);
        }
        var bannedUntil = now + BanLength;
        bans[client] = bannedUntil;
        limiters.TryRemove((Violations.Name, client), out _);
        return new(false, policy.Limit, 0, bannedUntil, BanLength, Banned: true, JustBanned: true);
    }

    /// <summary>When the client's ban ends, or null when it is not banned.</summary>
    public DateTimeOffset? BannedUntil(string client) => BannedUntil(client, clock.GetUtcNow());

    /// <summary>How many keys the policy remembers now (those active within its window, roughly).</summary>
    public int Tracked(RateLimitPolicy policy) => limiters.Keys.Count(k => k.Policy == policy.Name);

    /// <summary>Forgets keys with nothing counted any more and bans that ended, so memory follows activity.</summary>
    public void Sweep()
    {
        var now = clock.GetUtcNow();
        foreach (var (key, limiter) in limiters)
        {
            if (limiter.IdleDuration is not null)
                limiters.TryRemove(new KeyValuePair<(string, string), ClockWindowRateLimiter>(key, limiter));
        }
        foreach (var (key, at) in reported)
        {
            if (now - at >= ViolationWindow)
                reported.TryRemove(new KeyValuePair<(string, string), DateTimeOffset>(key, at));
        }
        foreach (var (client, until) in bans)
        {
            if (until <= now)
                bans.TryRemove(new KeyValuePair<string, DateTimeOffset>(client, until));
        }
    }

    private bool FirstRefusalInWindow(RateLimitPolicy policy, string key)
    {
        var now = clock.GetUtcNow();
        var last = reported.GetOrAdd((policy.Name, key), DateTimeOffset.MinValue);
        return now - last >= policy.Window && reported.TryUpdate((policy.Name, key), now, last);
    }

    /// <summary>Written in the background: the refusal is the player's answer and must not wait for the log.</summary>
    private static async Task ReportAsync(SecurityLog log, RateLimitPolicy policy, UserId player)
    {
        try
        {
            await log.RecordAsync(SecurityEventType.RateLimited, player, null, policy.Exceeded);
        }
        catch (Exception e) when (e is Microsoft.EntityFrameworkCore.DbUpdateException or ObjectDisposedException or InvalidOperationException)
        {
            // The app is stopping or the database is busy: the limit itself held, only its log line is lost.
        }
    }

    public static int Seconds(TimeSpan wait) => Math.Max(1, (int)Math.Ceiling(wait.TotalSeconds));

    private DateTimeOffset? BannedUntil(string client, DateTimeOffset now) =>
        bans.TryGetValue(client, out var until) && until > now ? until : null;

    private ClockWindowRateLimiter LimiterFor(RateLimitPolicy policy, string key)
    {
        SweepNowAndThen();
        return limiters.GetOrAdd((policy.Name, key), static (_, state) => new ClockWindowRateLimiter(state.clock, state.policy.Limit, state.policy.Window),
            (clock, policy));
    }

    private void SweepNowAndThen()
    {
        var now = clock.GetUtcNow().UtcTicks;
        var last = Interlocked.Read(ref lastSweepTicks);
        if (now - last >= SweepEvery.Ticks && Interlocked.CompareExchange(ref lastSweepTicks, now, last) == last)
            Sweep();
    }

    private static TimeSpan RetryAfter(RateLimitLease lease) =>
        lease.TryGetMetadata(MetadataName.RetryAfter, out var wait) ? wait : TimeSpan.Zero;
}

/// <summary>
/// The limiter's answer to one API request: what the X-RateLimit headers say (<see cref="Reset"/> is when the oldest
/// counted request leaves the window, or the ban ends) and, when refused, how long to wait.
/// </summary>
public sealed record ApiAdmission(bool Allowed, int Limit, int Remaining, DateTimeOffset Reset, TimeSpan RetryAfter, bool Banned, bool JustBanned)
{
    public int RetryAfterSeconds => RateLimits.Seconds(RetryAfter);
}

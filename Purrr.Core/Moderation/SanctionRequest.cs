namespace Purrr.Core.Moderation;

/// <summary>
/// A warning, a suspension of <see cref="Duration"/> (or until a chosen moment, <see cref="Until"/>), or a ban, as a
/// moderator or admin chooses it.
/// </summary>
public sealed record SanctionRequest(SanctionKind Kind, TimeSpan? Duration = null, DateTimeOffset? Until = null)
{
    public static readonly TimeSpan ShortestSuspension = TimeSpan.FromHours(1);
    public static readonly TimeSpan LongestSuspension = TimeSpan.FromDays(365);

    /// <summary>What the moderation page offers (a suspension may be anything from an hour to a year).</summary>
    public static readonly IReadOnlyList<SanctionRequest> Choices =
    [
        new(SanctionKind.Warning),
        Suspension(TimeSpan.FromDays(1)),
        Suspension(TimeSpan.FromDays(3)),
        Suspension(TimeSpan.FromDays(7)),
        Suspension(TimeSpan.FromDays(30)),
        new(SanctionKind.Ban),
    ];

    public static SanctionRequest Warning() => new(SanctionKind.Warning);

    public static SanctionRequest Suspension(TimeSpan duration) => new(SanctionKind.Suspension, duration);

    public static SanctionRequest Ban() => new(SanctionKind.Ban);

    /// <summary>A suspension that ends exactly at <paramref name="until"/> (the admin console's "suspend until").</summary>
    public static SanctionRequest SuspensionUntil(DateTimeOffset until, DateTimeOffset now) => new(SanctionKind.Suspension, until - now, until);

    /// <summary>"for 7 days" or "until 1 Dec 2026 18:00 UTC", for the messages about a suspension.</summary>
    public string Span => Until is { } until ? $"until {until.UtcDateTime:d MMM yyyy HH:mm} UTC" : $"for {Length(Duration ?? TimeSpan.Zero)}";

    public string? Problem => Kind == SanctionKind.Suspension && (Duration is not { } d || d < ShortestSuspension || d > LongestSuspension)
        ? "A suspension lasts from 1 hour to 365 days."
        : null;

    /// <summary>"Warn", "Suspend for 7 days", "Ban".</summary>
    public string Label => Kind switch
    {
        SanctionKind.Warning => "Warn",
        SanctionKind.Suspension => $"Suspend for {Length(Duration ?? TimeSpan.Zero)}",
        _ => "Ban",
    };

    /// <summary>"3 days", "1 day", "12 hours".</summary>
    public static string Length(TimeSpan duration) =>
        duration.TotalDays >= 1 && duration.Ticks % TimeSpan.TicksPerDay == 0
            ? $"{duration.TotalDays:0} {(duration.TotalDays == 1 ? "day" : "days")}"
            : $"{Math.Ceiling(duration.TotalHours):0} {(Math.Ceiling(duration.TotalHours) == 1 ? "hour" : "hours")}";
}

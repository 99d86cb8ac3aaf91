using Purrr.Core.Common;

namespace Purrr.Core.Admin;

public enum KpiKind
{
    TotalUsers,
    DailyActiveUsers,
    OnlineNow,
    Cats,
    Posts,
    CoinsInCirculation,
    NightWatchEncounters,
    StraysRescued,
    SecurityEvents,
    OpenReports,
}

/// <summary>
/// One dashboard card. <see cref="Change"/> compares with the previous period of the same length: for totals (users,
/// cats, coins…) the total now against the total when the period began; for counts of things done (encounters, security
/// events…) this period's against the previous period's. Null when a live figure has nothing to compare with.
/// </summary>
public sealed record Kpi(KpiKind Kind, string Label, double Value, PeriodChange? Change, string Explanation, string? Href = null, bool RiseIsBad = false)
{
    /// <summary>The figure as the card shows it: whole numbers grouped, averages with one decimal.</summary>
    public string ValueText => Value % 1 == 0
        ? Value.ToString("N0", System.Globalization.CultureInfo.InvariantCulture)
        : Value.ToString("N1", System.Globalization.CultureInfo.InvariantCulture);
}

/// <summary>Everything the admin dashboard shows for one range, taken at <see cref="DashboardRange.End"/>.</summary>
public sealed record Dashboard(
    DashboardRange Range,
    IReadOnlyList<Kpi> Kpis,
    ChartData Activity,
    ChartData Registrations,
    ChartData Economy,
    ChartData NightWatch,
    ChartData Rooms)
{
    public Kpi this[KpiKind kind] => Kpis.First(k => k.Kind == kind);
}

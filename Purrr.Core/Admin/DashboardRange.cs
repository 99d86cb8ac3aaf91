using Purrr.Core.Common;
using Purrr.Core.Persistence;

namespace Purrr.Core.Admin;

/// <summary>
/// The dashboard's period: the last <see cref="Days"/> days up to <see cref="End"/> (a rolling window), compared with
/// the same number of days before it. Charts show one bar per UTC day of the period, today's included.
/// </summary>
public sealed record DashboardRange
{
    public static readonly IReadOnlyList<int> Choices = [7, 30, 90];

    public const int DefaultDays = 7;

    private DashboardRange(int days, DateTimeOffset end)
    {
        Days = days;
        End = end;
    }

    public int Days { get; }

    /// <summary>Now, when the figures were taken.</summary>
    public DateTimeOffset End { get; }

    public DateTimeOffset Start => End.AddDays(-Days);

    public DateTimeOffset PreviousStart => End.AddDays(-2 * Days);

    /// <summary>The UTC day numbers (days since 0001-01-01) the charts show, oldest first, ending with today.</summary>
    public IReadOnlyList<long> ChartDays
    {
        get
        {
            var today = DayNumber.Of(End);
            return [.. Enumerable.Range(0, Days).Select(i => today - Days + 1 + i)];
        }
    }

    /// <summary>Midnight UTC of the first chart day: charts count from there.</summary>
    public DateTimeOffset ChartStart => DayNumber.Start(ChartDays[0]);

    /// <summary>A range of 7, 30 or 90 days ending at <paramref name="now"/>; anything else is refused with the choices.</summary>
    public static Result<DashboardRange> Of(int days, DateTimeOffset now) => Choices.Contains(days)
        ? new DashboardRange(days, now)
        : Result<DashboardRange>.Failure($"Choose a range of {ChoicesText} days; {days} days is not one of them.", "days");

    /// <summary>The range named in a page address (<c>?days=30</c>): none means the default; text that is no number is refused.</summary>
    public static Result<DashboardRange> Parse(string? days, DateTimeOffset now) =>
        string.IsNullOrWhiteSpace(days) ? Of(DefaultDays, now)
        : int.TryParse(days, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var parsed) ? Of(parsed, now)
        : Result<DashboardRange>.Failure($"Choose a range of {ChoicesText} days; \"{days}\" is not a number of days.", "days");

    private static string ChoicesText => $"{string.Join(", ", Choices.SkipLast(1))} or {Choices[^1]}";
}

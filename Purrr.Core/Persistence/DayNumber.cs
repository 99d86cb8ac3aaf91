namespace Purrr.Core.Persistence;

/// <summary>
/// Whole UTC days since 0001-01-01, the bucket the admin charts count by. Each provider maps <see cref="Of"/> to SQL
/// (see PurrrDbContext), so "group by day" runs in the database instead of loading rows.
/// </summary>
public static class DayNumber
{
    public static long Of(DateTimeOffset at) => at.UtcTicks / TimeSpan.TicksPerDay;

    public static DateTimeOffset Start(long day) => new(day * TimeSpan.TicksPerDay, TimeSpan.Zero);
}

using Microsoft.EntityFrameworkCore;
using Purrr.Core.Persistence;
using Purrr.Data;
using Purrr.Tests.Infrastructure;

namespace Purrr.Tests.Admin;

/// <summary>Grouping by day runs in the database on both providers (SQL Server is translated, not run, here).</summary>
[Trait("Category", "Integration")]
public class DayNumberTranslationTests
{
    [Fact]
    public async Task Sqlite_groups_instants_by_utc_day_in_sql()
    {
        await using var database = await TestDatabase.CreateAsync();
        await using var db = database.NewContext();
        var query = db.SecurityEvents.GroupBy(e => DayNumber.Of(e.OccurredAt)).Select(g => new { Day = g.Key, Count = g.Count() });

        var sql = query.ToQueryString();
        Assert.Contains("\"s\".\"OccurredAt\" / 1769472000000 AS \"Key\"", sql);
        Assert.Contains("GROUP BY \"s0\".\"Key\"", sql);
        Assert.Empty(await query.ToListAsync());
    }

    [Fact]
    public void Sql_server_groups_instants_by_utc_day_in_sql()
    {
        using var db = new SqlServerDesignTimeFactory().CreateDbContext([]);
        var query = db.SecurityEvents.GroupBy(e => DayNumber.Of(e.OccurredAt)).Select(g => new { Day = g.Key, Count = g.Count() });

        var sql = query.ToQueryString();
        Assert.Contains("DATEDIFF_BIG(day, CAST('0001-01-01' AS date), SWITCHOFFSET([s].[OccurredAt], '+00:00')) AS [Key]", sql);
        Assert.Contains("GROUP BY [s0].[Key]", sql);
    }

    [Theory]
    [InlineData("2026-11-24T00:00:00+00:00", "2026-11-24T23:59:59+00:00")]
    [InlineData("2026-11-24T23:30:00+00:00", "2026-11-25T00:29:00+01:00")] // the same UTC day, written with another offset
    public void Instants_on_the_same_utc_day_share_a_day_number(string first, string second) =>
        Assert.Equal(DayNumber.Of(DateTimeOffset.Parse(first)), DayNumber.Of(DateTimeOffset.Parse(second)));
}

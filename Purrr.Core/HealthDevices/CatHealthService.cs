using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Purrr.Core.Common;
using Purrr.Core.Persistence;

namespace Purrr.Core.HealthDevices;

/// <summary>An alert as the cat's health tab lists it.</summary>
public sealed record HealthAlertView(long Id, HealthAlertKind Kind, string Text, DateTimeOffset StartedAt, DateTimeOffset? EndedAt)
{
    public bool IsOpen => EndedAt is null;
}

/// <summary>What the health tab shows: weight per day over 90 days, activity per day over 30, the latest figures and the alerts.</summary>
public sealed record CatHealthOverview(ChartData Weight, ChartData Steps, ChartData ActiveMinutes, int? LatestWeightGrams, double? LatestTemperatureC,
    DateTimeOffset? LastReadingAt, IReadOnlyList<HealthAlertView> Alerts)
{
    public bool HasReadings => LastReadingAt is not null;

    public bool HasActivity => Steps.Series[0].Values.Any(v => v > 0) || ActiveMinutes.Series[0].Values.Any(v => v > 0);
}

/// <summary>The cat's health figures for its owner, grouped per day in the database (<see cref="DayNumber"/>).</summary>
public sealed class CatHealthService(IPurrrDbFactory dbFactory, TimeProvider clock)
{
    public const int WeightDays = 90;
    public const int ActivityDays = 30;
    public const int AlertsShown = 10;

    public static string LinkTo(CatId cat) => $"/cats/{cat}#health";

    /// <summary>The cat's health, or null when the cat is not <paramref name="owner"/>'s (health data is private).</summary>
    public async Task<CatHealthOverview?> OverviewAsync(UserId owner, CatId cat, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateAsync(ct);
        if (!await db.Cats.AnyAsync(c => c.Id == cat && c.OwnerId == owner, ct))
            return null;
        var now = clock.GetUtcNow();
        var today = DayNumber.Of(now);
        var readings = db.HealthReadings.AsNoTracking().Where(r => r.CatId == cat && r.OwnerId == owner);

        var weightFrom = DayNumber.Start(today - WeightDays + 1);
        var weights = await readings.Where(r => r.WeightGrams != null && r.TakenAt >= weightFrom)
            .GroupBy(r => DayNumber.Of(r.TakenAt))
            .Select(g => new { Day = g.Key, Grams = g.Average(r => (double)r.WeightGrams!.Value) })
            .OrderBy(g => g.Day).ToListAsync(ct);

        var activityFrom = DayNumber.Start(today - ActivityDays + 1);
        var activity = (await readings.Where(r => (r.Steps != null || r.ActiveMinutes != null) && r.TakenAt >= activityFrom)
            .GroupBy(r => DayNumber.Of(r.TakenAt))
            .Select(g => new { Day = g.Key, Steps = g.Sum(r => r.Steps ?? 0), Minutes = g.Sum(r => r.ActiveMinutes ?? 0) })
            .ToListAsync(ct)).ToDictionary(a => a.Day);
        var activityDays = Enumerable.Range(0, ActivityDays).Select(i => today - ActivityDays + 1 + i).ToList();

        var latestWeight = await readings.Where(r => r.WeightGrams != null).OrderByDescending(r => r.TakenAt).Select(r => r.WeightGrams).FirstOrDefaultAsync(ct);
        var latestTemperature = await readings.Where(r => r.TemperatureC != null).OrderByDescending(r => r.TakenAt).Select(r => r.TemperatureC).FirstOrDefaultAsync(ct);
        var lastReading = await readings.MaxAsync(r => (DateTimeOffset?)r.TakenAt, ct);
        var alerts = await db.HealthAlerts.AsNoTracking().Where(a => a.CatId == cat && a.OwnerId == owner)
            .OrderByDescending(a => a.Id).Take(AlertsShown)
            .Select(a => new HealthAlertView(a.Id, a.Kind, a.Text, a.StartedAt, a.EndedAt)).ToListAsync(ct);

        return new CatHealthOverview(
            new ChartData([.. weights.Select(w => Label(w.Day))], [new ChartSeries("Weight (kg)", [.. weights.Select(w => Math.Round(w.Grams / 1000, 2))])]),
            new ChartData([.. activityDays.Select(Label)], [new ChartSeries("Steps", [.. activityDays.Select(d => activity.TryGetValue(d, out var a) ? (double)a.Steps : 0)])]),
            new ChartData([.. activityDays.Select(Label)], [new ChartSeries("Active minutes", [.. activityDays.Select(d => activity.TryGetValue(d, out var a) ? (double)a.Minutes : 0)])]),
            latestWeight, latestTemperature, lastReading, alerts);
    }

    private static string Label(long day) => DayNumber.Start(day).ToString("d MMM", CultureInfo.InvariantCulture);
}

/// <summary>A player's health devices, readings and alerts in their account export (no key hashes).</summary>
public sealed record HealthExport(IReadOnlyList<HealthDeviceView> Devices, IReadOnlyList<ExportedReading> Readings, IReadOnlyList<HealthAlertView> Alerts)
{
    public static async Task<HealthExport> OfAsync(IPurrrDb db, UserId owner, CancellationToken ct) => new(
        [.. (await db.HealthDevices.AsNoTracking().Where(d => d.OwnerId == owner).OrderBy(d => d.CreatedAt).ToListAsync(ct)).Select(HealthDeviceView.Of)],
        await db.HealthReadings.AsNoTracking().Where(r => r.OwnerId == owner).OrderBy(r => r.TakenAt)
            .Select(r => new ExportedReading(r.DeviceId, r.CatId, r.ReadingId, r.TakenAt, r.WeightGrams, r.Steps, r.ActiveMinutes, r.TemperatureC)).ToListAsync(ct),
        await db.HealthAlerts.AsNoTracking().Where(a => a.OwnerId == owner).OrderBy(a => a.Id)
            .Select(a => new HealthAlertView(a.Id, a.Kind, a.Text, a.StartedAt, a.EndedAt)).ToListAsync(ct));

    /// <summary>Health data is personal: closing the account deletes it (the cats go to the shelter without it).</summary>
    public static async Task DeleteAsync(IPurrrDb db, UserId owner, CancellationToken ct)
    {
        await db.HealthReadings.Where(r => r.OwnerId == owner).ExecuteDeleteAsync(ct);
        await db.HealthAlerts.Where(a => a.OwnerId == owner).ExecuteDeleteAsync(ct);
        await db.HealthDevices.Where(d => d.OwnerId == owner).ExecuteDeleteAsync(ct);
    }
}

public sealed record ExportedReading(Guid Device, CatId Cat, string ReadingId, DateTimeOffset TakenAt, int? WeightGrams, int? Steps, int? ActiveMinutes,
    double? TemperatureC);

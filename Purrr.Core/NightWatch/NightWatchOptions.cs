namespace Purrr.Core.NightWatch;

/// <summary>Night watch settings (<c>NightWatch:*</c>).</summary>
public sealed class NightWatchOptions
{
    public int StartHour { get; set; } = 21;
    public int EndHour { get; set; } = 6;

    /// <summary>Seconds between simulation ticks.</summary>
    public int TickSeconds { get; set; } = 60;

    /// <summary>Bobcat activity before weather and season (spec: 0.1).</summary>
    public double BaseActivity { get; set; } = ThreatModel.BaseActivity;

    /// <summary>How far around a viewer's home their map shows zones, patrols and events.</summary>
    public int NeighbourhoodMeters { get; set; } = 3000;

    /// <summary>Where a map opens for a player who has not set a home yet.</summary>
    public double DefaultLatitude { get; set; } = 48.8530;
    public double DefaultLongitude { get; set; } = 2.3499;

    /// <summary>Map tiles ({z}/{x}/{y}); empty keeps the plain night background, which works offline.</summary>
    public string TileUrl { get; set; } = "";
    public string TileAttribution { get; set; } = "";

    public NightWindow Window => new(StartHour, EndHour);
}

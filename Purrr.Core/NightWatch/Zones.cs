namespace Purrr.Core.NightWatch;

public enum ZoneType { CatCondo, MotionSensor, SafeHaven, CommunityAlert }

/// <summary>
/// A protection zone type (spec §6): its cost, the protection it adds to rescues in range, and what it does.
/// A zone kit item of <see cref="KitKey"/> builds one instead of paying coins.
/// </summary>
public sealed record ZoneSpec(ZoneType Type, string Name, long Cost, double Protection, string Ability, int DefaultRadius, string KitKey, string Color);

public static class ZoneSpecs
{
    public const int MinRadius = 1;
    public const int MaxRadius = 1000;
    public const int NameMaxLength = 60;
    public const int HomeBaseRadius = 100;
    public const string HomeBaseName = "Home Base";

    public static readonly IReadOnlyList<ZoneSpec> All =
    [
        new(ZoneType.CatCondo, "Cat condo", 500, 0.8, "Protection 0.8, room for 5 strays", 50, "cat_condo_kit", "#E0774B"),
        new(ZoneType.MotionSensor, "Motion sensor", 200, 0.9, "Spots bobcats 50 m away, alert speed 0.9", 50, "motion_sensor_kit", "#4D9BE6"),
        new(ZoneType.SafeHaven, "Safe haven", 300, 0.3, "Shelter for 10, healing 0.3", 100, "safe_haven_kit", "#2E9C8F"),
        new(ZoneType.CommunityAlert, "Community alert", 150, 0.8, "Warns neighbours within 1 km, response 0.8", 1000, "community_alert_kit", "#C7A2E8"),
    ];

    public static ZoneSpec Of(ZoneType type) => All.First(z => z.Type == type);
}

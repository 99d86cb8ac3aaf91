namespace Purrr.Core.Cats;

/// <summary>Level from experience (spec §3): floor(sqrt(XP / 50)), at least 1, at most 50.</summary>
public static class CatLevels
{
    public const int MinLevel = 1;
    public const int MaxLevel = 50;
    private const int XpScale = 50;

    public static int LevelFor(long xp) =>
        Math.Clamp((int)Math.Floor(Math.Sqrt(Math.Max(0, xp) / (double)XpScale)), MinLevel, MaxLevel);

    /// <summary>Total XP at which <paramref name="level"/> is reached (level 5 = 1,250 XP).</summary>
    public static long XpForLevel(int level) => level <= MinLevel ? 0 : (long)level * level * XpScale;

    /// <summary>How far a cat is from its current level to the next, 0–1 (1 at the level cap).</summary>
    public static double ProgressToNextLevel(long xp)
    {
        var level = LevelFor(xp);
        if (level >= MaxLevel)
            return 1;
        var from = XpForLevel(level);
        var to = XpForLevel(level + 1);
        return (double)(xp - from) / (to - from);
    }
}

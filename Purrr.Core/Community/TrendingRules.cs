namespace Purrr.Core.Community;

/// <summary>
/// What makes a post trend (spec §8): over the 7 days after it is published, score = views×0.3 + reactions×0.5 +
/// comments×0.2. Views are a running total on the post, so the window is the post's first week: a post older than
/// that leaves the trending list, whatever it scored.
/// </summary>
public static class TrendingRules
{
    public static readonly TimeSpan Window = TimeSpan.FromDays(7);

    /// <summary>How often the background service recomputes the scores.</summary>
    public static readonly TimeSpan RecomputeEvery = TimeSpan.FromHours(1);

    public const double ViewWeight = 0.3;
    public const double ReactionWeight = 0.5;
    public const double CommentWeight = 0.2;

    public static double Score(int views, int reactions, int comments) =>
        Math.Round(views * ViewWeight + reactions * ReactionWeight + comments * CommentWeight, 6);

    /// <summary>Posts published at or after this moment trend at <paramref name="now"/>.</summary>
    public static DateTimeOffset WindowStart(DateTimeOffset now) => now - Window;
}

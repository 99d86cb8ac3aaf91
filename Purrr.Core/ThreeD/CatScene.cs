using Purrr.Core.Cats;

namespace Purrr.Core.ThreeD;

/// <summary>What the 3D scene shows of a cat besides its looks.</summary>
public static class CatScene
{
    /// <summary>
    /// How lively the idle animation is, 0.2 (drowsy) to 1 (bouncing): energy and mood in equal parts, so a tired or sulky
    /// cat barely moves and a rested, happy one fidgets.
    /// </summary>
    public static double Liveliness(CatStats stats) =>
        Math.Round(0.2 + 0.8 * (Math.Clamp(stats.Energy, 0, CatStats.Max) + Math.Clamp(stats.Mood, 0, CatStats.Max)) / (2.0 * CatStats.Max), 2);

    /// <summary>The care action a click on <paramref name="target"/> is: stroking the cat grooms it (with a hand, no kit).</summary>
    public static CareAction ActionOf(SceneTarget target) => target switch
    {
        SceneTarget.Toy => CareAction.Play,
        SceneTarget.Bowl => CareAction.Feed,
        _ => CareAction.Groom,
    };
}

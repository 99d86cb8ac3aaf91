namespace Purrr.Core.Common;

/// <summary>All randomness in Core comes through here, so tests can pin it with a seed.</summary>
public interface IRandomSource
{
    /// <summary>A uniformly distributed number in [0, 1).</summary>
    double NextDouble();

    /// <summary>A uniformly distributed integer in [minInclusive, maxExclusive).</summary>
    int Next(int minInclusive, int maxExclusive);
}

public static class RandomSourceExtensions
{
    public static bool Chance(this IRandomSource random, double probability) => random.NextDouble() < probability;

    public static T Pick<T>(this IRandomSource random, IReadOnlyList<T> items) => items[random.Next(0, items.Count)];

    /// <summary>A normally distributed number (Box–Muller).</summary>
    public static double NextGaussian(this IRandomSource random, double mean, double standardDeviation)
    {
        var u1 = 1.0 - random.NextDouble(); // (0, 1]: keeps Log finite
        var u2 = random.NextDouble();
        return mean + standardDeviation * Math.Sqrt(-2.0 * Math.Log(u1)) * Math.Sin(2.0 * Math.PI * u2);
    }
}

/// <summary>A random source with a fixed seed: the same seed gives the same sequence. Not thread-safe.</summary>
public sealed class SeededRandomSource(int seed) : IRandomSource
{
    private readonly Random random = new(seed);

    public double NextDouble() => random.NextDouble();

    public int Next(int minInclusive, int maxExclusive) => random.Next(minInclusive, maxExclusive);
}

/// <summary>The production source: shared by every circuit, so it must be thread-safe.</summary>
public sealed class SharedRandomSource : IRandomSource
{
    public double NextDouble() => Random.Shared.NextDouble();

    public int Next(int minInclusive, int maxExclusive) => Random.Shared.Next(minInclusive, maxExclusive);
}

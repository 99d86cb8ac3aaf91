namespace Purrr.Tests.Infrastructure;

/// <summary>
/// The long variants of the reliability suites (10,000 fuzz cases, …) run when PURRR_LONG_TESTS=1; the default run takes a
/// smaller, still seeded, sample so ./test.sh stays fast.
/// </summary>
public static class LongRuns
{
    public static bool Enabled => Environment.GetEnvironmentVariable("PURRR_LONG_TESTS") == "1";

    /// <summary><paramref name="full"/> in a long run, else <paramref name="quick"/>.</summary>
    public static int Cases(int quick, int full) => Enabled ? full : quick;
}

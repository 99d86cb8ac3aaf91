using Microsoft.EntityFrameworkCore;
using Purrr.Core.Common;

namespace Purrr.Core.Persistence;

public static class Conflicts
{
    /// <summary>How many times a write that broke a unique index is tried again (two first-time inserts racing).</summary>
    public const int MaxUniqueRaceRetries = 3;

    /// <summary>
    /// Runs a unit of work again when it lost a race to another writer: an optimistic-concurrency conflict, or an
    /// insert that another writer made first. Each attempt must open its own context and re-read what it checks,
    /// so every retry decides on fresh data.
    /// </summary>
    public static async Task<Result<T>> RetryAsync<T>(Func<Task<Result<T>>> attempt, int maxAttempts = 100)
    {
        var insertRaces = 0;
        for (var round = 1; ; round++)
        {
            try
            {
                return await attempt();
            }
            catch (DbUpdateConcurrencyException) when (round < maxAttempts)
            {
                await Task.Delay(Math.Min(50, 2 * round)); // let the winner finish before reading again
            }
            catch (DbUpdateConcurrencyException)
            {
                return Result<T>.Failure("Too many things are happening at once. Please try again.");
            }
            catch (DbUpdateException) when (++insertRaces <= MaxUniqueRaceRetries)
            {
                // Most likely a row another writer created a moment ago; a genuine error fails again and surfaces.
                await Task.Delay(5);
            }
        }
    }
}

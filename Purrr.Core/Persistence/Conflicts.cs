using Microsoft.EntityFrameworkCore;
using Purrr.Core.Common;

namespace Purrr.Core.Persistence;

public static class Conflicts
{
    /// <summary>
    /// Runs a unit of work again when it lost a race to another writer (optimistic concurrency). Each attempt must
    /// open its own context and re-read what it checks, so every retry decides on fresh data.
    /// </summary>
    public static async Task<Result<T>> RetryAsync<T>(Func<Task<Result<T>>> attempt, int maxAttempts = 100)
    {
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
        }
    }
}

using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Purrr.Data.Setup;

/// <summary>
/// The demo neighbourhood (homes, follows, lost pets, posts) seeded in the background once the accounts and cats are in
/// (<see cref="DemoOptions.Background"/>) and the first page is out (<see cref="FirstPageGate"/>), so that a fresh database
/// serves its first page about as fast as an existing one.
/// </summary>
public sealed class DemoWorldSeeding(FirstPageGate firstPage, ILogger<DemoWorldSeeding> logger)
{
    /// <summary>Done when the whole demo world is in (at once when nothing is left to seed); never faults.</summary>
    public Task Completion { get; private set; } = Task.CompletedTask;

    internal void StartNeighbourhood(IServiceProvider services) => Completion = Task.Run(async () =>
    {
        try
        {
            await firstPage.WaitAsync(CancellationToken.None);
            await using var scope = services.CreateAsyncScope();
            await scope.ServiceProvider.GetRequiredService<DemoWorld>().SeedNeighbourhoodAsync();
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            logger.LogError(e, "Seeding the demo neighbourhood failed: the demo accounts and cats are in, their homes, follows, lost pets or posts may be missing.");
        }
    });
}

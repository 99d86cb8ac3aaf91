using Purrr.Core.PersonalityAnalysis;
using Purrr.Data.Setup;

namespace Purrr.Web.Background;

/// <summary>
/// Loads the personality model at start (training and saving the first one on the very first start), in the
/// background so the app serves pages meanwhile, once the first page is out (<see cref="FirstPageGate"/>); an analysis asked
/// for before it is ready waits for the same load.
/// </summary>
public sealed class PersonalityModelWorker(PersonalityModels models, FirstPageGate firstPage, ILogger<PersonalityModelWorker> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        try
        {
            await firstPage.WaitAsync(stoppingToken);
            var active = await models.ActiveAsync(stoppingToken);
            logger.LogInformation("Personality model ready: trained {TrainedAt:u}, {Accuracy:P1} on held-out cats.",
                active.Info.TrainedAt, active.Info.HeldOutAccuracy);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            logger.LogError(e, "Loading the personality model failed; the first analysis will try again.");
        }
    }
}

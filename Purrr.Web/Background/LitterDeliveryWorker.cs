using Purrr.Core.Breeding;
using Purrr.Core.ScaleOut;

namespace Purrr.Web.Background;

/// <summary>
/// Delivers kittens when pregnancies fall due: at start (for those that fell due while the app was stopped)
/// and then every <c>Breeding:DeliveryCheckSeconds</c> (default 30).
/// </summary>
public sealed class LitterDeliveryWorker(BreedingService breeding, WorkLeases leases, IConfiguration configuration, ILogger<LitterDeliveryWorker> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var interval = TimeSpan.FromSeconds(configuration.GetValue("Breeding:DeliveryCheckSeconds", 30));
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                var delivered = await leases.RunAsync(nameof(LitterDeliveryWorker), interval, breeding.DeliverDueLittersAsync, stoppingToken);
                if (delivered > 0)
                    logger.LogInformation("Delivered {Count} litter(s).", delivered);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                logger.LogError(e, "Delivering litters failed; retrying in {Interval}.", interval);
            }
            await Task.Delay(interval, stoppingToken).ContinueWith(_ => { }, TaskScheduler.Default);
        }
    }
}

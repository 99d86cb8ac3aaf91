using Microsoft.Extensions.Options;
using Purrr.Core.Crypto;
using Purrr.Core.ScaleOut;

namespace Purrr.Web.Background;

/// <summary>Expires unpaid crypto charges every <c>Crypto:ExpirySweepSeconds</c> (default 60); each tick is one idempotent Core call.</summary>
public sealed class CryptoChargeWorker(CryptoService crypto, WorkLeases leases, IOptions<CryptoOptions> options, ILogger<CryptoChargeWorker> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var interval = TimeSpan.FromSeconds(Math.Max(1, options.Value.ExpirySweepSeconds));
        using var timer = new PeriodicTimer(interval);
        while (await timer.WaitForNextTickAsync(stoppingToken).AsTask().ContinueWith(t => t.IsCompletedSuccessfully && t.Result, TaskScheduler.Default))
        {
            try
            {
                if (await leases.RunAsync(nameof(CryptoChargeWorker), interval, crypto.ExpireChargesAsync, stoppingToken) is > 0 and var players)
                    logger.LogInformation("Expired unpaid crypto charges of {Players} players.", players);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                logger.LogError(e, "Expiring crypto charges failed; trying again in {Interval}.", interval);
            }
        }
    }
}

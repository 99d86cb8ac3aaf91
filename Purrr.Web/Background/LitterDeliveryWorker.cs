using Purrr.Core.Breeding;
using Purrr.Core.ScaleOut;

namespace Purrr.Web.Background;

/// <summary>
/// Delivers kittens when pregnancies fall due: at start (for those that fell due while the app was stopped)
/// and then every <c>Breeding:DeliveryCheckSeconds</c> (default 30).
/// </summary>
public sealed class LitterDeliveryWorker(BreedingService breeding, WorkLeases leases, IConfiguration configuration, ILogger<LitterDeliveryWorker> logger)
    : LeasedTickWorker(leases, logger)
{
    protected override TimeSpan Interval => TimeSpan.FromSeconds(configuration.GetValue("Breeding:DeliveryCheckSeconds", 30));

    protected override bool TickAtStart => true;

    protected override async Task<string?> TickAsync(CancellationToken ct) =>
        await breeding.DeliverDueLittersAsync(ct) is > 0 and var delivered ? $"delivered {delivered} litter(s)." : null;
}

using Microsoft.Extensions.Options;
using Purrr.Core.Crypto;
using Purrr.Core.ScaleOut;

namespace Purrr.Web.Background;

/// <summary>Expires unpaid crypto charges every <c>Crypto:ExpirySweepSeconds</c> (default 60).</summary>
public sealed class CryptoChargeWorker(CryptoService crypto, WorkLeases leases, IOptions<CryptoOptions> options, ILogger<CryptoChargeWorker> logger)
    : LeasedTickWorker(leases, logger)
{
    protected override TimeSpan Interval => TimeSpan.FromSeconds(Math.Max(1, options.Value.ExpirySweepSeconds));

    protected override async Task<string?> TickAsync(CancellationToken ct) =>
        await crypto.ExpireChargesAsync(ct) is > 0 and var players ? $"expired unpaid crypto charges of {players} players." : null;
}

using Purrr.Core.Accounts;
using Purrr.Core.Economy;
using static Purrr.Web.Api.ApiRequests;

namespace Purrr.Web.Api;

public sealed record BalanceView(long Coins);

public sealed record LedgerLine(long Id, long Amount, long BalanceAfter, LedgerReason Reason, string Description, DateTimeOffset At);

public sealed record LedgerView(long Coins, IReadOnlyList<LedgerLine> Entries, int Total, int Page, int PageSize, int Pages);

/// <summary>/api/v1/economy: the coin balance and the ledger, newest first (WalletService, as the wallet page).</summary>
public static class EconomyApi
{
    public static RouteGroupBuilder MapEconomy(this RouteGroupBuilder api)
    {
        var economy = api.MapGroup("/economy").WithTags("Economy");
        economy.MapGet("/balance", async (HttpContext http, PlayerService players, CancellationToken ct) =>
            await players.FindAsync(Me(http), ct) is { } me ? ApiResults.Ok(new BalanceView(me.Coins)) : ApiResults.NotFound("Your account no longer exists."))
            .Reads<BalanceView>("Your coin balance");
        economy.MapGet("/ledger", async (HttpContext http, WalletService wallet, CancellationToken ct, int page = 1) =>
        {
            var ledger = await wallet.GetLedgerAsync(Me(http), page, ct);
            return ApiResults.Ok(new LedgerView(ledger.Coins,
                [.. ledger.Entries.Select(e => new LedgerLine(e.Id, e.Amount, e.BalanceAfter, e.Reason, WalletService.Describe(e), e.At))],
                ledger.Total, ledger.Page, ledger.PageSize, ledger.Pages));
        })
            .Reads<LedgerView>("Your ledger, 25 entries a page, newest first");
        return api;
    }
}

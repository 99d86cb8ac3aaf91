using Microsoft.EntityFrameworkCore;
using Purrr.Core.Common;
using Purrr.Core.Persistence;

namespace Purrr.Core.Crypto;

/// <summary>
/// A player's crypto rows in their data export. When the account closes they are kept, not deleted: balances, the
/// ledger, deposits and withdrawals are financial records (the amounts still held stay attached to the anonymised
/// account for an admin to settle); the authenticator key goes with the sign-in account.
/// </summary>
public sealed record CryptoExport(
    IReadOnlyList<CryptoBalance> Balances,
    IReadOnlyList<CryptoLedgerEntry> Ledger,
    IReadOnlyList<CryptoCharge> Deposits,
    IReadOnlyList<CryptoWithdrawal> Withdrawals)
{
    internal static async Task<CryptoExport> OfAsync(IPurrrDb db, UserId id, CancellationToken ct) => new(
        await db.CryptoBalances.AsNoTracking().Where(b => b.PlayerId == id).OrderBy(b => b.Currency).ToListAsync(ct),
        await db.CryptoLedger.AsNoTracking().Where(e => e.PlayerId == id).OrderByDescending(e => e.Id).ToListAsync(ct),
        await db.CryptoCharges.AsNoTracking().Where(c => c.PlayerId == id).OrderByDescending(c => c.CreatedAt).ToListAsync(ct),
        await db.CryptoWithdrawals.AsNoTracking().Where(w => w.PlayerId == id).OrderByDescending(w => w.RequestedAt).ToListAsync(ct));
}

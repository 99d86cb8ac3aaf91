using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Purrr.Core.Accounts;
using Purrr.Core.Crypto;

namespace Purrr.Data.Configurations;

// Amounts are minor units (10⁻⁸) in 64-bit integers on both providers: exact, and summed in SQL.

public sealed class CryptoBalanceConfiguration : IEntityTypeConfiguration<CryptoBalance>
{
    public void Configure(EntityTypeBuilder<CryptoBalance> e)
    {
        e.HasKey(x => new { x.PlayerId, x.Currency });
        e.Property(x => x.Currency).HasConversion<string>().HasMaxLength(5);
        e.Property(x => x.Version).IsConcurrencyToken();
        e.ToTable(t => t.HasCheckConstraint("CK_CryptoBalances_NotNegative", "Available >= 0 AND Locked >= 0"));
        e.HasOne<Player>().WithMany().HasForeignKey(x => x.PlayerId).OnDelete(DeleteBehavior.Cascade);
    }
}

public sealed class CryptoLedgerEntryConfiguration : IEntityTypeConfiguration<CryptoLedgerEntry>
{
    public void Configure(EntityTypeBuilder<CryptoLedgerEntry> e)
    {
        e.ToTable("CryptoLedger");
        e.HasKey(x => x.Id);
        e.Property(x => x.Currency).HasConversion<string>().HasMaxLength(5);
        e.Property(x => x.Kind).HasConversion<string>().HasMaxLength(20);
        e.Property(x => x.Reference).HasMaxLength(CryptoLedgerEntry.ReferenceMaxLength).IsRequired();
        e.Property(x => x.IdempotencyKey).HasMaxLength(CryptoLedgerEntry.IdempotencyKeyMaxLength);
        e.HasOne<Player>().WithMany().HasForeignKey(x => x.PlayerId).OnDelete(DeleteBehavior.Cascade);
        // A deposit's charge or a click's key is written once, however often the callback or the click comes.
        e.HasIndex(x => new { x.PlayerId, x.IdempotencyKey }).IsUnique();
        e.HasIndex(x => new { x.PlayerId, x.Id });
    }
}

public sealed class CryptoChargeConfiguration : IEntityTypeConfiguration<CryptoCharge>
{
    public void Configure(EntityTypeBuilder<CryptoCharge> e)
    {
        e.HasKey(x => x.Id);
        e.Property(x => x.Id).ValueGeneratedNever();
        e.Property(x => x.Currency).HasConversion<string>().HasMaxLength(5);
        e.Property(x => x.Status).HasConversion<string>().HasMaxLength(12);
        e.Property(x => x.Provider).HasMaxLength(40).IsRequired();
        e.Property(x => x.ProviderChargeId).HasMaxLength(CryptoCharge.ProviderIdMaxLength).IsRequired();
        e.Property(x => x.PaymentUrl).HasMaxLength(CryptoCharge.PaymentUrlMaxLength).IsRequired();
        e.Property(x => x.Version).IsConcurrencyToken();
        e.HasIndex(x => x.ProviderChargeId).IsUnique();
        e.HasIndex(x => new { x.Status, x.ExpiresAt });
        e.HasIndex(x => new { x.PlayerId, x.CreatedAt });
        e.HasOne<Player>().WithMany().HasForeignKey(x => x.PlayerId).OnDelete(DeleteBehavior.Cascade);
    }
}

public sealed class CryptoWithdrawalConfiguration : IEntityTypeConfiguration<CryptoWithdrawal>
{
    public void Configure(EntityTypeBuilder<CryptoWithdrawal> e)
    {
        e.HasKey(x => x.Id);
        e.Property(x => x.Id).ValueGeneratedNever();
        e.Property(x => x.Currency).HasConversion<string>().HasMaxLength(5);
        e.Property(x => x.Status).HasConversion<string>().HasMaxLength(20);
        e.Property(x => x.Address).HasMaxLength(CryptoAddresses.MaxLength).IsRequired();
        e.Property(x => x.IdempotencyKey).HasMaxLength(CryptoLedgerEntry.IdempotencyKeyMaxLength).IsRequired();
        e.Property(x => x.ProviderPayoutId).HasMaxLength(CryptoCharge.ProviderIdMaxLength);
        e.Property(x => x.Note).HasMaxLength(CryptoWithdrawal.NoteMaxLength);
        e.Property(x => x.Version).IsConcurrencyToken();
        e.HasIndex(x => new { x.PlayerId, x.IdempotencyKey }).IsUnique();
        // One authenticator code, one withdrawal: two requests racing with the same code cannot both be written.
        e.HasIndex(x => new { x.PlayerId, x.TotpStep }).IsUnique();
        e.HasIndex(x => new { x.PlayerId, x.RequestedAt });
        e.HasIndex(x => x.ProviderPayoutId).IsUnique();
        e.HasIndex(x => new { x.Status, x.RequestedAt });
        e.HasOne<Player>().WithMany().HasForeignKey(x => x.PlayerId).OnDelete(DeleteBehavior.Cascade);
    }
}

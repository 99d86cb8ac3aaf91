using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Purrr.Core.Accounts;
using Purrr.Core.Economy;

namespace Purrr.Data.Configurations;

public sealed class LedgerEntryConfiguration : IEntityTypeConfiguration<LedgerEntry>
{
    public void Configure(EntityTypeBuilder<LedgerEntry> e)
    {
        e.HasKey(x => x.Id);
        e.Property(x => x.Reason).HasConversion<string>().HasMaxLength(20);
        e.Property(x => x.Reference).HasMaxLength(LedgerEntry.ReferenceMaxLength).IsRequired();
        e.Property(x => x.IdempotencyKey).HasMaxLength(LedgerEntry.IdempotencyKeyMaxLength);
        e.HasOne<Player>().WithMany().HasForeignKey(x => x.PlayerId).OnDelete(DeleteBehavior.Cascade);
        // A spending request retried with the same key can only ever be written once.
        e.HasIndex(x => new { x.PlayerId, x.IdempotencyKey }).IsUnique();
        e.HasIndex(x => new { x.PlayerId, x.At });
        e.HasIndex(x => x.At); // admin dashboard: coins created and spent per day
    }
}

public sealed class InventoryItemConfiguration : IEntityTypeConfiguration<InventoryItem>
{
    public void Configure(EntityTypeBuilder<InventoryItem> e)
    {
        e.HasKey(x => new { x.PlayerId, x.ItemKey });
        e.Property(x => x.ItemKey).HasMaxLength(40);
        e.Property(x => x.Version).IsConcurrencyToken();
        e.HasOne<Player>().WithMany().HasForeignKey(x => x.PlayerId).OnDelete(DeleteBehavior.Cascade);
    }
}

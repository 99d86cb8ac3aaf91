using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Purrr.Core.Accounts;
using Purrr.Core.Blockchain;
using Purrr.Core.Cats;

namespace Purrr.Data.Configurations;

public sealed class WalletLinkConfiguration : IEntityTypeConfiguration<WalletLink>
{
    public void Configure(EntityTypeBuilder<WalletLink> e)
    {
        // One wallet per account (the key), one account per wallet (the unique address).
        e.HasKey(x => x.PlayerId);
        e.Property(x => x.Address).HasMaxLength(WalletRules.AddressLength).IsRequired();
        e.HasIndex(x => x.Address).IsUnique();
        e.HasOne<Player>().WithMany().HasForeignKey(x => x.PlayerId).OnDelete(DeleteBehavior.Cascade);
    }
}

public sealed class WalletChallengeConfiguration : IEntityTypeConfiguration<WalletChallenge>
{
    public void Configure(EntityTypeBuilder<WalletChallenge> e)
    {
        e.HasKey(x => x.Id);
        e.Property(x => x.Nonce).HasMaxLength(32).IsRequired();
        e.Ignore(x => x.Message);
        e.HasIndex(x => new { x.PlayerId, x.Nonce }).IsUnique();
        e.HasOne<Player>().WithMany().HasForeignKey(x => x.PlayerId).OnDelete(DeleteBehavior.Cascade);
    }
}

public sealed class ChainContractConfiguration : IEntityTypeConfiguration<ChainContract>
{
    public void Configure(EntityTypeBuilder<ChainContract> e)
    {
        // One PurrrCats per chain.
        e.HasKey(x => x.ChainId);
        e.Property(x => x.ChainId).ValueGeneratedNever();
        e.Property(x => x.Address).HasMaxLength(WalletRules.AddressLength).IsRequired();
        e.Property(x => x.TransactionHash).HasMaxLength(66).IsRequired();
    }
}

public sealed class CatNftConfiguration : IEntityTypeConfiguration<CatNft>
{
    public void Configure(EntityTypeBuilder<CatNft> e)
    {
        // One row per cat: never two mints of one cat at a time, never two tokens for it.
        e.HasKey(x => x.CatId);
        e.Property(x => x.ContractAddress).HasMaxLength(WalletRules.AddressLength).IsRequired();
        e.Property(x => x.HolderAddress).HasMaxLength(WalletRules.AddressLength).IsRequired();
        e.Property(x => x.TokenUri).HasMaxLength(CatNft.TokenUriMaxLength).IsRequired();
        e.Property(x => x.MintTransactionHash).HasMaxLength(ChainTransaction.HashLength);
        e.Property(x => x.Error).HasMaxLength(CatNft.ErrorMaxLength);
        e.Property(x => x.Status).HasConversion<string>().HasMaxLength(12);
        e.Property(x => x.Version).IsConcurrencyToken();
        e.Ignore(x => x.IsActive);
        // A token is one cat's (a null token id, while minting, is not compared).
        e.HasIndex(x => new { x.ChainId, x.ContractAddress, x.TokenId }).IsUnique();
        e.HasOne<Cat>().WithMany().HasForeignKey(x => x.CatId).OnDelete(DeleteBehavior.Cascade);
        e.HasOne<Player>().WithMany().HasForeignKey(x => x.MintedById).OnDelete(DeleteBehavior.Restrict);
    }
}

public sealed class ChainTransactionConfiguration : IEntityTypeConfiguration<ChainTransaction>
{
    public void Configure(EntityTypeBuilder<ChainTransaction> e)
    {
        e.HasKey(x => x.Hash);
        e.Property(x => x.Hash).HasMaxLength(ChainTransaction.HashLength);
        e.Property(x => x.Kind).HasConversion<string>().HasMaxLength(12);
        e.Property(x => x.Status).HasConversion<string>().HasMaxLength(12);
        e.Property(x => x.FromAddress).HasMaxLength(WalletRules.AddressLength).IsRequired();
        e.Property(x => x.ToAddress).HasMaxLength(WalletRules.AddressLength).IsRequired();
        e.Property(x => x.GasPriceWei).HasPrecision(38, 0);
        e.Property(x => x.FeeWei).HasPrecision(38, 0);
        e.Property(x => x.Error).HasMaxLength(CatNft.ErrorMaxLength);
        e.Property(x => x.Version).IsConcurrencyToken();
        e.Ignore(x => x.PaidByPlatform);
        e.HasIndex(x => new { x.CatId, x.SubmittedAt });
        e.HasIndex(x => new { x.Status, x.SubmittedAt }); // the sync's pending ones
        e.HasIndex(x => x.SubmittedAt);
        e.HasOne<Cat>().WithMany().HasForeignKey(x => x.CatId).OnDelete(DeleteBehavior.Cascade);
        e.HasOne<Player>().WithMany().HasForeignKey(x => x.PlayerId).OnDelete(DeleteBehavior.Restrict); // what was spent stays on record
    }
}

public sealed class GasLedgerEntryConfiguration : IEntityTypeConfiguration<GasLedgerEntry>
{
    public void Configure(EntityTypeBuilder<GasLedgerEntry> e)
    {
        e.HasKey(x => x.Id);
        e.Property(x => x.TransactionHash).HasMaxLength(ChainTransaction.HashLength).IsRequired();
        e.HasIndex(x => x.TransactionHash).IsUnique(); // one entry per mined transaction, however many passes see it
        e.Property(x => x.FeeWei).HasPrecision(38, 0);
        e.HasIndex(x => x.At);
        e.HasOne<Cat>().WithMany().HasForeignKey(x => x.CatId).OnDelete(DeleteBehavior.Cascade);
        e.HasOne<Player>().WithMany().HasForeignKey(x => x.PlayerId).OnDelete(DeleteBehavior.Restrict);
    }
}

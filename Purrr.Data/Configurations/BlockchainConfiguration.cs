using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Purrr.Core.Accounts;
using Purrr.Core.Blockchain;

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

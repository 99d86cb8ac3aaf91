using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Purrr.Core.Accounts;
using Purrr.Core.Api;

namespace Purrr.Data.Configurations;

public sealed class ApiKeyConfiguration : IEntityTypeConfiguration<ApiKey>
{
    public void Configure(EntityTypeBuilder<ApiKey> e)
    {
        e.HasKey(x => x.Id);
        e.Property(x => x.Name).HasMaxLength(ApiKey.NameMaxLength).IsRequired();
        e.Property(x => x.Prefix).HasMaxLength(ApiKey.PrefixLength).IsRequired();
        e.Property(x => x.Hash).HasMaxLength(ApiKey.HashLength).IsRequired();
        e.Property(x => x.Scopes).HasMaxLength(40).IsRequired();
        e.Property(x => x.AllowedIps).HasMaxLength(ApiKey.AllowedIpsMaxLength).IsRequired();
        e.Property(x => x.LastUsedIp).HasMaxLength(45);
        e.Ignore(x => x.ScopeList);
        e.Ignore(x => x.AllowedIpList);
        e.HasOne<Player>().WithMany().HasForeignKey(x => x.OwnerId).OnDelete(DeleteBehavior.Cascade);
        // Every API call looks its key up by hash.
        e.HasIndex(x => x.Hash).IsUnique();
        e.HasIndex(x => x.OwnerId);
    }
}

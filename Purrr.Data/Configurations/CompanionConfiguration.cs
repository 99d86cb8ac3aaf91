using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Purrr.Core.Accounts;
using Purrr.Core.Cats;
using Purrr.Core.Companion;

namespace Purrr.Data.Configurations;

public sealed class CompanionMessageConfiguration : IEntityTypeConfiguration<CompanionMessage>
{
    public void Configure(EntityTypeBuilder<CompanionMessage> e)
    {
        e.HasKey(x => x.Id);
        e.Property(x => x.Speaker).HasConversion<string>().HasMaxLength(10);
        e.Property(x => x.Text).HasMaxLength(CompanionRules.StoredMaxLength).IsRequired();
        e.HasOne<Player>().WithMany().HasForeignKey(x => x.PlayerId).OnDelete(DeleteBehavior.Cascade);
        e.HasOne<Cat>().WithMany().HasForeignKey(x => x.CatId).OnDelete(DeleteBehavior.Restrict);
        e.HasIndex(x => new { x.CatId, x.PlayerId, x.Id });
    }
}

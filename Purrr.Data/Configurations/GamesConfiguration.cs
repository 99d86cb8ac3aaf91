using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Purrr.Core.Accounts;
using Purrr.Core.Cats;
using Purrr.Core.Games;

namespace Purrr.Data.Configurations;

public sealed class PawMatchGameConfiguration : IEntityTypeConfiguration<PawMatchGame>
{
    public void Configure(EntityTypeBuilder<PawMatchGame> e)
    {
        e.HasKey(x => x.Id);
        e.Property(x => x.Board).HasMaxLength(200).IsRequired();
        e.Property(x => x.Status).HasConversion<string>().HasMaxLength(10);
        e.Property(x => x.FeeCurrency).HasConversion<string>().HasMaxLength(5); // null: paid in coins
        e.Property(x => x.Version).IsConcurrencyToken();
        e.Ignore(x => x.Deadline);
        e.Ignore(x => x.PairsFound);
        e.HasOne<Player>().WithMany().HasForeignKey(x => x.PlayerId).OnDelete(DeleteBehavior.Cascade);
        e.HasOne<Cat>().WithMany().HasForeignKey(x => x.CatId).OnDelete(DeleteBehavior.Restrict);
        e.HasIndex(x => new { x.PlayerId, x.Status });
        e.HasIndex(x => new { x.CatId, x.StartedAt });
    }
}

using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Purrr.Core.Accounts;
using Purrr.Core.Breeding;
using Purrr.Core.Cats;

namespace Purrr.Data.Configurations;

public sealed class PregnancyConfiguration : IEntityTypeConfiguration<Pregnancy>
{
    public void Configure(EntityTypeBuilder<Pregnancy> e)
    {
        e.HasKey(x => x.Id);
        e.HasOne<Cat>().WithMany().HasForeignKey(x => x.MotherId).OnDelete(DeleteBehavior.Restrict);
        e.HasOne<Cat>().WithMany().HasForeignKey(x => x.FatherId).OnDelete(DeleteBehavior.Restrict);
        e.HasOne<Player>().WithMany().HasForeignKey(x => x.OwnerId).OnDelete(DeleteBehavior.Restrict);
        // Two instances delivering the same litter: the second one's update finds it already born and fails.
        e.Property(x => x.BornAt).IsConcurrencyToken();
        e.HasIndex(x => new { x.BornAt, x.DueAt });
    }
}

public sealed class BreedingOfferConfiguration : IEntityTypeConfiguration<BreedingOffer>
{
    public void Configure(EntityTypeBuilder<BreedingOffer> e)
    {
        e.HasKey(x => x.Id);
        e.Property(x => x.Status).HasConversion<string>().HasMaxLength(12);
        e.Property(x => x.Version).IsConcurrencyToken();
        e.HasOne<Cat>().WithMany().HasForeignKey(x => x.FromCatId).OnDelete(DeleteBehavior.Restrict);
        e.HasOne<Cat>().WithMany().HasForeignKey(x => x.ToCatId).OnDelete(DeleteBehavior.Restrict);
        e.HasOne<Player>().WithMany().HasForeignKey(x => x.FromPlayerId).OnDelete(DeleteBehavior.Restrict);
        e.HasOne<Player>().WithMany().HasForeignKey(x => x.ToPlayerId).OnDelete(DeleteBehavior.Restrict);
        e.HasIndex(x => new { x.ToPlayerId, x.CreatedAt });
        e.HasIndex(x => new { x.FromPlayerId, x.CreatedAt });
    }
}

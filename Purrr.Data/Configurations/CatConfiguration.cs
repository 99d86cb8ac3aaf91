using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Purrr.Core.Accounts;
using Purrr.Core.Cats;

namespace Purrr.Data.Configurations;

public sealed class CatConfiguration : IEntityTypeConfiguration<Cat>
{
    public void Configure(EntityTypeBuilder<Cat> cat)
    {
        cat.HasKey(c => c.Id);
        cat.Property(c => c.Name).HasMaxLength(Cat.NameMaxLength).IsRequired();
        cat.Property(c => c.BreedKey).HasMaxLength(40).IsRequired();
        cat.Property(c => c.Personality).HasConversion<string>().HasMaxLength(20);
        cat.Property(c => c.Genome).IsRequired();
        cat.Property(c => c.Description).HasMaxLength(Cat.DescriptionMaxLength).IsRequired();
        cat.ComplexProperty(c => c.Stats);
        cat.ComplexProperty(c => c.Perks); // territory growth (Purrr.Core/Territories)
        cat.Property(c => c.Version).IsConcurrencyToken();
        cat.Ignore(c => c.Traits);
        cat.Ignore(c => c.IsNeglected);

        cat.HasOne<Player>().WithMany().HasForeignKey(c => c.OwnerId).OnDelete(DeleteBehavior.Restrict);
        cat.HasOne<Cat>().WithMany().HasForeignKey(c => c.MotherId).OnDelete(DeleteBehavior.Restrict);
        cat.HasOne<Cat>().WithMany().HasForeignKey(c => c.FatherId).OnDelete(DeleteBehavior.Restrict);

        cat.HasIndex(c => c.OwnerId);
        cat.HasIndex(c => c.Level);
    }
}

public sealed class CatEventConfiguration : IEntityTypeConfiguration<CatEvent>
{
    public void Configure(EntityTypeBuilder<CatEvent> e)
    {
        e.HasKey(x => x.Id);
        e.Property(x => x.Type).HasConversion<string>().HasMaxLength(20);
        e.Property(x => x.Detail).HasMaxLength(CatEvent.DetailMaxLength).IsRequired();
        e.HasOne<Cat>().WithMany().HasForeignKey(x => x.CatId).OnDelete(DeleteBehavior.Cascade);
        e.HasIndex(x => new { x.CatId, x.At });
    }
}

using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Purrr.Core.Accounts;
using Purrr.Core.Cats;
using Purrr.Core.NightWatch;

namespace Purrr.Data.Configurations;

public sealed class PatrolConfiguration : IEntityTypeConfiguration<Patrol>
{
    public void Configure(EntityTypeBuilder<Patrol> e)
    {
        e.HasKey(x => x.Id);
        e.Property(x => x.Status).HasConversion<string>().HasMaxLength(12);
        e.Property(x => x.Version).IsConcurrencyToken();
        e.Ignore(x => x.Center);
        e.Ignore(x => x.StraysSaved);
        e.HasOne<Player>().WithMany().HasForeignKey(x => x.PlayerId).OnDelete(DeleteBehavior.Cascade);
        e.HasIndex(x => new { x.Status, x.EndsAt });
        e.HasIndex(x => new { x.PlayerId, x.StartedAt });
        e.HasIndex(x => new { x.Latitude, x.Longitude });
    }
}

public sealed class PatrolCatConfiguration : IEntityTypeConfiguration<PatrolCat>
{
    public void Configure(EntityTypeBuilder<PatrolCat> e)
    {
        e.HasKey(x => new { x.PatrolId, x.CatId });
        e.Property(x => x.Role).HasConversion<string>().HasMaxLength(10);
        e.HasOne<Patrol>().WithMany().HasForeignKey(x => x.PatrolId).OnDelete(DeleteBehavior.Cascade);
        e.HasOne<Cat>().WithMany().HasForeignKey(x => x.CatId).OnDelete(DeleteBehavior.Restrict);
        e.HasIndex(x => x.CatId);
    }
}

public sealed class ProtectionZoneConfiguration : IEntityTypeConfiguration<ProtectionZone>
{
    public void Configure(EntityTypeBuilder<ProtectionZone> e)
    {
        e.HasKey(x => x.Id);
        e.Property(x => x.Type).HasConversion<string>().HasMaxLength(20);
        e.Property(x => x.Name).HasMaxLength(ZoneSpecs.NameMaxLength).IsRequired();
        e.Ignore(x => x.Center);
        e.Ignore(x => x.Footprint);
        e.HasOne<Player>().WithMany().HasForeignKey(x => x.OwnerId).OnDelete(DeleteBehavior.Cascade);
        e.HasIndex(x => new { x.Latitude, x.Longitude });
        e.HasIndex(x => x.OwnerId);
    }
}

public sealed class NightWatchEventConfiguration : IEntityTypeConfiguration<NightWatchEvent>
{
    public void Configure(EntityTypeBuilder<NightWatchEvent> e)
    {
        e.HasKey(x => x.Id);
        e.Property(x => x.Kind).HasConversion<string>().HasMaxLength(20);
        e.Property(x => x.Threat).HasConversion<string>().HasMaxLength(10);
        e.Property(x => x.Text).HasMaxLength(NightWatchEvent.TextMaxLength).IsRequired();
        e.HasOne<Patrol>().WithMany().HasForeignKey(x => x.PatrolId).OnDelete(DeleteBehavior.Cascade);
        e.HasIndex(x => new { x.Latitude, x.Longitude });
        e.HasIndex(x => x.PatrolId);
    }
}

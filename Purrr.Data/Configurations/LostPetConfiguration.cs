using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Purrr.Core.Accounts;
using Purrr.Core.Community;
using Purrr.Core.LostPets;

namespace Purrr.Data.Configurations;

public sealed class LostPetConfiguration : IEntityTypeConfiguration<LostPet>
{
    public void Configure(EntityTypeBuilder<LostPet> e)
    {
        e.HasKey(x => x.Id);
        e.Property(x => x.Name).HasMaxLength(LostPet.NameMaxLength).IsRequired();
        e.Property(x => x.Type).HasConversion<string>().HasMaxLength(10);
        e.Property(x => x.Size).HasConversion<string>().HasMaxLength(10);
        e.Property(x => x.Status).HasConversion<string>().HasMaxLength(10);
        e.Property(x => x.Breed).HasMaxLength(LostPet.BreedMaxLength).IsRequired();
        e.Property(x => x.Colour).HasMaxLength(LostPet.ColourMaxLength).IsRequired();
        e.Property(x => x.Description).HasMaxLength(LostPet.DescriptionMaxLength).IsRequired();
        e.Property(x => x.Features).HasMaxLength(LostPet.FeaturesMaxLength).IsRequired();
        e.Property(x => x.LastSeenPlace).HasMaxLength(LostPet.PlaceMaxLength).IsRequired();
        e.Property(x => x.ContactPhone).HasMaxLength(LostPet.PhoneMaxLength).IsRequired();
        e.Property(x => x.ContactEmail).HasMaxLength(LostPet.EmailMaxLength).IsRequired();
        e.Property(x => x.Reward).HasMaxLength(LostPet.RewardMaxLength).IsRequired();
        e.Property(x => x.ThankYou).HasMaxLength(LostPet.ThanksMaxLength).IsRequired();
        e.Property(x => x.Version).IsConcurrencyToken();
        e.Ignore(x => x.LastSeen);
        e.HasOne<Player>().WithMany().HasForeignKey(x => x.OwnerId).OnDelete(DeleteBehavior.Cascade);
        e.HasMany(x => x.Photos).WithOne().HasForeignKey(f => f.LostPetId).OnDelete(DeleteBehavior.Cascade);
        // Radius search: a latitude band of active reports first, then longitude; exact distance in Core.
        e.HasIndex(x => new { x.Status, x.Latitude, x.Longitude });
        e.HasIndex(x => x.CreatedAt);
        e.HasIndex(x => x.OwnerId);
    }
}

public sealed class LostPetPhotoConfiguration : IEntityTypeConfiguration<LostPetPhoto>
{
    public void Configure(EntityTypeBuilder<LostPetPhoto> e)
    {
        e.HasKey(x => new { x.LostPetId, x.ImageId });
        e.HasOne<StoredImage>().WithMany().HasForeignKey(x => x.ImageId).OnDelete(DeleteBehavior.NoAction);
    }
}

public sealed class LostPetSightingConfiguration : IEntityTypeConfiguration<LostPetSighting>
{
    public void Configure(EntityTypeBuilder<LostPetSighting> e)
    {
        e.HasKey(x => x.Id);
        e.Property(x => x.Place).HasMaxLength(LostPetSighting.PlaceMaxLength).IsRequired();
        e.Property(x => x.Description).HasMaxLength(LostPetSighting.DescriptionMaxLength).IsRequired();
        e.Property(x => x.Confidence).HasConversion<string>().HasMaxLength(10);
        e.Ignore(x => x.Point);
        e.HasOne<LostPet>().WithMany().HasForeignKey(x => x.LostPetId).OnDelete(DeleteBehavior.Cascade);
        e.HasOne<Player>().WithMany().HasForeignKey(x => x.ReporterId).OnDelete(DeleteBehavior.NoAction);
        e.HasIndex(x => new { x.LostPetId, x.SeenAt });
    }
}

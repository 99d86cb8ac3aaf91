using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Purrr.Core.Accounts;
using Purrr.Core.Cats;
using Purrr.Core.HealthDevices;

namespace Purrr.Data.Configurations;

public sealed class HealthDeviceConfiguration : IEntityTypeConfiguration<HealthDevice>
{
    public void Configure(EntityTypeBuilder<HealthDevice> e)
    {
        e.HasKey(x => x.Id);
        e.Property(x => x.Type).HasConversion<string>().HasMaxLength(20);
        e.Property(x => x.Serial).HasMaxLength(HealthDevice.SerialMaxLength).IsRequired();
        e.Property(x => x.KeyPrefix).HasMaxLength(HealthDevice.KeyPrefixLength).IsRequired();
        e.Property(x => x.KeyHash).HasMaxLength(64).IsRequired();
        e.HasOne<Player>().WithMany().HasForeignKey(x => x.OwnerId).OnDelete(DeleteBehavior.Cascade);
        e.HasOne<Cat>().WithMany().HasForeignKey(x => x.CatId).OnDelete(DeleteBehavior.NoAction);
        // Every push looks its device up by the key's hash.
        e.HasIndex(x => x.KeyHash).IsUnique();
        e.HasIndex(x => new { x.OwnerId, x.CatId });
    }
}

public sealed class HealthReadingConfiguration : IEntityTypeConfiguration<HealthReading>
{
    public void Configure(EntityTypeBuilder<HealthReading> e)
    {
        e.HasKey(x => x.Id);
        e.Property(x => x.ReadingId).HasMaxLength(HealthReading.ReadingIdMaxLength).IsRequired();
        e.Ignore(x => x.IsActivity);
        e.HasOne<HealthDevice>().WithMany().HasForeignKey(x => x.DeviceId).OnDelete(DeleteBehavior.Cascade);
        // A batch sent twice stores each reading once.
        e.HasIndex(x => new { x.DeviceId, x.ReadingId }).IsUnique();
        // Charts and the silence check read a cat's readings by time.
        e.HasIndex(x => new { x.CatId, x.TakenAt });
        e.HasIndex(x => x.OwnerId);
    }
}

public sealed class HealthAlertConfiguration : IEntityTypeConfiguration<HealthAlert>
{
    public void Configure(EntityTypeBuilder<HealthAlert> e)
    {
        e.HasKey(x => x.Id);
        e.Property(x => x.Kind).HasConversion<string>().HasMaxLength(20);
        e.Property(x => x.Text).HasMaxLength(HealthAlert.TextMaxLength).IsRequired();
        e.HasOne<Player>().WithMany().HasForeignKey(x => x.OwnerId).OnDelete(DeleteBehavior.Cascade);
        e.HasIndex(x => new { x.CatId, x.Kind, x.EndedAt });
        e.HasIndex(x => x.OwnerId);
    }
}

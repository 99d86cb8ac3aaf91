using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Purrr.Core.Accounts;
using Purrr.Core.Cats;
using Purrr.Core.Rooms;

namespace Purrr.Data.Configurations;

public sealed class RoomVisitConfiguration : IEntityTypeConfiguration<RoomVisit>
{
    public void Configure(EntityTypeBuilder<RoomVisit> e)
    {
        e.HasKey(x => x.Id);
        e.Property(x => x.RoomKey).HasMaxLength(RoomKey.MaxLength).IsRequired();
        e.Property(x => x.RoomType).HasConversion<string>().HasMaxLength(20);
        e.HasOne<Player>().WithMany().HasForeignKey(x => x.PlayerId).OnDelete(DeleteBehavior.Cascade);
        e.HasOne<Cat>().WithMany().HasForeignKey(x => x.CatId).OnDelete(DeleteBehavior.Restrict);
        e.HasIndex(x => new { x.PlayerId, x.JoinedAt });
        e.HasIndex(x => new { x.RoomKey, x.JoinedAt });
        e.HasIndex(x => x.LeftAt);
    }
}

public sealed class RoomChatMessageConfiguration : IEntityTypeConfiguration<RoomChatMessage>
{
    public void Configure(EntityTypeBuilder<RoomChatMessage> e)
    {
        e.HasKey(x => x.Id);
        e.Property(x => x.RoomKey).HasMaxLength(RoomKey.MaxLength).IsRequired();
        e.Property(x => x.CatName).HasMaxLength(Cat.NameMaxLength).IsRequired();
        e.Property(x => x.Text).HasMaxLength(RoomRules.ChatMaxLength).IsRequired();
        e.HasOne<Player>().WithMany().HasForeignKey(x => x.PlayerId).OnDelete(DeleteBehavior.Cascade);
        e.HasIndex(x => new { x.RoomKey, x.Id });
    }
}

using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Purrr.Core.Accounts;

namespace Purrr.Data.Configurations;

public sealed class PlayerConfiguration : IEntityTypeConfiguration<Player>
{
    public void Configure(EntityTypeBuilder<Player> player)
    {
        player.HasKey(p => p.Id);
        player.Property(p => p.UserName).HasMaxLength(AccountRules.UserNameMaxLength).IsRequired();
        player.HasIndex(p => p.UserName).IsUnique();
        player.HasIndex(p => p.JoinedAt); // admin dashboard: registrations per day
        player.HasIndex(p => p.LastSeenAt); // admin dashboard: daily active users
        player.Property(p => p.DisplayName).HasMaxLength(Player.DisplayNameMaxLength).IsRequired();
        player.Property(p => p.Bio).HasMaxLength(Player.BioMaxLength).IsRequired();
        player.Property(p => p.TimeZoneId).HasMaxLength(64).IsRequired();
        player.Property(p => p.Theme).HasConversion<string>().HasMaxLength(10);
        player.Property(p => p.ApiTier).HasConversion<string>().HasMaxLength(12).HasDefaultValue(Purrr.Core.Security.ApiTier.Free).HasSentinel((Purrr.Core.Security.ApiTier)(-1));
        player.Property(p => p.Version).IsConcurrencyToken();
        player.Ignore(p => p.Home);
        player.Ignore(p => p.IsClosed);
        player.Ignore(p => p.TimeZone);
    }
}

public sealed class PurrrUserConfiguration : IEntityTypeConfiguration<PurrrUser>
{
    public void Configure(EntityTypeBuilder<PurrrUser> user)
    {
        // The profile lives and dies with the account.
        user.HasOne(u => u.Player).WithOne().HasForeignKey<Player>(p => p.Id).OnDelete(DeleteBehavior.Cascade);
    }
}

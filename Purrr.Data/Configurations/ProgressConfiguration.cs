using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Purrr.Core.Accounts;
using Purrr.Core.Activity;
using Purrr.Core.Progress;

namespace Purrr.Data.Configurations;

public sealed class ActivityEventConfiguration : IEntityTypeConfiguration<ActivityEvent>
{
    public void Configure(EntityTypeBuilder<ActivityEvent> e)
    {
        e.HasKey(x => x.Id);
        e.Property(x => x.Kind).HasConversion<string>().HasMaxLength(30);
        e.Property(x => x.CatPersonality).HasConversion<string>().HasMaxLength(20);
        // Applying an activity and marking it processed happen in one save; a second processor's update finds it done.
        e.Property(x => x.ProcessedAt).IsConcurrencyToken();
        e.HasOne<Player>().WithMany().HasForeignKey(x => x.PlayerId).OnDelete(DeleteBehavior.Cascade);
        e.HasIndex(x => new { x.ProcessedAt, x.OccurredAt });
        e.HasIndex(x => new { x.CatId, x.OccurredAt });
        e.HasIndex(x => new { x.PlayerId, x.OccurredAt });
        e.HasIndex(x => new { x.Kind, x.OccurredAt }); // weekly boards: strays saved, XP earned
    }
}

public sealed class PlayerCounterConfiguration : IEntityTypeConfiguration<PlayerCounter>
{
    public void Configure(EntityTypeBuilder<PlayerCounter> e)
    {
        e.HasKey(x => new { x.PlayerId, x.Key });
        e.Property(x => x.Key).HasMaxLength(40);
        e.Property(x => x.Version).IsConcurrencyToken();
        e.HasOne<Player>().WithMany().HasForeignKey(x => x.PlayerId).OnDelete(DeleteBehavior.Cascade);
    }
}

public sealed class PlayerQuestConfiguration : IEntityTypeConfiguration<PlayerQuest>
{
    public void Configure(EntityTypeBuilder<PlayerQuest> e)
    {
        e.HasKey(x => x.Id);
        e.Property(x => x.QuestKey).HasMaxLength(40);
        e.Property(x => x.Period).HasMaxLength(20);
        e.Property(x => x.Version).IsConcurrencyToken();
        e.HasOne<Player>().WithMany().HasForeignKey(x => x.PlayerId).OnDelete(DeleteBehavior.Cascade);
        e.HasIndex(x => new { x.PlayerId, x.QuestKey, x.Period }).IsUnique();
        e.HasIndex(x => new { x.QuestKey, x.Period }); // community totals
    }
}

public sealed class PlayerAchievementConfiguration : IEntityTypeConfiguration<PlayerAchievement>
{
    public void Configure(EntityTypeBuilder<PlayerAchievement> e)
    {
        e.HasKey(x => new { x.PlayerId, x.AchievementKey });
        e.Property(x => x.AchievementKey).HasMaxLength(40);
        e.HasOne<Player>().WithMany().HasForeignKey(x => x.PlayerId).OnDelete(DeleteBehavior.Cascade);
        e.HasIndex(x => x.UnlockedAt);
    }
}

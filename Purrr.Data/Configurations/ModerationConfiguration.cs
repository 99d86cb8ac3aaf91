using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Purrr.Core.Accounts;
using Purrr.Core.Moderation;
using Purrr.Core.Notifications;

namespace Purrr.Data.Configurations;

public sealed class NotificationConfiguration : IEntityTypeConfiguration<Notification>
{
    public void Configure(EntityTypeBuilder<Notification> e)
    {
        e.HasKey(x => x.Id);
        e.Property(x => x.Type).HasConversion<string>().HasMaxLength(20);
        e.Property(x => x.Text).HasMaxLength(Notification.TextMaxLength).IsRequired();
        e.Property(x => x.Link).HasMaxLength(Notification.LinkMaxLength);
        e.HasOne<Player>().WithMany().HasForeignKey(x => x.RecipientId).OnDelete(DeleteBehavior.Cascade);
        e.HasIndex(x => new { x.RecipientId, x.Id });
        e.HasIndex(x => new { x.RecipientId, x.ReadAt });
    }
}

public sealed class ReportConfiguration : IEntityTypeConfiguration<Report>
{
    public void Configure(EntityTypeBuilder<Report> e)
    {
        e.HasKey(x => x.Id);
        e.Property(x => x.TargetKind).HasConversion<string>().HasMaxLength(10);
        e.Property(x => x.Status).HasConversion<string>().HasMaxLength(10);
        e.Property(x => x.Reason).HasMaxLength(Report.ReasonMaxLength).IsRequired();
        e.Property(x => x.Details).HasMaxLength(Report.DetailsMaxLength).IsRequired();
        e.HasOne<Player>().WithMany().HasForeignKey(x => x.ReporterId).OnDelete(DeleteBehavior.Cascade);
        e.HasIndex(x => new { x.Status, x.CreatedAt });
        e.HasIndex(x => new { x.TargetKind, x.TargetId });
    }
}

public sealed class UserSanctionConfiguration : IEntityTypeConfiguration<UserSanction>
{
    public void Configure(EntityTypeBuilder<UserSanction> e)
    {
        e.HasKey(x => x.Id);
        e.Property(x => x.Kind).HasConversion<string>().HasMaxLength(10);
        e.Property(x => x.Reason).HasMaxLength(UserSanction.ReasonMaxLength).IsRequired();
        e.HasOne<Player>().WithMany().HasForeignKey(x => x.UserId).OnDelete(DeleteBehavior.Cascade);
        e.HasIndex(x => new { x.UserId, x.CreatedAt });
    }
}

public sealed class AuditEntryConfiguration : IEntityTypeConfiguration<AuditEntry>
{
    public void Configure(EntityTypeBuilder<AuditEntry> e)
    {
        e.ToTable("AuditLog");
        e.HasKey(x => x.Id);
        e.Property(x => x.Action).HasMaxLength(AuditEntry.ActionMaxLength).IsRequired();
        e.Property(x => x.TargetKind).HasMaxLength(20).IsRequired();
        e.Property(x => x.TargetId).HasMaxLength(64).IsRequired();
        e.Property(x => x.Details).HasMaxLength(AuditEntry.DetailsMaxLength).IsRequired();
        e.HasIndex(x => x.At);
        e.HasIndex(x => new { x.TargetKind, x.TargetId });
    }
}

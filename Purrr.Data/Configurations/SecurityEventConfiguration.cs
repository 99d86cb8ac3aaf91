using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Purrr.Core.Security;

namespace Purrr.Data.Configurations;

public sealed class SecurityEventConfiguration : IEntityTypeConfiguration<SecurityEvent>
{
    public void Configure(EntityTypeBuilder<SecurityEvent> e)
    {
        e.HasKey(x => x.Id);
        e.Property(x => x.Type).HasConversion<string>().HasMaxLength(40);
        e.Property(x => x.Severity).HasConversion<string>().HasMaxLength(10);
        e.Property(x => x.IpAddress).HasMaxLength(45);
        e.Property(x => x.Detail).HasMaxLength(SecurityEvent.DetailMaxLength).IsRequired();
        e.Ignore(x => x.Code);
        e.HasIndex(x => x.OccurredAt);
    }
}

using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Purrr.Core.ScaleOut;

namespace Purrr.Data.Configurations;

public sealed class WorkLeaseConfiguration : IEntityTypeConfiguration<WorkLease>
{
    public void Configure(EntityTypeBuilder<WorkLease> e)
    {
        e.HasKey(x => x.Job);
        e.Property(x => x.Job).HasMaxLength(100);
        e.Property(x => x.Holder).HasMaxLength(200).IsRequired();
    }
}

using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Purrr.Core.Admin;

namespace Purrr.Data.Configurations;

public sealed class FeatureFlagConfiguration : IEntityTypeConfiguration<FeatureFlag>
{
    public void Configure(EntityTypeBuilder<FeatureFlag> e)
    {
        e.HasKey(x => x.Feature);
        e.Property(x => x.Feature).HasConversion<string>().HasMaxLength(30);
    }
}

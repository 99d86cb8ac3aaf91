using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Purrr.Core.Accounts;
using Purrr.Core.Cats;
using Purrr.Core.PersonalityAnalysis;

namespace Purrr.Data.Configurations;

public sealed class PersonalityFeedbackConfiguration : IEntityTypeConfiguration<PersonalityFeedback>
{
    public void Configure(EntityTypeBuilder<PersonalityFeedback> e)
    {
        e.HasKey(x => x.Id);
        e.Property(x => x.Rating).HasConversion<string>().HasMaxLength(20);
        e.Property(x => x.Predicted).HasConversion<string>().HasMaxLength(20);
        e.Property(x => x.Actual).HasConversion<string>().HasMaxLength(20);
        e.Property(x => x.Features).HasMaxLength(PersonalityFeedback.FeaturesMaxLength);
        e.HasOne<Cat>().WithMany().HasForeignKey(x => x.CatId).OnDelete(DeleteBehavior.Cascade);
        e.HasOne<Player>().WithMany().HasForeignKey(x => x.PlayerId).OnDelete(DeleteBehavior.Cascade);
        e.HasIndex(x => new { x.CatId, x.PlayerId }).IsUnique(); // one rating per cat and player: rating again replaces it
        e.HasIndex(x => x.PlayerId);
    }
}

using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Purrr.Core.Accounts;
using Purrr.Core.Cats;
using Purrr.Core.Territories;

namespace Purrr.Data.Configurations;

public sealed class TerritoryConfiguration : IEntityTypeConfiguration<Territory>
{
    public void Configure(EntityTypeBuilder<Territory> e)
    {
        e.HasKey(x => x.Id);
        e.Property(x => x.Type).HasConversion<string>().HasMaxLength(10);
        e.Property(x => x.Version).IsConcurrencyToken();
        e.Ignore(x => x.Center);
        e.HasOne<Cat>().WithMany().HasForeignKey(x => x.CatId).OnDelete(DeleteBehavior.Cascade);
        e.HasOne<Player>().WithMany().HasForeignKey(x => x.OwnerId).OnDelete(DeleteBehavior.Cascade);
        e.HasIndex(x => x.CatId);
        e.HasIndex(x => x.OwnerId);
        e.HasIndex(x => new { x.Latitude, x.Longitude });
        e.HasIndex(x => x.HeldSince);
    }
}

public sealed class TerritoryChallengeConfiguration : IEntityTypeConfiguration<TerritoryChallenge>
{
    public void Configure(EntityTypeBuilder<TerritoryChallenge> e)
    {
        e.HasKey(x => x.Id);
        e.Property(x => x.Type).HasConversion<string>().HasMaxLength(10);
        e.Property(x => x.Status).HasConversion<string>().HasMaxLength(16);
        e.Property(x => x.ChallengerCatName).HasMaxLength(TerritoryChallenge.CatNameMaxLength).IsRequired();
        e.Property(x => x.HolderCatName).HasMaxLength(TerritoryChallenge.CatNameMaxLength).IsRequired();
        e.Property(x => x.DefendingCatName).HasMaxLength(TerritoryChallenge.CatNameMaxLength);
        e.Property(x => x.Version).IsConcurrencyToken();
        e.Ignore(x => x.Winner);
        e.Ignore(x => x.IsPending);
        // The history outlives the territory (it may change hands or decay); the players' rows go with their accounts.
        e.HasOne<Player>().WithMany().HasForeignKey(x => x.ChallengerId).OnDelete(DeleteBehavior.Cascade);
        e.HasOne<Player>().WithMany().HasForeignKey(x => x.DefenderId).OnDelete(DeleteBehavior.NoAction);
        e.HasIndex(x => new { x.Status, x.AnswerBy });
        e.HasIndex(x => new { x.ChallengerId, x.IssuedAt });
        e.HasIndex(x => new { x.DefenderId, x.IssuedAt });
        e.HasIndex(x => x.TerritoryId);
        e.HasIndex(x => x.ChallengerCatId);
    }
}

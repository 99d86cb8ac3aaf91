using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Purrr.Core.Accounts;
using Purrr.Core.Community;

namespace Purrr.Data.Configurations;

public sealed class PostConfiguration : IEntityTypeConfiguration<Post>
{
    public void Configure(EntityTypeBuilder<Post> e)
    {
        e.HasKey(x => x.Id);
        e.Property(x => x.Title).HasMaxLength(Post.TitleMaxLength).IsRequired();
        e.Property(x => x.Slug).HasMaxLength(Post.SlugMaxLength).IsRequired();
        e.HasIndex(x => x.Slug).IsUnique();
        e.Property(x => x.Body).HasMaxLength(Post.BodyMaxLength).IsRequired();
        e.Property(x => x.Excerpt).HasMaxLength(Post.ExcerptMaxLength).IsRequired();
        e.Property(x => x.Status).HasConversion<string>().HasMaxLength(10);
        e.Property(x => x.Version).IsConcurrencyToken();
        e.Ignore(x => x.IsVisible);
        e.HasOne<Player>().WithMany().HasForeignKey(x => x.AuthorId).OnDelete(DeleteBehavior.Cascade);
        e.HasMany(x => x.Tags).WithOne().HasForeignKey(t => t.PostId).OnDelete(DeleteBehavior.Cascade);
        // Feeds: latest published (status, published at), an author's posts, the scheduler's due posts.
        e.HasIndex(x => new { x.Status, x.PublishedAt });
        e.HasIndex(x => new { x.AuthorId, x.Status, x.PublishedAt });
        e.HasIndex(x => new { x.Status, x.ScheduledFor });
    }
}

public sealed class PostTagConfiguration : IEntityTypeConfiguration<PostTag>
{
    public void Configure(EntityTypeBuilder<PostTag> e)
    {
        e.HasKey(x => new { x.PostId, x.Tag });
        e.Property(x => x.Tag).HasMaxLength(Post.TagMaxLength);
        e.HasIndex(x => x.Tag);
    }
}

public sealed class EditorDraftConfiguration : IEntityTypeConfiguration<EditorDraft>
{
    public void Configure(EntityTypeBuilder<EditorDraft> e)
    {
        e.HasKey(x => x.Id);
        e.Property(x => x.Title).HasMaxLength(Post.TitleMaxLength * 2).IsRequired(); // kept even when too long, so nothing typed is lost
        e.Property(x => x.Body).HasMaxLength(Post.BodyMaxLength * 2).IsRequired();
        e.Property(x => x.Excerpt).HasMaxLength(Post.ExcerptMaxLength * 2).IsRequired();
        e.Property(x => x.Tags).HasMaxLength(500).IsRequired();
        e.HasOne<Player>().WithMany().HasForeignKey(x => x.AuthorId).OnDelete(DeleteBehavior.Cascade);
        e.HasIndex(x => new { x.AuthorId, x.PostId });
    }
}

public sealed class StoredImageConfiguration : IEntityTypeConfiguration<StoredImage>
{
    public void Configure(EntityTypeBuilder<StoredImage> e)
    {
        e.HasKey(x => x.Id);
        e.Property(x => x.ContentType).HasMaxLength(50).IsRequired();
        e.HasOne<Player>().WithMany().HasForeignKey(x => x.OwnerId).OnDelete(DeleteBehavior.Cascade);
    }
}

public sealed class CommentConfiguration : IEntityTypeConfiguration<Comment>
{
    public void Configure(EntityTypeBuilder<Comment> e)
    {
        e.HasKey(x => x.Id);
        e.Property(x => x.Body).HasMaxLength(Comment.BodyMaxLength).IsRequired();
        e.HasOne<Post>().WithMany().HasForeignKey(x => x.PostId).OnDelete(DeleteBehavior.Cascade);
        e.HasOne<Player>().WithMany().HasForeignKey(x => x.AuthorId).OnDelete(DeleteBehavior.NoAction);
        e.HasIndex(x => new { x.PostId, x.CreatedAt });
        e.HasIndex(x => x.AuthorId);
    }
}

public sealed class ReactionConfiguration : IEntityTypeConfiguration<Reaction>
{
    public void Configure(EntityTypeBuilder<Reaction> e)
    {
        e.HasKey(x => x.Id);
        e.Property(x => x.TargetKind).HasConversion<string>().HasMaxLength(10);
        e.Property(x => x.Type).HasConversion<string>().HasMaxLength(10);
        e.HasOne<Player>().WithMany().HasForeignKey(x => x.UserId).OnDelete(DeleteBehavior.Cascade);
        e.HasIndex(x => new { x.TargetKind, x.TargetId, x.UserId, x.Type }).IsUnique(); // one of each type per user
        e.HasIndex(x => x.CreatedAt);
    }
}

public sealed class TrendingScoreConfiguration : IEntityTypeConfiguration<TrendingScore>
{
    public void Configure(EntityTypeBuilder<TrendingScore> e)
    {
        e.HasKey(x => x.PostId);
        e.HasOne<Post>().WithOne().HasForeignKey<TrendingScore>(x => x.PostId).OnDelete(DeleteBehavior.Cascade);
        e.HasIndex(x => x.Score);
    }
}

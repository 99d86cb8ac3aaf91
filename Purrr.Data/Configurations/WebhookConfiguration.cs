using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Purrr.Core.Accounts;
using Purrr.Core.Webhooks;

namespace Purrr.Data.Configurations;

public sealed class WebhookConfiguration : IEntityTypeConfiguration<Webhook>
{
    public void Configure(EntityTypeBuilder<Webhook> e)
    {
        e.HasKey(x => x.Id);
        e.Property(x => x.Url).HasMaxLength(Webhook.UrlMaxLength).IsRequired();
        e.Property(x => x.Secret).HasMaxLength(Webhook.SecretLength).IsRequired();
        e.Property(x => x.Events).HasMaxLength(Webhook.EventsMaxLength).IsRequired();
        e.Property(x => x.Status).HasConversion<string>().HasMaxLength(10);
        e.Ignore(x => x.EventList);
        e.HasOne<Player>().WithMany().HasForeignKey(x => x.OwnerId).OnDelete(DeleteBehavior.Cascade);
        e.HasIndex(x => x.OwnerId);
    }
}

public sealed class WebhookEventConfiguration : IEntityTypeConfiguration<WebhookEvent>
{
    public void Configure(EntityTypeBuilder<WebhookEvent> e)
    {
        // No foreign key: the outbox takes a row in any save, and the dispatcher drops events of players without hooks.
        e.HasKey(x => x.Id);
        e.Property(x => x.Type).HasMaxLength(WebhookEvent.TypeMaxLength).IsRequired();
        e.Property(x => x.Data).IsRequired();
        e.HasIndex(x => x.CreatedAt);
    }
}

public sealed class WebhookDeliveryConfiguration : IEntityTypeConfiguration<WebhookDelivery>
{
    public void Configure(EntityTypeBuilder<WebhookDelivery> e)
    {
        e.HasKey(x => x.Id);
        e.Property(x => x.EventType).HasMaxLength(WebhookEvent.TypeMaxLength).IsRequired();
        e.Property(x => x.Payload).IsRequired();
        e.Property(x => x.Status).HasConversion<string>().HasMaxLength(10);
        e.Property(x => x.Response).HasMaxLength(WebhookDelivery.ResponseMaxLength).IsRequired();
        e.Property(x => x.Error).HasMaxLength(WebhookDelivery.ErrorMaxLength).IsRequired();
        e.HasOne<Webhook>().WithMany().HasForeignKey(x => x.WebhookId).OnDelete(DeleteBehavior.Cascade);
        e.HasIndex(x => new { x.Status, x.NextAttemptAt });     // the dispatcher's "what is due"
        e.HasIndex(x => new { x.WebhookId, x.CreatedAt });      // a hook's log
    }
}

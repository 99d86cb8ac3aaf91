using Microsoft.EntityFrameworkCore;
using Purrr.Core.Breeding;
using Purrr.Tests.Infrastructure;

namespace Purrr.Tests.Breeding;

[Trait("Category", "Integration")]
public sealed class OfferRaceTests : ServiceTestBase
{
    [Fact]
    public async Task An_offer_accepted_while_it_is_withdrawn_is_answered_once()
    {
        Random = new FixedRoll(0); // an accepted offer conceives
        var luna = await NewPlayerAsync("luna");
        var milo = await NewPlayerAsync("milo");
        var mochi = (await Database.AddCatsAsync(ACat.SocialButterfly().Named("Mochi").OwnedBy(luna).ReadyToBreed().Build()))[0];
        var tiger = (await Database.AddCatsAsync(ACat.Playful().Named("Tiger").OwnedBy(milo).ReadyToBreed().Build()))[0];

        for (var round = 0; round < 5; round++)
        {
            var offer = (await Breeding.OfferAsync(luna, mochi.Id, tiger.Id)).Value;
            var accepting = Task.Run(() => Breeding.RespondAsync(milo, offer, accept: true, $"accept-{round}"));
            var withdrawing = Task.Run(() => Breeding.WithdrawAsync(luna, offer));
            var (accepted, withdrawn) = (await accepting, await withdrawing);

            await using var db = Database.NewContext();
            var stored = await db.BreedingOffers.SingleAsync(o => o.Id == offer);
            var paid = await db.LedgerEntries.CountAsync(e => e.IdempotencyKey == $"accept-{round}");
            // Whoever answered first decides: the offer's status, the fee and the pregnancy all agree.
            Assert.False(accepted.Succeeded && accepted.Value.Conceived && withdrawn.Succeeded);
            Assert.Equal(stored.Status == OfferStatus.Accepted ? 1 : 0, paid);
            Assert.Equal(stored.Status == OfferStatus.Accepted, stored.PregnancyId is not null);
            if (stored.Status == OfferStatus.Accepted)
                return; // Mochi is expecting now; the race was run
        }
    }
}

using Microsoft.EntityFrameworkCore;
using Purrr.Core.Breeding;
using Purrr.Core.Cats;
using Purrr.Core.Common;
using Purrr.Core.Events;
using Purrr.Core.Genetics;
using Purrr.Tests.Infrastructure;

namespace Purrr.Tests.Breeding;

[Trait("Category", "Integration")]
public sealed class BreedingServiceTests : ServiceTestBase
{
    private async Task<(UserId Owner, Cat Mother, Cat Father)> ReadyPairAsync(string owner = "luna")
    {
        var player = await NewPlayerAsync(owner);
        var cats = await Database.AddCatsAsync(
            ACat.SocialButterfly().Named("Mochi").OwnedBy(player).ReadyToBreed().WithGenome("B/b D/d T/t S/s Cu/Bl L/l 70/60/50/80").Build(),
            ACat.Aloof().Named("Shadow").OwnedBy(player).ReadyToBreed().WithGenome("O/b d/d t/t s/s Gr/Bl l/l 50/80/70/60").Build());
        return (player, cats[0], cats[1]);
    }

    private async Task<long> CoinsAsync(UserId player) => (await Inventory.GetAsync(player)).Coins;

    private async Task<int> CountAsync<T>(Func<Data.PurrrDbContext, IQueryable<T>> query)
    {
        await using var db = Database.NewContext();
        return await query(db).CountAsync();
    }

    [Fact]
    public async Task A_successful_breeding_charges_100_coins_starts_a_2_hour_pregnancy_and_rests_both_parents_24_hours()
    {
        Random = new FixedRoll(0);
        var (luna, mochi, shadow) = await ReadyPairAsync();

        var bred = await Breeding.BreedAsync(luna, mochi.Id, shadow.Id, "k1");

        Assert.True(bred.Value.Conceived);
        Assert.Equal(TestClock.Noon + TimeSpan.FromHours(2), bred.Value.DueAt);
        Assert.Equal(400, await CoinsAsync(luna));
        var pregnancy = Assert.Single(await Breeding.ListPregnanciesAsync(luna));
        Assert.Equal(("Mochi", "Shadow"), (pregnancy.Mother.Name, pregnancy.Father.Name));
        var candidates = await Breeding.ListCandidatesAsync(luna);
        Assert.Equal(["Mochi", "Shadow"], candidates.Select(c => c.Cat.Name).Order());
        Assert.All(candidates, c => Assert.StartsWith($"{c.Cat.Name} is recovering from breeding for another 24 h 0 min", c.Problems.Single().Message));
    }

    [Fact]
    public async Task An_attempt_that_does_not_take_still_costs_100_coins_but_no_cooldown()
    {
        Random = new FixedRoll(0.999);
        var (luna, mochi, shadow) = await ReadyPairAsync();

        var bred = await Breeding.BreedAsync(luna, mochi.Id, shadow.Id, "k1");

        Assert.False(bred.Value.Conceived);
        Assert.Contains("didn't hit it off", bred.Value.Message);
        Assert.Equal(400, await CoinsAsync(luna));
        Assert.Empty(await Breeding.ListPregnanciesAsync(luna));
        var candidates = await Breeding.ListCandidatesAsync(luna);
        Assert.Equal(["Mochi", "Shadow"], candidates.Select(c => c.Cat.Name).Order());
        Assert.All(candidates, c => Assert.True(c.IsEligible));
    }

    [Fact]
    public async Task Breeding_a_cat_with_itself_is_refused_and_costs_nothing()
    {
        var (luna, mochi, _) = await ReadyPairAsync();
        var refused = await Breeding.BreedAsync(luna, mochi.Id, mochi.Id, "k1");
        Assert.Equal("A cat can't breed with itself: choose two different cats.", refused.FirstMessage);
        Assert.Equal(500, await CoinsAsync(luna));
    }

    [Fact]
    public async Task Cats_of_different_owners_need_an_accepted_offer()
    {
        var (luna, mochi, _) = await ReadyPairAsync("luna");
        var (_, tiger, _) = await ReadyPairAsync("milo");

        var refused = await Breeding.BreedAsync(luna, mochi.Id, tiger.Id, "k1");

        Assert.Equal("Both cats must be yours. To breed with another player's cat, send them an offer.", refused.FirstMessage);
        Assert.Equal(500, await CoinsAsync(luna));
        Assert.Equal(0, await CountAsync(db => db.Pregnancies));
    }

    [Fact]
    public async Task A_cat_on_cooldown_cannot_breed_again()
    {
        Random = new FixedRoll(0);
        var (luna, mochi, shadow) = await ReadyPairAsync();
        var third = (await Database.AddCatsAsync(ACat.Playful().Named("Biscuit").OwnedBy(luna).ReadyToBreed().Build()))[0];
        await Breeding.BreedAsync(luna, mochi.Id, shadow.Id, "k1");

        var refused = await Breeding.BreedAsync(luna, mochi.Id, third.Id, "k2");

        Assert.StartsWith("Mochi is recovering from breeding", refused.FirstMessage);
        Assert.Equal(400, await CoinsAsync(luna));
    }

    [Fact]
    public async Task Too_few_coins_refuse_the_breeding_and_store_nothing()
    {
        Random = new FixedRoll(0);
        var (luna, mochi, shadow) = await ReadyPairAsync();
        await Inventory.BuyAsync(luna, "premium_food", 14, "spend"); // 500 − 420 = 80 left

        var refused = await Breeding.BreedAsync(luna, mochi.Id, shadow.Id, "k1");

        Assert.Equal("Not enough coins: this costs 100 and you have 80.", refused.FirstMessage);
        Assert.Equal(80, await CoinsAsync(luna));
        Assert.Equal(0, await CountAsync(db => db.Pregnancies));
        var candidates = await Breeding.ListCandidatesAsync(luna);
        Assert.Equal(["Mochi", "Shadow"], candidates.Select(c => c.Cat.Name).Order());
        Assert.All(candidates, c => Assert.True(c.IsEligible));
    }

    [Fact]
    public async Task The_same_request_retried_breeds_and_charges_once()
    {
        Random = new FixedRoll(0);
        var (luna, mochi, shadow) = await ReadyPairAsync();

        var first = await Breeding.BreedAsync(luna, mochi.Id, shadow.Id, "same-click");
        var retried = await Breeding.BreedAsync(luna, mochi.Id, shadow.Id, "same-click");

        Assert.True(retried.Value.Conceived);
        Assert.Equal(first.Value.PregnancyId, retried.Value.PregnancyId);
        Assert.Equal(400, await CoinsAsync(luna));
        Assert.Equal(1, await CountAsync(db => db.Pregnancies));
    }

    [Fact]
    public async Task Simultaneous_requests_on_the_same_cats_make_one_pregnancy_and_one_charge()
    {
        Random = new FixedRoll(0);
        var (luna, mochi, shadow) = await ReadyPairAsync();

        var attempts = await Task.WhenAll(Enumerable.Range(0, 5).Select(i => Task.Run(() => Breeding.BreedAsync(luna, mochi.Id, shadow.Id, $"click-{i}"))));

        Assert.Equal(1, attempts.Count(a => a.Succeeded && a.Value.Conceived));
        Assert.Equal(1, await CountAsync(db => db.Pregnancies));
        Assert.Equal(400, await CoinsAsync(luna));
        Assert.Equal(1, await CountAsync(db => db.LedgerEntries.Where(e => e.PlayerId == luna && e.Amount == -100)));
    }

    [Fact]
    public async Task When_due_the_kittens_are_born_with_their_parents_genes_and_lineage()
    {
        var (luna, mochi, shadow) = await ReadyPairAsync();
        Random = new FixedRoll(0);
        await Breeding.BreedAsync(luna, mochi.Id, shadow.Id, "k1");
        Random = new SeededRandomSource(7);

        Assert.Equal(0, await Breeding.DeliverDueLittersAsync()); // not due yet
        Clock.Advance(TimeSpan.FromHours(2));
        Assert.Equal(1, await Breeding.DeliverDueLittersAsync());
        Assert.Equal(0, await Breeding.DeliverDueLittersAsync()); // delivered once

        await using var db = Database.NewContext();
        var kittens = await db.Cats.Where(c => c.MotherId == mochi.Id).ToListAsync();
        Assert.Equal(2, kittens.Count); // seed 7 draws 0.383 first: 0.20 ≤ roll < 0.55 is a litter of two
        Assert.All(kittens, kitten =>
        {
            Assert.Equal((luna, shadow.Id, 1, 1), (kitten.OwnerId, kitten.FatherId!.Value, kitten.Generation, kitten.Level));
            Assert.Equal(TestClock.Noon + TimeSpan.FromHours(2), kitten.CreatedAt);
            // Each allele comes from its parent, unless a mutation made it the rare one.
            Assert.True(mochi.Genome.Color.Has(kitten.Genome.Color.First) || Loci.Color.IsRare(kitten.Genome.Color.First));
            Assert.True(shadow.Genome.Color.Has(kitten.Genome.Color.Second) || Loci.Color.IsRare(kitten.Genome.Color.Second));
            Assert.True(mochi.Genome.EyeColor.Has(kitten.Genome.EyeColor.First) || Loci.EyeColor.IsRare(kitten.Genome.EyeColor.First));
            Assert.True(shadow.Genome.CoatLength.Has(kitten.Genome.CoatLength.Second) || Loci.CoatLength.IsRare(kitten.Genome.CoatLength.Second));
        });
        Assert.Empty(await Breeding.ListPregnanciesAsync(luna));
        Assert.Contains(Bus.Published, e => e is LitterBorn born && born.Owner == luna && born.Kittens.Count == kittens.Count);

        var tree = await Cats.GetFamilyTreeAsync(kittens[0].Id, luna);
        Assert.Equal(("Mochi", "Shadow"), (tree!.Mother!.Cat!.Name, tree.Father!.Cat!.Name));
        Assert.Same(FamilyMember.Unknown, tree.Mother.Mother); // founders come from the shelter
    }

    [Fact]
    public async Task The_preview_lists_exact_kitten_odds_and_what_stops_the_pair()
    {
        var (luna, mochi, shadow) = await ReadyPairAsync();

        var preview = (await Breeding.PreviewAsync(luna, mochi.Id, shadow.Id)).Value;

        Assert.True(preview.CanBreed);
        Assert.Equal(1.0, preview.Odds.Sum(o => o.Probability), 12);
        Assert.Equal(BreedingRules.SuccessChance(preview.Compatibility), preview.SuccessChance);
        Assert.Equal(0.05, preview.MutationRate, 12); // these two differ at every locus
    }

    [Fact]
    public async Task An_accepted_offer_is_paid_by_the_accepting_player_who_keeps_the_kittens()
    {
        Random = new FixedRoll(0);
        var (luna, mochi, _) = await ReadyPairAsync("luna");
        var (milo, tiger, _) = await ReadyPairAsync("milo");

        var offerId = (await Breeding.OfferAsync(luna, mochi.Id, tiger.Id)).Value;
        var incoming = Assert.Single(await Breeding.ListOffersAsync(milo));
        Assert.True(incoming.Incoming);
        Assert.Equal(("Mochi", "Mochi"), (incoming.FromCat.Name, incoming.ToCat.Name));

        var accepted = await Breeding.RespondAsync(milo, offerId, accept: true, "accept-1");

        Assert.True(accepted.Value.Conceived);
        Assert.Equal((500, 400), (await CoinsAsync(luna), await CoinsAsync(milo)));
        Assert.Single(await Breeding.ListPregnanciesAsync(milo));
        Assert.Empty(await Breeding.ListPregnanciesAsync(luna));
        Assert.Equal(OfferStatus.Accepted, (await Breeding.ListOffersAsync(luna)).Single().Status);
        Assert.Equal("This offer was already answered.", (await Breeding.RespondAsync(milo, offerId, true, "accept-2")).FirstMessage);
    }

    [Fact]
    public async Task A_declined_or_expired_offer_makes_no_kittens_and_costs_nothing()
    {
        var (luna, mochi, shadow) = await ReadyPairAsync("luna");
        var (milo, tiger, _) = await ReadyPairAsync("milo");
        var declined = (await Breeding.OfferAsync(luna, mochi.Id, tiger.Id)).Value;
        var ignored = (await Breeding.OfferAsync(luna, shadow.Id, tiger.Id)).Value;

        Assert.True((await Breeding.RespondAsync(milo, declined, accept: false, "no")).Succeeded);
        Clock.Advance(TimeSpan.FromHours(24));
        var late = await Breeding.RespondAsync(milo, ignored, accept: true, "too-late");

        Assert.Equal("This offer expired: offers last 24 hours.", late.FirstMessage);
        Assert.Equal((500, 500), (await CoinsAsync(luna), await CoinsAsync(milo)));
        Assert.Equal(0, await CountAsync(db => db.Pregnancies));
        var offers = await Breeding.ListOffersAsync(luna);
        Assert.Contains(offers, o => o.Status == OfferStatus.Declined);
        Assert.Contains(offers, o => o.Expired);
    }

    [Fact]
    public async Task Offers_go_only_from_your_cat_to_another_players_public_cat()
    {
        var (luna, mochi, shadow) = await ReadyPairAsync("luna");
        var milo = await NewPlayerAsync("milo");
        var secret = (await Database.AddCatsAsync(ACat.Aloof().Named("Secret").OwnedBy(milo).ReadyToBreed().Build()))[0];
        await Cats.SetVisibilityAsync(milo, secret.Id, isPublic: false);

        Assert.StartsWith("Choose another player's public cat.", (await Breeding.OfferAsync(luna, mochi.Id, shadow.Id)).FirstMessage);
        Assert.StartsWith("Choose another player's public cat.", (await Breeding.OfferAsync(luna, mochi.Id, secret.Id)).FirstMessage);
        Assert.Equal("Offer one of your own cats.", (await Breeding.OfferAsync(milo, mochi.Id, secret.Id)).FirstMessage);
        Assert.Equal("This offer is not for you.", (await Breeding.RespondAsync(luna, Guid.NewGuid(), true, "x")).FirstMessage);
    }
}

using Microsoft.EntityFrameworkCore;
using Purrr.Core.Accounts;
using Purrr.Core.Activity;
using Purrr.Core.Cats;
using Purrr.Core.Common;
using Purrr.Core.NightWatch;
using Purrr.Core.PersonalityAnalysis;
using Purrr.Core.Security;
using Purrr.Tests.Infrastructure;
using Xunit.Abstractions;

namespace Purrr.Tests.PersonalityAnalysis;

/// <summary>The behaviour log written by cats' acts, and the analysis, ratings and retraining built on it, over a real database.</summary>
[Trait("Category", "Integration")]
public sealed class PersonalityServiceTests(PersonalityModelFixture model, ITestOutputHelper output) : ServiceTestBase, IClassFixture<PersonalityModelFixture>
{
    private PersonalityModels? models;
    private PersonalityService? service;

    private PersonalityService Analysis => service ??= new PersonalityService(Database.Factory, Clock, Bus,
        models ??= new PersonalityModels(model.NewStore(), Clock), new SecurityLog(Database.Factory, Clock, Bus));

    /// <summary>A cat of <paramref name="owner"/>'s whose last 30 days are a simulated cat of <paramref name="behavesLike"/>.</summary>
    private async Task<Cat> CatBehavingLikeAsync(UserId owner, Personality behavesLike, int seed, string name = "Biscuit")
    {
        var cat = (await Database.AddCatsAsync(ACat.Playful().Named(name).OwnedBy(owner).Build()))[0];
        await using var db = Database.NewContext();
        foreach (var act in BehaviourSimulator.Cat(behavesLike, new SeededRandomSource(seed), Clock.GetUtcNow()).Log)
            db.ActivityEvents.Add(ActivityEvent.Behaviour(owner, cat, act.Kind, act.At, TimeZoneInfo.Utc, act.Amount));
        await db.SaveChangesAsync();
        return cat;
    }

    [Fact]
    public async Task A_care_action_logs_the_behaviour_with_the_hour_in_the_owners_zone_and_the_stats_after_it()
    {
        var owner = await Database.AddPlayerAsync("yuki", "Asia/Tokyo"); // noon UTC is 21:00 in Tokyo
        var cat = (await Database.AddCatsAsync(ACat.Curious().Named("Kumo").OwnedBy(owner).WithEnergy(60).Build()))[0];

        var played = await Care.PlayAsync(owner, cat.Id);

        Assert.True(played.Succeeded, played.FirstMessage);
        await using var db = Database.NewContext();
        var logged = await db.ActivityEvents.SingleAsync(e => e.CatId == cat.Id && e.Kind == ActivityKind.CatPlayed);
        var now = await db.Cats.SingleAsync(c => c.Id == cat.Id);
        Assert.Equal(21, logged.LocalHour);
        Assert.Equal(now.Stats.Energy, logged.CatEnergy);
        Assert.Equal(now.Stats.Happiness, logged.CatHappiness);
        Assert.Equal(now.Stats.Satiety, logged.CatSatiety);
        Assert.Equal(now.Stats.Health, logged.CatHealth);
    }

    [Fact]
    public async Task Each_cat_sent_on_patrol_logs_its_own_behaviour_event_with_its_role()
    {
        Clock.SetUtcNow(new DateTimeOffset(2026, 11, 24, 22, 0, 0, TimeSpan.Zero));
        var owner = await NewPlayerAsync("luna");
        var cats = await Database.AddCatsAsync(ACat.Territorial().Named("Rex").OwnedBy(owner).Build(), ACat.Curious().Named("Kumo").OwnedBy(owner).Build());
        await NightWatch.SetHomeAsync(owner, 48.853, 2.35);

        var sent = await NightWatch.DeployAsync(owner, [new(cats[0].Id), new(cats[1].Id, PatrolRole.Scout)]);

        Assert.True(sent.Succeeded, sent.FirstMessage);
        await using var db = Database.NewContext();
        var logged = await db.ActivityEvents.Where(e => e.Kind == ActivityKind.CatPatrolled).ToListAsync();
        Assert.Equal(2, logged.Count);
        Assert.Equal((int)PatrolRole.Scout, logged.Single(e => e.CatId == cats[1].Id).Amount);
        Assert.All(logged, e => Assert.Equal(22, e.LocalHour));
        Assert.Single(await db.ActivityEvents.Where(e => e.Kind == ActivityKind.PatrolStarted).ToListAsync()); // the patrol still counts once
    }

    [Fact]
    public async Task The_analysis_reads_the_cats_last_30_days_and_gives_probabilities_scores_and_all_six_recommendations()
    {
        var owner = await NewPlayerAsync("milo");
        var cat = await CatBehavingLikeAsync(owner, Personality.Lazy, seed: 4);

        var analysis = await Analysis.AnalyseAsync(cat.Id, owner);

        Assert.True(analysis.Succeeded, analysis.FirstMessage);
        var seen = analysis.Value;
        Assert.Equal(Personality.Lazy, seen.Predicted);
        Assert.Equal(Personalities.All, seen.Probabilities.Select(p => p.Personality));
        Assert.Equal(1, seen.Probabilities.Sum(p => p.Probability), 3);
        Assert.Equal(seen.Probabilities.Max(p => p.Probability), seen.Confidence);
        Assert.True(seen.Actions > PersonalityService.FewActions);
        Assert.Equal(6, seen.Recommendations.Count);
        Assert.Equal(Personality.Lazy, seen.Recommendations[0].Personality);
        Assert.True(seen.Recommendations[0].IsPredicted);
        Assert.True(seen.Scores.EnergyLevel < 50, $"A lazy cat's energy level was {seen.Scores.EnergyLevel}.");
        Assert.True(seen.CanRate);
    }

    [Fact]
    public async Task Acts_older_than_30_days_are_not_read()
    {
        var owner = await NewPlayerAsync("milo");
        var cat = await CatBehavingLikeAsync(owner, Personality.Lazy, seed: 4);
        Clock.Advance(TimeSpan.FromDays(31));

        var analysis = await Analysis.AnalyseAsync(cat.Id, owner);

        Assert.Equal(0, analysis.Value.Actions);
        Assert.StartsWith("Low: only 0 acts", analysis.Value.ConfidenceLabel);
    }

    [Fact]
    public async Task A_private_cat_is_not_analysed_for_others_and_a_public_one_cannot_be_rated_by_them()
    {
        var owner = await NewPlayerAsync("milo");
        var stranger = await NewPlayerAsync("nova");
        var cat = await CatBehavingLikeAsync(owner, Personality.Curious, seed: 8);
        await Cats.SetVisibilityAsync(owner, cat.Id, false);

        Assert.Equal("That cat is not one you can see.", (await Analysis.AnalyseAsync(cat.Id, stranger)).FirstMessage);
        Assert.Equal("That cat is not one you can see.", (await Analysis.AnalyseAsync(cat.Id, null)).FirstMessage);

        await Cats.SetVisibilityAsync(owner, cat.Id, true);
        var seen = await Analysis.AnalyseAsync(cat.Id, stranger);
        Assert.True(seen.Succeeded);
        Assert.False(seen.Value.CanRate);
        var rated = await Analysis.RateAsync(stranger, cat.Id, FeedbackRating.Inaccurate, Personality.Aloof);
        Assert.Equal("Only a cat's owner can rate its personality analysis.", rated.FirstMessage);
        await using var db = Database.NewContext();
        Assert.Empty(await db.PersonalityFeedback.ToListAsync());
    }

    [Fact]
    public async Task An_owner_rates_once_per_cat_and_rating_again_replaces_it()
    {
        var owner = await NewPlayerAsync("milo");
        var cat = await CatBehavingLikeAsync(owner, Personality.Curious, seed: 8);

        Assert.Equal("Tell us which personality it really has, so the model can learn it.",
            (await Analysis.RateAsync(owner, cat.Id, FeedbackRating.Inaccurate, null)).FirstMessage);
        Assert.True((await Analysis.RateAsync(owner, cat.Id, FeedbackRating.Accurate, null)).Succeeded);
        Clock.Advance(TimeSpan.FromMinutes(5));
        Assert.True((await Analysis.RateAsync(owner, cat.Id, FeedbackRating.Inaccurate, Personality.Aloof)).Succeeded);

        await using var db = Database.NewContext();
        var feedback = Assert.Single(await db.PersonalityFeedback.ToListAsync());
        Assert.Equal((FeedbackRating.Inaccurate, Personality.Aloof, Personality.Curious), (feedback.Rating, feedback.Actual, feedback.Predicted));
        var mine = (await Analysis.AnalyseAsync(cat.Id, owner)).Value.MyFeedback;
        Assert.Equal(new FeedbackView(FeedbackRating.Inaccurate, Personality.Aloof, Clock.GetUtcNow()), mine);
    }

    [Fact]
    public async Task Retraining_with_an_owners_contradicting_rating_changes_that_cats_prediction_once_activated()
    {
        var admin = await NewPlayerAsync("admin");
        await Database.SetRoleAsync(admin, Roles.Admin);
        var owner = await NewPlayerAsync("milo");
        var cat = await CatBehavingLikeAsync(owner, Personality.Playful, seed: 3);
        Assert.Equal(Personality.Playful, (await Analysis.AnalyseAsync(cat.Id, owner)).Value.Predicted);
        Assert.True((await Analysis.RateAsync(owner, cat.Id, FeedbackRating.Inaccurate, Personality.Lazy)).Succeeded);

        var retrained = await Analysis.RetrainAsync(admin);

        Assert.True(retrained.Succeeded, retrained.FirstMessage);
        output.WriteLine($"Retrained with 1 rating: {retrained.Value.HeldOutAccuracy:P1} on held-out cats.");
        Assert.Equal(1, retrained.Value.FeedbackExamples);
        Assert.True(retrained.Value.HeldOutAccuracy >= 0.85, $"{retrained.Value.HeldOutAccuracy:P1}");
        Assert.Equal(retrained.Value, Analysis.Retrain.Candidate);
        Assert.Equal(Personality.Playful, (await Analysis.AnalyseAsync(cat.Id, owner)).Value.Predicted); // not active yet

        var activated = await Analysis.ActivateAsync(admin);

        Assert.True(activated.Succeeded, activated.FirstMessage);
        Assert.Equal(Personality.Lazy, (await Analysis.AnalyseAsync(cat.Id, owner)).Value.Predicted);
        Assert.Equal(retrained.Value, await Analysis.ActiveModelAsync());
        Assert.Equal("There is no retrained model to activate. Retrain first.", (await Analysis.ActivateAsync(admin)).FirstMessage);
        await using var db = Database.NewContext();
        Assert.Equal(["ai.retrain", "ai.activate"], await db.AuditLog.OrderBy(a => a.Id).Select(a => a.Action).ToListAsync());
    }

    [Fact]
    public async Task A_second_retrain_while_one_runs_is_refused_and_players_cannot_retrain()
    {
        var admin = await NewPlayerAsync("admin");
        await Database.SetRoleAsync(admin, Roles.Admin);
        var player = await NewPlayerAsync("milo");
        Assert.Equal(PersonalityService.NotAnAdmin, (await Analysis.RetrainAsync(player)).FirstMessage);
        Assert.False(Analysis.Retrain.Running);

        var both = await Task.WhenAll(Task.Run(() => Analysis.RetrainAsync(admin)), Task.Run(() => Analysis.RetrainAsync(admin)));

        Assert.Single(both, r => r.Succeeded);
        Assert.Equal(PersonalityService.AlreadyRetraining, Assert.Single(both, r => !r.Succeeded).FirstMessage);
        Assert.Contains(Bus.Published.OfType<PersonalityRetrainChanged>(), e => e.State is { Running: true, Progress: > 0.2 and < 1 });
        Assert.Equal(PersonalityService.NotAnAdmin, (await Analysis.ActivateAsync(player)).FirstMessage);
    }
}

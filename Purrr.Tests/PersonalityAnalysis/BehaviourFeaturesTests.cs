using Purrr.Core.Activity;
using Purrr.Core.NightWatch;
using Purrr.Core.PersonalityAnalysis;
using Purrr.Core.Rooms;

namespace Purrr.Tests.PersonalityAnalysis;

/// <summary>Behaviour features from hand-made behaviour logs.</summary>
public sealed class BehaviourFeaturesTests
{
    private static readonly DateTimeOffset Day = new(2026, 11, 1, 0, 0, 0, TimeSpan.Zero);

    private static BehaviourEntry At(int hour, ActivityKind kind, int amount = 0, int? energy = null) =>
        new(kind, amount, Day.AddHours(hour), hour, energy);

    [Fact]
    public void The_activity_mix_counts_each_kind_of_act_as_a_share_of_all_acts()
    {
        var features = BehaviourFeatures.From(
        [
            At(9, ActivityKind.CatPlayed), At(10, ActivityKind.PawMatchPlayed), At(11, ActivityKind.RoomActivityDone, (int)RoomActivity.Play),
            At(13, ActivityKind.CatRested), At(14, ActivityKind.RoomVisited, 1), At(15, ActivityKind.RoomActivityDone, (int)RoomActivity.Explore),
            At(16, ActivityKind.CatPatrolled, (int)PatrolRole.Guardian), At(17, ActivityKind.CatFed),
            // Not behaviour: XP, level-ups and wins ride along with the acts above.
            At(9, ActivityKind.XpEarned), At(10, ActivityKind.PawMatchWon), At(11, ActivityKind.CatLeveledUp),
        ]);

        Assert.Equal(8, features.Actions);
        Assert.Equal(3 / 8f, features.PlayShare);
        Assert.Equal(1 / 8f, features.RestShare);
        Assert.Equal(1 / 8f, features.SocialShare);
        Assert.Equal(1 / 8f, features.ExploreShare);
        Assert.Equal(1 / 8f, features.PatrolShare);
        Assert.Equal(1 / 8f, features.CareShare);
        Assert.Equal(0f, features.TrainingShare);
        Assert.Equal(3 / 4f, features.PlayRestRatio);
    }

    [Fact]
    public void A_scout_on_patrol_is_exploring_and_a_guardian_is_guarding()
    {
        var features = BehaviourFeatures.From([At(23, ActivityKind.CatPatrolled, (int)PatrolRole.Scout), At(23, ActivityKind.CatPatrolled, (int)PatrolRole.Guardian)]);

        Assert.Equal(0.5f, features.ExploreShare);
        Assert.Equal(0.5f, features.PatrolShare);
    }

    [Fact]
    public void Training_success_is_the_share_of_care_training_sessions_that_worked()
    {
        var features = BehaviourFeatures.From(
        [
            At(8, ActivityKind.CatTrained), At(8, ActivityKind.TrainingSucceeded),
            At(9, ActivityKind.CatTrained), At(10, ActivityKind.CatTrained), At(10, ActivityKind.TrainingSucceeded),
            At(11, ActivityKind.CatTrained),
        ]);

        Assert.Equal(4, features.Actions);
        Assert.Equal(1f, features.TrainingShare);
        Assert.Equal(0.5f, features.TrainingSuccess);
    }

    [Fact]
    public void The_time_of_day_profile_reads_the_hour_in_the_owners_zone()
    {
        // 23:00 UTC is morning for an owner at UTC+9: the logged local hour wins over the instant.
        var features = BehaviourFeatures.From(
        [
            new BehaviourEntry(ActivityKind.CatPlayed, 0, Day.AddHours(23), LocalHour: 8),
            At(2, ActivityKind.CatRested), At(13, ActivityKind.CatFed), At(19, ActivityKind.CatGroomed),
        ]);

        Assert.Equal(0.25f, features.MorningShare);
        Assert.Equal(0.25f, features.NightShare);
        Assert.Equal(0.25f, features.AfternoonShare);
        Assert.Equal(0.25f, features.EveningShare);
    }

    [Fact]
    public void An_act_logged_without_the_owners_zone_counts_at_its_UTC_hour()
    {
        var features = BehaviourFeatures.From([new BehaviourEntry(ActivityKind.CatPlayed, 0, Day.AddHours(23))]);

        Assert.Equal(1f, features.NightShare);
    }

    [Fact]
    public void Busyness_and_energy_come_from_the_number_of_acts_and_the_logged_stats()
    {
        var features = BehaviourFeatures.From([.. Enumerable.Range(0, 150).Select(i => At(i % 24, ActivityKind.CatPlayed, energy: i % 2 == 0 ? 80 : 40))]);

        Assert.Equal(0.5f, features.Busyness); // 150 acts in 30 days = 5 a day, of at most 10
        Assert.Equal(0.6f, features.AverageEnergy, 3);
    }

    [Fact]
    public void A_cat_that_did_nothing_has_neutral_features()
    {
        var features = BehaviourFeatures.From([At(9, ActivityKind.XpEarned)]);

        Assert.Equal(0, features.Actions);
        Assert.Equal(0.5f, features.PlayRestRatio);
        Assert.Equal(0.5f, features.TrainingSuccess);
        Assert.Equal(0f, features.PlayShare);
    }

    [Fact]
    public void Behaviour_scores_follow_the_features()
    {
        var guard = BehaviourScores.From(new BehaviourFeatures { Actions = 100, PatrolShare = 0.45f, RestShare = 0.05f, PlayShare = 0.2f, NightShare = 0.5f, Busyness = 1 });
        var napper = BehaviourScores.From(new BehaviourFeatures { Actions = 100, RestShare = 0.6f, PlayShare = 0.05f, SocialShare = 0.4f, PlayRestRatio = 0.08f, Busyness = 0.2f });

        Assert.Equal(100, guard.Aggression);
        Assert.Equal(0, napper.Aggression);
        Assert.True(guard.EnergyLevel > napper.EnergyLevel);
        Assert.Equal(100, napper.SocialPreference);
        Assert.Equal(100, guard.Independence);
        Assert.Equal(8, napper.ActivityPreference);
    }

    [Fact]
    public void Features_go_to_a_vector_and_back()
    {
        var features = BehaviourFeatures.From([At(8, ActivityKind.CatTrained), At(13, ActivityKind.CatPlayed, energy: 70), At(20, ActivityKind.RoomVisited, 1)]);

        Assert.Equal(features with { Actions = 0 }, BehaviourFeatures.FromVector(features.ToVector()));
        Assert.Null(BehaviourFeatures.FromVector([1f, 2f]));
    }
}

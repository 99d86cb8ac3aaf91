using Purrr.Core.Cats;
using Purrr.Core.Common;
using Purrr.Core.PersonalityAnalysis;
using Purrr.Tests.Infrastructure;

namespace Purrr.Tests.PersonalityAnalysis;

/// <summary>What retraining learns from an owner's rating.</summary>
public sealed class PersonalityFeedbackTests
{
    private static readonly BehaviourFeatures Seen = new() { Actions = 40, PlayShare = 0.5f, RestShare = 0.1f, NightShare = 0.25f, AverageEnergy = 0.7f };

    private static LabelledBehaviour? Learned(FeedbackRating rating, Personality? actual)
    {
        var feedback = PersonalityFeedback.Create(CatId.New(), UserId.New(), TestClock.Noon);
        feedback.Set(rating, Personality.Playful, actual, Seen, TestClock.Noon);
        return feedback.ToExample(weight: 40);
    }

    [Fact]
    public void Accurate_confirms_the_prediction() =>
        Assert.Equal(new LabelledBehaviour(Seen with { Actions = 0 }, Personality.Playful, 40), Learned(FeedbackRating.Accurate, null));

    [Fact]
    public void Inaccurate_teaches_the_personality_the_owner_gave() =>
        Assert.Equal(Personality.Aloof, Learned(FeedbackRating.Inaccurate, Personality.Aloof)!.Personality);

    [Fact]
    public void Somewhat_counts_half_and_uses_the_owners_personality_when_given()
    {
        Assert.Equal((Personality.Playful, 20f), (Learned(FeedbackRating.Somewhat, null)!.Personality, Learned(FeedbackRating.Somewhat, null)!.Weight));
        Assert.Equal(Personality.Curious, Learned(FeedbackRating.Somewhat, Personality.Curious)!.Personality);
    }
}

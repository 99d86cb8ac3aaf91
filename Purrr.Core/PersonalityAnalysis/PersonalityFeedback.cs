using System.Globalization;
using Purrr.Core.Cats;
using Purrr.Core.Common;

namespace Purrr.Core.PersonalityAnalysis;

public enum FeedbackRating { Accurate, Somewhat, Inaccurate }

/// <summary>
/// An owner's verdict on a cat's personality analysis (one per cat and player: rating again replaces it), with the
/// behaviour features it was about, so retraining learns from what the owner saw.
/// </summary>
public sealed class PersonalityFeedback
{
    public const int FeaturesMaxLength = 400;

    private PersonalityFeedback() { } // for EF Core

    public Guid Id { get; private set; }
    public CatId CatId { get; private set; }
    public UserId PlayerId { get; private set; }
    public FeedbackRating Rating { get; private set; }
    public Personality Predicted { get; private set; }

    /// <summary>The personality the owner says it really has (required when the prediction was inaccurate).</summary>
    public Personality? Actual { get; private set; }

    /// <summary><see cref="BehaviourFeatures.ToVector"/>, invariant numbers separated by spaces.</summary>
    public string Features { get; private set; } = "";

    public DateTimeOffset GivenAt { get; private set; }

    public static PersonalityFeedback Create(CatId cat, UserId player, DateTimeOffset at) => new() { Id = Guid.CreateVersion7(), CatId = cat, PlayerId = player, GivenAt = at };

    internal void Set(FeedbackRating rating, Personality predicted, Personality? actual, BehaviourFeatures features, DateTimeOffset at)
    {
        Rating = rating;
        Predicted = predicted;
        Actual = actual;
        Features = string.Join(' ', features.ToVector().Select(v => v.ToString("R", CultureInfo.InvariantCulture)));
        GivenAt = at;
    }

    /// <summary>What retraining learns from it: the personality the owner confirmed or gave, weighted by how sure they were.</summary>
    public LabelledBehaviour? ToExample(float weight)
    {
        var values = Features.Split(' ', StringSplitOptions.RemoveEmptyEntries).Select(v => float.Parse(v, CultureInfo.InvariantCulture)).ToArray();
        if (BehaviourFeatures.FromVector(values) is not { } features)
            return null; // written by a different feature set: nothing to learn from it
        return Rating switch
        {
            FeedbackRating.Inaccurate when Actual is { } actual => new LabelledBehaviour(features, actual, weight),
            FeedbackRating.Somewhat => new LabelledBehaviour(features, Actual ?? Predicted, weight / 2),
            FeedbackRating.Accurate => new LabelledBehaviour(features, Predicted, weight),
            _ => null,
        };
    }
}

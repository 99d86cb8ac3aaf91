using Purrr.Core.Activity;
using Purrr.Core.NightWatch;
using Purrr.Core.Rooms;

namespace Purrr.Core.PersonalityAnalysis;

/// <summary>One line of a cat's behaviour log, as the personality model reads it (an <see cref="ActivityEvent"/>).</summary>
public sealed record BehaviourEntry(ActivityKind Kind, int Amount, DateTimeOffset At, int? LocalHour = null, int? Energy = null)
{
    /// <summary>The hour in the owner's day; the UTC hour for acts recorded without the owner's zone.</summary>
    public int Hour => LocalHour ?? At.UtcDateTime.Hour;
}

/// <summary>What kind of thing a logged act was, for the activity mix.</summary>
public enum BehaviourKind { Play, Rest, Social, Explore, Training, Patrol, Care }

/// <summary>
/// A cat's behaviour over the last <see cref="WindowDays"/> days as numbers the model reads: the activity mix (shares of
/// all acts), play against rest, training success, the time-of-day profile, how busy it was and how lively it felt.
/// </summary>
public sealed record BehaviourFeatures
{
    public const int WindowDays = 30;

    /// <summary>The length of <see cref="ToVector"/>.</summary>
    public const int Count = 15;

    public int Actions { get; init; }
    public float PlayShare { get; init; }
    public float RestShare { get; init; }
    public float SocialShare { get; init; }
    public float ExploreShare { get; init; }
    public float TrainingShare { get; init; }
    public float PatrolShare { get; init; }
    public float CareShare { get; init; }

    /// <summary>Play ÷ (play + rest); ½ when it did neither.</summary>
    public float PlayRestRatio { get; init; } = 0.5f;

    /// <summary>Care training sessions that succeeded ÷ those tried; ½ when it never trained.</summary>
    public float TrainingSuccess { get; init; } = 0.5f;

    // Time-of-day profile in the owner's zone: night 22–5, morning 6–11, afternoon 12–17, evening 18–21.
    public float NightShare { get; init; }
    public float MorningShare { get; init; }
    public float AfternoonShare { get; init; }
    public float EveningShare { get; init; }

    /// <summary>Acts per day ÷ 10, at most 1.</summary>
    public float Busyness { get; init; }

    /// <summary>Mean energy (0–1) after its acts; ½ when unknown.</summary>
    public float AverageEnergy { get; init; } = 0.5f;

    public float[] ToVector() =>
    [
        PlayShare, RestShare, SocialShare, ExploreShare, TrainingShare, PatrolShare, CareShare, PlayRestRatio, TrainingSuccess,
        NightShare, MorningShare, AfternoonShare, EveningShare, Busyness, AverageEnergy,
    ];

    /// <summary>The features back from <see cref="ToVector"/> (<see cref="Actions"/> is not in it); null for a vector of another length.</summary>
    public static BehaviourFeatures? FromVector(IReadOnlyList<float> v) => v.Count != Count ? null : new BehaviourFeatures
    {
        PlayShare = v[0], RestShare = v[1], SocialShare = v[2], ExploreShare = v[3], TrainingShare = v[4], PatrolShare = v[5],
        CareShare = v[6], PlayRestRatio = v[7], TrainingSuccess = v[8], NightShare = v[9], MorningShare = v[10],
        AfternoonShare = v[11], EveningShare = v[12], Busyness = v[13], AverageEnergy = v[14],
    };

    /// <summary>The behaviour kind of a logged act; null for what is not behaviour (XP, level-ups, purchases, births).</summary>
    public static BehaviourKind? KindOf(ActivityKind kind, int amount) => kind switch
    {
        ActivityKind.CatPlayed or ActivityKind.PawMatchPlayed => BehaviourKind.Play,
        ActivityKind.CatRested => BehaviourKind.Rest,
        ActivityKind.RoomVisited => BehaviourKind.Social,
        ActivityKind.CatTrained => BehaviourKind.Training,
        ActivityKind.CatFed or ActivityKind.CatGroomed => BehaviourKind.Care,
        ActivityKind.CatPatrolled => (PatrolRole)amount == PatrolRole.Scout ? BehaviourKind.Explore : BehaviourKind.Patrol,
        ActivityKind.RoomActivityDone => (RoomActivity)amount switch
        {
            RoomActivity.Play => BehaviourKind.Play,
            RoomActivity.Nap => BehaviourKind.Rest,
            RoomActivity.Socialize => BehaviourKind.Social,
            RoomActivity.Explore => BehaviourKind.Explore,
            RoomActivity.Train => BehaviourKind.Training,
            _ => BehaviourKind.Care,
        },
        _ => null,
    };

    /// <summary>The features of a behaviour log (the caller passes the last <see cref="WindowDays"/> days).</summary>
    public static BehaviourFeatures From(IEnumerable<BehaviourEntry> log)
    {
        var kinds = new int[Enum.GetValues<BehaviourKind>().Length];
        var dayParts = new int[4];
        int actions = 0, trainedInCare = 0, trainingSucceeded = 0, energySamples = 0;
        long energySum = 0;
        foreach (var entry in log)
        {
            if (entry.Kind == ActivityKind.TrainingSucceeded)
                trainingSucceeded++;
            if (KindOf(entry.Kind, entry.Amount) is not { } kind)
                continue;
            actions++;
            kinds[(int)kind]++;
            if (entry.Kind == ActivityKind.CatTrained)
                trainedInCare++;
            dayParts[DayPart(entry.Hour)]++;
            if (entry.Energy is { } energy)
            {
                energySum += energy;
                energySamples++;
            }
        }
        if (actions == 0)
            return new BehaviourFeatures();

        float Share(int count) => (float)count / actions;
        int Of(BehaviourKind kind) => kinds[(int)kind];
        var (play, rest) = (Of(BehaviourKind.Play), Of(BehaviourKind.Rest));
        return new BehaviourFeatures
        {
            Actions = actions,
            PlayShare = Share(play),
            RestShare = Share(rest),
            SocialShare = Share(Of(BehaviourKind.Social)),
            ExploreShare = Share(Of(BehaviourKind.Explore)),
            TrainingShare = Share(Of(BehaviourKind.Training)),
            PatrolShare = Share(Of(BehaviourKind.Patrol)),
            CareShare = Share(Of(BehaviourKind.Care)),
            PlayRestRatio = play + rest == 0 ? 0.5f : (float)play / (play + rest),
            TrainingSuccess = trainedInCare == 0 ? 0.5f : Math.Min(1f, (float)trainingSucceeded / trainedInCare),
            NightShare = Share(dayParts[0]),
            MorningShare = Share(dayParts[1]),
            AfternoonShare = Share(dayParts[2]),
            EveningShare = Share(dayParts[3]),
            Busyness = Math.Min(1f, actions / (float)WindowDays / 10f),
            AverageEnergy = energySamples == 0 ? 0.5f : energySum / (float)energySamples / 100f,
        };
    }

    /// <summary>0 night (22–5), 1 morning (6–11), 2 afternoon (12–17), 3 evening (18–21).</summary>
    public static int DayPart(int hour) => hour switch
    {
        >= 22 or < 6 => 0,
        < 12 => 1,
        < 18 => 2,
        _ => 3,
    };
}

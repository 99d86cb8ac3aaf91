using Purrr.Core.Common;

namespace Purrr.Core.PersonalityAnalysis;

/// <summary>
/// The active personality model, shared by every circuit: loaded from the store at start, or — on the very first start —
/// trained from the behaviour simulator's cats and saved. Swapped whole when an admin activates a retrained model.
/// </summary>
public sealed class PersonalityModels(IPersonalityModelStore store, TimeProvider clock)
{
    /// <summary>Synthetic cats per personality the initial (and every retrained) model learns from.</summary>
    public const int TrainingCatsPerPersonality = 150;

    /// <summary>Synthetic cats per personality it is tested on, never trained on.</summary>
    public const int HeldOutCatsPerPersonality = 50;

    public const int TrainingSeed = 12;
    public const int HeldOutSeed = 1212;

    private readonly SemaphoreSlim loading = new(1, 1);
    private volatile ActiveModel? active;

    public sealed record ActiveModel(PersonalityClassifier Classifier, PersonalityModelInfo Info);

    /// <summary>The model in use; the first call loads it (or trains and saves the first one).</summary>
    public async Task<ActiveModel> ActiveAsync(CancellationToken ct = default)
    {
        if (active is { } ready)
            return ready;
        await loading.WaitAsync(ct);
        try
        {
            if (active is { } loaded)
                return loaded;
            if (await store.LoadAsync(ct) is { } stored && Readable(stored) is { } classifier)
                return active = new ActiveModel(classifier, stored.Info);
            var trained = await Task.Run(() => Train([], progress: null), ct);
            await store.SaveAsync(new StoredPersonalityModel(trained.Classifier.ToBytes(), trained.Info), ct);
            return active = trained;
        }
        finally
        {
            loading.Release();
        }
    }

    // A damaged model file (or one an older ML.NET wrote) is replaced by a freshly trained model rather than breaking analysis.
    private static PersonalityClassifier? Readable(StoredPersonalityModel stored)
    {
        try
        {
            return PersonalityClassifier.FromBytes(stored.Model);
        }
        catch (Exception e) when (e is InvalidOperationException or InvalidDataException or FormatException or ArgumentException or IOException)
        {
            return null;
        }
    }

    /// <summary>Makes <paramref name="model"/> the one in use, saved first so a restart keeps it.</summary>
    public async Task ActivateAsync(ActiveModel model, CancellationToken ct = default)
    {
        await store.SaveAsync(new StoredPersonalityModel(model.Classifier.ToBytes(), model.Info), ct);
        active = model;
    }

    /// <summary>
    /// Trains a model on the simulator's cats plus <paramref name="feedback"/> and measures it on held-out simulated cats.
    /// CPU-bound (a few seconds): call it off the circuit. <paramref name="progress"/> hears each step (0–1, what it does).
    /// </summary>
    public ActiveModel Train(IReadOnlyList<LabelledBehaviour> feedback, Action<double, string>? progress)
    {
        var now = clock.GetUtcNow();
        progress?.Invoke(0.05, "Simulating cats to learn from");
        var training = Examples(TrainingCatsPerPersonality, TrainingSeed, now);
        progress?.Invoke(0.3, $"Training on {training.Count:N0} simulated cats and {feedback.Count:N0} owners' ratings");
        var classifier = PersonalityClassifier.Train([.. training, .. feedback]);
        progress?.Invoke(0.8, "Testing on cats it has never seen");
        var accuracy = classifier.Accuracy(Examples(HeldOutCatsPerPersonality, HeldOutSeed, now));
        progress?.Invoke(1, "Done");
        return new ActiveModel(classifier, new PersonalityModelInfo(now, training.Count, feedback.Count, accuracy));
    }

    /// <summary>Labelled simulated cats (the same seed gives the same cats).</summary>
    public static IReadOnlyList<LabelledBehaviour> Examples(int perPersonality, int seed, DateTimeOffset end) =>
        [.. BehaviourSimulator.Population(perPersonality, new SeededRandomSource(seed), end)
            .Select(cat => new LabelledBehaviour(BehaviourFeatures.From(cat.Log), cat.Personality))];
}

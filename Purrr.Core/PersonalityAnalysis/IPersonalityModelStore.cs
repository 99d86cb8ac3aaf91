namespace Purrr.Core.PersonalityAnalysis;

/// <summary>What is known about a trained model: when, from how much, and how well it did on cats it never saw.</summary>
public sealed record PersonalityModelInfo(DateTimeOffset TrainedAt, int SyntheticExamples, int FeedbackExamples, double HeldOutAccuracy);

/// <summary>A model file and what is known about it.</summary>
public sealed record StoredPersonalityModel(byte[] Model, PersonalityModelInfo Info);

/// <summary>Where the active personality model is kept between runs (a file under the data folder, in Purrr.Data).</summary>
public interface IPersonalityModelStore
{
    /// <summary>The saved model, or null when none has been saved yet (first start).</summary>
    Task<StoredPersonalityModel?> LoadAsync(CancellationToken ct = default);

    /// <summary>Replaces the saved model; a crash mid-save leaves the previous one whole.</summary>
    Task SaveAsync(StoredPersonalityModel model, CancellationToken ct = default);
}

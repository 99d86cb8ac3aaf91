using Purrr.Core.PersonalityAnalysis;

namespace Purrr.Tests.Infrastructure;

/// <summary>
/// The initial personality model, trained once per test run (a few seconds) and handed to every app and bUnit context
/// through a store of its own, so no test host trains one at start.
/// </summary>
public static class TrainedPersonalityModel
{
    private static readonly Lazy<StoredPersonalityModel> Model = new(() =>
    {
        var trained = new PersonalityModels(new MemoryModelStore(null), TestClock.AtNoon()).Train([], progress: null);
        return new StoredPersonalityModel(trained.Classifier.ToBytes(), trained.Info);
    });

    /// <summary>A store already holding the model; what one test saves to it stays in it.</summary>
    public static IPersonalityModelStore NewStore() => new MemoryModelStore(Model.Value);
}

/// <summary>A model store in memory.</summary>
public sealed class MemoryModelStore(StoredPersonalityModel? model) : IPersonalityModelStore
{
    private StoredPersonalityModel? saved = model;

    public Task<StoredPersonalityModel?> LoadAsync(CancellationToken ct = default) => Task.FromResult(saved);

    public Task SaveAsync(StoredPersonalityModel model, CancellationToken ct = default)
    {
        saved = model;
        return Task.CompletedTask;
    }
}

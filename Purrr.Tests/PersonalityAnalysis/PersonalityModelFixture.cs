using Purrr.Core.PersonalityAnalysis;
using Purrr.Data;
using Purrr.Data.PersonalityAnalysis;
using Purrr.Tests.Infrastructure;

namespace Purrr.Tests.PersonalityAnalysis;

/// <summary>
/// The initial personality model, trained once per test class (a few seconds) into a temporary data folder, as the app
/// does at its first start. Tests that need a model get a store that already holds it, so nothing trains again.
/// </summary>
public sealed class PersonalityModelFixture : IAsyncLifetime
{
    private readonly TempFolder folder = new("purrr-model-");

    public PurrrStorage Storage => new(folder.Path);

    public StoredPersonalityModel Trained { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        var models = new PersonalityModels(new FilePersonalityModelStore(Storage), TestClock.AtNoon());
        var active = await models.ActiveAsync();
        Trained = new StoredPersonalityModel(active.Classifier.ToBytes(), active.Info);
    }

    /// <summary>A fresh store holding the trained model (each test changes its own copy).</summary>
    public IPersonalityModelStore NewStore() => new MemoryModelStore(Trained);

    public Task DisposeAsync()
    {
        folder.Dispose();
        return Task.CompletedTask;
    }
}

using Purrr.Core.Cats;
using Purrr.Core.PersonalityAnalysis;
using Purrr.Data.PersonalityAnalysis;
using Purrr.Tests.Infrastructure;
using Xunit.Abstractions;

namespace Purrr.Tests.PersonalityAnalysis;

/// <summary>The model trained from the simulator's cats: how well it does on cats it never saw, and its file.</summary>
[Trait("Category", "Integration")]
public sealed class PersonalityModelTests(PersonalityModelFixture model, ITestOutputHelper output) : IClassFixture<PersonalityModelFixture>
{
    [Fact]
    public void The_first_model_names_at_least_85_percent_of_held_out_simulated_cats_rightly()
    {
        var classifier = PersonalityClassifier.FromBytes(model.Trained.Model);
        // A held-out set of its own, drawn with a seed neither training nor the built-in check uses.
        var heldOut = PersonalityModels.Examples(40, seed: 777, TestClock.Noon);

        var accuracy = classifier.Accuracy(heldOut);

        output.WriteLine($"Held-out accuracy: {accuracy:P1} on {heldOut.Count} cats (built-in check: {model.Trained.Info.HeldOutAccuracy:P1}).");
        Assert.True(accuracy >= 0.85, $"Only {accuracy:P1} of held-out cats named rightly.");
        Assert.True(model.Trained.Info.HeldOutAccuracy >= 0.85, $"The model file says {model.Trained.Info.HeldOutAccuracy:P1}.");
        Assert.Equal(PersonalityModels.TrainingCatsPerPersonality * 6, model.Trained.Info.SyntheticExamples);
    }

    [Fact]
    public void Probabilities_cover_the_six_personalities_and_sum_to_one()
    {
        var classifier = PersonalityClassifier.FromBytes(model.Trained.Model);
        var lazyCat = PersonalityModels.Examples(1, seed: 31, TestClock.Noon).First(e => e.Personality == Personality.Lazy);

        var probabilities = classifier.Probabilities(lazyCat.Features);

        Assert.Equal(6, probabilities.Count);
        Assert.Equal(1, probabilities.Sum(), 3);
        Assert.All(probabilities, p => Assert.InRange(p, 0, 1));
    }

    [Fact]
    public async Task The_model_file_survives_a_restart_and_is_loaded_rather_than_trained_again()
    {
        // The fixture's first start trained and saved the model under the data folder; a "restart" reads it back.
        var restarted = new PersonalityModels(new FilePersonalityModelStore(model.Storage), TestClock.AtNoon());
        var fromFile = await restarted.ActiveAsync();
        var cat = PersonalityModels.Examples(1, seed: 99, TestClock.Noon)[0].Features;

        Assert.True(File.Exists(Path.Combine(model.Storage.ModelsFolder, "personality.zip")));
        Assert.Equal(model.Trained.Info, fromFile.Info);
        Assert.Equal(PersonalityClassifier.FromBytes(model.Trained.Model).Probabilities(cat), fromFile.Classifier.Probabilities(cat));
    }

    [Fact]
    public async Task A_damaged_model_file_is_replaced_by_a_freshly_trained_model()
    {
        using var folder = new TempFolder("purrr-model-damaged-");
        var storage = new Purrr.Data.PurrrStorage(folder.Path);
        var store = new FilePersonalityModelStore(storage);
        await store.SaveAsync(new StoredPersonalityModel([1, 2, 3], model.Trained.Info));

        var active = await new PersonalityModels(store, TestClock.AtNoon()).ActiveAsync();

        Assert.True(active.Info.HeldOutAccuracy >= 0.85);
        Assert.NotEqual([1, 2, 3], (await store.LoadAsync())!.Model);
    }
}

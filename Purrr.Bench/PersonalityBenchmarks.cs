using BenchmarkDotNet.Attributes;
using Purrr.Core.PersonalityAnalysis;

namespace Purrr.Bench;

/// <summary>
/// The personality model: training it from the simulator's 900 cats (what the first start and every admin retrain cost),
/// reading one cat's 30-day log into features, and one prediction (what each opened analysis tab costs).
/// </summary>
[MemoryDiagnoser]
[SimpleJob(launchCount: 1, warmupCount: 1, iterationCount: 5)]
public class PersonalityBenchmarks
{
    private static readonly DateTimeOffset Now = new(2026, 11, 24, 12, 0, 0, TimeSpan.Zero);
    private PersonalityModels models = null!;
    private PersonalityClassifier classifier = null!;
    private SimulatedCat cat = null!;
    private BehaviourFeatures features = null!;

    [GlobalSetup]
    public void Setup()
    {
        models = new PersonalityModels(new NoStore(), new FixedClock(Now));
        classifier = models.Train([], progress: null).Classifier;
        cat = BehaviourSimulator.Cat(Purrr.Core.Cats.Personality.Curious, new Purrr.Core.Common.SeededRandomSource(1), Now);
        features = BehaviourFeatures.From(cat.Log);
    }

    [Benchmark]
    public double TrainAndTest() => models.Train([], progress: null).Info.HeldOutAccuracy;

    [Benchmark]
    public BehaviourFeatures Features() => BehaviourFeatures.From(cat.Log);

    [Benchmark]
    public IReadOnlyList<double> Predict() => classifier.Probabilities(features);

    private sealed class NoStore : IPersonalityModelStore
    {
        public Task<StoredPersonalityModel?> LoadAsync(CancellationToken ct = default) => Task.FromResult<StoredPersonalityModel?>(null);
        public Task SaveAsync(StoredPersonalityModel model, CancellationToken ct = default) => Task.CompletedTask;
    }

    private sealed class FixedClock(DateTimeOffset now) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => now;
    }
}

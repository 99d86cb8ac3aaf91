using Microsoft.ML;
using Microsoft.ML.Data;
using Purrr.Core.Cats;

namespace Purrr.Core.PersonalityAnalysis;

/// <summary>A training example: a cat's behaviour features and its personality, weighted (player feedback counts more).</summary>
public sealed record LabelledBehaviour(BehaviourFeatures Features, Personality Personality, float Weight = 1);

/// <summary>
/// The ML.NET multiclass classifier over the six personalities: min-max normalised features into a maximum-entropy
/// (softmax) model trained with SDCA. Prediction is serialised (ML.NET's prediction engine is not thread-safe).
/// </summary>
public sealed class PersonalityClassifier
{
    private const int Seed = 2026;

    private readonly MLContext ml;
    private readonly ITransformer model;
    private readonly DataViewSchema inputSchema;
    private readonly PredictionEngine<Row, Prediction> engine;
    private readonly Lock gate = new();

    private PersonalityClassifier(MLContext ml, ITransformer model, DataViewSchema inputSchema)
    {
        this.ml = ml;
        this.model = model;
        this.inputSchema = inputSchema;
        engine = ml.Model.CreatePredictionEngine<Row, Prediction>(model, inputSchema);
    }

    public static PersonalityClassifier Train(IReadOnlyList<LabelledBehaviour> examples)
    {
        var ml = new MLContext(Seed);
        var data = ml.Data.LoadFromEnumerable(examples.Select(Row.Of));
        // The label keys in enum order, so the scores come out as Personalities.All.
        var keys = ml.Data.LoadFromEnumerable(Personalities.All.Select(p => new Key { Label = p.ToString() }));
        var pipeline = ml.Transforms.Conversion.MapValueToKey(nameof(Row.Label), keyData: keys)
            .Append(ml.Transforms.NormalizeMinMax(nameof(Row.Features)))
            .Append(ml.MulticlassClassification.Trainers.SdcaMaximumEntropy(
                labelColumnName: nameof(Row.Label), featureColumnName: nameof(Row.Features), exampleWeightColumnName: nameof(Row.Weight)));
        return new PersonalityClassifier(ml, pipeline.Fit(data), data.Schema);
    }

    /// <summary>The probability of each personality, in <see cref="Personalities.All"/> order (they sum to 1).</summary>
    public IReadOnlyList<double> Probabilities(BehaviourFeatures features)
    {
        float[] scores;
        lock (gate)
            scores = engine.Predict(Row.Of(new LabelledBehaviour(features, default))).Score;
        return [.. scores.Select(s => (double)s)];
    }

    public Personality Predict(BehaviourFeatures features)
    {
        var probabilities = Probabilities(features);
        return Personalities.All[probabilities.Select((p, i) => (p, i)).MaxBy(x => x.p).i];
    }

    /// <summary>The share of <paramref name="examples"/> whose personality it predicts.</summary>
    public double Accuracy(IReadOnlyList<LabelledBehaviour> examples) =>
        examples.Count == 0 ? 0 : examples.Count(e => Predict(e.Features) == e.Personality) / (double)examples.Count;

    public byte[] ToBytes()
    {
        using var stream = new MemoryStream();
        ml.Model.Save(model, inputSchema, stream);
        return stream.ToArray();
    }

    public static PersonalityClassifier FromBytes(byte[] bytes)
    {
        var ml = new MLContext(Seed);
        using var stream = new MemoryStream(bytes);
        var model = ml.Model.Load(stream, out var schema);
        return new PersonalityClassifier(ml, model, schema);
    }

    private sealed class Row
    {
        [VectorType(BehaviourFeatures.Count)]
        public float[] Features { get; set; } = new float[BehaviourFeatures.Count];

        public string Label { get; set; } = "";
        public float Weight { get; set; } = 1;

        public static Row Of(LabelledBehaviour example) => new()
        {
            Features = example.Features.ToVector(), Label = example.Personality.ToString(), Weight = example.Weight,
        };
    }

    private sealed class Key
    {
        public string Label { get; set; } = "";
    }

    private sealed class Prediction
    {
        public float[] Score { get; set; } = [];
    }
}

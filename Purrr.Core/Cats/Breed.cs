using Purrr.Core.Genetics;

namespace Purrr.Core.Cats;

/// <summary>A breed a player can adopt: a name and the gene pool its kittens are drawn from.</summary>
public sealed record Breed(string Key, string Name, string Description, GenePool GenePool);

public static class Breeds
{
    private static readonly GenePool Street = new();

    public static readonly IReadOnlyList<Breed> All =
    [
        new("domestic_shorthair", "Domestic Shorthair", "The everyday street cat: any colour, any pattern, all heart.", Street),
        new("domestic_longhair", "Domestic Longhair", "A fluffy mixed-breed cat of every colour.",
            Street with { CoatLength = AlleleFrequencies<CoatLengthAllele>.Only(CoatLengthAllele.Long) }),
        new("abyssinian", "Abyssinian", "Lithe, ticked-tabby acrobat that never sits still.",
            Street with
            {
                Pattern = AlleleFrequencies<TabbyAllele>.Only(TabbyAllele.Tabby),
                WhiteSpotting = AlleleFrequencies<WhiteSpottingAllele>.Only(WhiteSpottingAllele.None),
                CoatLength = AlleleFrequencies<CoatLengthAllele>.Only(CoatLengthAllele.Short),
                MeanPotentials = new(50, 62, 55, 50),
            }),
        new("bengal", "Bengal", "Wild-looking, athletic and endlessly curious.",
            Street with
            {
                Color = AlleleFrequencies<CoatColorAllele>.Of((CoatColorAllele.Orange, 0.3), (CoatColorAllele.Black, 0.7)),
                Dilution = AlleleFrequencies<DiluteAllele>.Only(DiluteAllele.Dense),
                Pattern = AlleleFrequencies<TabbyAllele>.Only(TabbyAllele.Tabby),
                WhiteSpotting = AlleleFrequencies<WhiteSpottingAllele>.Only(WhiteSpottingAllele.None),
                CoatLength = AlleleFrequencies<CoatLengthAllele>.Only(CoatLengthAllele.Short),
                MeanPotentials = new(55, 62, 52, 48),
            }),
        new("bombay", "Bombay", "A tiny panther: jet black with copper eyes.",
            Street with
            {
                Color = AlleleFrequencies<CoatColorAllele>.Only(CoatColorAllele.Black),
                Dilution = AlleleFrequencies<DiluteAllele>.Only(DiluteAllele.Dense),
                Pattern = AlleleFrequencies<TabbyAllele>.Only(TabbyAllele.Solid),
                WhiteSpotting = AlleleFrequencies<WhiteSpottingAllele>.Only(WhiteSpottingAllele.None),
                EyeColor = AlleleFrequencies<EyeColorAllele>.Only(EyeColorAllele.Copper),
                CoatLength = AlleleFrequencies<CoatLengthAllele>.Only(CoatLengthAllele.Short),
                MeanPotentials = new(50, 52, 50, 55),
            }),
        new("british_shorthair", "British Shorthair", "Round, calm and plush, most often blue.",
            Street with
            {
                Dilution = AlleleFrequencies<DiluteAllele>.Of((DiluteAllele.Dense, 0.2), (DiluteAllele.Dilute, 0.8)),
                EyeColor = AlleleFrequencies<EyeColorAllele>.Of((EyeColorAllele.Copper, 0.9), (EyeColorAllele.Green, 0.1)),
                CoatLength = AlleleFrequencies<CoatLengthAllele>.Only(CoatLengthAllele.Short),
                MeanPotentials = new(58, 45, 50, 52),
            }),
        new("maine_coon", "Maine Coon", "A gentle giant with a lion's ruff and a raccoon tail.",
            Street with
            {
                Pattern = AlleleFrequencies<TabbyAllele>.Of((TabbyAllele.Tabby, 0.75), (TabbyAllele.Solid, 0.25)),
                CoatLength = AlleleFrequencies<CoatLengthAllele>.Only(CoatLengthAllele.Long),
                MeanPotentials = new(62, 50, 52, 52),
            }),
        new("norwegian_forest", "Norwegian Forest Cat", "A thick-coated climber from the northern woods.",
            Street with
            {
                Pattern = AlleleFrequencies<TabbyAllele>.Of((TabbyAllele.Tabby, 0.65), (TabbyAllele.Solid, 0.35)),
                CoatLength = AlleleFrequencies<CoatLengthAllele>.Only(CoatLengthAllele.Long),
                MeanPotentials = new(58, 56, 50, 48),
            }),
        new("persian", "Persian", "Flat-faced, long-coated royalty who prefers the sofa.",
            Street with
            {
                Pattern = AlleleFrequencies<TabbyAllele>.Of((TabbyAllele.Tabby, 0.3), (TabbyAllele.Solid, 0.7)),
                EyeColor = AlleleFrequencies<EyeColorAllele>.Of((EyeColorAllele.Copper, 0.7), (EyeColorAllele.Green, 0.1), (EyeColorAllele.Blue, 0.2)),
                CoatLength = AlleleFrequencies<CoatLengthAllele>.Only(CoatLengthAllele.Long),
                MeanPotentials = new(45, 42, 50, 60),
            }),
        new("ragdoll", "Ragdoll", "Goes limp with joy when picked up; blue-eyed and silky.",
            Street with
            {
                WhiteSpotting = AlleleFrequencies<WhiteSpottingAllele>.Of((WhiteSpottingAllele.Spotted, 0.6), (WhiteSpottingAllele.None, 0.4)),
                EyeColor = AlleleFrequencies<EyeColorAllele>.Only(EyeColorAllele.Blue),
                CoatLength = AlleleFrequencies<CoatLengthAllele>.Only(CoatLengthAllele.Long),
                MeanPotentials = new(50, 45, 50, 62),
            }),
        new("russian_blue", "Russian Blue", "Silver-blue, green-eyed and quietly clever.",
            Street with
            {
                Color = AlleleFrequencies<CoatColorAllele>.Only(CoatColorAllele.Black),
                Dilution = AlleleFrequencies<DiluteAllele>.Only(DiluteAllele.Dilute),
                Pattern = AlleleFrequencies<TabbyAllele>.Only(TabbyAllele.Solid),
                WhiteSpotting = AlleleFrequencies<WhiteSpottingAllele>.Only(WhiteSpottingAllele.None),
                EyeColor = AlleleFrequencies<EyeColorAllele>.Only(EyeColorAllele.Green),
                CoatLength = AlleleFrequencies<CoatLengthAllele>.Only(CoatLengthAllele.Short),
                MeanPotentials = new(48, 55, 60, 50),
            }),
        new("siamese", "Siamese", "Talkative, sapphire-eyed and smarter than you.",
            Street with
            {
                Color = AlleleFrequencies<CoatColorAllele>.Of((CoatColorAllele.Black, 0.6), (CoatColorAllele.Chocolate, 0.4)),
                Pattern = AlleleFrequencies<TabbyAllele>.Only(TabbyAllele.Solid),
                WhiteSpotting = AlleleFrequencies<WhiteSpottingAllele>.Only(WhiteSpottingAllele.None),
                EyeColor = AlleleFrequencies<EyeColorAllele>.Only(EyeColorAllele.Blue),
                CoatLength = AlleleFrequencies<CoatLengthAllele>.Only(CoatLengthAllele.Short),
                MeanPotentials = new(45, 55, 62, 56),
            }),
        new("turkish_van", "Turkish Van", "White with a coloured head and tail — and it loves water.",
            Street with
            {
                Color = AlleleFrequencies<CoatColorAllele>.Of((CoatColorAllele.Orange, 0.7), (CoatColorAllele.Black, 0.3)),
                WhiteSpotting = AlleleFrequencies<WhiteSpottingAllele>.Only(WhiteSpottingAllele.Spotted),
                CoatLength = AlleleFrequencies<CoatLengthAllele>.Only(CoatLengthAllele.Long),
                MeanPotentials = new(55, 58, 50, 48),
            }),
    ];

    public static Breed? Find(string? key) => All.FirstOrDefault(b => b.Key == key);

    public static string NameOf(string key) => Find(key)?.Name ?? key;
}

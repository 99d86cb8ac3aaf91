using System.Text.Json.Serialization;
using Purrr.Core.Genetics;

namespace Purrr.Core.Cats;

/// <summary>
/// How a cat looks, part by part, computed only from its genome: the one mapping the SVG portrait and the 3D model
/// both draw from, so the two views of a cat cannot disagree. Colours are CSS hex strings.
/// </summary>
/// <param name="Body">The body's colour: white on a van, the coat colour otherwise.</param>
/// <param name="Head">The head's colour: white on a van (with a coat-coloured <see cref="Cap"/>), the coat colour otherwise.</param>
/// <param name="Paws">White for any white spotting (gloves, bicolour, van), the coat colour otherwise.</param>
/// <param name="Tail">Always the coat colour, even on a van.</param>
/// <param name="Ruff">The long-hair ruff: white when the cat has white spotting.</param>
/// <param name="Cap">A van's coloured patch between the ears.</param>
/// <param name="Bib">A bicolour's white chest and blaze.</param>
/// <param name="Stripes">Tabby stripes in <see cref="Stripe"/>.</param>
/// <param name="Ticking">Ticked tabby: a fine speckle in <see cref="Stripe"/> instead of stripes.</param>
public sealed record Appearance(
    string Fur, string Stripe, string Eye, string OtherEye, string Nose,
    string Body, string Head, string Paws, string Tail, string Ruff,
    bool Cap, bool Bib, bool Stripes, bool Ticking, bool LongHair, bool Curly,
    [property: JsonIgnore] Phenotype Phenotype)
{
    /// <summary>The white of white spotting.</summary>
    public const string White = "#FBFAF7";

    /// <summary>What a player would read about the cat ("long-haired blue and white tabby with green eyes").</summary>
    public string Description => Phenotype.Describe();

    public static Appearance Of(Genome genome) => Of(Phenotype.Of(genome));

    public static Appearance Of(Phenotype phenotype)
    {
        var colors = CoatPalette.For(phenotype);
        var van = phenotype.White == WhiteSpotting.Van;
        var anyWhite = phenotype.White != WhiteSpotting.None;
        return new Appearance(colors.Fur, colors.Stripe, colors.Eye, colors.OtherEye, colors.Nose,
            Body: van ? White : colors.Fur,
            Head: van ? White : colors.Fur,
            Paws: anyWhite ? White : colors.Fur,
            Tail: colors.Fur,
            Ruff: anyWhite ? White : colors.Fur,
            Cap: van,
            Bib: phenotype.White == WhiteSpotting.Bicolour,
            // A van's markings are only on its head and tail: no stripes or ticking on its white body.
            Stripes: phenotype.Pattern == CoatPattern.Tabby,
            Ticking: phenotype.Pattern == CoatPattern.Ticked,
            phenotype.LongHair, phenotype.Curly, phenotype);
    }
}

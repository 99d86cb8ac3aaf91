namespace Purrr.Core.Genetics;

public enum CoatColor { Red, Cream, Black, Blue, Chocolate, Lilac, Cinnamon, Fawn }

public enum CoatPattern { Solid, Tabby, Ticked }

public enum WhiteSpotting { None, Gloves, Bicolour, Van }

public enum EyeColor { Copper, Green, Blue, OddEyed }

/// <summary>What a genome looks like.</summary>
public sealed record Phenotype(CoatColor Color, CoatPattern Pattern, WhiteSpotting White, EyeColor Eyes, bool LongHair, bool Silver = false, bool Curly = false)
{
    /// <summary>Shows a trait only a mutation brings.</summary>
    public bool IsRare => Color is CoatColor.Cinnamon or CoatColor.Fawn || Pattern == CoatPattern.Ticked || White == WhiteSpotting.Gloves
        || Eyes == EyeColor.OddEyed || Silver || Curly;

    public static Phenotype Of(Genome genome)
    {
        var dilute = genome.Dilution.Count(DiluteAllele.Dilute) == 2;
        var color = (Loci.Color.Dominant(genome.Color), dilute) switch
        {
            (CoatColorAllele.Orange, false) => CoatColor.Red,
            (CoatColorAllele.Orange, true) => CoatColor.Cream,
            (CoatColorAllele.Black, false) => CoatColor.Black,
            (CoatColorAllele.Black, true) => CoatColor.Blue,
            (CoatColorAllele.Chocolate, false) => CoatColor.Chocolate,
            (CoatColorAllele.Chocolate, true) => CoatColor.Lilac,
            (CoatColorAllele.Cinnamon, false) => CoatColor.Cinnamon,
            _ => CoatColor.Fawn,
        };
        var pattern = Loci.Pattern.Dominant(genome.Pattern) switch
        {
            TabbyAllele.Ticked => CoatPattern.Ticked,
            TabbyAllele.Tabby => CoatPattern.Tabby,
            _ => CoatPattern.Solid,
        };
        var white = genome.WhiteSpotting.Count(WhiteSpottingAllele.Spotted) switch
        {
            2 => WhiteSpotting.Van,
            1 => WhiteSpotting.Bicolour,
            _ => genome.WhiteSpotting.Has(WhiteSpottingAllele.Gloves) ? WhiteSpotting.Gloves : WhiteSpotting.None,
        };
        var eyes = Loci.EyeColor.Dominant(genome.EyeColor) switch
        {
            EyeColorAllele.Copper => EyeColor.Copper,
            EyeColorAllele.Green => EyeColor.Green,
            EyeColorAllele.OddEyed => EyeColor.OddEyed,
            _ => EyeColor.Blue,
        };
        return new Phenotype(color, pattern, white, eyes,
            LongHair: genome.CoatLength.Count(CoatLengthAllele.Long) == 2,
            Silver: genome.Dilution.Has(DiluteAllele.Silver),
            Curly: genome.CoatLength.Has(CoatLengthAllele.Curly));
    }

    /// <summary>
    /// How a player would describe the cat, as a phrase that reads naturally aloud (it is also the portrait's text
    /// alternative): "short-haired orange tabby with white paws and green eyes", "long-haired blue and white tabby with green eyes".
    /// </summary>
    public string Describe()
    {
        var hair = (Curly ? "curly " : "") + (LongHair ? "long-haired" : "short-haired");
        var colour = Color switch
        {
            CoatColor.Red => "orange", // what most people call a red cat
            _ => Color.ToString().ToLowerInvariant(),
        };
        // A silver solid cat is a smoke; a silver tabby is a silver tabby.
        var silver = Silver ? Pattern == CoatPattern.Solid ? " smoke" : " silver" : "";
        var white = White switch
        {
            WhiteSpotting.Bicolour => " and white",
            WhiteSpotting.Van => " and white van",
            _ => "",
        };
        var kind = Pattern switch
        {
            CoatPattern.Tabby => " tabby",
            CoatPattern.Ticked => " ticked tabby",
            _ => White == WhiteSpotting.Van ? "" : " cat",
        };
        var eyes = Eyes == EyeColor.OddEyed ? "odd eyes (one blue, one copper)" : $"{Eyes.ToString().ToLowerInvariant()} eyes";
        var with = White == WhiteSpotting.Gloves ? $"white paws and {eyes}" : eyes;
        return $"{hair} {colour}{silver}{white}{kind} with {with}";
    }
}

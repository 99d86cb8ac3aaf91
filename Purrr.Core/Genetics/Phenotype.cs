namespace Purrr.Core.Genetics;

public enum CoatColor { Red, Cream, Black, Blue, Chocolate, Lilac }

public enum WhiteSpotting { None, Bicolour, Van }

public enum EyeColor { Copper, Green, Blue }

/// <summary>What a genome looks like.</summary>
public sealed record Phenotype(CoatColor Color, bool Tabby, WhiteSpotting White, EyeColor Eyes, bool LongHair)
{
    public static Phenotype Of(Genome genome)
    {
        var dilute = genome.Dilution.IsHomozygous && genome.Dilution.First == DiluteAllele.Dilute;
        var color = (Loci.Color.Dominant(genome.Color), dilute) switch
        {
            (CoatColorAllele.Orange, false) => CoatColor.Red,
            (CoatColorAllele.Orange, true) => CoatColor.Cream,
            (CoatColorAllele.Black, false) => CoatColor.Black,
            (CoatColorAllele.Black, true) => CoatColor.Blue,
            (CoatColorAllele.Chocolate, false) => CoatColor.Chocolate,
            _ => CoatColor.Lilac,
        };
        var white = genome.WhiteSpotting.Count(WhiteSpottingAllele.Spotted) switch
        {
            0 => WhiteSpotting.None,
            1 => WhiteSpotting.Bicolour,
            _ => WhiteSpotting.Van,
        };
        var eyes = Loci.EyeColor.Dominant(genome.EyeColor) switch
        {
            EyeColorAllele.Copper => EyeColor.Copper,
            EyeColorAllele.Green => EyeColor.Green,
            _ => EyeColor.Blue,
        };
        return new Phenotype(
            color,
            Tabby: Loci.Pattern.Dominant(genome.Pattern) == TabbyAllele.Tabby,
            white,
            eyes,
            LongHair: Loci.CoatLength.Dominant(genome.CoatLength) == CoatLengthAllele.Long);
    }

    /// <summary>How a player would describe the cat, e.g. "Blue tabby and white, long-haired, green eyes".</summary>
    public string Describe()
    {
        var coat = Color.ToString() + (Tabby ? " tabby" : "") + White switch
        {
            WhiteSpotting.Bicolour => " and white",
            WhiteSpotting.Van => " van",
            _ => "",
        };
        return $"{coat}, {(LongHair ? "long-haired" : "short-haired")}, {Eyes.ToString().ToLowerInvariant()} eyes";
    }
}

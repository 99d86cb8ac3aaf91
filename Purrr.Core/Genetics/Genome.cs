using System.Globalization;

namespace Purrr.Core.Genetics;

/// <summary>Inherited potential (0–100) for the four trainable stats; polygenic, so a plain number rather than alleles.</summary>
public sealed record StatPotentials(int Strength, int Agility, int Intelligence, int Charisma);

/// <summary>A cat's diploid genome: everything about its look, and its stat potentials.</summary>
public sealed record Genome(
    AllelePair<CoatColorAllele> Color,
    AllelePair<DiluteAllele> Dilution,
    AllelePair<TabbyAllele> Pattern,
    AllelePair<WhiteSpottingAllele> WhiteSpotting,
    AllelePair<EyeColorAllele> EyeColor,
    AllelePair<CoatLengthAllele> CoatLength,
    StatPotentials Potentials)
{
    /// <summary>The genome as one line, e.g. <c>O/B D/d T/t S/s Cu/Gr L/l 55/60/48/52</c>; stored in the database as is.</summary>
    public string ToCode() => string.Join(' ',
        Loci.Color.Format(Color),
        Loci.Dilution.Format(Dilution),
        Loci.Pattern.Format(Pattern),
        Loci.WhiteSpotting.Format(WhiteSpotting),
        Loci.EyeColor.Format(EyeColor),
        Loci.CoatLength.Format(CoatLength),
        string.Create(CultureInfo.InvariantCulture,
            $"{Potentials.Strength}/{Potentials.Agility}/{Potentials.Intelligence}/{Potentials.Charisma}"));

    public override string ToString() => ToCode();

    public static Genome Parse(string code) =>
        TryParse(code, out var genome) ? genome : throw new FormatException($"Not a genome code: '{code}'.");

    public static bool TryParse(string? code, out Genome genome)
    {
        genome = null!;
        var parts = code?.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        if (parts is not { Length: 7 }
            || !Loci.Color.TryParse(parts[0], out var color)
            || !Loci.Dilution.TryParse(parts[1], out var dilution)
            || !Loci.Pattern.TryParse(parts[2], out var pattern)
            || !Loci.WhiteSpotting.TryParse(parts[3], out var white)
            || !Loci.EyeColor.TryParse(parts[4], out var eyes)
            || !Loci.CoatLength.TryParse(parts[5], out var length)
            || !TryParsePotentials(parts[6], out var potentials))
            return false;
        genome = new Genome(color, dilution, pattern, white, eyes, length, potentials);
        return true;
    }

    private static bool TryParsePotentials(string text, out StatPotentials potentials)
    {
        potentials = null!;
        var values = text.Split('/');
        if (values.Length != 4)
            return false;
        var numbers = new int[4];
        for (var i = 0; i < 4; i++)
            if (!int.TryParse(values[i], NumberStyles.None, CultureInfo.InvariantCulture, out numbers[i]) || numbers[i] > 100)
                return false;
        potentials = new StatPotentials(numbers[0], numbers[1], numbers[2], numbers[3]);
        return true;
    }
}

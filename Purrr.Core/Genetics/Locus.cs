namespace Purrr.Core.Genetics;

/// <summary>A gene's alleles in dominance order (first = most dominant), with the symbols used in genome codes.</summary>
public sealed class Locus<T> where T : struct, Enum
{
    private readonly (T Allele, string Symbol)[] alleles;

    public Locus(string name, params (T Allele, string Symbol)[] alleles)
    {
        Name = name;
        this.alleles = alleles;
    }

    public string Name { get; }

    public IReadOnlyList<T> Alleles => alleles.Select(a => a.Allele).ToArray();

    /// <summary>The allele that shows when the two differ.</summary>
    public T Dominant(AllelePair<T> pair) => Rank(pair.First) <= Rank(pair.Second) ? pair.First : pair.Second;

    public string Symbol(T allele) => alleles[Rank(allele)].Symbol;

    public string Format(AllelePair<T> pair) => $"{Symbol(pair.First)}/{Symbol(pair.Second)}";

    public bool TryParse(string text, out AllelePair<T> pair)
    {
        pair = default;
        var parts = text.Split('/');
        if (parts.Length != 2 || !TryParseSymbol(parts[0], out var first) || !TryParseSymbol(parts[1], out var second))
            return false;
        pair = new AllelePair<T>(first, second);
        return true;
    }

    private bool TryParseSymbol(string symbol, out T allele)
    {
        foreach (var (candidate, candidateSymbol) in alleles)
        {
            if (candidateSymbol == symbol)
            {
                allele = candidate;
                return true;
            }
        }
        allele = default;
        return false;
    }

    private int Rank(T allele)
    {
        for (var i = 0; i < alleles.Length; i++)
            if (EqualityComparer<T>.Default.Equals(alleles[i].Allele, allele))
                return i;
        throw new ArgumentOutOfRangeException(nameof(allele), allele, $"Not an allele of {Name}.");
    }
}

/// <summary>The loci of the Purrr genome (spec §4).</summary>
public static class Loci
{
    public static readonly Locus<CoatColorAllele> Color = new("Coat colour",
        (CoatColorAllele.Orange, "O"), (CoatColorAllele.Black, "B"), (CoatColorAllele.Chocolate, "b"));

    public static readonly Locus<DiluteAllele> Dilution = new("Dilution",
        (DiluteAllele.Dense, "D"), (DiluteAllele.Dilute, "d"));

    public static readonly Locus<TabbyAllele> Pattern = new("Pattern",
        (TabbyAllele.Tabby, "T"), (TabbyAllele.Solid, "t"));

    // Order only matters for symbols here: spotting is expressed by counting copies, not by dominance.
    public static readonly Locus<WhiteSpottingAllele> WhiteSpotting = new("White spotting",
        (WhiteSpottingAllele.Spotted, "S"), (WhiteSpottingAllele.None, "s"));

    public static readonly Locus<EyeColorAllele> EyeColor = new("Eye colour",
        (EyeColorAllele.Copper, "Cu"), (EyeColorAllele.Green, "Gr"), (EyeColorAllele.Blue, "Bl"));

    public static readonly Locus<CoatLengthAllele> CoatLength = new("Coat length",
        (CoatLengthAllele.Short, "L"), (CoatLengthAllele.Long, "l"));
}

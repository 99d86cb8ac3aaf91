namespace Purrr.Core.Genetics;

/// <summary>
/// A gene's alleles in dominance order (first = most dominant), with the symbols used in genome codes, and the
/// rare allele a mutation produces here (if any).
/// </summary>
public sealed class Locus<T> where T : struct, Enum
{
    private readonly (T Allele, string Symbol)[] alleles;

    public Locus(string name, T rare, params (T Allele, string Symbol)[] alleles)
    {
        Name = name;
        Rare = rare;
        this.alleles = alleles;
        Common = alleles.Select(a => a.Allele).Where(a => !EqualityComparer<T>.Default.Equals(a, rare)).ToArray();
    }

    public string Name { get; }

    /// <summary>The allele only a mutation brings; flagged as rare wherever it shows.</summary>
    public T Rare { get; }

    /// <summary>The alleles found in ordinary populations.</summary>
    public IReadOnlyList<T> Common { get; }

    public bool IsRare(T allele) => EqualityComparer<T>.Default.Equals(allele, Rare);

    public bool Carries(AllelePair<T> pair) => IsRare(pair.First) || IsRare(pair.Second);

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
    public static readonly Locus<CoatColorAllele> Color = new("Coat colour", CoatColorAllele.Cinnamon,
        (CoatColorAllele.Orange, "O"), (CoatColorAllele.Black, "B"), (CoatColorAllele.Chocolate, "b"), (CoatColorAllele.Cinnamon, "bl"));

    // Expressed by counting copies (dilute needs two, silver one), so the order only sets the symbols.
    public static readonly Locus<DiluteAllele> Dilution = new("Dilution", DiluteAllele.Silver,
        (DiluteAllele.Silver, "I"), (DiluteAllele.Dense, "D"), (DiluteAllele.Dilute, "d"));

    public static readonly Locus<TabbyAllele> Pattern = new("Pattern", TabbyAllele.Ticked,
        (TabbyAllele.Ticked, "Ta"), (TabbyAllele.Tabby, "T"), (TabbyAllele.Solid, "t"));

    // Spotting is expressed by counting copies, not by dominance.
    public static readonly Locus<WhiteSpottingAllele> WhiteSpotting = new("White spotting", WhiteSpottingAllele.Gloves,
        (WhiteSpottingAllele.Spotted, "S"), (WhiteSpottingAllele.Gloves, "g"), (WhiteSpottingAllele.None, "s"));

    public static readonly Locus<EyeColorAllele> EyeColor = new("Eye colour", EyeColorAllele.OddEyed,
        (EyeColorAllele.Copper, "Cu"), (EyeColorAllele.Green, "Gr"), (EyeColorAllele.OddEyed, "Od"), (EyeColorAllele.Blue, "Bl"));

    // Long needs two copies, curly one: expressed by counting copies.
    public static readonly Locus<CoatLengthAllele> CoatLength = new("Coat length", CoatLengthAllele.Curly,
        (CoatLengthAllele.Curly, "R"), (CoatLengthAllele.Short, "L"), (CoatLengthAllele.Long, "l"));
}

namespace Purrr.Core.Genetics;

// One enum per locus. Dominance is not the enum order: each Locus lists its alleles from most to least dominant.
// The last value of each enum is the locus's rare allele: only a mutation brings it (spec §4).

/// <summary>Cinnamon (rare) is recessive even to chocolate.</summary>
public enum CoatColorAllele { Orange, Black, Chocolate, Cinnamon }

/// <summary>Dilute shows with two copies; silver (rare) shows with one.</summary>
public enum DiluteAllele { Dense, Dilute, Silver }

/// <summary>Ticked (rare) shows over tabby and solid.</summary>
public enum TabbyAllele { Tabby, Solid, Ticked }

/// <summary>White spotting is incompletely dominant: one copy gives bicolour, two give van. Gloves (rare) shows only without spotting.</summary>
public enum WhiteSpottingAllele { Spotted, None, Gloves }

/// <summary>Odd-eyed (rare): one blue eye and one copper; it shows over blue only.</summary>
public enum EyeColorAllele { Copper, Green, Blue, OddEyed }

/// <summary>Long hair shows with two copies; curly (rare) shows with one.</summary>
public enum CoatLengthAllele { Short, Long, Curly }

/// <summary>The two copies of one gene, one from each parent.</summary>
public readonly record struct AllelePair<T>(T First, T Second) where T : struct, Enum
{
    public static AllelePair<T> Homozygous(T allele) => new(allele, allele);

    public bool IsHomozygous => EqualityComparer<T>.Default.Equals(First, Second);

    public int Count(T allele) =>
        (EqualityComparer<T>.Default.Equals(First, allele) ? 1 : 0) + (EqualityComparer<T>.Default.Equals(Second, allele) ? 1 : 0);

    public bool Has(T allele) => Count(allele) > 0;
}

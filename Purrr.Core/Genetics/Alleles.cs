namespace Purrr.Core.Genetics;

// One enum per locus. Dominance is not the enum order: each Locus lists its alleles from most to least dominant.

public enum CoatColorAllele { Orange, Black, Chocolate }

public enum DiluteAllele { Dense, Dilute }

public enum TabbyAllele { Tabby, Solid }

/// <summary>White spotting is incompletely dominant: one copy gives bicolour, two give van.</summary>
public enum WhiteSpottingAllele { Spotted, None }

public enum EyeColorAllele { Copper, Green, Blue }

public enum CoatLengthAllele { Short, Long }

/// <summary>The two copies of one gene, one from each parent.</summary>
public readonly record struct AllelePair<T>(T First, T Second) where T : struct, Enum
{
    public static AllelePair<T> Homozygous(T allele) => new(allele, allele);

    public bool IsHomozygous => EqualityComparer<T>.Default.Equals(First, Second);

    public int Count(T allele) =>
        (EqualityComparer<T>.Default.Equals(First, allele) ? 1 : 0) + (EqualityComparer<T>.Default.Equals(Second, allele) ? 1 : 0);
}

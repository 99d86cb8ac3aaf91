using BenchmarkDotNet.Attributes;
using Purrr.Core.Common;
using Purrr.Core.Genetics;

namespace Purrr.Bench;

/// <summary>
/// Issue 15: the genetics hot paths — the breeding page's Punnett preview (every locus's square, combined into
/// phenotype odds) and one kitten's inheritance (alleles, mutations, potentials) — for two parents that differ at most loci.
/// </summary>
[MemoryDiagnoser]
public class GeneticsBenchmarks
{
    private static readonly Genome Mother = Genome.Parse("B/b D/d T/t S/s Cu/Bl L/l 62/48/71/55");
    private static readonly Genome Father = Genome.Parse("O/b d/d t/t S/s Gr/Bl l/l 44/80/39/66");
    private readonly SeededRandomSource random = new(11);

    [Benchmark]
    public int PunnettPreview() => Punnett.Odds(Mother, Father).Count;

    [Benchmark]
    public Genome InheritOneKitten() => Inheritance.Child(Mother, Father, random);

    [Benchmark]
    public Phenotype PhenotypeOfKitten() => Phenotype.Of(Inheritance.Child(Mother, Father, random));
}

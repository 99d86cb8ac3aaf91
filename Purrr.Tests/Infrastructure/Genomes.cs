using Purrr.Core.Genetics;

namespace Purrr.Tests.Infrastructure;

/// <summary>Genomes by their code, e.g. <c>AGenome("O/O D/D T/T s/s Cu/Cu L/L")</c>; potentials default to 50.</summary>
public static class Genomes
{
    public static Genome AGenome(string loci) => Genome.Parse(loci.Split(' ').Length == 6 ? $"{loci} 50/50/50/50" : loci);

    public static readonly Genome BlackSolidShortHair = AGenome("B/B D/D t/t s/s Cu/Cu L/L");
    public static readonly Genome RedTabbyShortHair = AGenome("O/O D/D T/T s/s Cu/Cu L/L");
    public static readonly Genome CreamVanLongHair = AGenome("O/b d/d T/t S/S Bl/Bl l/l");
}

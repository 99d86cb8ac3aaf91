using Microsoft.EntityFrameworkCore.Storage.ValueConversion;
using Purrr.Core.Common;
using Purrr.Core.Genetics;

namespace Purrr.Data.Configurations;

public sealed class UserIdConverter() : ValueConverter<UserId, Guid>(id => id.Value, value => new UserId(value));

public sealed class CatIdConverter() : ValueConverter<CatId, Guid>(id => id.Value, value => new CatId(value));

/// <summary>A genome is stored as its one-line code, readable in any SQL client.</summary>
public sealed class GenomeConverter() : ValueConverter<Genome, string>(genome => genome.ToCode(), code => Genome.Parse(code))
{
    public const int MaxLength = 64;
}

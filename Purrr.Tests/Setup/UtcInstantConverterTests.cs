using Microsoft.EntityFrameworkCore.Storage.ValueConversion;
using Purrr.Data;

namespace Purrr.Tests.Setup;

[Trait("Category", "Unit")]
public sealed class UtcInstantConverterTests
{
    private static readonly UtcInstantConverter Converter = new();

    private static long Store(DateTimeOffset value) => (long)Converter.ConvertToProvider(value)!;

    private static DateTimeOffset Read(long stored) => (DateTimeOffset)Converter.ConvertFromProvider(stored)!;

    [Fact]
    public void Instants_stored_with_different_offsets_sort_by_when_they_happen()
    {
        var tokyoDawn = new DateTimeOffset(2026, 11, 25, 6, 0, 0, TimeSpan.FromHours(9)); // 21:00 UTC the day before
        var tenPmUtc = new DateTimeOffset(2026, 11, 24, 22, 0, 0, TimeSpan.Zero);

        Assert.True(Store(tokyoDawn) < Store(tenPmUtc));
        Assert.Equal(tokyoDawn, Read(Store(tokyoDawn)));
        Assert.Equal(TimeSpan.Zero, Read(Store(tokyoDawn)).Offset);
    }

    [Fact]
    public void Rows_written_by_ef_cores_own_converter_read_the_same()
    {
        var ef = new DateTimeOffsetToBinaryConverter();
        var utc = new DateTimeOffset(2026, 11, 24, 12, 0, 0, TimeSpan.Zero);
        var paris = new DateTimeOffset(2026, 11, 24, 13, 0, 0, TimeSpan.FromHours(1));

        Assert.Equal((long)ef.ConvertToProvider(utc)!, Store(utc));
        Assert.Equal(utc, Read((long)ef.ConvertToProvider(paris)!));
    }
}

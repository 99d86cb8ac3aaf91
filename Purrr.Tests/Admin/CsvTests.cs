using Purrr.Core.Common;

namespace Purrr.Tests.Admin;

public sealed class CsvTests
{
    [Theory]
    [InlineData("plain", "plain")]
    [InlineData("a,b", "\"a,b\"")]
    [InlineData("say \"hi\"", "\"say \"\"hi\"\"\"")]
    [InlineData("two\nlines", "\"two\nlines\"")]
    [InlineData("=HYPERLINK(\"x\")", "\"'=HYPERLINK(\"\"x\"\")\"")]
    [InlineData("+1", "'+1")]
    [InlineData("-5", "'-5")]
    [InlineData("@cmd", "'@cmd")]
    [InlineData("", "")]
    public void A_cell_is_quoted_when_it_must_be_and_never_runs_as_a_formula(string cell, string written) =>
        Assert.Equal(written, Csv.Row(cell));

    [Fact]
    public void Cells_are_joined_with_commas_and_missing_ones_are_empty() =>
        Assert.Equal("a,,c", Csv.Row("a", null, "c"));
}

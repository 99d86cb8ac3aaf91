using System.Text.Json;
using Purrr.Data.Blockchain;

namespace Purrr.Tests.Blockchain;

public sealed class PurrrCatsArtifactTests
{
    [Fact]
    public void The_compiled_contract_is_embedded_with_its_mint_function_and_bytecode()
    {
        var artifact = PurrrCatsArtifact.Instance;

        Assert.Equal("cancun", artifact.EvmVersion);
        Assert.StartsWith("solc-js 0.8.37", artifact.Compiler);
        Assert.Matches("^0x([0-9a-f]{2})+$", artifact.Bytecode);
        using var abi = JsonDocument.Parse(artifact.Abi);
        var functions = abi.RootElement.EnumerateArray()
            .Where(e => e.GetProperty("type").GetString() == "function")
            .Select(e => e.GetProperty("name").GetString())
            .ToHashSet();
        Assert.Superset(new HashSet<string?> { "mint", "ownerOf", "tokenURI", "safeTransferFrom", "owner" }, functions);
        var transfer = abi.RootElement.EnumerateArray().Single(e => e.GetProperty("type").GetString() == "event" && e.GetProperty("name").GetString() == "Transfer");
        Assert.Equal(3, transfer.GetProperty("inputs").GetArrayLength());
    }
}

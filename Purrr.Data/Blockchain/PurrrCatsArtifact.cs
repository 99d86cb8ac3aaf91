using System.Text.Json;

namespace Purrr.Data.Blockchain;

/// <summary>
/// The compiled PurrrCats ERC-721 (contracts/PurrrCats.sol): its ABI and creation bytecode, read from the JSON artifact
/// that <c>npm run compile-contracts</c> writes and the build embeds.
/// </summary>
public sealed record PurrrCatsArtifact(string Abi, string Bytecode, string Compiler, string EvmVersion)
{
    private const string ResourceName = "Purrr.Data.Blockchain.PurrrCats.json";

    private static readonly Lazy<PurrrCatsArtifact> Loaded = new(Load);

    public static PurrrCatsArtifact Instance => Loaded.Value;

    private static PurrrCatsArtifact Load()
    {
        using var stream = typeof(PurrrCatsArtifact).Assembly.GetManifestResourceStream(ResourceName)
            ?? throw new InvalidOperationException($"The contract artifact {ResourceName} is not embedded; run `npm run compile-contracts`.");
        using var json = JsonDocument.Parse(stream);
        var root = json.RootElement;
        return new(root.GetProperty("abi").GetRawText(), root.GetProperty("bytecode").GetString()!,
            root.GetProperty("compiler").GetString()!, root.GetProperty("evmVersion").GetString()!);
    }
}

using System.CommandLine;
using System.Text.Json;
using Purrr.Cli.Output;

namespace Purrr.Cli.Commands;

/// <summary><c>purrr nft status &lt;cat&gt;</c>: GET /api/v1/cats/{id}/nft.</summary>
public static class NftCommands
{
    public static Command Create(CliEnvironment environment)
    {
        var nft = new Command("nft", "Your cats as NFTs");
        var cat = new Argument<string>("cat") { Description = CatReference.Help };
        nft.Add(new Command("status", "Whether a cat is minted, where, and who holds it") { cat }.Runs(environment, async run =>
        {
            var id = await CatReference.ResolveAsync(run.Api, run.Value(cat), run.Cancellation);
            return run.Show(await run.Api.GetAsync($"cats/{id}/nft", run.Cancellation), (console, status) => console.NftStatus(status));
        }));
        return nft;
    }

    public static void NftStatus(this CliConsole console, JsonElement nft)
    {
        var status = nft.Text("status");
        console.Heading(status switch
        {
            "none" => "Not minted.",
            "pending" => "Minting: the transaction is waiting to be mined.",
            "mined" => "Minted: the transaction is mined, waiting for confirmations.",
            "confirmed" => "Minted and confirmed.",
            "failed" => "Minting failed.",
            _ => $"Status: {status}",
        });
        if (status == "none")
            return;
        string? Shown(string name) => nft.Text(name) is { Length: > 0 } value ? value : null;
        console.Fields(
            ("Cat", Shown("catId")),
            ("Status", status),
            ("Token", Shown("tokenId")),
            ("Contract", Shown("contractAddress")),
            ("Chain", Shown("chainId")),
            ("Owner", Shown("ownerAddress")),
            ("Held outside Purrr", nft.Get("heldOutsidePurrr") is null ? null : Formats.YesNo(nft.Flag("heldOutsidePurrr"))),
            ("Transaction", Shown("transactionHash")),
            ("Token URI", Shown("tokenUri")));
    }
}

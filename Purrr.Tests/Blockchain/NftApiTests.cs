using System.Net;
using Microsoft.Extensions.DependencyInjection;
using Purrr.Core.Blockchain;
using Purrr.Core.Persistence;
using Purrr.Tests.Api;
using Purrr.Tests.Infrastructure;

namespace Purrr.Tests.Blockchain;

/// <summary><c>GET /api/v1/cats/{id}/nft</c>: the exact shape the CLI's <c>purrr nft status</c> reads.</summary>
[Trait("Category", "Integration")]
[Collection(ApiCollection.Name)]
public sealed class NftApiTests(ApiApp app)
{
    private static readonly string[] Read = ["read"];

    [Fact]
    public async Task A_cat_never_minted_answers_none_and_a_mint_on_its_way_answers_pending_with_its_transaction()
    {
        var (player, cat) = await app.NewPlayerWithCatAsync(Names.Unique("nftapi"));
        using var api = app.Client(await app.KeyAsync(player, Read));

        var none = await (await api.GetAsync($"/api/v1/cats/{cat}/nft")).DataAsync();
        var hash = "0x" + new string('c', 64);
        await using (var db = await app.Services.GetRequiredService<IPurrrDbFactory>().CreateAsync())
        {
            var nft = CatNft.Reserve(cat, player, 1337, ScriptedNftChain.Contract, $"http://localhost/nft/cats/{cat}.json", TestWallets.BobAddress, TestClock.Noon);
            nft.Submitted(hash, TestClock.Noon);
            db.CatNfts.Add(nft);
            await db.SaveChangesAsync();
        }
        var pending = await (await api.GetAsync($"/api/v1/cats/{cat}/nft")).DataAsync();

        Assert.Equal(
            ["catId", "minted", "status", "tokenId", "contractAddress", "chainId", "ownerAddress", "heldOutsidePurrr", "transactionHash", "tokenUri"],
            pending.AsObject().Select(p => p.Key));
        Assert.Equal((cat.ToString(), false, "none"), (none["catId"]!.GetValue<string>(), none["minted"]!.GetValue<bool>(), none["status"]!.GetValue<string>()));
        Assert.Equal(("pending", false, hash, ScriptedNftChain.Contract, 1337L, TestWallets.BobAddress, false, $"http://localhost/nft/cats/{cat}.json"),
            (pending["status"]!.GetValue<string>(), pending["minted"]!.GetValue<bool>(), pending["transactionHash"]!.GetValue<string>(),
             pending["contractAddress"]!.GetValue<string>(), pending["chainId"]!.GetValue<long>(), pending["ownerAddress"]!.GetValue<string>(),
             pending["heldOutsidePurrr"]!.GetValue<bool>(), pending["tokenUri"]!.GetValue<string>()));
    }

    [Fact]
    public async Task Another_players_cat_is_a_404()
    {
        var (player, _) = await app.NewPlayerWithCatAsync(Names.Unique("nftapi"));
        var (_, theirs) = await app.NewPlayerWithCatAsync(Names.Unique("nftother"));
        using var api = app.Client(await app.KeyAsync(player, Read));

        var answer = await api.GetAsync($"/api/v1/cats/{theirs}/nft");

        Assert.Equal(HttpStatusCode.NotFound, answer.StatusCode);
    }

    [Fact]
    public async Task The_metadata_of_a_cat_never_minted_is_not_served_and_of_a_minted_cat_is_served_to_anyone()
    {
        var (player, cat) = await app.NewPlayerWithCatAsync(Names.Unique("nftmeta"));
        using var anonymous = app.Client();

        var before = await anonymous.GetAsync($"/nft/cats/{cat}.json");
        await using (var db = await app.Services.GetRequiredService<IPurrrDbFactory>().CreateAsync())
        {
            db.CatNfts.Add(CatNft.Reserve(cat, player, 1337, ScriptedNftChain.Contract, $"http://localhost/nft/cats/{cat}.json", TestWallets.BobAddress, TestClock.Noon));
            await db.SaveChangesAsync();
        }
        var after = await anonymous.GetAsync($"/nft/cats/{cat}.json");
        var metadata = System.Text.Json.Nodes.JsonNode.Parse(await after.Content.ReadAsStringAsync())!;

        Assert.Equal(HttpStatusCode.NotFound, before.StatusCode);
        Assert.Equal(HttpStatusCode.OK, after.StatusCode);
        Assert.Equal("Pixel", metadata["name"]!.GetValue<string>());
        Assert.Equal($"http://localhost/cats/{cat}", metadata["external_url"]!.GetValue<string>());
        var image = metadata["image"]!.GetValue<string>();
        Assert.StartsWith("data:image/svg+xml;base64,", image);
        var svg = System.Text.Encoding.UTF8.GetString(Convert.FromBase64String(image["data:image/svg+xml;base64,".Length..]));
        Assert.StartsWith("<svg xmlns=\"http://www.w3.org/2000/svg\"", svg);
        Assert.Contains("<title>Pixel:", svg);
        Assert.Equal(["breed", "personality", "level", "happiness", "energy", "intelligence", "rarity"],
            metadata["attributes"]!.AsArray().Select(a => a!["trait_type"]!.GetValue<string>()));
    }
}

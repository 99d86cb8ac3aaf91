using System.Net;
using Purrr.Cli;

namespace Purrr.Tests.Cli;

/// <summary><c>purrr nft status</c> against the shape of GET /api/v1/cats/{id}/nft, served by a stub.</summary>
public sealed class NftStatusCommandTests
{
    private const string CatId = "0193a1b2-c3d4-7e5f-8a9b-0c1d2e3f4a5b";

    private const string Minted = $$"""
        { "success": true, "data": { "catId": "{{CatId}}", "minted": true, "status": "confirmed", "tokenId": "42",
          "contractAddress": "0x5FbDB2315678afecb367f032d93F642f64180aa3", "chainId": 31337, "ownerAddress": "0x70997970C51812dc3A010C7d01b50e0d17dc79C8",
          "heldOutsidePurrr": true, "transactionHash": "0x9f2c4e1a", "tokenUri": "https://purrr.example/api/nft/42.json" } }
        """;

    [Fact]
    public async Task A_minted_cat_shows_its_token_contract_and_holder()
    {
        var server = new StubApi(HttpStatusCode.OK, Minted);
        using var cli = server.Runner();

        var shown = await cli.RunAsync("nft", "status", CatId);

        Assert.Equal(ExitCodes.Ok, shown.ExitCode);
        Assert.Equal((HttpMethod.Get, $"/api/v1/cats/{CatId}/nft", "pk_stub"), Assert.Single(server.Requests));
        var rows = shown.Rows();
        Assert.Equal(["Minted and confirmed."], rows[0]);
        Assert.Contains(["Token", "42"], rows);
        Assert.Contains(["Contract", "0x5FbDB2315678afecb367f032d93F642f64180aa3"], rows);
        Assert.Contains(["Chain", "31337"], rows);
        Assert.Contains(["Owner", "0x70997970C51812dc3A010C7d01b50e0d17dc79C8"], rows);
        Assert.Contains(["Held outside Purrr", "yes"], rows);
        Assert.Contains(["Token URI", "https://purrr.example/api/nft/42.json"], rows);
    }

    [Fact]
    public async Task With_json_it_prints_the_apis_data_unchanged()
    {
        using var cli = new StubApi(HttpStatusCode.OK, Minted).Runner();

        var json = (await cli.RunAsync("nft", "status", CatId, "--json")).Json();

        Assert.Equal("confirmed", json["status"]!.GetValue<string>());
        Assert.Equal(31337, json["chainId"]!.GetValue<int>());
        Assert.True(json["heldOutsidePurrr"]!.GetValue<bool>());
        Assert.Equal(10, json.AsObject().Count);
    }

    [Fact]
    public async Task A_cat_never_minted_says_so_and_nothing_more()
    {
        using var cli = new StubApi(HttpStatusCode.OK, $$"""
            { "success": true, "data": { "catId": "{{CatId}}", "minted": false, "status": "none", "tokenId": null, "contractAddress": null, "chainId": null,
              "ownerAddress": null, "heldOutsidePurrr": false, "transactionHash": null, "tokenUri": null } }
            """).Runner();

        var shown = await cli.RunAsync("nft", "status", CatId);

        Assert.Equal("Not minted.", shown.Output.TrimEnd());
    }

    [Fact]
    public async Task A_server_without_the_endpoint_answers_not_found_cleanly()
    {
        using var cli = new StubApi(HttpStatusCode.NotFound, """
            { "type": "https://tools.ietf.org/html/rfc9110#section-15.5.5", "title": "There is nothing at this address.", "status": 404, "success": false }
            """, "application/problem+json").Runner();

        var shown = await cli.RunAsync("nft", "status", CatId);

        Assert.Equal(ExitCodes.ApiError, shown.ExitCode);
        Assert.Equal("Error: There is nothing at this address.", shown.Error.TrimEnd());
        Assert.Equal("", shown.Output);
    }

    [Fact]
    public async Task A_not_found_without_a_body_still_reads_as_not_found()
    {
        using var cli = new StubApi(HttpStatusCode.NotFound, "", "text/plain").Runner();

        var shown = await cli.RunAsync("nft", "status", CatId);

        Assert.Equal(ExitCodes.ApiError, shown.ExitCode);
        Assert.Equal("Error: Not found.", shown.Error.TrimEnd());
    }

    [Fact]
    public async Task A_server_that_is_not_purrr_is_named_as_such()
    {
        using var cli = new StubApi(HttpStatusCode.OK, "<html>Welcome to nginx</html>", "text/html").Runner("https://example.org/");

        var shown = await cli.RunAsync("nft", "status", CatId);

        Assert.Equal(ExitCodes.ApiError, shown.ExitCode);
        Assert.StartsWith("Error: The server at https://example.org/ did not answer like a Purrr server.", shown.Error);
    }
}

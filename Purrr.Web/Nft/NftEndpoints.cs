using System.Text;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Web;
using Purrr.Core.Blockchain;
using Purrr.Core.Common;
using Purrr.Web.Components.Shared;

namespace Purrr.Web.Nft;

/// <summary>Cat NFTs on the web side: the token metadata every wallet and marketplace reads, and the chain's background sync.</summary>
public static class NftEndpoints
{
    public static WebApplicationBuilder AddPurrrNft(this WebApplicationBuilder builder)
    {
        builder.Services.AddHostedService<NftOwnershipWorker>();
        return builder;
    }

    /// <summary>
    /// <c>GET /nft/cats/{id}.json</c>, anonymous: the token URI of a minted cat (ERC-721 metadata JSON, its portrait inline as
    /// an SVG data URI). Cats never minted are a 404, so this shows nothing a private cat's owner did not put on chain.
    /// </summary>
    public static IEndpointRouteBuilder MapNftMetadata(this IEndpointRouteBuilder app)
    {
        app.MapGet("/nft/cats/{id:guid}.json", async (Guid id, HttpContext http, NftService nfts, IServiceProvider services,
            ILoggerFactory logs, CancellationToken ct) =>
        {
            if (await nfts.MintedCatAsync(new CatId(id), ct) is not { } cat)
                return Results.NotFound();
            var baseUrl = $"{http.Request.Scheme}://{http.Request.Host}{http.Request.PathBase}/";
            var image = "data:image/svg+xml;base64," + Convert.ToBase64String(Encoding.UTF8.GetBytes(await PortraitSvgAsync(services, logs, cat)));
            return Results.Json(NftMetadata.For(cat, $"{baseUrl}cats/{cat.Id}", image));
        }).AllowAnonymous();
        return app;
    }

    /// <summary>The cat's portrait as a standalone SVG document: the same component the pages draw.</summary>
    public static async Task<string> PortraitSvgAsync(IServiceProvider services, ILoggerFactory logs, Purrr.Core.Cats.Cat cat)
    {
        await using var renderer = new HtmlRenderer(services, logs);
        var svg = await renderer.Dispatcher.InvokeAsync(async () =>
        {
            var output = await renderer.RenderComponentAsync<CatPortrait>(ParameterView.FromDictionary(new Dictionary<string, object?>
            {
                [nameof(CatPortrait.Genome)] = cat.Genome, [nameof(CatPortrait.Name)] = cat.Name, [nameof(CatPortrait.Size)] = 400,
            }));
            return output.ToHtmlString();
        });
        return svg.Contains("xmlns=", StringComparison.Ordinal) ? svg : svg.Replace("<svg ", "<svg xmlns=\"http://www.w3.org/2000/svg\" ", StringComparison.Ordinal);
    }
}

/// <summary>Runs <see cref="NftOwnershipSync.TickAsync"/> every <c>Blockchain:SyncSeconds</c> (receipts, confirmations, holders).</summary>
public sealed class NftOwnershipWorker(NftOwnershipSync sync, Purrr.Core.ScaleOut.WorkLeases leases,
    Microsoft.Extensions.Options.IOptions<BlockchainOptions> options, ILogger<NftOwnershipWorker> logger)
    : Purrr.Web.Background.LeasedTickWorker(leases, logger)
{
    protected override TimeSpan Interval => TimeSpan.FromSeconds(Math.Max(1, options.Value.SyncSeconds));

    protected override async Task<string?> TickAsync(CancellationToken ct)
    {
        try
        {
            await sync.TickAsync(ct);
        }
        catch (ChainUnavailableException e)
        {
            logger.LogWarning("NFT sync: {Problem}", e.Message); // the chain is down: expected, not an error
        }
        return null;
    }
}

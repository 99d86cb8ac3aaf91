using Purrr.Core.Blockchain;
using Purrr.Core.Cats;
using Purrr.Core.Common;
using static Purrr.Web.Api.ApiRequests;

namespace Purrr.Web.Api;

/// <summary>/api/v1/cats/{id}/nft: where the caller's cat stands on chain (the CLI's <c>purrr nft status</c>).</summary>
public static class NftApi
{
    public static RouteGroupBuilder MapNft(this RouteGroupBuilder api)
    {
        api.MapGet("/cats/{id}/nft", async (CatId id, HttpContext http, CatService cats, NftService nfts, CancellationToken ct) =>
            await cats.GetProfileAsync(id, Me(http), ct) is { } cat && cat.IsOwnedBy(Me(http))
                ? ApiResults.Ok(CatNftStatus.Of(await nfts.GetAsync(id, ct)))
                : CatsApi.NoSuchCat())
            .WithTags("Cats")
            .Reads<CatNftStatus>("Your cat's NFT: none, pending, mined, confirmed or failed, with its token, contract and holder");
        return api;
    }
}

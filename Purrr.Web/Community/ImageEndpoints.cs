using Microsoft.Net.Http.Headers;
using Purrr.Core.Community;

namespace Purrr.Web.Community;

public static class ImageEndpoints
{
    /// <summary>
    /// GET /images/{id}: an uploaded image. An id names one re-encoded file forever, so browsers may keep it a year;
    /// nosniff makes sure it is only ever treated as the image type we wrote.
    /// </summary>
    public static IEndpointRouteBuilder MapImageEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapGet("/images/{id:guid}", async (Guid id, ImageService images, HttpContext http, CancellationToken ct) =>
        {
            if (await images.OpenAsync(id, ct) is not { } image)
                return Results.NotFound();
            http.Response.Headers.CacheControl = "public, max-age=31536000, immutable";
            http.Response.Headers[HeaderNames.XContentTypeOptions] = "nosniff";
            return Results.Stream(image.Content, image.ContentType, entityTag: new EntityTagHeaderValue($"\"{id:N}\""));
        });
        return app;
    }
}

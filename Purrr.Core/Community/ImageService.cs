using Microsoft.EntityFrameworkCore;
using Purrr.Core.Common;
using Purrr.Core.Moderation;
using Purrr.Core.Persistence;

namespace Purrr.Core.Community;

/// <summary>An image as the store wrote it: what it became after re-encoding.</summary>
public sealed record ProcessedImage(string ContentType, int Width, int Height, long Bytes);

/// <summary>An image file to send to a browser.</summary>
public sealed record ImageFile(Stream Content, string ContentType);

/// <summary>
/// Where uploaded images are decoded, checked and kept (implemented in Purrr.Data over the data folder). The store
/// decides what an upload is from its content, never its name or declared type.
/// </summary>
public interface IImageStore
{
    /// <summary>
    /// Decodes <paramref name="upload"/> (at most <see cref="StoredImage.MaxUploadBytes"/> bytes, already read into
    /// memory), resizes it to fit <see cref="StoredImage.MaxWidth"/> × <see cref="StoredImage.MaxHeight"/>, re-encodes it
    /// and writes it as <paramref name="id"/>; a problem a player can read when it is not an image.
    /// </summary>
    Task<Result<ProcessedImage>> SaveAsync(Guid id, ReadOnlyMemory<byte> upload, CancellationToken ct = default);

    /// <summary>The stored file, or null when there is none.</summary>
    ImageFile? Open(Guid id, string contentType);

    void Delete(Guid id);
}

/// <summary>Uploads for posts (inline images and covers): size and content checked, re-encoded, then recorded.</summary>
public sealed class ImageService(IPurrrDbFactory dbFactory, IImageStore store, TimeProvider clock)
{
    /// <summary>
    /// Reads at most <see cref="StoredImage.MaxUploadBytes"/> from <paramref name="upload"/>; anything bigger is refused
    /// before it is decoded, so a 50 MB file costs no more than 5 MB of reading. Nothing is stored on refusal.
    /// </summary>
    public async Task<Result<StoredImage>> UploadAsync(UserId owner, Stream upload, long? declaredBytes = null, CancellationToken ct = default)
    {
        if (declaredBytes > StoredImage.MaxUploadBytes)
            return TooBig(declaredBytes.Value);
        await using (var db = await dbFactory.CreateAsync(ct))
        {
            if (await Sanctions.WhyRestrictedAsync(db, owner, clock.GetUtcNow(), ct) is { } restricted)
                return Result<StoredImage>.Failure(restricted.Message);
        }

        var buffer = new MemoryStream();
        var chunk = new byte[81_920];
        int read;
        while ((read = await upload.ReadAsync(chunk, ct)) > 0)
        {
            buffer.Write(chunk, 0, read);
            if (buffer.Length > StoredImage.MaxUploadBytes)
                return TooBig(declaredBytes);
        }
        if (buffer.Length == 0)
            return Result<StoredImage>.Failure("That file is empty. Choose a JPEG, PNG, GIF or WebP image.", "image");

        var id = Guid.CreateVersion7();
        var saved = await store.SaveAsync(id, buffer.GetBuffer().AsMemory(0, (int)buffer.Length), ct);
        if (!saved.Succeeded)
            return Result<StoredImage>.Failure(saved.Problems);
        var image = StoredImage.Create(id, owner, saved.Value.ContentType, saved.Value.Width, saved.Value.Height, saved.Value.Bytes, clock.GetUtcNow());
        try
        {
            await using var db = await dbFactory.CreateAsync(ct);
            db.StoredImages.Add(image);
            await db.SaveChangesAsync(ct);
        }
        catch
        {
            store.Delete(id); // no row, no file
            throw;
        }
        return image;
    }

    /// <summary>The image's file to serve, or null when there is no such image.</summary>
    public async Task<ImageFile?> OpenAsync(Guid id, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateAsync(ct);
        var type = await db.StoredImages.AsNoTracking().Where(i => i.Id == id).Select(i => i.ContentType).FirstOrDefaultAsync(ct);
        return type is null ? null : store.Open(id, type);
    }

    private static Result<StoredImage> TooBig(long? bytes) => Result<StoredImage>.Failure(
        $"Images can be at most {StoredImage.MaxUploadBytes / (1024 * 1024)} MB " +
        (bytes is { } size ? $"(that one is {size / (1024.0 * 1024.0):0.#} MB)." : "and that one is bigger."), "image");
}

using Purrr.Core.Common;
using Purrr.Core.Community;
using SkiaSharp;

namespace Purrr.Data.Community;

/// <summary>
/// Uploaded images on disk under the data folder, decoded and re-encoded with SkiaSharp: the format comes from the
/// bytes (a renamed file or a forged type is caught), the photo is turned upright (EXIF orientation), shrunk to fit
/// 1920 × 1080 and written again as JPEG (or PNG when it has transparency), which also drops any metadata.
/// </summary>
public sealed class SkiaImageStore(PurrrStorage storage) : IImageStore
{
    /// <summary>Refused above this before decoding: a small file can still unpack into a huge bitmap.</summary>
    public const long MaxPixels = 40_000_000;

    public const int JpegQuality = 85;

    private static readonly SKEncodedImageFormat[] Accepted =
        [SKEncodedImageFormat.Jpeg, SKEncodedImageFormat.Png, SKEncodedImageFormat.Gif, SKEncodedImageFormat.Webp];

    private const string NotAnImage = "That file isn't an image we can use. Choose a JPEG, PNG, GIF or WebP picture.";

    public Task<Result<ProcessedImage>> SaveAsync(Guid id, ReadOnlyMemory<byte> upload, CancellationToken ct = default) =>
        Task.Run(() => Save(id, upload), ct);

    public ImageFile? Open(Guid id, string contentType)
    {
        var path = PathOf(id);
        return File.Exists(path) ? new ImageFile(File.OpenRead(path), contentType) : null;
    }

    public void Delete(Guid id) => File.Delete(PathOf(id));

    private Result<ProcessedImage> Save(Guid id, ReadOnlyMemory<byte> upload)
    {
        using var data = SKData.CreateCopy(upload.Span);
        using var codec = SKCodec.Create(data);
        if (codec is null || !Accepted.Contains(codec.EncodedFormat))
            return Result<ProcessedImage>.Failure(NotAnImage, "image");
        if ((long)codec.Info.Width * codec.Info.Height > MaxPixels)
            return Result<ProcessedImage>.Failure(
                $"That picture is {codec.Info.Width:N0} × {codec.Info.Height:N0} pixels, too big to process. Use one of at most {MaxPixels / 1_000_000} megapixels.", "image");

        var opaque = codec.Info.AlphaType == SKAlphaType.Opaque || codec.EncodedFormat == SKEncodedImageFormat.Jpeg;
        using var decoded = SKBitmap.Decode(codec, codec.Info.WithColorType(SKColorType.Rgba8888).WithAlphaType(opaque ? SKAlphaType.Opaque : SKAlphaType.Premul));
        if (decoded is null)
            return Result<ProcessedImage>.Failure(NotAnImage, "image");

        using var upright = Upright(decoded, codec.EncodedOrigin);
        var (width, height) = FitWithin(upright.Width, upright.Height, StoredImage.MaxWidth, StoredImage.MaxHeight);
        using var resized = width == upright.Width && height == upright.Height
            ? upright.Copy()
            : upright.Resize(new SKImageInfo(width, height, upright.ColorType, upright.AlphaType), new SKSamplingOptions(SKFilterMode.Linear, SKMipmapMode.Linear));
        if (resized is null)
            return Result<ProcessedImage>.Failure(NotAnImage, "image");

        var (format, contentType) = opaque ? (SKEncodedImageFormat.Jpeg, "image/jpeg") : (SKEncodedImageFormat.Png, "image/png");
        using var encoded = resized.Encode(format, JpegQuality);
        var path = PathOf(id);
        var temporary = path + ".part";
        using (var file = File.Create(temporary))
            encoded.SaveTo(file);
        File.Move(temporary, path, overwrite: true); // readers never see half a file
        return new ProcessedImage(contentType, width, height, encoded.Size);
    }

    /// <summary>The largest size with the same proportions that fits in the box (never enlarged).</summary>
    public static (int Width, int Height) FitWithin(int width, int height, int maxWidth, int maxHeight)
    {
        var scale = Math.Min(1.0, Math.Min((double)maxWidth / width, (double)maxHeight / height));
        return scale >= 1 ? (width, height) : (Math.Max(1, (int)Math.Round(width * scale)), Math.Max(1, (int)Math.Round(height * scale)));
    }

    // Cameras store pixels as the sensor saw them and say in EXIF how to turn them; browsers vary, so turn them here.
    private static SKBitmap Upright(SKBitmap source, SKEncodedOrigin origin)
    {
        if (origin == SKEncodedOrigin.TopLeft)
            return source.Copy();
        var (w, h) = ((float)source.Width, (float)source.Height);
        var swap = origin >= SKEncodedOrigin.LeftTop;
        // (x, y) in the stored picture → where it belongs upright.
        var matrix = origin switch
        {
            SKEncodedOrigin.TopRight => new SKMatrix(-1, 0, w, 0, 1, 0, 0, 0, 1),
            SKEncodedOrigin.BottomRight => new SKMatrix(-1, 0, w, 0, -1, h, 0, 0, 1),
            SKEncodedOrigin.BottomLeft => new SKMatrix(1, 0, 0, 0, -1, h, 0, 0, 1),
            SKEncodedOrigin.LeftTop => new SKMatrix(0, 1, 0, 1, 0, 0, 0, 0, 1),
            SKEncodedOrigin.RightTop => new SKMatrix(0, -1, h, 1, 0, 0, 0, 0, 1),
            SKEncodedOrigin.RightBottom => new SKMatrix(0, -1, h, -1, 0, w, 0, 0, 1),
            SKEncodedOrigin.LeftBottom => new SKMatrix(0, 1, 0, -1, 0, w, 0, 0, 1),
            _ => SKMatrix.Identity,
        };
        var upright = new SKBitmap(swap ? source.Height : source.Width, swap ? source.Width : source.Height, source.ColorType, source.AlphaType);
        using var canvas = new SKCanvas(upright);
        canvas.SetMatrix(matrix);
        canvas.DrawBitmap(source, 0, 0);
        return upright;
    }

    private string PathOf(Guid id) => Path.Combine(storage.ImagesFolder, id.ToString("N"));
}

using Microsoft.EntityFrameworkCore;
using Purrr.Core.Common;
using Purrr.Core.Community;
using Purrr.Core.Moderation;
using Purrr.Data;
using Purrr.Data.Community;
using Purrr.Tests.Infrastructure;
using SkiaSharp;

namespace Purrr.Tests.Community;

/// <summary>Uploads are judged by their bytes, kept small, and stored under the data folder.</summary>
public sealed class ImageUploadTests : ServiceTestBase, IDisposable
{
    private readonly TempFolder dataFolder = new("purrr-images-");

    private string ImagesFolder => Path.Combine(dataFolder.Path, "images");

    private ImageService Images => new(Database.Factory, new SkiaImageStore(new PurrrStorage(dataFolder.Path)), Clock);

    public void Dispose() => dataFolder.Dispose();

    private static byte[] Picture(int width, int height, SKEncodedImageFormat format = SKEncodedImageFormat.Png, bool transparent = false)
    {
        using var bitmap = new SKBitmap(width, height, SKColorType.Rgba8888, transparent ? SKAlphaType.Premul : SKAlphaType.Opaque);
        using (var canvas = new SKCanvas(bitmap))
        {
            canvas.Clear(transparent ? SKColors.Transparent : SKColors.Orange);
            using var paint = new SKPaint { Color = SKColors.Black };
            canvas.DrawCircle(width / 2f, height / 2f, Math.Min(width, height) / 4f, paint);
        }
        using var data = bitmap.Encode(format, 90);
        return data.ToArray();
    }

    private int StoredFiles => Directory.Exists(ImagesFolder) ? Directory.GetFiles(ImagesFolder).Length : 0;

    private async Task<int> StoredRowsAsync()
    {
        await using var db = Database.NewContext();
        return await db.StoredImages.CountAsync();
    }

    [Fact]
    public async Task A_photo_is_re_encoded_and_recorded()
    {
        var luna = await Database.AddPlayerAsync("luna");

        var uploaded = await Images.UploadAsync(luna, new MemoryStream(Picture(640, 480, SKEncodedImageFormat.Jpeg)));

        Assert.True(uploaded.Succeeded, uploaded.FirstMessage);
        var image = uploaded.Value;
        Assert.Equal(("image/jpeg", 640, 480), (image.ContentType, image.Width, image.Height));
        Assert.Equal(1, await StoredRowsAsync());
        var file = await Images.OpenAsync(image.Id);
        await using var content = file!.Content;
        using var decoded = SKBitmap.Decode(content);
        Assert.Equal((640, 480), (decoded.Width, decoded.Height));
    }

    [Fact]
    public async Task A_big_image_is_shrunk_to_fit_1920_by_1080()
    {
        var luna = await Database.AddPlayerAsync("luna");

        var uploaded = await Images.UploadAsync(luna, new MemoryStream(Picture(4000, 3000)));

        Assert.True(uploaded.Succeeded, uploaded.FirstMessage);
        Assert.Equal((1440, 1080), (uploaded.Value.Width, uploaded.Value.Height));
        await using var content = (await Images.OpenAsync(uploaded.Value.Id))!.Content;
        using var decoded = SKBitmap.Decode(content);
        Assert.Equal((1440, 1080), (decoded.Width, decoded.Height));
    }

    [Fact]
    public async Task A_wide_panorama_fits_by_its_width()
    {
        var luna = await Database.AddPlayerAsync("luna");

        var uploaded = await Images.UploadAsync(luna, new MemoryStream(Picture(3840, 1000)));

        Assert.Equal((1920, 500), (uploaded.Value.Width, uploaded.Value.Height));
    }

    [Fact]
    public async Task Transparency_is_kept_as_png()
    {
        var luna = await Database.AddPlayerAsync("luna");

        var uploaded = await Images.UploadAsync(luna, new MemoryStream(Picture(200, 100, transparent: true)));

        Assert.Equal("image/png", uploaded.Value.ContentType);
    }

    [Fact]
    public async Task A_file_that_is_not_an_image_is_refused_whatever_it_is_called_and_nothing_is_stored()
    {
        var luna = await Database.AddPlayerAsync("luna");
        var script = "<script>alert('cat.png')</script>"u8.ToArray();

        var uploaded = await Images.UploadAsync(luna, new MemoryStream(script), script.Length);

        Assert.False(uploaded.Succeeded);
        Assert.Equal("That file isn't an image we can use. Choose a JPEG, PNG, GIF or WebP picture.", uploaded.FirstMessage);
        Assert.Equal(0, await StoredRowsAsync());
        Assert.Equal(0, StoredFiles);
    }

    [Fact]
    public async Task A_truncated_image_is_refused()
    {
        var luna = await Database.AddPlayerAsync("luna");
        var half = Picture(400, 300, SKEncodedImageFormat.Png)[..40];

        var uploaded = await Images.UploadAsync(luna, new MemoryStream(half));

        Assert.False(uploaded.Succeeded);
        Assert.Equal(0, StoredFiles);
    }

    [Fact]
    public async Task A_50_MB_upload_is_refused_after_reading_no_more_than_the_limit()
    {
        var luna = await Database.AddPlayerAsync("luna");
        var upload = new CountingStream(50L * 1024 * 1024);

        var uploaded = await Images.UploadAsync(luna, upload);

        Assert.Equal("Images can be at most 5 MB and that one is bigger.", uploaded.FirstMessage);
        Assert.True(upload.BytesRead <= StoredImage.MaxUploadBytes + 81_920, $"read {upload.BytesRead:N0} bytes");
        Assert.Equal(0, await StoredRowsAsync());
        Assert.Equal(0, StoredFiles);
    }

    [Fact]
    public async Task A_declared_50_MB_upload_is_refused_before_reading_anything()
    {
        var luna = await Database.AddPlayerAsync("luna");
        var upload = new CountingStream(50L * 1024 * 1024);

        var uploaded = await Images.UploadAsync(luna, upload, declaredBytes: upload.Length);

        Assert.Equal("Images can be at most 5 MB (that one is 50 MB).", uploaded.FirstMessage);
        Assert.Equal(0, upload.BytesRead);
    }

    [Fact]
    public async Task A_suspended_player_cannot_upload()
    {
        var luna = await Database.AddPlayerAsync("luna");
        var moderator = await Database.AddPlayerAsync("moder");
        await using (var db = Database.NewContext())
        {
            db.UserSanctions.Add(UserSanction.Create(luna, SanctionKind.Ban, "spam", moderator, Clock.GetUtcNow(), null));
            await db.SaveChangesAsync();
        }

        var uploaded = await Images.UploadAsync(luna, new MemoryStream(Picture(10, 10)));

        Assert.Equal("Your account is banned: spam", uploaded.FirstMessage);
        Assert.Equal(0, StoredFiles);
    }

    [Theory]
    [InlineData(1920, 1080, 1920, 1080)]
    [InlineData(1000, 800, 1000, 800)]
    [InlineData(1080, 1920, 608, 1080)]
    [InlineData(5000, 10, 1920, 4)]
    public void Fitting_keeps_proportions_and_never_enlarges(int width, int height, int fitWidth, int fitHeight) =>
        Assert.Equal((fitWidth, fitHeight), SkiaImageStore.FitWithin(width, height, 1920, 1080));

    /// <summary>An endless upload of zeros that counts how much was read from it.</summary>
    private sealed class CountingStream(long length) : Stream
    {
        public long BytesRead { get; private set; }

        public override int Read(byte[] buffer, int offset, int count)
        {
            var n = (int)Math.Min(count, length - BytesRead);
            Array.Clear(buffer, offset, n);
            BytesRead += n;
            return n;
        }

        public override bool CanRead => true;
        public override bool CanSeek => false;
        public override bool CanWrite => false;
        public override long Length => length;
        public override long Position { get => BytesRead; set => throw new NotSupportedException(); }
        public override void Flush() { }
        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
        public override void SetLength(long value) => throw new NotSupportedException();
        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    }
}

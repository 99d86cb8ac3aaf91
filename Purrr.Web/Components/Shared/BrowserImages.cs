using Microsoft.AspNetCore.Components.Forms;
using Purrr.Core.Common;
using Purrr.Core.Community;

namespace Purrr.Web.Components.Shared;

/// <summary>The one way a file picked in the browser becomes a stored image (checked, re-encoded, resized).</summary>
public static class BrowserImages
{
    /// <summary>What the file inputs accept (the server still checks the content).</summary>
    public const string Accepted = "image/jpeg,image/png,image/gif,image/webp";

    public static async Task<Result<StoredImage>> UploadAsync(ImageService images, UserId owner, IBrowserFile file, ILogger logger)
    {
        try
        {
            if (file.Size > StoredImage.MaxUploadBytes)
                return await images.UploadAsync(owner, Stream.Null, file.Size); // refused by size before a byte is read
            await using var stream = file.OpenReadStream(StoredImage.MaxUploadBytes);
            return await images.UploadAsync(owner, stream, file.Size);
        }
        catch (IOException e)
        {
            logger.LogInformation(e, "An image upload broke off.");
            return Result<StoredImage>.Failure("The upload broke off. Try again.");
        }
    }
}

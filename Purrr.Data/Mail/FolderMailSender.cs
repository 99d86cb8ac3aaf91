using System.Text.RegularExpressions;
using Microsoft.Extensions.Logging;
using Purrr.Core.Mail;

namespace Purrr.Data.Mail;

/// <summary>Delivers mail to <c>{data}/mail</c> as HTML files and to the log, so a local player can click the links.</summary>
public sealed partial class FolderMailSender(PurrrStorage storage, TimeProvider clock, ILogger<FolderMailSender> logger) : IMailSender
{
    public async Task SendAsync(MailMessage message, CancellationToken ct = default)
    {
        var stamp = clock.GetUtcNow().ToString("yyyyMMdd-HHmmss-fff");
        var path = Path.Combine(storage.MailFolder, $"{stamp}-{UnsafeFileCharacters().Replace(message.To, "_")}.html");
        var document = $"""
            <!DOCTYPE html>
            <html><head><meta charset="utf-8"><title>{System.Net.WebUtility.HtmlEncode(message.Subject)}</title></head>
            <body><p>To: {System.Net.WebUtility.HtmlEncode(message.To)}</p>
            {message.HtmlBody}
            </body></html>
            """;
        await File.WriteAllTextAsync(path, document, ct);
        logger.LogInformation("Mail to {To}: {Subject}. Saved to {Path}. {Body}", message.To, message.Subject, path, message.HtmlBody);
    }

    [GeneratedRegex("[^A-Za-z0-9@._-]")]
    private static partial Regex UnsafeFileCharacters();
}

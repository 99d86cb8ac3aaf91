namespace Purrr.Core.Mail;

public sealed record MailMessage(string To, string Subject, string HtmlBody);

/// <summary>Sends mail. The default implementation drops messages in a folder and the log, so a local player can follow links.</summary>
public interface IMailSender
{
    Task SendAsync(MailMessage message, CancellationToken ct = default);
}

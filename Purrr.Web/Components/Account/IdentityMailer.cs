using System.Net;
using Microsoft.AspNetCore.Identity;
using Purrr.Core.Mail;
using Purrr.Data;

namespace Purrr.Web.Components.Account;

/// <summary>Writes Identity's mails (confirmation, password reset) and hands them to the mail sender.</summary>
internal sealed class IdentityMailer(IMailSender mail) : IEmailSender<PurrrUser>
{
    // Identity passes links already HTML-encoded.
    public Task SendConfirmationLinkAsync(PurrrUser user, string email, string confirmationLink) =>
        mail.SendAsync(new MailMessage(email, "Confirm your Purrr account",
            $"<p>Hi {Html(user.UserName)}, welcome to Purrr!</p><p><a href=\"{confirmationLink}\">Confirm your account</a></p>"));

    public Task SendPasswordResetLinkAsync(PurrrUser user, string email, string resetLink) =>
        mail.SendAsync(new MailMessage(email, "Reset your Purrr password",
            $"<p>Hi {Html(user.UserName)},</p><p><a href=\"{resetLink}\">Choose a new password</a>. If you did not ask for this, ignore this mail.</p>"));

    public Task SendPasswordResetCodeAsync(PurrrUser user, string email, string resetCode) =>
        mail.SendAsync(new MailMessage(email, "Your Purrr password reset code",
            $"<p>Hi {Html(user.UserName)}, your reset code is <strong>{Html(resetCode)}</strong>.</p>"));

    private static string Html(string? text) => WebUtility.HtmlEncode(text ?? "");
}

using System.Text;
using Purrr.Core.Crypto;
using Purrr.Data.Payments;
using Purrr.Web.Background;

namespace Purrr.Web.Crypto;

/// <summary>
/// Where payment providers (and the sandbox) call back: <c>POST /payments/webhook</c>, no cookie or key, trusted only
/// through the body's HMAC signature. 200 for an applied, repeated or ignored event; 400 for a bad signature or body.
/// </summary>
public static class PaymentWebhookEndpoint
{
    public static WebApplicationBuilder AddPurrrCrypto(this WebApplicationBuilder builder)
    {
        builder.Services.AddHostedService<CryptoChargeWorker>();
        return builder;
    }

    public static IEndpointRouteBuilder MapPaymentWebhook(this IEndpointRouteBuilder app)
    {
        app.MapPost("/" + SandboxCallbacks.WebhookPath, async (HttpRequest request, CryptoService crypto, ILoggerFactory logs, CancellationToken ct) =>
        {
            if (request.ContentLength is > PaymentWebhooks.MaxBodyBytes)
                return Results.Problem("The body is too large.", statusCode: StatusCodes.Status413PayloadTooLarge);
            // The signature covers the exact bytes sent: read them raw, never through a model binder.
            using var reader = new StreamReader(request.Body, Encoding.UTF8);
            var body = await reader.ReadToEndAsync(ct);
            if (body.Length > PaymentWebhooks.MaxBodyBytes)
                return Results.Problem("The body is too large.", statusCode: StatusCodes.Status413PayloadTooLarge);
            var handled = await crypto.HandleWebhookAsync(body, request.Headers[PaymentWebhooks.SignatureHeader].FirstOrDefault(), ct);
            if (!handled.Succeeded)
            {
                logs.CreateLogger(typeof(PaymentWebhookEndpoint)).LogWarning("Payment webhook refused: {Reason}", handled.FirstMessage);
                return Results.Problem(handled.FirstMessage, statusCode: StatusCodes.Status400BadRequest);
            }
            return Results.Ok(new { outcome = handled.Value.ToString() });
        }).DisableAntiforgery().AllowAnonymous().ExcludeFromDescription();
        return app;
    }
}

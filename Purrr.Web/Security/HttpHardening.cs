using System.Security.Cryptography;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Http.Features;
using Purrr.Core.Security;
using Purrr.Web.Components.Account;

namespace Purrr.Web.Security;

/// <summary>
/// The app's HTTP rules (spec §2): security headers with a Content-Security-Policy the app really passes, HSTS outside
/// Development (the redirect and header themselves are switched on in Program.cs), CORS on <c>/api</c> for the origins
/// in <c>Api:CorsOrigins</c> only, and request body limits (<c>Http:MaxRequestBodyBytes</c>, <c>Http:MaxApiRequestBodyBytes</c>).
/// Antiforgery is ASP.NET Core's own: every static form carries a token and <c>UseAntiforgery</c> checks it.
/// </summary>
public static class HttpHardening
{
    public const string CorsPolicy = "Api";
    public const long DefaultMaxRequestBodyBytes = 4 * 1024 * 1024;
    public const long DefaultMaxApiRequestBodyBytes = 1024 * 1024;

    public static WebApplicationBuilder AddPurrrHttpHardening(this WebApplicationBuilder builder)
    {
        var configuration = builder.Configuration;
        var maxBody = configuration.GetValue("Http:MaxRequestBodyBytes", DefaultMaxRequestBodyBytes);
        builder.WebHost.ConfigureKestrel(kestrel =>
        {
            kestrel.Limits.MaxRequestBodySize = maxBody;
            kestrel.Limits.MaxRequestHeadersTotalSize = 32 * 1024;
        });
        builder.Services.Configure<FormOptions>(o => o.MultipartBodyLengthLimit = maxBody);
        builder.Services.AddHsts(o =>
        {
            o.MaxAge = TimeSpan.FromDays(365);
            o.IncludeSubDomains = true;
        });
        var origins = configuration.GetSection("Api:CorsOrigins").Get<string[]>() ?? [];
        builder.Services.AddCors(o => o.AddPolicy(CorsPolicy, policy =>
        {
            // No origin configured: no cross-origin caller is allowed (the policy matches none).
            policy.WithOrigins([.. origins.Where(x => !string.IsNullOrWhiteSpace(x)).Select(x => x.Trim().TrimEnd('/'))])
                .WithMethods("GET", "POST", "PUT", "PATCH", "DELETE")
                .WithHeaders("Content-Type", "Authorization", "X-API-Key", "Idempotency-Key")
                .WithExposedHeaders("X-RateLimit-Limit", "X-RateLimit-Remaining", "X-RateLimit-Reset", "Retry-After")
                .SetPreflightMaxAge(TimeSpan.FromHours(1));
        }));
        builder.Services.AddSingleton(new ContentSecurityPolicy(configuration["NightWatch:TileUrl"]));
        return builder;
    }

    /// <summary>Headers on every response, body limits, and CORS for <c>/api</c>. Call before static files and endpoints.</summary>
    public static WebApplication UsePurrrHttpHardening(this WebApplication app)
    {
        var csp = app.Services.GetRequiredService<ContentSecurityPolicy>();
        var maxBody = app.Configuration.GetValue("Http:MaxRequestBodyBytes", DefaultMaxRequestBodyBytes);
        var maxApiBody = app.Configuration.GetValue("Http:MaxApiRequestBodyBytes", DefaultMaxApiRequestBodyBytes);
        app.Use(async (context, next) =>
        {
            var nonce = Convert.ToBase64String(RandomNumberGenerator.GetBytes(16));
            context.Items[ContentSecurityPolicy.NonceKey] = nonce;
            var headers = context.Response.Headers;
            headers.ContentSecurityPolicy = csp.For(context.Request, nonce);
            headers.XContentTypeOptions = "nosniff";
            headers.XFrameOptions = "DENY";
            headers["Referrer-Policy"] = "strict-origin-when-cross-origin";
            headers["Permissions-Policy"] = "camera=(), microphone=(), payment=(), usb=(), geolocation=(self)";
            headers["Cross-Origin-Opener-Policy"] = "same-origin";

            var limit = IsApi(context.Request) ? maxApiBody : maxBody;
            if (context.Request.ContentLength > limit)
            {
                await TooLarge(limit).ExecuteAsync(context);
                return;
            }
            if (context.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } size)
                size.MaxRequestBodySize = limit; // chunked bodies are cut off at the same size by the server
            try
            {
                await next(context);
            }
            finally
            {
                // UseAntiforgery (further down) refused the form's token: the spec's CSRF_FAILED, high. (Minimal API
                // endpoints throw for it in Development, hence finally.)
                if (context.Features.Get<IAntiforgeryValidationFeature>() is { IsValid: false })
                    await context.RequestServices.GetRequiredService<SecurityLog>().RecordAsync(SecurityEventType.CsrfFailed,
                        context.User.GetUserId(), context.Connection.RemoteIpAddress?.ToString(), $"{context.Request.Method} {context.Request.Path}: no valid antiforgery token");
            }
        });
        app.UseWhen(IsApiContext, api => api.UseCors(CorsPolicy));
        return app;
    }

    private static bool IsApiContext(HttpContext context) => IsApi(context.Request);

    private static bool IsApi(HttpRequest request) => request.Path.StartsWithSegments("/api", StringComparison.OrdinalIgnoreCase);

    private static IResult TooLarge(long limit) => Results.Problem(
        statusCode: StatusCodes.Status413PayloadTooLarge,
        title: "The request body is too large.",
        detail: $"Send at most {limit / 1024:N0} KB.",
        extensions: new Dictionary<string, object?> { ["success"] = false });
}

/// <summary>
/// The Content-Security-Policy: scripts only from this origin (and the one inline import map, by a per-request nonce),
/// connections only to this origin (Blazor's websocket included), no framing, no plugins. Styles allow inline
/// because Blazor and MudBlazor set style attributes; images allow https: because posts may show linked pictures.
/// </summary>
public sealed class ContentSecurityPolicy(string? tileUrl)
{
    public const string NonceKey = "purrr-csp-nonce";
    public const string ScalarPath = "/scalar";

    private readonly string tiles = TileOrigin(tileUrl) is { } origin ? " " + origin : "";

    /// <summary>The nonce of this request's policy, for the few inline scripts the framework writes (the import map).</summary>
    public static string? NonceOf(HttpContext? context) => context?.Items[NonceKey] as string;

    public string For(HttpRequest request, string nonce)
    {
        var socket = (request.IsHttps ? "wss://" : "ws://") + request.Host.Value;
        return string.Join("; ",
            "default-src 'self'",
            // The API reference (Scalar, Development only) writes inline scripts of its own; nothing else may.
            request.Path.StartsWithSegments(ScalarPath) ? "script-src 'self' 'unsafe-inline'" : $"script-src 'self' 'nonce-{nonce}'",
            "style-src 'self' 'unsafe-inline'",
            $"img-src 'self' data: blob: https:{tiles}",
            "font-src 'self' data:",
            $"connect-src 'self' {socket}",
            "worker-src 'self' blob:",
            "media-src 'self' blob:",
            "manifest-src 'self'",
            "object-src 'none'",
            "base-uri 'self'",
            "form-action 'self'",
            "frame-ancestors 'none'");
    }

    /// <summary>The map tiles' origin (e.g. <c>https://*.tile.openstreetmap.org</c>), when tiles are configured.</summary>
    public static string? TileOrigin(string? tileUrl)
    {
        if (string.IsNullOrWhiteSpace(tileUrl))
            return null;
        var url = tileUrl.Replace("{s}.", "wildcard.", StringComparison.Ordinal);
        if (!Uri.TryCreate(url, UriKind.Absolute, out var uri) || (uri.Scheme != Uri.UriSchemeHttps && uri.Scheme != Uri.UriSchemeHttp))
            return null;
        var host = uri.Host.StartsWith("wildcard.", StringComparison.Ordinal) ? "*" + uri.Host["wildcard".Length..] : uri.Host;
        return $"{uri.Scheme}://{host}{(uri.IsDefaultPort ? "" : ":" + uri.Port)}";
    }
}

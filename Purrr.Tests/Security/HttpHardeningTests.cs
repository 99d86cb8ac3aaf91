using System.Net;
using System.Text.Json;
using AngleSharp.Html.Parser;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Purrr.Core.Security;
using Purrr.Data;
using Purrr.Tests.Infrastructure;
using Purrr.Web.Security;

namespace Purrr.Tests.Security;

[Trait("Category", "Integration")]
public sealed class HttpHardeningTests
{
    private static WebApplicationFactory<Program> WithSettings(PurrrAppFactory app, params (string Key, string Value)[] settings) =>
        app.WithWebHostBuilder(b =>
        {
            foreach (var (key, value) in settings)
                b.UseSetting(key, value);
        });

    [Theory]
    [InlineData("/Account/Login")]
    [InlineData("/app.css")]
    [InlineData("/no-such-page")]
    public async Task Every_response_carries_the_security_headers(string path)
    {
        await using var app = new PurrrAppFactory { RunWebhookWorker = false };
        using var client = app.CreateClient();

        using var response = await client.GetAsync(path);

        var policy = response.Headers.GetValues("Content-Security-Policy").Single();
        Assert.Contains("default-src 'self'", policy);
        Assert.Contains("frame-ancestors 'none'", policy);
        Assert.Contains("object-src 'none'", policy);
        Assert.Equal("nosniff", response.Headers.GetValues("X-Content-Type-Options").Single());
        Assert.Equal("DENY", response.Headers.GetValues("X-Frame-Options").Single());
        Assert.Equal("strict-origin-when-cross-origin", response.Headers.GetValues("Referrer-Policy").Single());
        Assert.False(response.Headers.Contains("Strict-Transport-Security")); // Development
    }

    [Fact]
    public async Task The_import_map_carries_the_nonce_of_its_own_policy_and_each_response_gets_a_new_one()
    {
        await using var app = new PurrrAppFactory { RunWebhookWorker = false };
        using var client = app.CreateClient();

        async Task<(string Policy, string? Nonce)> LoadAsync()
        {
            using var response = await client.GetAsync("/Account/Login");
            var html = new HtmlParser().ParseDocument(await response.Content.ReadAsStringAsync());
            return (response.Headers.GetValues("Content-Security-Policy").Single(), html.QuerySelector("script[type=importmap]")?.GetAttribute("nonce"));
        }

        var first = await LoadAsync();
        var second = await LoadAsync();

        Assert.NotNull(first.Nonce);
        Assert.Contains($"'nonce-{first.Nonce}'", first.Policy);
        Assert.NotEqual(first.Nonce, second.Nonce);
    }

    [Fact]
    public async Task Outside_development_http_is_redirected_to_https_and_https_answers_carry_hsts()
    {
        await using var app = new PurrrAppFactory { RunWebhookWorker = false };
        await using var production = WithSettings(app, ("https_port", "443"));
        var productionApp = production.WithWebHostBuilder(b => b.UseEnvironment("Production"));

        using var plain = productionApp.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, BaseAddress = new Uri("http://purrr.example") });
        using var redirected = await plain.GetAsync("/Account/Login");
        using var secure = productionApp.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, BaseAddress = new Uri("https://purrr.example") });
        using var answered = await secure.GetAsync("/Account/Login");

        Assert.Equal(HttpStatusCode.TemporaryRedirect, redirected.StatusCode);
        Assert.Equal("https://purrr.example/Account/Login", redirected.Headers.Location?.ToString());
        Assert.Equal("max-age=31536000; includeSubDomains", answered.Headers.GetValues("Strict-Transport-Security").Single());
    }

    [Fact]
    public async Task Cors_answers_only_configured_origins_and_only_on_the_api()
    {
        await using var app = new PurrrAppFactory { RunWebhookWorker = false };
        await using var configured = WithSettings(app, ("Api:CorsOrigins:0", "https://tools.example"));
        using var client = configured.CreateClient();

        async Task<HttpResponseMessage> PreflightAsync(string path, string origin)
        {
            var request = new HttpRequestMessage(HttpMethod.Options, path);
            request.Headers.Add("Origin", origin);
            request.Headers.Add("Access-Control-Request-Method", "POST");
            request.Headers.Add("Access-Control-Request-Headers", "x-api-key");
            return await client.SendAsync(request);
        }

        using var allowed = await PreflightAsync("/api/v1/cats", "https://tools.example");
        using var stranger = await PreflightAsync("/api/v1/cats", "https://evil.example");
        using var notApi = await PreflightAsync("/Account/Login", "https://tools.example");

        Assert.Equal("https://tools.example", allowed.Headers.GetValues("Access-Control-Allow-Origin").Single());
        Assert.Contains("x-api-key", allowed.Headers.GetValues("Access-Control-Allow-Headers").Single(), StringComparison.OrdinalIgnoreCase);
        Assert.False(stranger.Headers.Contains("Access-Control-Allow-Origin"));
        Assert.False(notApi.Headers.Contains("Access-Control-Allow-Origin"));
    }

    [Fact]
    public async Task With_no_origin_configured_no_cross_origin_caller_is_allowed()
    {
        await using var app = new PurrrAppFactory { RunWebhookWorker = false };
        using var client = app.CreateClient();
        var request = new HttpRequestMessage(HttpMethod.Get, "/api/v1/cats");
        request.Headers.Add("Origin", "https://tools.example");

        using var response = await client.SendAsync(request);

        Assert.False(response.Headers.Contains("Access-Control-Allow-Origin"));
    }

    [Theory]
    [InlineData("/api/v1/cats", HttpHardening.DefaultMaxApiRequestBodyBytes + 1)]
    [InlineData("/Account/Login", HttpHardening.DefaultMaxRequestBodyBytes + 1)]
    public async Task A_body_over_the_limit_is_refused_with_413_problem_details(string path, long size)
    {
        await using var app = new PurrrAppFactory { RunWebhookWorker = false };
        using var client = app.CreateClient();

        using var response = await client.PostAsync(path, new ByteArrayContent(new byte[size]));

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        using var problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.Equal("The request body is too large.", problem.RootElement.GetProperty("title").GetString());
        Assert.False(problem.RootElement.GetProperty("success").GetBoolean());
    }

    [Fact]
    public async Task Every_static_form_carries_an_antiforgery_token()
    {
        await using var app = new PurrrAppFactory { RunWebhookWorker = false };
        using var visitor = AppClient.For(app);
        string[] visitorPages = ["/Account/Login", "/Account/Register", "/Account/ForgotPassword", "/Account/ResendEmailConfirmation"];
        using var player = AppClient.For(app);
        await player.RegisterAsync("formcheck");
        await player.SignInAsync("formcheck");
        string[] playerPages = ["/Account/Manage", "/Account/Manage/ChangePassword"];

        var forms = new List<(string Page, bool HasToken)>();
        foreach (var (client, page) in visitorPages.Select(p => (visitor, p)).Concat(playerPages.Select(p => (player, p))))
        {
            var document = new HtmlParser().ParseDocument(await client.Http.GetStringAsync(page));
            forms.AddRange(document.QuerySelectorAll("form").Where(f => f.GetAttribute("method")?.ToLowerInvariant() == "post")
                .Select(f => (page, f.QuerySelector("input[name=__RequestVerificationToken]") is not null)));
        }

        Assert.True(forms.Count >= playerPages.Length + visitorPages.Length, $"Only {forms.Count} post forms found.");
        Assert.All(forms, f => Assert.True(f.HasToken, $"A form on {f.Page} has no antiforgery token."));
    }

    [Theory]
    [InlineData("/Account/Login")]
    [InlineData("/Account/Logout")]
    public async Task A_form_posted_without_its_token_is_refused_and_logged_as_csrf_failed(string path)
    {
        await using var app = new PurrrAppFactory { RunWebhookWorker = false };
        using var client = AppClient.For(app);

        using var response = await client.Http.PostAsync(path, new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["_handler"] = "login", ["Input.Login"] = "admin", ["Input.Password"] = "whatever-it-is", ["ReturnUrl"] = "/",
        }));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var logged = await app.InScopeAsync(sp => sp.GetRequiredService<PurrrDbContext>().SecurityEvents.Select(e => e.Type).ToListAsync());
        Assert.Contains(SecurityEventType.CsrfFailed, logged);
    }
}

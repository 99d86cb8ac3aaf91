using System.Text.Json;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Http.Json;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.OpenApi;
using Scalar.AspNetCore;

namespace Purrr.Web.Api;

/// <summary>The public REST API, /api/v1 (spec §13): its services, error handling, OpenAPI document and route group.</summary>
public static class ApiV1
{
    public const string Prefix = "/api/v1";
    public const string DocumentName = "v1";

    public static IServiceCollection AddPurrrApi(this IServiceCollection services)
    {
        services.AddProblemDetails(options => options.CustomizeProblemDetails = ApiProblems.Customize);
        services.AddExceptionHandler<ApiProblems.BadRequestHandler>();
        // A body that cannot be read throws, so that ApiProblems can say what was wrong with it.
        services.Configure<RouteHandlerOptions>(options => options.ThrowOnBadRequest = true);
        services.ConfigureHttpJsonOptions(options => ApiJson.Configure(options.SerializerOptions));
        services.AddPurrrApiAuth();
        services.AddOpenApi(DocumentName, options =>
        {
            options.ShouldInclude = description => description.RelativePath?.StartsWith("api/", StringComparison.Ordinal) == true;
            options.AddDocumentTransformer((document, _, _) =>
            {
                document.Info = new OpenApiInfo
                {
                    Title = "Purrr API",
                    Version = DocumentName,
                    Description = "The player actions of Purrr for scripts and other clients. Authenticate with an API key in the " +
                        $"{ApiAuth.ApiKeyHeader} header (make one under Settings → API keys). Answers are {{ \"success\": true, \"data\": … }}; " +
                        "errors are ProblemDetails with \"success\": false and a title that says what to fix.",
                };
                document.Components ??= new OpenApiComponents();
                document.Components.SecuritySchemes ??= new Dictionary<string, IOpenApiSecurityScheme>();
                document.Components.SecuritySchemes[ApiAuth.ApiKeyScheme] = new OpenApiSecurityScheme
                {
                    Type = SecuritySchemeType.ApiKey,
                    In = ParameterLocation.Header,
                    Name = ApiAuth.ApiKeyHeader,
                    Description = "A key made under Settings → API keys (pk_…), with the read, write or admin scope the endpoint needs.",
                };
                document.Security = [new OpenApiSecurityRequirement { [new OpenApiSecuritySchemeReference(ApiAuth.ApiKeyScheme, document)] = [] }];
                return Task.CompletedTask;
            });
        });
        return services;
    }

    /// <summary>
    /// Errors under /api as ProblemDetails: placed before authentication, so that a 401 or 403 without a body (a bearer
    /// token's challenge) gets one too, instead of the site's HTML not-found page.
    /// </summary>
    public static WebApplication UsePurrrApiErrors(this WebApplication app)
    {
        app.UseWhen(context => context.Request.Path.StartsWithSegments("/api"), api =>
        {
            api.UseExceptionHandler();
            api.UseStatusCodePages();
        });
        return app;
    }

    /// <summary>
    /// Maps the API: the OpenAPI document at /openapi/v1.json, the Scalar reference at
    /// /scalar in Development, and every feature's endpoints in one group that only API keys or bearer tokens can enter.
    /// </summary>
    public static RouteGroupBuilder MapPurrrApi(this WebApplication app)
    {
        app.MapOpenApi().AllowAnonymous();
        if (app.Environment.IsDevelopment())
            // Scalar's bundle is served from the package; no fonts, telemetry or agent from the internet (the app works offline).
            app.MapScalarApiReference(options => options.WithTitle("Purrr API").DisableDefaultFonts().DisableTelemetry().DisableAgent()
                .HideDeveloperTools().AddPreferredSecuritySchemes(ApiAuth.ApiKeyScheme)).AllowAnonymous();

        var api = Group(app);
        api.MapMe();
        api.MapCats();
        api.MapNft();
        api.MapBreeding();
        api.MapGames();
        api.MapEconomy();
        api.MapNightWatch();
        api.MapLostPets();
        api.MapRooms();
        api.MapTerritories();
        api.MapAccountData();
        api.MapDevices();
        return api;
    }

    /// <summary>The /api/v1 group: authenticated through the "Api" scheme; each endpoint adds the scope it needs.</summary>
    public static RouteGroupBuilder Group(IEndpointRouteBuilder app) =>
        app.MapGroup(Prefix)
            // A player's key or token: an OAuth client acting for no player (client credentials) has no player data to act on.
            .RequireAuthorization(policy => policy.AddAuthenticationSchemes(ApiAuth.Scheme).RequireAuthenticatedUser()
                .RequireClaim(System.Security.Claims.ClaimTypes.NameIdentifier))
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status403Forbidden);

    /// <summary>A read endpoint: needs the read scope.</summary>
    public static RouteHandlerBuilder Reads<T>(this RouteHandlerBuilder endpoint, string summary) =>
        endpoint.RequireAuthorization(ApiAuth.ReadPolicy).Produces<ApiEnvelope<T>>().ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status404NotFound).WithSummary(summary);

    /// <summary>A write endpoint: needs the write scope.</summary>
    public static RouteHandlerBuilder Writes<T>(this RouteHandlerBuilder endpoint, string summary) =>
        endpoint.RequireAuthorization(ApiAuth.WritePolicy).Produces<ApiEnvelope<T>>().ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status404NotFound).WithSummary(summary);
}

/// <summary>ProblemDetails for every error: <c>success: false</c>, a title a person can act on, never a stack trace.</summary>
public static class ApiProblems
{
    private static readonly Dictionary<int, string> Titles = new()
    {
        [400] = "The request is not valid.",
        [401] = "Authenticate with an API key (X-API-Key header) or a bearer token.",
        [403] = "You may not do that.",
        [404] = "There is nothing at this address.",
        [405] = "This address does not accept that method.",
        [413] = "The request is too large.",
        [415] = "Send the body as JSON (Content-Type: application/json).",
        [429] = "Too many requests: slow down.",
        [500] = "Something went wrong on our side. Please try again.",
    };

    public static void Customize(ProblemDetailsContext context)
    {
        var problem = context.ProblemDetails;
        var status = problem.Status ?? context.HttpContext.Response.StatusCode;
        if ((problem.Title is null || problem.Title == ReasonPhrases.GetReasonPhrase(status) || status >= 500) && Titles.TryGetValue(status, out var title))
            problem.Title = title;
        if (status >= 500)
            problem.Detail = null; // whatever an exception said stays in the log
        problem.Extensions["success"] = false;
        problem.Extensions.TryAdd("traceId", context.HttpContext.TraceIdentifier);
    }

    /// <summary>A body or parameter the API could not read (invalid JSON, wrong type, unknown field): a 400 saying where.</summary>
    public sealed class BadRequestHandler(IProblemDetailsService problems) : IExceptionHandler
    {
        public async ValueTask<bool> TryHandleAsync(HttpContext context, Exception exception, CancellationToken cancellationToken)
        {
            if (exception is not BadHttpRequestException bad || context.Response.HasStarted)
                return false;
            context.Response.StatusCode = bad.StatusCode;
            return await problems.TryWriteAsync(new ProblemDetailsContext
            {
                HttpContext = context,
                ProblemDetails = { Status = bad.StatusCode, Title = TitleOf(bad), Detail = DetailOf(bad) },
            });
        }

        private static string TitleOf(BadHttpRequestException bad) => bad.StatusCode switch
        {
            StatusCodes.Status415UnsupportedMediaType => "Send the body as JSON (Content-Type: application/json).",
            StatusCodes.Status413PayloadTooLarge => "The request is too large.",
            _ when bad.InnerException is JsonException => "The request body is not valid JSON for this endpoint.",
            _ => "The request could not be read.",
        };

        /// <summary>Where the body went wrong, in JSON-path terms, without the server's type names.</summary>
        private const string MissingFields = "missing required properties including: ";

        private static string? DetailOf(BadHttpRequestException bad) => bad.InnerException switch
        {
            JsonException json when json.Message.IndexOf(MissingFields, StringComparison.Ordinal) is var at and >= 0 =>
                $"Missing required fields: {json.Message[(at + MissingFields.Length)..].TrimEnd('.')}.",
            JsonException { Path: { Length: > 1 } path } json when json.Message.Contains("could not be mapped", StringComparison.Ordinal) =>
                $"{path} is not a field of this request.",
            JsonException { Path: { Length: > 1 } path } => $"Check {path}: it is missing, null, of the wrong type or out of range.",
            JsonException => "The body must be one JSON object with the fields this endpoint documents.",
            _ => bad.Message.StartsWith("Required parameter", StringComparison.Ordinal) || bad.Message.StartsWith("Failed to bind", StringComparison.Ordinal)
                ? bad.Message
                : null,
        };
    }
}

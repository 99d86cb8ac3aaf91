using System.Text.Json;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Purrr.Web.Health;

/// <summary>
/// <c>/health</c>: every check; <c>/health/ready</c>: what the app needs to serve players (the database). Both answer JSON
/// with each check's status, time and description: 200 when healthy or degraded, 503 when unhealthy.
/// </summary>
public static class HealthEndpoints
{
    public const string ReadyTag = "ready";

    public static IServiceCollection AddPurrrHealthChecks(this IServiceCollection services)
    {
        services.AddHealthChecks()
            .AddCheck<DatabaseHealthCheck>("database", tags: [ReadyTag])
            .AddCheck<StorageHealthCheck>("storage")
            .AddCheck<RedisHealthCheck>("redis");
        return services;
    }

    public static void MapPurrrHealthChecks(this IEndpointRouteBuilder app)
    {
        app.MapHealthChecks("/health", new HealthCheckOptions { ResponseWriter = WriteJsonAsync });
        app.MapHealthChecks("/health/ready", new HealthCheckOptions { Predicate = check => check.Tags.Contains(ReadyTag), ResponseWriter = WriteJsonAsync });
    }

    private static Task WriteJsonAsync(HttpContext context, HealthReport report)
    {
        context.Response.ContentType = "application/json; charset=utf-8";
        context.Response.Headers.CacheControl = "no-store";
        return context.Response.WriteAsync(JsonSerializer.Serialize(new
        {
            status = report.Status.ToString(),
            totalMilliseconds = Math.Round(report.TotalDuration.TotalMilliseconds, 1),
            checks = report.Entries.Select(e => new
            {
                name = e.Key,
                status = e.Value.Status.ToString(),
                milliseconds = Math.Round(e.Value.Duration.TotalMilliseconds, 1),
                description = e.Value.Description, // never the exception: this endpoint is public
            }),
        }, JsonSerializerOptions.Web));
    }
}

using System.Net;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Purrr.Core.Persistence;
using Purrr.Data;
using Purrr.Tests.Infrastructure;

namespace Purrr.Tests.Admin;

[Trait("Category", "Integration")]
public sealed class HealthEndpointTests
{
    /// <summary>The app's services reach the database through a connection string that points nowhere.</summary>
    private sealed class UnreachableDatabase : IPurrrDbFactory
    {
        private readonly DbContextOptions<SqlitePurrrDbContext> options = new DbContextOptionsBuilder<SqlitePurrrDbContext>()
            .UseSqlite("Data Source=/nonexistent-purrr-folder/purrr.db;Mode=ReadOnly;Pooling=False").Options;

        public Task<IPurrrDb> CreateAsync(CancellationToken cancellationToken = default) => Task.FromResult<IPurrrDb>(new SqlitePurrrDbContext(options));
    }

    private static async Task<(HttpStatusCode Status, JsonElement Body, string? ContentType)> GetAsync(PurrrAppFactory app, string path)
    {
        using var client = app.CreateClient();
        var response = await client.GetAsync(path);
        return (response.StatusCode, JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement, response.Content.Headers.ContentType?.MediaType);
    }

    private static Dictionary<string, string> Checks(JsonElement body) =>
        body.GetProperty("checks").EnumerateArray().ToDictionary(c => c.GetProperty("name").GetString()!, c => c.GetProperty("status").GetString()!);

    [Fact]
    public async Task Health_answers_200_with_each_check_as_json()
    {
        await using var app = new PurrrAppFactory();

        var (status, body, contentType) = await GetAsync(app, "/health");

        Assert.Equal((HttpStatusCode.OK, "application/json"), (status, contentType));
        Assert.Equal("Healthy", body.GetProperty("status").GetString());
        Assert.Equal(new Dictionary<string, string> { ["database"] = "Healthy", ["storage"] = "Healthy", ["redis"] = "Healthy" }, Checks(body));
        Assert.All(body.GetProperty("checks").EnumerateArray(), c => Assert.True(c.GetProperty("milliseconds").GetDouble() >= 0));
    }

    [Fact]
    public async Task Ready_checks_what_players_need()
    {
        await using var app = new PurrrAppFactory();

        var (status, body, _) = await GetAsync(app, "/health/ready");

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal(new Dictionary<string, string> { ["database"] = "Healthy" }, Checks(body));
    }

    [Fact]
    public async Task An_unreachable_database_makes_health_and_ready_answer_503_without_the_error_details()
    {
        await using var app = new PurrrAppFactory { OverrideServices = services => services.AddSingleton<IPurrrDbFactory, UnreachableDatabase>() };

        var health = await GetAsync(app, "/health");
        var ready = await GetAsync(app, "/health/ready");

        Assert.Equal((HttpStatusCode.ServiceUnavailable, "Unhealthy"), (health.Status, health.Body.GetProperty("status").GetString()));
        Assert.Equal("Unhealthy", Checks(health.Body)["database"]);
        Assert.Equal("Healthy", Checks(health.Body)["storage"]);
        Assert.Equal("The database cannot be reached.", health.Body.GetProperty("checks")[0].GetProperty("description").GetString());
        Assert.DoesNotContain("nonexistent", health.Body.GetRawText());
        Assert.Equal(HttpStatusCode.ServiceUnavailable, ready.Status);
    }
}

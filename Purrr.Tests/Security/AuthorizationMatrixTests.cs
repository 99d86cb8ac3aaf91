using System.Net;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Purrr.Core.Accounts;
using Purrr.Core.Cats;
using Purrr.Core.Common;
using Purrr.Core.Community;
using Purrr.Core.LostPets;
using Purrr.Data;
using Purrr.Tests.Admin;
using Purrr.Tests.Api;
using Purrr.Tests.Infrastructure;

namespace Purrr.Tests.Security;

/// <summary>
/// Every page and HTTP endpoint of the app × visitor / owner / other player / moderator / admin, from the tables in
/// <see cref="AuthorizationMatrix"/>; and the completeness checks that fail, naming the row to add, when the router or
/// the endpoint data source has something none of the tables lists.
/// </summary>
[Trait("Category", "Integration")]
public sealed class AuthorizationMatrixTests(AuthorizationMatrixTests.World world) : IClassFixture<AuthorizationMatrixTests.World>
{
    /// <summary>One app, one signed-in client per role, and the player's private things the table's addresses name.</summary>
    public sealed class World : IAsyncLifetime
    {
        public PurrrAppFactory App { get; } = new();
        public Dictionary<Who, AppClient> Clients { get; } = [];
        public Dictionary<string, string> Values { get; } = [];

        public async Task InitializeAsync()
        {
            foreach (var who in new[] { Who.Admin, Who.Player, Who.OtherPlayer, Who.Moderator }) // the first account becomes the admin
            {
                var client = AppClient.For(App);
                var name = Names.Unique(who.ToString()[..3].ToLowerInvariant());
                await client.RegisterAsync(name);
                if (who == Who.Moderator)
                    await App.InScopeAsync(async sp =>
                    {
                        var users = sp.GetRequiredService<UserManager<PurrrUser>>();
                        return await users.AddToRoleAsync((await users.FindByNameAsync(name))!, Roles.Moderator);
                    });
                await client.SignInAsync(name); // the role is in the new cookie
                Clients[who] = client;
                if (who == Who.Player)
                    Values["userName"] = Values["player"] = name;
            }
            Clients[Who.Visitor] = AppClient.For(App);
            var player = await App.InScopeAsync(sp => Task.FromResult(sp.GetRequiredService<PurrrDbContext>().Players.Single(p => p.UserName == Values["player"]).Id));

            Values["catName"] = "Secretpaws";
            var cat = await App.Services.GetRequiredService<CatService>().AdoptAsync(player, new AdoptCatRequest("Secretpaws", "domestic_shorthair", Personality.Playful, IsPublic: false));
            Values["cat"] = cat.Value.Id.ToString();

            var post = APost.By(player).Titled("Matrix public post").Tagged("matrix").Build();
            var draft = APost.By(player).Titled("Matrix private draft").WithStatus(PostStatus.Draft).Build();
            await App.InScopeAsync(async sp =>
            {
                var db = sp.GetRequiredService<PurrrDbContext>();
                db.Posts.AddRange(post, draft);
                return await db.SaveChangesAsync();
            });
            (Values["post"], Values["postTitle"], Values["draft"], Values["draftTitle"]) = (post.Slug, "Matrix public post", draft.Slug, "Matrix private draft");

            var now = DateTimeOffset.UtcNow;
            var pet = await App.Services.GetRequiredService<LostPetService>().ReportAsync(player, new LostPetReport("Biscuitmatrix", PetType.Cat, "Tabby", "Brown",
                PetSize.Medium, 3, "Shy", null, "Rue de Rivoli", 48.86, 2.34, now.AddHours(-3), "+33 6 99 88 77 66", "private@example.test", false, null));
            Values["pet"] = pet.Value.Id.ToString();
            Values["petName"] = "Biscuitmatrix";
        }

        /// <summary>The owner's text no one else may see on a refused or hidden page.</summary>
        public IEnumerable<string> Secrets => [Values["catName"], Values["draftTitle"]];

        public string Fill(string text) => Values.Aggregate(text, (current, value) => current.Replace("{" + value.Key + "}", value.Value, StringComparison.Ordinal));

        public async Task DisposeAsync()
        {
            foreach (var client in Clients.Values)
                client.Dispose();
            await App.DisposeAsync();
        }
    }

    public static TheoryData<string, Who> PageCases()
    {
        var data = new TheoryData<string, Who>();
        foreach (var row in AuthorizationMatrix.Pages)
            foreach (var who in Enum.GetValues<Who>())
                data.Add(row.Route, who);
        return data;
    }

    [Theory]
    [MemberData(nameof(PageCases))]
    public async Task Each_role_gets_what_the_matrix_says_on_each_page(string route, Who who)
    {
        var row = AuthorizationMatrix.Pages.Single(p => p.Route == route);
        var address = world.Fill(row.Address);

        var response = await world.Clients[who].GetAsync(address);
        var html = WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());

        var because = $"{who} on {address} (row \"{route}\")";
        switch (row.For(who))
        {
            case Outcome.Allowed allowed:
                Assert.True(response.StatusCode == HttpStatusCode.OK, $"{because}: expected 200, got {(int)response.StatusCode} {AppClient.RedirectTarget(response)}");
                Assert.True(html.Contains(world.Fill(allowed.Shows), StringComparison.OrdinalIgnoreCase), $"{because}: the page does not show \"{world.Fill(allowed.Shows)}\".");
                break;
            case Outcome.SignIn:
                Assert.True(AppClient.IsRedirect(response), $"{because}: expected a redirect to sign in, got {(int)response.StatusCode}");
                Assert.Equal($"/Account/Login?ReturnUrl={Uri.EscapeDataString(address)}", AppClient.RedirectTarget(response));
                break;
            case Outcome.Hidden hidden:
                Assert.True((int)response.StatusCode == hidden.Status, $"{because}: expected {hidden.Status}, got {(int)response.StatusCode}");
                Assert.All(world.Secrets, secret => Assert.DoesNotContain(secret, html));
                break;
            case Outcome.Refused refused:
                Assert.True(response.StatusCode == HttpStatusCode.OK, $"{because}: expected 200 with a refusal, got {(int)response.StatusCode}");
                Assert.Contains(refused.Says, html);
                Assert.All(world.Secrets, secret => Assert.DoesNotContain(secret, html));
                break;
        }
    }

    public static TheoryData<string, Who> EndpointCases()
    {
        var data = new TheoryData<string, Who>();
        foreach (var row in AuthorizationMatrix.Endpoints)
            foreach (var who in new[] { Who.Visitor, Who.Player })
                data.Add($"{row.Method} {row.Pattern}", who);
        return data;
    }

    [Theory]
    [MemberData(nameof(EndpointCases))]
    public async Task Each_other_endpoint_answers_a_visitor_and_a_player_as_the_matrix_says(string endpoint, Who who)
    {
        var row = AuthorizationMatrix.Endpoints.Single(e => $"{e.Method} {e.Pattern}" == endpoint);

        using var response = await world.Clients[who].Http.SendAsync(new HttpRequestMessage(new HttpMethod(row.Method), row.Address));

        Assert.True((who == Who.Visitor ? row.Visitor : row.Player) == (int)response.StatusCode,
            $"{who}: {endpoint} answered {(int)response.StatusCode} {AppClient.RedirectTarget(response)}; the matrix says {(who == Who.Visitor ? row.Visitor : row.Player)} ({row.Why}).");
    }

    [Fact]
    public void Every_page_in_the_route_table_has_a_row()
    {
        var routes = typeof(Purrr.Web.Components.App).Assembly.GetTypes()
            .SelectMany(t => t.GetCustomAttributes(typeof(Microsoft.AspNetCore.Components.RouteAttribute), inherit: false))
            .Cast<Microsoft.AspNetCore.Components.RouteAttribute>()
            .Select(r => r.Template)
            .ToList();
        var admin = AdminAccessTests.ConsolePaths.Select(p => p.Replace("{moderator}", "{UserName}")).ToList();

        var missing = routes.Where(route => route.StartsWith("/admin", StringComparison.OrdinalIgnoreCase)
            ? !admin.Contains(route)
            : AuthorizationMatrix.Pages.All(p => p.Route != route)).ToList();

        Assert.True(routes.Count > 40, "The route table was not found.");
        Assert.True(missing.Count == 0, "Pages with no row in the authorization matrix — add one line each:\n" + string.Join('\n', missing.Select(route =>
            route.StartsWith("/admin", StringComparison.OrdinalIgnoreCase)
                ? $"  AdminAccessTests.Console: (\"{route}\", \"<text the page shows>\", [Who.Admin]),"
                : $"  AuthorizationMatrix.Pages: PageRow.SignedIn(\"{route}\", \"<text the page shows>\"),  (or Public / Owned)")));
        Assert.Empty(AuthorizationMatrix.Pages.Where(p => !routes.Contains(p.Route)).Select(p => $"{p.Route} is no page any more: remove its row"));
    }

    [Fact]
    public void Every_http_endpoint_has_a_row()
    {
        _ = world.Clients; // the app is running
        var endpoints = world.App.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .Where(e => e.Metadata.GetMetadata<Microsoft.AspNetCore.Components.Endpoints.ComponentTypeMetadata>() is null) // pages: see above
            .Where(e => !e.Metadata.Any(m => m.GetType().Name == "StaticAssetDescriptor"))
            .Where(e => !BlazorInfrastructure(e.RoutePattern.RawText!))
            .SelectMany(e => (e.Metadata.GetMetadata<HttpMethodMetadata>()?.HttpMethods ?? ["GET"]).Select(method => (Method: method, Pattern: "/" + e.RoutePattern.RawText!.TrimStart('/'))))
            .Distinct()
            .ToList();
        var missing = endpoints.Where(e => !AuthorizationMatrix.Endpoints.Any(row => row.Method == e.Method && row.Pattern == e.Pattern)
            && !ApiEndpoint.All.Any(api => api.Method == e.Method && Matches(e.Pattern, api.Path))).ToList();

        Assert.True(endpoints.Count > 30, "The endpoint data source was not found.");
        Assert.True(missing.Count == 0, "HTTP endpoints with no row in the authorization matrix — add one line each:\n" + string.Join('\n', missing.Select(e =>
            e.Pattern.StartsWith(Purrr.Web.Api.ApiV1.Prefix, StringComparison.Ordinal)
                ? $"  ApiEndpoint.All: new(\"{e.Method}\", \"{e.Pattern}\", <body or null>, \"read|write\"),"
                : $"  AuthorizationMatrix.Endpoints: new(\"{e.Method}\", \"{e.Pattern}\", \"<address>\", Visitor: <status>, Player: <status>, Why: \"...\"),")));
    }

    /// <summary>The circuit's own endpoints (SignalR hub, its negotiation, the framework's scripts).</summary>
    private static bool BlazorInfrastructure(string pattern) =>
        pattern.TrimStart('/').StartsWith("_blazor", StringComparison.Ordinal) || pattern.TrimStart('/').StartsWith("_framework", StringComparison.Ordinal);

    /// <summary>Whether an API table row's path ("/api/v1/cats/{cat}/feed", "/api/v1/rooms/playground-1") fits a route pattern
    /// ("/api/v1/cats/{id:guid}/feed", "/api/v1/rooms/{key}"): segment by segment, a route parameter fits anything.</summary>
    private static bool Matches(string pattern, string path)
    {
        var routeSegments = pattern.TrimEnd('/').Split('/');
        var pathSegments = path.Split('?')[0].TrimEnd('/').Split('/');
        return routeSegments.Length == pathSegments.Length
            && routeSegments.Zip(pathSegments).All(s => s.First.StartsWith('{') || s.First == s.Second);
    }
}

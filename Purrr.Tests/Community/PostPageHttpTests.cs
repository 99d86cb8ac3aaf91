using System.Net;
using Microsoft.Extensions.DependencyInjection;
using Purrr.Core.Community;
using Purrr.Data;
using Purrr.Data.Accounts;
using Purrr.Tests.Infrastructure;

namespace Purrr.Tests.Community;

/// <summary>The community pages as a first request (prerendered HTML) sees them: what crawlers and shared links get.</summary>
[Trait("Category", "Integration")]
public sealed class PostPageHttpTests(PurrrAppFactory app) : IClassFixture<PurrrAppFactory>
{
    private async Task<Post> PublishAsync(Func<APost, APost> shape)
    {
        var name = Names.Unique("writer");
        return await app.InScopeAsync(async sp =>
        {
            var player = (await sp.GetRequiredService<AccountService>().RegisterAsync(
                new RegistrationRequest(name, $"{name}@example.test", BrowserSteps.Password, "Europe/Paris"))).Value;
            var post = shape(APost.By(player.Id)).Build();
            var db = sp.GetRequiredService<PurrrDbContext>();
            db.Posts.Add(post);
            await db.SaveChangesAsync();
            return post;
        });
    }

    [Fact]
    public async Task Visitors_read_the_community_feed()
    {
        await PublishAsync(p => p.Titled("Hello from the feed"));
        using var client = AppClient.For(app);

        var response = await client.GetAsync("/community");
        var html = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("Hello from the feed", html);
        Assert.DoesNotContain("Coming soon", html);
    }

    [Fact]
    public async Task A_published_post_is_served_with_its_content()
    {
        var post = await PublishAsync(p => p.Titled("Served whole").WithBody("Every **word** of it."));
        using var client = AppClient.For(app);

        var response = await client.GetAsync($"/community/posts/{post.Slug}");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("<strong>word</strong>", await response.Content.ReadAsStringAsync());
    }

    [Theory]
    [InlineData(PostStatus.Removed)]
    [InlineData(PostStatus.Held)]
    public async Task A_removed_or_held_post_is_gone_and_says_it_isnt_available(PostStatus status)
    {
        var post = await PublishAsync(p => p.Titled("Not for readers").WithStatus(status));
        using var client = AppClient.For(app);

        var response = await client.GetAsync($"/community/posts/{post.Slug}");
        var html = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.Gone, response.StatusCode);
        Assert.Contains("This post isn&#x27;t available", html);
        Assert.DoesNotContain("Not for readers", html);
    }

    [Fact]
    public async Task An_unknown_post_is_not_available_either()
    {
        using var client = AppClient.For(app);

        var response = await client.GetAsync("/community/posts/no-such-post");

        Assert.Equal(HttpStatusCode.Gone, response.StatusCode);
        Assert.Contains("This post isn&#x27;t available", await response.Content.ReadAsStringAsync());
    }
}

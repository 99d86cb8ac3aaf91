using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using Purrr.Core.Cats;
using Purrr.Core.Community;
using Purrr.Data;
using Purrr.Tests.Infrastructure;

namespace Purrr.Tests.Security;

/// <summary>
/// Every form field of the main pages filled with hostile values (empty, 100,000 characters, Unicode edge cases, markup
/// that would run script, negative and huge numbers) and submitted, in Chromium over the live circuit: the page answers
/// with messages, never the unhandled-error bar, a dropped circuit or a 5xx; no injected markup becomes part of the page;
/// and nothing stored breaks the rules the forms check. ONE row per form page: its address and its submit button.
/// </summary>
[Collection(BrowserCollection.Name)]
[Trait("Category", "E2E")]
public sealed class FormFuzzE2E(PurrrServer server, BrowserFixture browser)
{
    /// <summary>The form pages, and the button that submits each one.</summary>
    private static readonly (string Page, string Submit)[] Forms =
    [
        ("cats/adopt", "Adopt"),
        ("community/write", "Publish"),
        ("lost-and-found/report", "Report lost pet"),
        ("settings/webhooks", "Add webhook"),
        ("settings/api-keys", "Create key"),
        ("search", "Search"),
    ];

    private const string Marker = "fuzz-marker";

    /// <summary>What goes into text fields, and what into number fields, in each round.</summary>
    private static readonly (string Name, string Text, string Number)[] Values =
    [
        ("empty", "", ""),
        ("huge", new string('x', 100_000), "9".PadRight(400, '9')),
        ("unicode", "\u202Eevil\u200B\u200D🐈‍⬛ Z\u0337\u0327a\u0338lgo \uFEFF\u0000 日本語 \U0001F4A9", "-0"),
        ("script", $"<script>window.__fuzzed=1</script><img src=x id=\"{Marker}\" onerror=\"window.__fuzzed=1\"><a href=\"javascript:alert(1)\">x</a>", "-1"),
        ("numbers", "-99999999999999999999", "1e309"),
    ];

    public static TheoryData<string> Pages => [.. Forms.Select(f => f.Page)];

    [Theory]
    [MemberData(nameof(Pages))]
    public async Task Hostile_values_in_every_field_are_refused_or_stored_safely(string page)
    {
        var submit = Forms.Single(f => f.Page == page).Submit;
        await using var session = await BrowserSession.OpenAsync(browser, server);
        var serverErrors = new List<string>();
        session.Page.Response += (_, response) =>
        {
            if (response.Status >= 500)
                serverErrors.Add($"{response.Status} {response.Url}");
        };
        var userName = Names.Unique("fuzz");
        var tried = 0;

        await session.RunAsync(async () =>
        {
            await session.SignUpAsync(userName);
            foreach (var (name, text, number) in Values)
            {
                var errorsBefore = session.Errors.Count;
                await session.GotoAsync(page);
                var fields = session.Page.Locator("#main-content input:visible:not([type=hidden]):not([type=checkbox]):not([type=radio]):not([type=file]):not([readonly]):not([disabled]), #main-content textarea:visible:not([readonly]):not([disabled])");
                var handles = await fields.ElementHandlesAsync();
                Assert.True(handles.Count > 0, $"{page}: no form field found.");
                foreach (var field in handles)
                {
                    try
                    {
                        if (!await field.IsEditableAsync())
                            continue; // disabled while the page works on the previous field
                        var isNumber = await field.GetAttributeAsync("type") == "number" || await field.GetAttributeAsync("inputmode") is "numeric" or "decimal";
                        await field.FillAsync(isNumber ? number : text, new() { Timeout = 20_000 });
                        tried++;
                    }
                    catch (Exception e) when (e is PlaywrightException or TimeoutException)
                    {
                        // The form re-rendered and this field went (an editor switching mode), or the page locked it meanwhile
                        // (the post editor offering an earlier draft back): the rest still get filled.
                        if (await field.IsVisibleAsync() && await field.IsEditableAsync())
                            throw new Xunit.Sdk.XunitException($"{page}: a visible field could not be filled with the {name} value: {e.Message[..Math.Min(200, e.Message.Length)]}");
                    }
                }
                var button = session.Page.GetByRole(AriaRole.Button, new() { Name = submit, Exact = false }).First;
                if (await button.IsEnabledAsync())
                    await button.ClickAsync();
                await session.Page.WaitForTimeoutAsync(500); // the answer's render; what we look for is what must NOT appear

                var because = $"{page} with the {name} values";
                Assert.False(await session.Page.Locator("#blazor-error-ui").IsVisibleAsync(), $"{because}: the unhandled-error bar showed.");
                Assert.False(await session.Page.Locator("#components-reconnect-modal[open], .components-reconnect-show").CountAsync() > 0, $"{because}: the circuit dropped.");
                Assert.Equal(0, await session.Page.Locator($"#{Marker}").CountAsync());
                Assert.Null(await session.Page.EvaluateAsync<int?>("window.__fuzzed ?? null"));
                Assert.True(serverErrors.Count == 0, $"{because}: {string.Join(", ", serverErrors)}");
                var browserErrors = session.Errors.Skip(errorsBefore).Where(e => !e.Contains("Failed to load resource", StringComparison.Ordinal)).ToList();
                Assert.True(browserErrors.Count == 0, $"{because}: {string.Join(" | ", browserErrors)}");
            }
        });

        Assert.True(tried >= Values.Length, $"{page}: {tried} fields filled.");
        await NothingStoredBreaksTheRulesAsync(userName);
    }

    /// <summary>What the fuzzed player owns now still fits the rules the forms check (lengths, required names, URLs).</summary>
    private async Task NothingStoredBreaksTheRulesAsync(string userName)
    {
        await server.InScopeAsync(async sp =>
        {
            var db = sp.GetRequiredService<PurrrDbContext>();
            var player = await db.Players.SingleAsync(p => p.UserName == userName);
            var cats = await db.Cats.Where(c => c.OwnerId == player.Id).ToListAsync();
            Assert.All(cats, c => Assert.InRange(c.Name.Trim().Length, 1, 100));
            var posts = await db.Posts.Where(p => p.AuthorId == player.Id && p.Status != PostStatus.Draft).ToListAsync();
            Assert.All(posts, p => Assert.InRange(p.Title.Trim().Length, 1, Post.TitleMaxLength));
            Assert.All(posts, p => Assert.InRange(p.Body.Length, 1, Post.BodyMaxLength));
            var pets = await db.LostPets.Where(p => p.OwnerId == player.Id).ToListAsync();
            Assert.All(pets, p => Assert.False(string.IsNullOrWhiteSpace(p.Name)));
            var hooks = await db.Webhooks.Where(w => w.OwnerId == player.Id).ToListAsync();
            Assert.All(hooks, w => Assert.True(Uri.TryCreate(w.Url, UriKind.Absolute, out var url) && url.Scheme is "https" or "http", w.Url));
            var keys = await db.ApiKeys.Where(k => k.OwnerId == player.Id).ToListAsync();
            Assert.All(keys, k => Assert.InRange(k.Name.Trim().Length, 1, Purrr.Core.Api.ApiKey.NameMaxLength));
            return true;
        });
    }
}

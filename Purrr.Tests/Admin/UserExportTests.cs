using System.Net;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using Purrr.Core.Accounts;
using Purrr.Data;
using Purrr.Tests.Infrastructure;

namespace Purrr.Tests.Admin;

/// <summary>The admin's CSV download of users, over HTTP.</summary>
[Trait("Category", "Integration")]
public sealed class UserExportTests(PurrrAppFactory app) : IClassFixture<PurrrAppFactory>
{
    private async Task<AppClient> AdminAsync()
    {
        var client = AppClient.For(app);
        var name = Names.Unique("adm");
        await client.RegisterAsync(name);
        await app.InScopeAsync(async sp =>
        {
            var users = sp.GetRequiredService<UserManager<PurrrUser>>();
            var user = (await users.FindByNameAsync(name))!;
            return await users.IsInRoleAsync(user, Roles.Admin) ? IdentityResult.Success : await users.AddToRoleAsync(user, Roles.Admin);
        });
        await client.SignInAsync(name); // the role travels in the new cookie
        return client;
    }

    [Fact]
    public async Task The_download_is_a_csv_file_of_the_filtered_users()
    {
        using var admin = await AdminAsync();

        var response = await admin.GetAsync("/admin/users.csv?role=Admin");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/csv", response.Content.Headers.ContentType!.MediaType);
        Assert.StartsWith("attachment; filename=\"purrr-users-", response.Content.Headers.ContentDisposition!.ToString());
        var lines = (await response.Content.ReadAsStringAsync()).TrimEnd().Split('\n');
        Assert.Equal("user_name,display_name,email,role,status,joined_at,last_seen_at,coins,cats", lines[0].TrimEnd('\r'));
        Assert.All(lines.Skip(1), line => Assert.Contains(",Admin,", line));
    }

    [Theory]
    [InlineData("/admin/users.csv?role=Owner")]
    [InlineData("/admin/users.csv?status=Gone")]
    public async Task An_unknown_role_or_status_is_a_bad_request_not_an_error_page(string path)
    {
        using var admin = await AdminAsync();

        var response = await admin.GetAsync(path);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }
}

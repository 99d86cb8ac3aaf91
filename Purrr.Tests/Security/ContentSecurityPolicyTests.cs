using Microsoft.AspNetCore.Http;
using Purrr.Web.Security;

namespace Purrr.Tests.Security;

public sealed class ContentSecurityPolicyTests
{
    private static string PolicyFor(string path)
    {
        var context = new DefaultHttpContext();
        context.Request.Path = path;
        context.Request.Host = new HostString("purrr.test");
        return new ContentSecurityPolicy(null).For(context.Request, "abc123");
    }

    [Fact]
    public void Pages_run_only_their_own_scripts_and_the_nonced_import_map()
    {
        var policy = PolicyFor("/cats");

        Assert.Contains("script-src 'self' 'nonce-abc123'", policy);
        Assert.DoesNotContain("unsafe-inline'; ", policy.Split("style-src")[0]);
    }

    [Fact]
    public void Only_the_development_api_reference_may_run_its_inline_scripts()
    {
        Assert.Contains("script-src 'self' 'unsafe-inline'", PolicyFor("/scalar/v1"));
        Assert.Contains("frame-ancestors 'none'", PolicyFor("/scalar/v1"));
        Assert.Contains("'nonce-abc123'", PolicyFor("/scalars-are-not-it"));
    }
}

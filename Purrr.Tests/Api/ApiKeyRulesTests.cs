using Purrr.Core.Api;

namespace Purrr.Tests.Api;

public sealed class ApiKeyRulesTests
{
    private static readonly DateTimeOffset Now = new(2026, 6, 1, 12, 0, 0, TimeSpan.Zero);

    private static IReadOnlyList<string> MessagesFor(ApiKeyRequest request, bool admin = false) =>
        [.. ApiKeyRules.Check(request, admin, Now).Select(p => p.Message)];

    [Fact]
    public void A_named_key_with_known_scopes_and_a_future_expiry_is_fine()
    {
        Assert.Empty(MessagesFor(new("Backup script", ["read", "write"], Now.AddDays(30), "203.0.113.7, 10.0.0.0/8")));
        Assert.Empty(MessagesFor(new("Forever", ["read"], null, null)));
    }

    [Theory]
    [InlineData(null, "Give the key a name, so you know later what uses it.")]
    [InlineData("   ", "Give the key a name, so you know later what uses it.")]
    public void A_key_needs_a_name(string? name, string message) =>
        Assert.Equal([message], MessagesFor(new(name, ["read"], null, null)));

    [Fact]
    public void Names_scopes_expiry_and_addresses_are_each_checked()
    {
        Assert.Equal(["A key's name can have at most 50 characters."], MessagesFor(new(new string('k', 51), ["read"], null, null)));
        Assert.Equal(["Choose at least one scope: read, write or admin."], MessagesFor(new("k", [], null, null)));
        Assert.Equal(["Scopes are read, write and admin."], MessagesFor(new("k", ["read", "root"], null, null)));
        Assert.Equal(["Choose an expiry date in the future."], MessagesFor(new("k", ["read"], Now, null)));
        Assert.Equal(["A key can live at most two years."], MessagesFor(new("k", ["read"], Now.AddDays(731), null)));
        Assert.Equal(["\"10.0.0.300\" is not an IP address or range (like 203.0.113.7 or 10.0.0.0/8)."],
            MessagesFor(new("k", ["read"], null, "203.0.113.7,10.0.0.300")));
    }

    [Fact]
    public void Only_admins_may_ask_for_the_admin_scope()
    {
        Assert.Equal(["Only admins can make keys with the admin scope."], MessagesFor(new("k", ["admin"], null, null), admin: false));
        Assert.Empty(MessagesFor(new("k", ["admin"], null, null), admin: true));
    }

    [Theory]
    [InlineData("", "198.51.100.1", true)]
    [InlineData("203.0.113.7", "203.0.113.7", true)]
    [InlineData("203.0.113.7", "203.0.113.8", false)]
    [InlineData("10.0.0.0/8", "10.20.30.40", true)]
    [InlineData("10.0.0.0/8", "11.0.0.1", false)]
    [InlineData("203.0.113.7", null, false)]
    [InlineData("203.0.113.7", "::ffff:203.0.113.7", true)]
    [InlineData("2001:db8::/32", "2001:db8::1", true)]
    public void A_key_with_an_allow_list_works_only_from_listed_addresses(string allowed, string? from, bool expected) =>
        Assert.Equal(expected, ApiKeyRules.IsAllowedFrom(ApiKeyRules.SplitIps(allowed), from));

    [Fact]
    public void Keys_start_with_pk_are_unguessable_and_hashed_to_64_hex_characters()
    {
        var first = ApiKeyRules.NewKey();
        var second = ApiKeyRules.NewKey();

        Assert.StartsWith("pk_", first);
        Assert.Equal(46, first.Length); // pk_ + 32 random bytes in base64url
        Assert.NotEqual(first, second);
        Assert.Matches("^[0-9a-f]{64}$", ApiKeyRules.HashOf(first));
        Assert.Equal(ApiKeyRules.HashOf(first), ApiKeyRules.HashOf(first));
        Assert.NotEqual(ApiKeyRules.HashOf(first), ApiKeyRules.HashOf(second));
    }
}

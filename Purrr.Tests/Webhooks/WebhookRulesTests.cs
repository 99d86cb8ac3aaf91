using System.Net;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Purrr.Core.Webhooks;

namespace Purrr.Tests.Webhooks;

public class WebhookRulesTests
{
    private static readonly WebhookOptions Strict = new();
    private static readonly WebhookOptions Development = new() { AllowHttpLoopback = true, AllowLoopback = true };

    [Fact]
    public void The_signature_is_sha256_and_the_hex_hmac_of_the_raw_body()
    {
        const string body = """{"id":"1","type":"cat.created"}""";
        var expected = Convert.ToHexStringLower(HMACSHA256.HashData(Encoding.UTF8.GetBytes("whsec_abc"), Encoding.UTF8.GetBytes(body)));

        Assert.Equal("sha256=" + expected, WebhookRules.Sign("whsec_abc", body));
    }

    [Fact]
    public void A_known_vector_signs_the_same_everywhere()
    {
        // RFC 4231 test case 2: key "Jefe", data "what do ya want for nothing?".
        Assert.Equal("sha256=5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843",
            WebhookRules.Sign("Jefe", "what do ya want for nothing?"));
    }

    [Fact]
    public void A_changed_body_or_another_secret_fails_verification()
    {
        var signature = WebhookRules.Sign("secret", "{\"a\":1}");

        Assert.True(WebhookRules.Verify("secret", "{\"a\":1}", signature));
        Assert.False(WebhookRules.Verify("secret", "{\"a\":2}", signature));
        Assert.False(WebhookRules.Verify("other", "{\"a\":1}", signature));
        Assert.False(WebhookRules.Verify("secret", "{\"a\":1}", null));
    }

    [Fact]
    public void Secrets_are_fresh_and_long()
    {
        var one = WebhookRules.NewSecret();
        var two = WebhookRules.NewSecret();

        Assert.NotEqual(one, two);
        Assert.Matches("^whsec_[0-9a-f]{64}$", one);
        Assert.Equal(Webhook.SecretLength, one.Length);
    }

    [Fact]
    public void Failed_attempts_are_retried_after_one_two_four_and_eight_minutes_then_given_up()
    {
        var waits = Enumerable.Range(1, 5).Select(WebhookRules.RetryDelay).ToList();

        Assert.Equal([TimeSpan.FromMinutes(1), TimeSpan.FromMinutes(2), TimeSpan.FromMinutes(4), TimeSpan.FromMinutes(8), null], waits);
        Assert.Equal(5, WebhookRules.MaxAttempts);
    }

    [Fact]
    public void The_payload_carries_id_type_data_timestamp_and_webhook_id()
    {
        var eventId = Guid.NewGuid();
        var hook = Guid.NewGuid();
        var body = WebhookRules.Payload(eventId, "cat.level_up", WebhookRules.DataJson(new { CatId = Guid.Empty, Level = 3 }),
            new DateTimeOffset(2026, 11, 24, 13, 5, 0, TimeSpan.FromHours(1)), hook);

        using var json = JsonDocument.Parse(body);
        var root = json.RootElement;
        Assert.Equal(["id", "type", "data", "timestamp", "webhook_id"], root.EnumerateObject().Select(p => p.Name));
        Assert.Equal(eventId, root.GetProperty("id").GetGuid());
        Assert.Equal("cat.level_up", root.GetProperty("type").GetString());
        Assert.Equal(3, root.GetProperty("data").GetProperty("level").GetInt32());
        Assert.Equal("2026-11-24T12:05:00.000Z", root.GetProperty("timestamp").GetString());
        Assert.Equal(hook, root.GetProperty("webhook_id").GetGuid());
    }

    [Theory]
    [InlineData("https://example.com/hooks/purrr")]
    [InlineData("https://hooks.example.org:8443/in?token=1")]
    [InlineData("  https://example.com/padded  ")]
    public void Public_https_urls_are_accepted(string url)
    {
        var checkedUrl = WebhookRules.CheckUrl(url, Strict);

        Assert.True(checkedUrl.Succeeded, checkedUrl.FirstMessage);
        Assert.Equal(url.Trim(), checkedUrl.Value);
    }

    [Theory]
    [InlineData("", "Enter the URL")]
    [InlineData("example.com/hook", "full web address")]
    [InlineData("ftp://example.com/hook", "full web address")]
    [InlineData("javascript:alert(1)", "full web address")]
    [InlineData("http://example.com/hook", "https://")]
    [InlineData("https://user:pass@example.com/hook", "passwords")]
    [InlineData("https://example.com/hook#part", "#")]
    [InlineData("https://10.0.0.8/hook", "private network")]
    [InlineData("https://192.168.1.20/hook", "private network")]
    [InlineData("https://169.254.169.254/latest/meta-data", "link-local")]
    [InlineData("https://127.0.0.1/hook", "server itself")]
    [InlineData("https://localhost/hook", "server itself")]
    [InlineData("https://[::1]/hook", "server itself")]
    public void Bad_or_internal_urls_are_refused_with_a_reason(string url, string reason)
    {
        var refused = WebhookRules.CheckUrl(url, Strict);

        Assert.False(refused.Succeeded);
        Assert.Contains(reason, refused.FirstMessage);
        Assert.Equal("Url", refused.Problems[0].Field);
    }

    [Fact]
    public void A_url_longer_than_five_hundred_characters_is_refused()
    {
        var refused = WebhookRules.CheckUrl("https://example.com/" + new string('a', 490), Strict);

        Assert.Contains("at most 500", refused.FirstMessage);
    }

    [Fact]
    public void Http_is_accepted_only_for_loopback_in_development()
    {
        Assert.True(WebhookRules.CheckUrl("http://127.0.0.1:5055/hook", Development).Succeeded);
        Assert.True(WebhookRules.CheckUrl("http://localhost:5055/hook", Development).Succeeded);
        Assert.Contains("only for this computer", WebhookRules.CheckUrl("http://example.com/hook", Development).FirstMessage);
        Assert.False(WebhookRules.CheckUrl("http://127.0.0.1:5055/hook", Strict).Succeeded);
    }

    [Fact]
    public void Events_must_be_known_and_at_least_one()
    {
        Assert.Equal("Choose at least one event to send.", WebhookRules.CheckEvents([]).FirstMessage);
        Assert.Contains("no event called", WebhookRules.CheckEvents(["cat.created", "cat.deleted"]).FirstMessage);
        Assert.Equal(["cat.created", "game.won"], WebhookRules.CheckEvents(["game.won", "cat.created", "game.won"]).Value);
    }
}

public class WebhookAddressesTests
{
    [Theory]
    [InlineData("127.0.0.1")] [InlineData("127.8.9.10")] [InlineData("::1")]
    [InlineData("10.1.2.3")] [InlineData("172.16.0.1")] [InlineData("172.31.255.255")] [InlineData("192.168.0.1")]
    [InlineData("100.64.0.1")] [InlineData("169.254.169.254")] [InlineData("fe80::1")] [InlineData("fd00::1")]
    [InlineData("0.0.0.0")] [InlineData("224.0.0.1")] [InlineData("255.255.255.255")] [InlineData("::")]
    [InlineData("::ffff:10.0.0.1")] [InlineData("::ffff:127.0.0.1")]
    public void Internal_addresses_are_refused_by_default(string address)
    {
        Assert.NotNull(WebhookAddresses.WhyRefused(IPAddress.Parse(address), new WebhookOptions()));
    }

    [Theory]
    [InlineData("93.184.216.34")] [InlineData("8.8.8.8")] [InlineData("172.32.0.1")] [InlineData("2606:4700:4700::1111")]
    public void Public_addresses_are_allowed(string address)
    {
        Assert.Null(WebhookAddresses.WhyRefused(IPAddress.Parse(address), new WebhookOptions()));
    }

    [Fact]
    public void Configuration_can_allow_loopback_or_private_networks_but_never_multicast()
    {
        var loopback = new WebhookOptions { AllowLoopback = true };
        var lan = new WebhookOptions { AllowPrivateNetworks = true };

        Assert.Null(WebhookAddresses.WhyRefused(IPAddress.Loopback, loopback));
        Assert.NotNull(WebhookAddresses.WhyRefused(IPAddress.Parse("10.0.0.1"), loopback));
        Assert.Null(WebhookAddresses.WhyRefused(IPAddress.Parse("10.0.0.1"), lan));
        Assert.NotNull(WebhookAddresses.WhyRefused(IPAddress.Loopback, lan));
        Assert.NotNull(WebhookAddresses.WhyRefused(IPAddress.Parse("224.0.0.1"), new WebhookOptions { AllowLoopback = true, AllowPrivateNetworks = true }));
    }
}

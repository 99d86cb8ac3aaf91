using Purrr.Core.Accounts;

namespace Purrr.Tests.Accounts;

[Trait("Category", "Unit")]
public class AccountRulesTests
{
    [Theory]
    [InlineData("abc")]
    [InlineData("Luna_the-Cat")]
    [InlineData("12345678901234567890")]
    public void Good_usernames_pass(string userName) => Assert.Null(AccountRules.CheckUserName(userName));

    [Theory]
    [InlineData("", "Choose a username.")]
    [InlineData("ab", "A username has 3 to 20 characters.")]
    [InlineData("123456789012345678901", "A username has 3 to 20 characters.")]
    [InlineData("luna cat", "A username may use only letters, digits, '_' and '-'.")]
    [InlineData("luna@cat", "A username may use only letters, digits, '_' and '-'.")]
    [InlineData("lüna", "A username may use only letters, digits, '_' and '-'.")]
    public void Bad_usernames_get_a_clear_message(string userName, string message) =>
        Assert.Equal(message, AccountRules.CheckUserName(userName)?.Message);

    [Theory]
    [InlineData(8)]
    [InlineData(100)]
    public void Passwords_of_8_to_100_characters_pass(int length) => Assert.Null(AccountRules.CheckPassword(new string('x', length)));

    [Theory]
    [InlineData(0, "A password needs at least 8 characters.")]
    [InlineData(7, "A password needs at least 8 characters.")]
    [InlineData(101, "A password can have at most 100 characters.")]
    public void Too_short_or_long_passwords_are_refused(int length, string message) =>
        Assert.Equal(message, AccountRules.CheckPassword(new string('x', length))?.Message);

    [Fact]
    public void A_profile_needs_a_display_name_and_a_real_time_zone()
    {
        var problems = AccountRules.CheckProfile(new ProfileUpdate(" ", null, "Mars/Olympus_Mons"));
        Assert.Equal(["DisplayName", "TimeZoneId"], problems.Select(p => p.Field));
        Assert.Empty(AccountRules.CheckProfile(new ProfileUpdate("Luna", "Cat person", "Europe/Paris")));
    }

    [Fact]
    public void An_unknown_time_zone_at_sign_up_falls_back_to_utc()
    {
        Assert.Equal("UTC", Player.Create(Core.Common.UserId.New(), "luna", "Nowhere/Land", DateTimeOffset.UnixEpoch).TimeZoneId);
        Assert.Equal("Asia/Tokyo", Player.Create(Core.Common.UserId.New(), "luna", "Asia/Tokyo", DateTimeOffset.UnixEpoch).TimeZoneId);
    }
}

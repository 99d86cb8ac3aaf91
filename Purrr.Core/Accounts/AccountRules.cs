using System.Text.RegularExpressions;
using Purrr.Core.Common;

namespace Purrr.Core.Accounts;

/// <summary>What makes a username, a password and a profile acceptable (spec §2).</summary>
public static partial class AccountRules
{
    public const int UserNameMinLength = 3;
    public const int UserNameMaxLength = 20;
    public const int PasswordMinLength = 8;
    public const int PasswordMaxLength = 100;
    public const string UserNameCharacters = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789_-";

    public static Problem? CheckUserName(string? userName)
    {
        if (string.IsNullOrEmpty(userName))
            return new("Choose a username.", "UserName");
        if (userName.Length is < UserNameMinLength or > UserNameMaxLength)
            return new($"A username has {UserNameMinLength} to {UserNameMaxLength} characters.", "UserName");
        if (!UserNamePattern().IsMatch(userName))
            return new("A username may use only letters, digits, '_' and '-'.", "UserName");
        return null;
    }

    public static Problem? CheckPassword(string? password)
    {
        if (string.IsNullOrEmpty(password) || password.Length < PasswordMinLength)
            return new($"A password needs at least {PasswordMinLength} characters.", "Password");
        if (password.Length > PasswordMaxLength)
            return new($"A password can have at most {PasswordMaxLength} characters.", "Password");
        return null;
    }

    public static IReadOnlyList<Problem> CheckProfile(ProfileUpdate update)
    {
        var problems = new List<Problem>();
        var displayName = update.DisplayName?.Trim() ?? "";
        if (displayName.Length == 0)
            problems.Add(new("Choose a display name.", nameof(ProfileUpdate.DisplayName)));
        else if (displayName.Length > Player.DisplayNameMaxLength)
            problems.Add(new($"A display name can have at most {Player.DisplayNameMaxLength} characters.", nameof(ProfileUpdate.DisplayName)));
        if ((update.Bio?.Trim().Length ?? 0) > Player.BioMaxLength)
            problems.Add(new($"A bio can have at most {Player.BioMaxLength} characters.", nameof(ProfileUpdate.Bio)));
        if (!IsKnownTimeZone(update.TimeZoneId))
            problems.Add(new("Choose a time zone from the list.", nameof(ProfileUpdate.TimeZoneId)));
        return problems;
    }

    public static bool IsKnownTimeZone(string? timeZoneId) =>
        !string.IsNullOrWhiteSpace(timeZoneId) && TimeZoneInfo.TryFindSystemTimeZoneById(timeZoneId, out _);

    [GeneratedRegex("^[A-Za-z0-9_-]+$")]
    private static partial Regex UserNamePattern();
}

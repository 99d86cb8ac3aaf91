namespace Purrr.Core.Accounts;

public static class Roles
{
    public const string Player = "Player";
    public const string Moderator = "Moderator";
    public const string Admin = "Admin";

    public static readonly IReadOnlyList<string> All = [Player, Moderator, Admin];

    /// <summary>For <c>[Authorize(Roles = ...)]</c> on moderation pages.</summary>
    public const string ModeratorOrAdmin = Moderator + "," + Admin;
}

using Purrr.Core.Common;

namespace Purrr.Core.Accounts;

/// <summary>
/// The Purrr shelter (spec §2): cats of deleted accounts are released to it rather than deleted, with their history.
/// It is an account no one can sign in to, created the first time a cat needs it.
/// </summary>
public static class Shelter
{
    public static readonly UserId Id = new(Guid.Parse("0195f0a0-5be1-7e40-8000-5be17e400001"));
    public const string UserName = "purrr-shelter";
    public const string DisplayName = "Purrr shelter";

    public static Player NewPlayer(DateTimeOffset now)
    {
        var player = Player.Create(Id, UserName, "UTC", now);
        player.UpdateProfile(new ProfileUpdate(DisplayName, "Cats whose people left Purrr live here, cared for by everyone.", "UTC"));
        return player;
    }
}

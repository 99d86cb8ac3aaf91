namespace Purrr.Core.Rooms;

/// <summary>What a cat can do in a live room besides moving and chatting (spec §7).</summary>
public enum RoomActivity { Play, Socialize, Train, Explore, Groom, Nap }

public static class RoomActivities
{
    public static readonly IReadOnlyList<RoomActivity> All = Enum.GetValues<RoomActivity>();

    /// <summary>Energy cost before personality (nap gives energy back).</summary>
    public static int EnergyCost(RoomActivity activity) => activity switch
    {
        RoomActivity.Play => 3,
        RoomActivity.Socialize => 2,
        RoomActivity.Train => 4,
        RoomActivity.Explore => 2,
        RoomActivity.Groom => 1,
        _ => -2,
    };

    public static string Verb(RoomActivity activity) => activity switch
    {
        RoomActivity.Play => "Play",
        RoomActivity.Socialize => "Socialise",
        RoomActivity.Train => "Train",
        RoomActivity.Explore => "Explore",
        RoomActivity.Groom => "Groom",
        _ => "Nap",
    };

    /// <summary>Only some activities can be done with another cat.</summary>
    public static bool TakesPartner(RoomActivity activity) => activity is RoomActivity.Play or RoomActivity.Socialize or RoomActivity.Groom;
}

using Purrr.Core.Common;

namespace Purrr.Core.Accounts;

public enum ThemePreference { System, Light, Dark }

/// <summary>A player's public profile and preferences. Same id as their sign-in account.</summary>
public sealed class Player
{
    public const int DisplayNameMaxLength = 50;
    public const int BioMaxLength = 500;

    private Player() { } // for EF Core

    public UserId Id { get; private set; }
    public string UserName { get; private set; } = "";
    public string DisplayName { get; private set; } = "";
    public string Bio { get; private set; } = "";

    /// <summary>IANA time zone id; night watch and daily quests follow it.</summary>
    public string TimeZoneId { get; private set; } = "UTC";

    public ThemePreference Theme { get; private set; }

    /// <summary>The player's time zone (UTC if the stored id is unknown on this machine).</summary>
    public TimeZoneInfo TimeZone => ZoneOf(TimeZoneId);

    /// <summary>A stored time zone id as a zone; UTC when this machine doesn't know it.</summary>
    public static TimeZoneInfo ZoneOf(string? timeZoneId) =>
        timeZoneId is not null && TimeZoneInfo.TryFindSystemTimeZoneById(timeZoneId, out var zone) ? zone : TimeZoneInfo.Utc;

    /// <summary>The coin balance; always equals the sum of the player's ledger entries.</summary>
    public long Coins { get; private set; }

    /// <summary>Optimistic concurrency: two spends racing on one balance cannot both pass the balance check.</summary>
    public int Version { get; private set; }
    public DateTimeOffset JoinedAt { get; private set; }

    /// <summary>The player's home on the night-watch map: their patrols circle it and their map opens there.</summary>
    public double? HomeLatitude { get; private set; }
    public double? HomeLongitude { get; private set; }

    public Common.GeoPoint? Home => HomeLatitude is { } lat && HomeLongitude is { } lng ? new Common.GeoPoint(lat, lng) : null;
    public DateTimeOffset? LastSeenAt { get; private set; }

    /// <summary>Opted in to hear about pets lost near their home (the lost pet finder's nearby alerts).</summary>
    public bool LostPetAlerts { get; private set; }

    /// <summary>The player's API allowance per hour (spec §2); admins change it.</summary>
    public Security.ApiTier ApiTier { get; private set; }

    /// <summary>When the player deleted their account (GDPR): the profile is anonymised and kept only so others' history holds.</summary>
    public DateTimeOffset? ClosedAt { get; private set; }

    public bool IsClosed => ClosedAt is not null;

    public static Player Create(UserId id, string userName, string? timeZoneId, DateTimeOffset now) => new()
    {
        Id = id,
        UserName = userName,
        DisplayName = userName,
        TimeZoneId = AccountRules.IsKnownTimeZone(timeZoneId) ? timeZoneId! : "UTC",
        JoinedAt = now,
    };

    internal void UpdateProfile(ProfileUpdate update)
    {
        DisplayName = update.DisplayName.Trim();
        Bio = update.Bio?.Trim() ?? "";
        TimeZoneId = update.TimeZoneId;
    }

    internal void SetTheme(ThemePreference theme) => Theme = theme;

    internal void SetApiTier(Security.ApiTier tier) => ApiTier = tier;

    /// <summary>
    /// Deletes the account's personal data (GDPR): the name becomes <paramref name="anonymousName"/>, the rest of the
    /// profile is blanked. The row stays so that posts, comments and the ledger others see still hang together.
    /// </summary>
    internal void Close(string anonymousName, DateTimeOffset now)
    {
        UserName = anonymousName;
        DisplayName = AccountData.DeletedDisplayName;
        Bio = "";
        TimeZoneId = "UTC";
        HomeLatitude = null;
        HomeLongitude = null;
        LostPetAlerts = false;
        ApiTier = Security.ApiTier.Free;
        ClosedAt = now;
        Version++;
    }

    internal void SetLostPetAlerts(bool on) => LostPetAlerts = on;

    internal void SetHome(Common.GeoPoint home)
    {
        HomeLatitude = home.Latitude;
        HomeLongitude = home.Longitude;
    }

    internal void ChangeCoins(long amount)
    {
        Coins += amount;
        Version++;
    }
}

/// <summary>The editable part of a profile.</summary>
public sealed record ProfileUpdate(string DisplayName, string? Bio, string TimeZoneId);

/// <summary>A player deleted their account: their open tabs sign out.</summary>
public sealed record AccountClosed(UserId Player) : Events.ITopicEvent
{
    public string Topic => TopicOf(Player);

    public static string TopicOf(UserId player) => $"account:{player}";
}

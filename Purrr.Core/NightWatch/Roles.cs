using Purrr.Core.Cats;

namespace Purrr.Core.NightWatch;

public enum PatrolRole { Guardian, Scout, Alarm, Healer }

/// <summary>Patrol roles (spec §6): what each is worth, and which personality suits it.</summary>
public static class PatrolRoles
{
    public const double MatchBonus = 1.5;

    public static double Effectiveness(PatrolRole role) => role switch
    {
        PatrolRole.Guardian => 0.8,
        PatrolRole.Scout => 0.6,
        PatrolRole.Alarm => 0.5,
        _ => 0.4,
    };

    /// <summary>The role a personality takes unless the player chooses another.</summary>
    public static PatrolRole For(Personality personality) => personality switch
    {
        Personality.Playful or Personality.Territorial => PatrolRole.Guardian,
        Personality.Curious or Personality.Aloof => PatrolRole.Scout,
        Personality.SocialButterfly => PatrolRole.Healer,
        _ => PatrolRole.Alarm,
    };

    /// <summary>×1.5 when the personality suits the role.</summary>
    public static double PersonalityBonus(PatrolRole role, Personality personality) => (role, personality) switch
    {
        (PatrolRole.Scout, Personality.Curious or Personality.Aloof) => MatchBonus,
        (PatrolRole.Guardian, Personality.Territorial or Personality.Playful) => MatchBonus,
        (PatrolRole.Healer, Personality.SocialButterfly) => MatchBonus,
        (PatrolRole.Alarm, Personality.Playful or Personality.Curious) => MatchBonus,
        _ => 1.0,
    };

    /// <summary>Role worth times personality bonus: what the deploy panel shows.</summary>
    public static double Strength(PatrolRole role, Personality personality) => Effectiveness(role) * PersonalityBonus(role, personality);
}

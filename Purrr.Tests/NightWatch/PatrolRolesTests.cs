using Purrr.Core.Cats;
using Purrr.Core.NightWatch;

namespace Purrr.Tests.NightWatch;

[Trait("Category", "Unit")]
public sealed class PatrolRolesTests
{
    [Theory]
    [InlineData(Personality.Playful, PatrolRole.Guardian)]
    [InlineData(Personality.Territorial, PatrolRole.Guardian)]
    [InlineData(Personality.Curious, PatrolRole.Scout)]
    [InlineData(Personality.Aloof, PatrolRole.Scout)]
    [InlineData(Personality.SocialButterfly, PatrolRole.Healer)]
    [InlineData(Personality.Lazy, PatrolRole.Alarm)]
    public void Each_personality_takes_its_role(Personality personality, PatrolRole role) =>
        Assert.Equal(role, PatrolRoles.For(personality));

    [Theory]
    [InlineData(PatrolRole.Guardian, Personality.Playful, 1.2)]   // 0.8 × 1.5
    [InlineData(PatrolRole.Guardian, Personality.Lazy, 0.8)]
    [InlineData(PatrolRole.Scout, Personality.Aloof, 0.9)]        // 0.6 × 1.5
    [InlineData(PatrolRole.Scout, Personality.Playful, 0.6)]
    [InlineData(PatrolRole.Alarm, Personality.Curious, 0.75)]     // 0.5 × 1.5
    [InlineData(PatrolRole.Alarm, Personality.Lazy, 0.5)]         // lazy cats are alarms, with no bonus
    [InlineData(PatrolRole.Healer, Personality.SocialButterfly, 0.6)] // 0.4 × 1.5
    [InlineData(PatrolRole.Healer, Personality.Territorial, 0.4)]
    public void A_role_is_worth_its_effectiveness_times_the_personality_bonus(PatrolRole role, Personality personality, double strength) =>
        Assert.Equal(strength, PatrolRoles.Strength(role, personality), 10);
}

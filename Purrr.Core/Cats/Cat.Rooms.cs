using Purrr.Core.Common;
using Purrr.Core.Rooms;

namespace Purrr.Core.Cats;

/// <summary>What a room activity did, for everyone in the room to read.</summary>
public sealed record RoomActivityOutcome(RoomActivity Activity, string Message, int EnergyChange, int XpGained, CatStats After);

/// <summary>Activities in live rooms (spec §7): small, quick versions of care, with their energy costs.</summary>
public sealed partial class Cat
{
    /// <summary>Energy spent on moves and messages, which the room keeps count of and books in one go.</summary>
    public void SpendRoomEnergy(int spent, DateTimeOffset now)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(spent);
        CatchUp(now);
        if (spent == 0)
            return;
        Stats = Stats with { Energy = Capped(Stats.Energy - spent) };
        Touch();
    }

    /// <summary>The energy a move or a message costs this cat (personality applies).</summary>
    public int RoomEnergyCost(int baseCost) => EnergyCost(baseCost);

    /// <summary>Does a room activity; <paramref name="partner"/> is the name of the cat it was done with, if any.</summary>
    public Result<RoomActivityOutcome> DoInRoom(RoomActivity activity, string? partner, DateTimeOffset now)
    {
        CatchUp(now);
        var cost = RoomActivities.EnergyCost(activity);
        var change = cost > 0 ? -EnergyCost(cost) : -cost;
        if (activity == RoomActivity.Play)
            change += PersonalityTraits.Scale(-change, Traits.PlayEnergyRefund);
        if (cost > 0 && Stats.Energy < EnergyCost(cost))
            return Result<RoomActivityOutcome>.Failure($"{Name} is too tired to {RoomActivities.Verb(activity).ToLowerInvariant()} (energy {Stats.Energy}, needs {EnergyCost(cost)}). A nap helps.");

        var withPartner = partner is null ? 0 : PartnerSocial;
        var (stats, xp, message) = activity switch
        {
            RoomActivity.Play => (Stats with
            {
                Happiness = Capped(Stats.Happiness + PersonalityTraits.Scale(4, Traits.PlayHappiness)),
                Agility = Grown(Stats.Agility, 1, Traits.AgilityGrowth, Genome.Potentials.Agility),
                Social = Capped(Stats.Social + withPartner),
            }, 1, partner is null ? $"{Name} batted a feather around." : $"{Name} played tag with {partner}."),
            RoomActivity.Socialize => (Stats with
            {
                Happiness = Capped(Stats.Happiness + 2),
                Social = Capped(Stats.Social + 3 + withPartner),
                Charisma = Grown(Stats.Charisma, 1, Traits.CharismaGrowth, Genome.Potentials.Charisma),
            }, PersonalityTraits.Scale(1, Traits.SocialXp), partner is null ? $"{Name} greeted everyone in the room." : $"{Name} touched noses with {partner}."),
            RoomActivity.Train => (Stats with
            {
                Training = Capped(Stats.Training + 1),
                Intelligence = Grown(Stats.Intelligence, 1, Traits.IntelligenceGrowth, Genome.Potentials.Intelligence),
            }, 2, $"{Name} practised a trick."),
            RoomActivity.Explore => (Stats with
            {
                Happiness = Capped(Stats.Happiness + 1),
                Intelligence = Grown(Stats.Intelligence, 1, Traits.IntelligenceGrowth, Genome.Potentials.Intelligence),
            }, PersonalityTraits.Scale(2, Traits.QuestXp), $"{Name} explored every corner of the room."),
            RoomActivity.Groom => (Stats with
            {
                Cleanliness = Capped(Stats.Cleanliness + 10),
                Happiness = Capped(Stats.Happiness + 1),
                Social = Capped(Stats.Social + withPartner),
            }, 0, partner is null ? $"{Name} had a quick wash." : $"{Name} and {partner} groomed each other."),
            _ => (Stats with
            {
                Happiness = Capped(Stats.Happiness + PersonalityTraits.Scale(1, Traits.RestHappiness)),
            }, 0, $"{Name} curled up for a catnap."),
        };
        Stats = stats with { Energy = Capped(stats.Energy + change) };
        xp = PersonalityTraits.Scale(xp, Traits.Xp);
        Touch();
        return new RoomActivityOutcome(activity, message, change, xp, Stats);
    }

    /// <summary>Doing something together: both count it, the actor gains this much social.</summary>
    public const int PartnerSocial = 2;
}

using Purrr.Core.Common;

namespace Purrr.Core.Progress;

/// <summary>A player's quest progress changed.</summary>
public sealed record QuestsChanged(UserId Player);

/// <summary>Announced to the player in a toast.</summary>
public sealed record AchievementUnlocked(UserId Player, string Key, string Name, int Points);

/// <summary>A community quest moved: every open quest page shows the new total.</summary>
public sealed record CommunityQuestChanged(string QuestKey, string Period);

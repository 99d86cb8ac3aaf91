using System.Text.RegularExpressions;
using Purrr.Core.Cats;

namespace Purrr.Core.Companion;

/// <summary>
/// The offline companion: a cat's reply from its personality (tone, how much it says, what it cares about), its stats (a
/// hungry cat asks for food), what happened to it lately and what the player said earlier (their name, what they like).
/// Deterministic: the same conversation gets the same reply, and the wording varies with the turn, not with dice.
/// </summary>
public static partial class PersonaEngine
{
    public const int HungryBelow = 30;
    public const int TiredBelow = 20;
    public const int LowBelow = 30;

    /// <summary>How a personality talks: its sounds, how many sentences it says, what it likes to talk about.</summary>
    public sealed record Voice(IReadOnlyList<string> Openers, int Sentences, IReadOnlyList<string> Interests, string AskForFood, string Greeting);

    public static Voice VoiceOf(Personality personality) => personality switch
    {
        Personality.Playful => new(["Mrrow!", "Ooh ooh!", "Prrrt!"], 3,
            ["chasing the red dot", "batting feather toys off the table", "pouncing on your shoelaces"],
            "I'm hungry — my tummy is rumbling! Please feed me, then we can play!", "You're here! Let's play!"),
        Personality.Aloof => new(["Hm.", "Mm.", "Oh. You."], 1,
            ["the sunny windowsill", "my own quiet corner", "watching birds from a distance"],
            "I am hungry. Feed me.", "You may stay."),
        Personality.Curious => new(["Ooh, what's that?", "Mrrp?", "Sniff sniff…"], 3,
            ["the mysterious noise behind the fridge", "every new cardboard box", "what's inside the cupboard"],
            "I sniffed every cupboard and found no food — I'm hungry! Could you feed me?", "Hello! What did you bring? Can I sniff it?"),
        Personality.Lazy => new(["*yawn*", "Mmmh…", "*stretches*"], 1,
            ["long naps", "the warm blanket", "doing absolutely nothing"],
            "Too hungry to nap… feed me, please.", "Oh, hi… is it nap time?"),
        Personality.Territorial => new(["Hss— oh, it's you.", "Mrrr.", "*flicks tail*"], 2,
            ["guarding my corner of the garden", "keeping the neighbour's cat off the fence", "checking every door is mine"],
            "A guard needs food. I'm hungry — fill my bowl, please.", "You. Good. Nobody crossed my fence while you were away."),
        Personality.SocialButterfly => new(["Purr purr!", "Hi hi hi!", "Mew! ♥"], 3,
            ["meeting friends in the rooms", "cuddles on the sofa", "everyone who visits"],
            "I'm so hungry! Could you feed me? Then we can cuddle!", "Hello, friend! I missed you so much!"),
        _ => throw new ArgumentOutOfRangeException(nameof(personality), personality, null),
    };

    /// <summary>What the player told the cat about themselves, gathered from their own lines, latest first.</summary>
    public sealed record PlayerMemory(string? Name, IReadOnlyList<string> Likes)
    {
        public static PlayerMemory From(IEnumerable<string> playerLines)
        {
            string? name = null;
            var likes = new List<string>();
            foreach (var line in playerLines)
            {
                if (NameOf(line) is { } said)
                    name = said;
                foreach (Match like in LikesPattern().Matches(line))
                {
                    var thing = like.Groups["thing"].Value.Trim().TrimEnd('.', '!', '?');
                    if (thing.Length > 0 && !thing.StartsWith("you", StringComparison.OrdinalIgnoreCase))
                    {
                        likes.Remove(thing);
                        likes.Insert(0, thing);
                    }
                }
            }
            return new(name, likes);
        }
    }

    private enum Intent { AskMyName, AskYourName, Introduce, Food, HowAreYou, Play, Patrol, Kittens, WhatDoYouLike, Thanks, Bye, Greeting, Chat }

    /// <summary>
    /// The cat's answer to the last player line of <paramref name="conversation"/> (earlier lines are memory).
    /// </summary>
    public static string Reply(CompanionContext cat, IReadOnlyList<(CompanionSpeaker Speaker, string Text)> conversation)
    {
        var playerLines = conversation.Where(l => l.Speaker == CompanionSpeaker.Player).Select(l => l.Text).ToList();
        var said = playerLines.Count > 0 ? playerLines[^1] : "";
        var memory = PlayerMemory.From(playerLines);
        var turn = playerLines.Count; // varies the wording from one turn to the next
        var voice = VoiceOf(cat.Personality);
        var intent = IntentOf(said);
        var hungry = cat.Stats.Satiety < HungryBelow;

        var sentences = new List<string> { Pick(voice.Openers, turn) };
        sentences.Add(Answer(intent, cat, voice, memory, turn, hungry));

        // Needs come first for a cat: hunger always, then sleepiness, sadness, a dirty coat.
        if (hungry && intent != Intent.Food)
            sentences.Add(voice.AskForFood);
        else if (cat.Stats.Energy < TiredBelow && intent != Intent.HowAreYou)
            sentences.Add(cat.Personality == Personality.Lazy ? "I'm so tired I could sleep for a week." : "I'm getting sleepy, though.");
        else if (cat.Stats.Happiness < LowBelow && intent != Intent.HowAreYou)
            sentences.Add("I've been feeling a bit down lately.");

        // Chatty personalities add a recent event and an interest; terse ones stop at the answer.
        var extras = new List<string>();
        if (intent is not (Intent.Patrol or Intent.Kittens) && RecentNews(cat, turn) is { } news)
            extras.Add(news);
        if (intent is not (Intent.WhatDoYouLike or Intent.Play))
            extras.Add(Pick([$"Have I told you about {Pick(voice.Interests, turn)}?", $"Lately I can't stop thinking about {Pick(voice.Interests, turn)}.",
                $"You know what I'd love right now? {Capitalised(Pick(voice.Interests, turn))}."], turn / 2));
        if (memory.Name is { } name && intent is not (Intent.AskMyName or Intent.Introduce))
            extras.Add($"I like talking with you, {name}.");
        var room = Math.Max(0, voice.Sentences + 1 - sentences.Count); // +1: the opener is a sound, not a sentence
        sentences.AddRange(extras.Take(room));
        return string.Join(' ', sentences.Where(s => s.Length > 0));
    }

    private static string Answer(Intent intent, CompanionContext cat, Voice voice, PlayerMemory memory, int turn, bool hungry) => intent switch
    {
        Intent.AskMyName => memory.Name is { } name
            ? $"You're {name}, of course! I never forget the one who fills my bowl."
            : "You haven't told me your name yet. What should I call you?",
        Intent.AskYourName => $"I'm {cat.CatName}, level {cat.Level}, and a {cat.Personality.DisplayName().ToLowerInvariant()} cat through and through.",
        Intent.Introduce => memory.Name is { } name
            ? Pick([$"Nice to meet you, {name}! I'll remember that.", $"{name}… I like it. I'll remember you, {name}."], turn)
            : "Nice to meet you!",
        Intent.Food => hungry ? voice.AskForFood : cat.Stats.Satiety >= 80
            ? "I'm full, thank you — maybe a treat later."
            : "I'm not hungry right now, but I'd never say no to a treat.",
        Intent.HowAreYou => Feeling(cat),
        Intent.Play => cat.Stats.Energy < TiredBelow
            ? "I'd love to play, but I'm too tired right now. Let me nap first."
            : cat.Personality switch
            {
                Personality.Lazy => "Play? Only if the toy comes to me.",
                Personality.Aloof => "Perhaps. If I feel like it.",
                _ => $"Yes! Let's play — I love {Pick(voice.Interests, turn)}!",
            },
        Intent.Patrol => cat.LastPatrol is { } patrol
            ? $"On my last night watch I {patrol}. " + (cat.Personality == Personality.Territorial ? "Nobody crosses my turf." : "It was quite a night!")
            : "I haven't been on night watch yet. Send me out one night — I'll keep the strays safe.",
        Intent.Kittens => cat.NewKittens.Count > 0
            ? $"My kittens {Names(cat.NewKittens)} are the best thing that ever happened to me!"
            : "No kittens for me yet.",
        Intent.WhatDoYouLike => $"I love {Pick(voice.Interests, turn)}." + (memory.Likes.Count > 0 ? $" And you like {memory.Likes[0]}, right?" : ""),
        Intent.Thanks => "You're welcome! *purrs*",
        Intent.Bye => memory.Name is { } name ? $"Bye, {name}! Come back soon." : "Bye! Come back soon.",
        Intent.Greeting => memory.Name is { } name ? $"Hello again, {name}! {voice.Greeting}" : voice.Greeting,
        _ => memory.Likes.Count > 0 && turn % 2 == 0
            ? $"Interesting! You told me you like {memory.Likes[0]} — I like {Pick(voice.Interests, turn)}."
            : Pick(["I'm listening… *ears twitch*", "Tell me more!", "Mrr, is that so?"], turn),
    };

    private static string Feeling(CompanionContext cat)
    {
        var stats = cat.Stats;
        if (stats.Satiety < HungryBelow)
            return "Hungry, mostly.";
        if (stats.Energy < TiredBelow)
            return "Sleepy. Very, very sleepy.";
        if (stats.Health < LowBelow)
            return "Not so well — I think I need some care.";
        if (stats.Happiness < LowBelow)
            return "A bit sad, to be honest.";
        if (stats.Cleanliness < LowBelow)
            return "A little scruffy — my coat could use a brush.";
        return stats.Happiness >= 70 ? "Wonderful! Everything is purr-fect." : "I'm fine, thanks for asking.";
    }

    private static string? RecentNews(CompanionContext cat, int turn)
    {
        var news = new List<string>();
        if (cat.NewKittens.Count > 0)
            news.Add($"Have you seen my kittens, {Names(cat.NewKittens)}?");
        if (cat.LastPatrol is { } patrol)
            news.Add($"On my last night watch I {patrol}.");
        return news.Count > 0 ? Pick(news, turn) : null;
    }

    private static Intent IntentOf(string said)
    {
        var text = said.ToLowerInvariant();
        bool Has(Regex pattern) => pattern.IsMatch(text);
        if (Has(AskMyNamePattern()))
            return Intent.AskMyName;
        if (Has(AskYourNamePattern()))
            return Intent.AskYourName;
        if (NameOf(said) is not null)
            return Intent.Introduce;
        if (Has(FoodPattern()))
            return Intent.Food;
        if (Has(HowAreYouPattern()))
            return Intent.HowAreYou;
        if (Has(PatrolPattern()))
            return Intent.Patrol;
        if (Has(KittensPattern()))
            return Intent.Kittens;
        if (Has(PlayPattern()))
            return Intent.Play;
        if (Has(WhatDoYouLikePattern()))
            return Intent.WhatDoYouLike;
        if (Has(ThanksPattern()))
            return Intent.Thanks;
        if (Has(ByePattern()))
            return Intent.Bye;
        if (Has(GreetingPattern()))
            return Intent.Greeting;
        return Intent.Chat;
    }

    /// <summary>"my name is sam", "call me Sam", "I'm Sam" (capitalised, so "I'm tired" is not a name).</summary>
    private static string? NameOf(string line)
    {
        var match = NamePattern().Match(line);
        if (!match.Success)
            match = CapitalisedNamePattern().Match(line);
        if (!match.Success)
            return null;
        var name = match.Groups["name"].Value;
        return NotNames.Contains(name.ToLowerInvariant()) ? null : char.ToUpperInvariant(name[0]) + name[1..];
    }

    private static readonly HashSet<string> NotNames = ["not", "a", "an", "the", "so", "very", "just", "your", "here", "back", "fine", "ok", "okay", "good", "sorry", "hungry", "tired", "happy", "sad"];

    private static string Names(IReadOnlyList<string> names) =>
        names.Count == 1 ? names[0] : string.Join(", ", names.Take(names.Count - 1)) + " and " + names[^1];

    private static string Capitalised(string text) => text.Length == 0 ? text : char.ToUpperInvariant(text[0]) + text[1..];

    private static string Pick(IReadOnlyList<string> options, int turn) => options[turn % options.Count];

    [GeneratedRegex(@"\b(?:my name is|my name's|call me)\s+(?<name>[\p{L}][\p{L}'-]{0,30})", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex NamePattern();

    [GeneratedRegex(@"\b(?:[Ii]'m|[Ii] am|[Tt]his is|[Ii]t's)\s+(?<name>\p{Lu}[\p{L}'-]{0,30})(?:\s*[.!,]|\s*$)", RegexOptions.CultureInvariant)]
    private static partial Regex CapitalisedNamePattern();

    [GeneratedRegex(@"\bi (?:really |also )?(?:like|love|enjoy|adore)\s+(?<thing>[^.!?,;]{2,60})", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex LikesPattern();

    [GeneratedRegex(@"what(?:'s| is) my name|do you (?:know|remember) (?:me|my name|who i am)|who am i|remember my name")]
    private static partial Regex AskMyNamePattern();

    [GeneratedRegex(@"what(?:'s| is) your name|who are you")]
    private static partial Regex AskYourNamePattern();

    [GeneratedRegex(@"\b(?:hungry|food|eat|eaten|treats?|dinner|breakfast|lunch|snack|feed|fed|bowl)\b")]
    private static partial Regex FoodPattern();

    [GeneratedRegex(@"how (?:are|r) (?:you|u)|how do you feel|how(?:'s| is) it going|how are things|you ok|are you (?:ok|okay|alright|well)")]
    private static partial Regex HowAreYouPattern();

    [GeneratedRegex(@"\b(?:patrol|patrols|night watch|bobcats?|strays?)\b")]
    private static partial Regex PatrolPattern();

    [GeneratedRegex(@"\b(?:kittens?|babies|litter)\b")]
    private static partial Regex KittensPattern();

    [GeneratedRegex(@"\b(?:play|playing|game|games|toy|toys)\b")]
    private static partial Regex PlayPattern();

    [GeneratedRegex(@"what do you (?:like|love|enjoy)|favou?rite")]
    private static partial Regex WhatDoYouLikePattern();

    [GeneratedRegex(@"\b(?:thanks|thank you|thx)\b")]
    private static partial Regex ThanksPattern();

    [GeneratedRegex(@"\b(?:bye|goodbye|good night|see you|gotta go)\b")]
    private static partial Regex ByePattern();

    [GeneratedRegex(@"^\s*(?:hi|hello|hey|hiya|howdy|good (?:morning|afternoon|evening)|meow)\b")]
    private static partial Regex GreetingPattern();
}

using Purrr.Core.Common;

namespace Purrr.Core.Cats;

/// <summary>What a player fills in to adopt a cat; a null personality means "surprise me".</summary>
public sealed record AdoptCatRequest(string? Name, string? BreedKey, Personality? Personality = null, bool IsPublic = true);

/// <summary>The rules of adopting a cat.</summary>
public static class CatAdoption
{
    public static IReadOnlyList<Problem> Validate(AdoptCatRequest request)
    {
        var problems = new List<Problem>();
        if (CheckName(request.Name) is { } nameProblem)
            problems.Add(nameProblem);
        if (Breeds.Find(request.BreedKey) is null)
            problems.Add(new("Choose a breed from the list.", nameof(AdoptCatRequest.BreedKey)));
        if (request.Personality is { } personality && !Enum.IsDefined(personality))
            problems.Add(new("Choose a personality from the list.", nameof(AdoptCatRequest.Personality)));
        return problems;
    }

    /// <summary>A cat's name: 1–100 characters once trimmed.</summary>
    public static Problem? CheckName(string? name)
    {
        var trimmed = name?.Trim() ?? "";
        if (trimmed.Length == 0)
            return new("Give your cat a name.", nameof(AdoptCatRequest.Name));
        if (trimmed.Length > Cat.NameMaxLength)
            return new($"A name can have at most {Cat.NameMaxLength} characters (this one has {trimmed.Length}).", nameof(AdoptCatRequest.Name));
        return null;
    }

    /// <summary>A new kitten of the chosen breed, its genome drawn from the breed's gene pool.</summary>
    /// <summary>Stores a newly adopted cat with its first moment ("came home") and the activity achievements count.</summary>
    public static void Welcome(Persistence.IPurrrDb db, UserId owner, Cat cat, DateTimeOffset now)
    {
        db.Cats.Add(cat);
        db.CatEvents.Add(CatEvent.Create(cat.Id, CatEventType.Adopted, $"{cat.Name} came home.", now));
        db.ActivityEvents.Add(Activity.ActivityEvent.Of(owner, cat, Activity.ActivityKind.CatAdopted, now));
        Webhooks.WebhookOutbox.Enqueue(db, owner, Webhooks.WebhookEventTypes.CatCreated, new { CatId = cat.Id.Value, cat.Name, Breed = cat.BreedKey, Source = "adopted" }, now);
    }

    public static Result<Cat> Adopt(UserId owner, AdoptCatRequest request, DateTimeOffset now, IRandomSource random)
    {
        var problems = Validate(request);
        if (problems.Count > 0)
            return Result<Cat>.Failure(problems);

        var breed = Breeds.Find(request.BreedKey)!;
        var personality = request.Personality ?? random.Pick(Personalities.All);
        var genome = breed.GenePool.DrawFounder(random);
        return Cat.NewFounder(owner, request.Name!.Trim(), breed.Key, personality, genome, request.IsPublic, now);
    }
}

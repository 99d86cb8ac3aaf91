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
        var name = request.Name?.Trim() ?? "";
        if (name.Length == 0)
            problems.Add(new("Give your cat a name.", nameof(AdoptCatRequest.Name)));
        else if (name.Length > Cat.NameMaxLength)
            problems.Add(new($"A name can have at most {Cat.NameMaxLength} characters (this one has {name.Length}).", nameof(AdoptCatRequest.Name)));
        if (Breeds.Find(request.BreedKey) is null)
            problems.Add(new("Choose a breed from the list.", nameof(AdoptCatRequest.BreedKey)));
        if (request.Personality is { } personality && !Enum.IsDefined(personality))
            problems.Add(new("Choose a personality from the list.", nameof(AdoptCatRequest.Personality)));
        return problems;
    }

    /// <summary>A new kitten of the chosen breed, its genome drawn from the breed's gene pool.</summary>
    public static Result<Cat> Adopt(UserId owner, AdoptCatRequest request, DateTimeOffset now, IRandomSource random)
    {
        var problems = Validate(request);
        if (problems.Count > 0)
            return Result<Cat>.Failure(problems);

        var breed = Breeds.Find(request.BreedKey)!;
        var personality = request.Personality ?? random.Pick(Personalities.All);
        var genome = breed.GenePool.DrawFounder(random);
        return Cat.NewFounder(owner, request.Name!.Trim(), breed, personality, genome, request.IsPublic, now);
    }
}

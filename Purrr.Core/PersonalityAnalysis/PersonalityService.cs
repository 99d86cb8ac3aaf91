using Microsoft.EntityFrameworkCore;
using Purrr.Core.Cats;
using Purrr.Core.Common;
using Purrr.Core.Events;
using Purrr.Core.Moderation;
using Purrr.Core.Persistence;
using Purrr.Core.Security;

namespace Purrr.Core.PersonalityAnalysis;

public sealed record PersonalityOdds(Personality Personality, double Probability);

public sealed record PersonalityRecommendation(Personality Personality, string Text, bool IsPredicted);

public sealed record FeedbackView(FeedbackRating Rating, Personality? Actual, DateTimeOffset GivenAt);

/// <summary>What the model makes of a cat's last 30 days.</summary>
public sealed record CatPersonalityAnalysis(
    CatId Cat, string CatName, Personality Given, Personality Predicted, IReadOnlyList<PersonalityOdds> Probabilities,
    double Confidence, string ConfidenceLabel, BehaviourScores Scores, int Actions,
    IReadOnlyList<PersonalityRecommendation> Recommendations, bool CanRate, FeedbackView? MyFeedback);

/// <summary>Where an admin's retrain is: running (with progress), or done with a candidate waiting to be activated.</summary>
public sealed record RetrainState(bool Running, double Progress, string Step, PersonalityModelInfo? Candidate, string? Error)
{
    public static readonly RetrainState Idle = new(false, 0, "", null, null);
}

/// <summary>Published at each step of a retrain and when a model is activated (the admin AI page follows it).</summary>
public sealed record PersonalityRetrainChanged(RetrainState State);

/// <summary>Personality analysis of cats, owners' feedback on it, and retraining the model with that feedback (admins).</summary>
public sealed class PersonalityService(IPurrrDbFactory dbFactory, TimeProvider clock, IEventBus bus, PersonalityModels models, SecurityLog securityLog)
{
    /// <summary>Below this many acts in 30 days the analysis says it has too little to go on.</summary>
    public const int FewActions = 15;

    /// <summary>How much one owner's rating weighs against one simulated cat: owners know their cats.</summary>
    public const float FeedbackWeight = 40;

    public const string NotAnAdmin = "Only admins can retrain or activate the personality model.";
    public const string AlreadyRetraining = "A retrain is already running. Wait for it to finish, then look at its accuracy.";

    private readonly Lock retrainGate = new();
    private RetrainState retrain = RetrainState.Idle;
    private PersonalityModels.ActiveModel? candidate;

    public RetrainState Retrain => retrain;

    /// <summary>The model in use: when it was trained and how accurate it was on held-out cats.</summary>
    public async Task<PersonalityModelInfo> ActiveModelAsync(CancellationToken ct = default) => (await models.ActiveAsync(ct)).Info;

    /// <summary>How many owners' ratings the next retrain will learn from.</summary>
    public async Task<int> RatingsAsync(CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateAsync(ct);
        return await db.PersonalityFeedback.CountAsync(ct);
    }

    /// <summary>The analysis of a cat the viewer may see (their own, or a public one); the owner may rate it.</summary>
    public async Task<Result<CatPersonalityAnalysis>> AnalyseAsync(CatId catId, UserId? viewer, CancellationToken ct = default)
    {
        var model = await models.ActiveAsync(ct);
        await using var db = await dbFactory.CreateAsync(ct);
        var cat = await db.Cats.AsNoTracking().Where(c => c.Id == catId)
            .Select(c => new { c.Name, c.OwnerId, c.IsPublic, c.Personality }).FirstOrDefaultAsync(ct);
        if (cat is null || (!cat.IsPublic && cat.OwnerId != viewer))
            return Result<CatPersonalityAnalysis>.Failure("That cat is not one you can see.");

        var features = await FeaturesAsync(db, catId, ct);
        var isOwner = cat.OwnerId == viewer;
        var feedback = isOwner
            ? await db.PersonalityFeedback.AsNoTracking().Where(f => f.CatId == catId && f.PlayerId == viewer)
                .Select(f => new FeedbackView(f.Rating, f.Actual, f.GivenAt)).FirstOrDefaultAsync(ct)
            : null;

        var odds = model.Classifier.Probabilities(features).Select((p, i) => new PersonalityOdds(Personalities.All[i], p)).ToList();
        var top = odds.MaxBy(o => o.Probability)!;
        return new CatPersonalityAnalysis(catId, cat.Name, cat.Personality, top.Personality, odds, top.Probability,
            ConfidenceLabel(top.Probability, features.Actions), BehaviourScores.From(features), features.Actions,
            [.. odds.OrderByDescending(o => o.Probability)
                .Select(o => new PersonalityRecommendation(o.Personality, PersonalityCare.Recommendation(o.Personality), o.Personality == top.Personality))],
            isOwner, feedback);
    }

    /// <summary>High, medium or low, and why when it is low for lack of behaviour.</summary>
    public static string ConfidenceLabel(double topProbability, int actions) =>
        actions < FewActions ? $"Low: only {actions} {(actions == 1 ? "act" : "acts")} in the last {BehaviourFeatures.WindowDays} days"
        : topProbability >= 0.7 ? "High"
        : topProbability >= 0.45 ? "Medium"
        : "Low: its behaviour fits several personalities";

    /// <summary>The owner's rating of the current analysis (a new rating replaces their earlier one).</summary>
    public async Task<Result<FeedbackView>> RateAsync(UserId player, CatId catId, FeedbackRating rating, Personality? actual, CancellationToken ct = default)
    {
        if (!Enum.IsDefined(rating))
            return Result<FeedbackView>.Failure("Choose accurate, somewhat or inaccurate.");
        if (actual is { } given && !Enum.IsDefined(given))
            return Result<FeedbackView>.Failure("Choose one of the six personalities.");
        if (rating == FeedbackRating.Inaccurate && actual is null)
            return Result<FeedbackView>.Failure("Tell us which personality it really has, so the model can learn it.");

        var model = await models.ActiveAsync(ct);
        await using var db = await dbFactory.CreateAsync(ct);
        if (!await db.Cats.AnyAsync(c => c.Id == catId && c.OwnerId == player, ct))
            return Result<FeedbackView>.Failure("Only a cat's owner can rate its personality analysis.");
        var features = await FeaturesAsync(db, catId, ct);
        var now = clock.GetUtcNow();
        var feedback = await db.PersonalityFeedback.FirstOrDefaultAsync(f => f.CatId == catId && f.PlayerId == player, ct);
        if (feedback is null)
            db.PersonalityFeedback.Add(feedback = PersonalityFeedback.Create(catId, player, now));
        feedback.Set(rating, model.Classifier.Predict(features), actual, features, now);
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException)
        {
            return Result<FeedbackView>.Failure("Your rating was just saved from somewhere else. Have a look and try again.");
        }
        return new FeedbackView(feedback.Rating, feedback.Actual, feedback.GivenAt);
    }

    /// <summary>
    /// Trains a new model on the simulator's cats plus every owner's rating, and tests it on held-out cats. The new model
    /// waits as the candidate until an admin activates it. One retrain at a time.
    /// </summary>
    public async Task<Result<PersonalityModelInfo>> RetrainAsync(UserId admin, CancellationToken ct = default)
    {
        lock (retrainGate)
        {
            if (retrain.Running)
                return Result<PersonalityModelInfo>.Failure(AlreadyRetraining);
            Publish(new RetrainState(true, 0, "Checking who asked", null, null));
        }
        try
        {
            if (await RefuseAsync(admin, "retrain the personality model", ct) is { } refused)
            {
                Publish(RetrainState.Idle);
                return Result<PersonalityModelInfo>.Failure(refused);
            }
            Publish(new RetrainState(true, 0.02, "Reading owners' ratings", null, null));
            List<PersonalityFeedback> ratings;
            await using (var db = await dbFactory.CreateAsync(ct))
                ratings = await db.PersonalityFeedback.AsNoTracking().ToListAsync(ct);
            var examples = ratings.Select(f => f.ToExample(FeedbackWeight)).OfType<LabelledBehaviour>().ToList();

            var trained = await Task.Run(() => models.Train(examples, (progress, step) => Publish(new RetrainState(true, progress, step, null, null))), ct);
            await using (var db = await dbFactory.CreateAsync(ct))
            {
                db.AuditLog.Add(AuditEntry.Of(admin, "ai.retrain", "PersonalityModel", "candidate",
                    $"Retrained with {examples.Count} ratings: {trained.Info.HeldOutAccuracy:P1} on held-out cats", clock.GetUtcNow()));
                await db.SaveChangesAsync(ct);
            }
            candidate = trained;
            Publish(new RetrainState(false, 1, "Ready to activate", trained.Info, null));
            return trained.Info;
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            // A bug or an outage: the admin reads it on the page (and can retry) rather than losing the page to it.
            var message = "The retrain failed: " + e.Message;
            Publish(new RetrainState(false, 0, "", null, message));
            return Result<PersonalityModelInfo>.Failure(message);
        }
        finally
        {
            lock (retrainGate)
                if (retrain.Running)
                    Publish(RetrainState.Idle); // cancelled
        }
    }

    /// <summary>Puts the retrained model to use (saved first, so it survives a restart).</summary>
    public async Task<Result<PersonalityModelInfo>> ActivateAsync(UserId admin, CancellationToken ct = default)
    {
        if (await RefuseAsync(admin, "activate a personality model", ct) is { } refused)
            return Result<PersonalityModelInfo>.Failure(refused);
        PersonalityModels.ActiveModel? chosen;
        lock (retrainGate)
        {
            if (retrain.Running)
                return Result<PersonalityModelInfo>.Failure(AlreadyRetraining);
            chosen = Interlocked.Exchange(ref candidate, null);
        }
        if (chosen is null)
            return Result<PersonalityModelInfo>.Failure("There is no retrained model to activate. Retrain first.");
        await models.ActivateAsync(chosen, ct);
        await using (var db = await dbFactory.CreateAsync(ct))
        {
            db.AuditLog.Add(AuditEntry.Of(admin, "ai.activate", "PersonalityModel", "active",
                $"Activated the model trained {chosen.Info.TrainedAt:u}: {chosen.Info.HeldOutAccuracy:P1} on held-out cats", clock.GetUtcNow()));
            await db.SaveChangesAsync(ct);
        }
        Publish(RetrainState.Idle);
        return chosen.Info;
    }

    private void Publish(RetrainState state)
    {
        retrain = state;
        bus.Publish(new PersonalityRetrainChanged(state));
    }

    /// <summary>The cat's behaviour features from its log of the last 30 days.</summary>
    private async Task<BehaviourFeatures> FeaturesAsync(IPurrrDb db, CatId catId, CancellationToken ct)
    {
        var since = clock.GetUtcNow().AddDays(-BehaviourFeatures.WindowDays);
        var log = await db.ActivityEvents.AsNoTracking().Where(e => e.CatId == catId && e.OccurredAt >= since)
            .Select(e => new BehaviourEntry(e.Kind, e.Amount, e.OccurredAt, e.LocalHour, e.CatEnergy)).ToListAsync(ct);
        return BehaviourFeatures.From(log);
    }

    private async Task<string?> RefuseAsync(UserId actor, string what, CancellationToken ct)
    {
        await using (var db = await dbFactory.CreateAsync(ct))
            if (await db.Accounts.AnyAsync(a => a.Id == actor && a.IsAdmin, ct))
                return null;
        await securityLog.RecordAsync(SecurityEventType.UnauthorizedAccess, actor, null, $"Tried to {what} without the Admin role", ct);
        return NotAnAdmin;
    }
}

using Purrr.Core.Common;

namespace Purrr.Core.Companion;

/// <summary>The limits of a chat with one's cat (issue 12): what may be sent, how often, and how much the cat remembers.</summary>
public static class CompanionRules
{
    public const int MessageMaxLength = 1000;
    public static int MessagesPerMinute => Security.RateLimitPolicy.CompanionChat.Limit;

    /// <summary>A model's reply is cut here when stored (the offline engine's are far shorter).</summary>
    public const int StoredMaxLength = 4000;

    /// <summary>Lines of history sent with each message: the cat's memory of the conversation.</summary>
    public const int RememberedLines = 60;

    /// <summary>Lines shown when the chat opens.</summary>
    public const int ShownLines = 50;

    /// <summary>The field of the problem when the model failed after the player's line was stored.</summary>
    public const string ReplyFailedField = "reply";

    public const string NotYourCat = "You can chat only with your own cats.";

    /// <summary>The message as it will be sent (trimmed), or why it cannot be.</summary>
    public static Result<string> Validate(string? typed)
    {
        var text = (typed ?? "").Trim();
        if (text.Length == 0)
            return Result<string>.Failure("Write something to say to your cat first.", "message");
        if (text.Length > MessageMaxLength)
            return Result<string>.Failure($"Messages can be at most {MessageMaxLength:N0} characters (this one has {text.Length:N0}).", "message");
        return text;
    }
}

using Microsoft.Extensions.AI;

namespace Purrr.Core.Ai;

/// <summary>
/// What a request to the <see cref="IChatClient"/> is for. The system message carries the task and its facts as
/// additional properties: a hosted model reads the prompt text, the offline engines read the facts (providers do not
/// send message properties over the wire).
/// </summary>
public static class AiTask
{
    public const string Companion = "companion";
    public const string Writing = "writing";
    public const string Moderation = "moderation";

    private const string TaskKey = "purrr.task";
    private const string FactsKey = "purrr.facts";

    public static ChatMessage System(string task, string prompt, object facts) => new(ChatRole.System, prompt)
    {
        AdditionalProperties = new() { [TaskKey] = task, [FactsKey] = facts },
    };

    /// <summary>The task and facts of a conversation's system message, if it has them.</summary>
    public static (string? Task, object? Facts) Of(IEnumerable<ChatMessage> messages)
    {
        var system = messages.FirstOrDefault(m => m.Role == ChatRole.System);
        var properties = system?.AdditionalProperties;
        if (properties is null)
            return (null, null);
        return (properties.TryGetValue(TaskKey, out var task) ? task as string : null, properties.TryGetValue(FactsKey, out var facts) ? facts : null);
    }
}

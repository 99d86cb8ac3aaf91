using System.Text.Json;
using Microsoft.Extensions.AI;

namespace Purrr.Core.Ai;

/// <summary>One request whose answer is a JSON object, as the writing assistant and moderation scoring ask for.</summary>
public static class AiJson
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    /// <summary>
    /// Sends the task and reads the first JSON object of the reply (hosted models like to wrap it in prose or code
    /// fences); null when the model is unreachable or the reply is not the expected shape.
    /// </summary>
    public static async Task<T?> AskAsync<T>(IChatClient chat, string task, string prompt, object facts, string input, CancellationToken ct) where T : class
    {
        try
        {
            var response = await chat.GetResponseAsync(
                [AiTask.System(task, prompt, facts), new ChatMessage(ChatRole.User, input)],
                new ChatOptions { ResponseFormat = ChatResponseFormat.Json }, ct);
            var text = response.Text;
            var start = text.IndexOf('{');
            var end = text.LastIndexOf('}');
            return start >= 0 && end > start ? JsonSerializer.Deserialize<T>(text[start..(end + 1)], Json) : null;
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            return null; // an outage or a malformed answer: the caller falls back or says so
        }
    }
}

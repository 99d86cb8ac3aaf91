using System.ClientModel;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using OllamaSharp;
using OpenAI;
using Purrr.Core.Ai;

namespace Purrr.Data.Ai;

public enum AiProvider { Offline, OpenAI, Ollama }

/// <summary>
/// The <see cref="IChatClient"/> behind the companion chat, the writing assistant and moderation scoring, chosen by
/// <c>Ai:Provider</c>: Offline (default, no network), OpenAI (any OpenAI-compatible endpoint: <c>Ai:Endpoint</c>,
/// <c>Ai:Model</c>, <c>Ai:ApiKey</c>) or Ollama (<c>Ai:Endpoint</c>, default http://localhost:11434, and <c>Ai:Model</c>).
/// </summary>
public static class AiProviders
{
    public static IServiceCollection AddPurrrAiProvider(this IServiceCollection services, IConfiguration configuration)
    {
        var section = configuration.GetSection("Ai");
        var name = section["Provider"] ?? nameof(AiProvider.Offline);
        if (!Enum.TryParse<AiProvider>(name, ignoreCase: true, out var provider))
            throw new InvalidOperationException($"Ai:Provider must be Offline, OpenAI or Ollama, not '{name}'.");
        var offline = new OfflineAiOptions();
        section.GetSection("Offline").Bind(offline);
        services.AddSingleton(offline);

        switch (provider)
        {
            case AiProvider.OpenAI:
                var key = section["ApiKey"] is { Length: > 0 } k ? k : throw new InvalidOperationException("Ai:Provider is OpenAI: set Ai:ApiKey.");
                var options = new OpenAIClientOptions();
                if (section["Endpoint"] is { Length: > 0 } endpoint)
                    options.Endpoint = new Uri(endpoint);
                services.AddSingleton<IChatClient>(new OpenAI.Chat.ChatClient(section["Model"] ?? "gpt-4o-mini", new ApiKeyCredential(key), options).AsIChatClient());
                break;
            case AiProvider.Ollama:
                var model = section["Model"] is { Length: > 0 } m ? m : throw new InvalidOperationException("Ai:Provider is Ollama: set Ai:Model (e.g. llama3.2).");
                services.AddSingleton<IChatClient>(new OllamaApiClient(new Uri(section["Endpoint"] ?? "http://localhost:11434"), model));
                break;
            default:
                services.AddSingleton<IChatClient, OfflineChatClient>();
                break;
        }
        return services;
    }
}

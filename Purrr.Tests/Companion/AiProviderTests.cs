using Microsoft.Extensions.AI;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using OllamaSharp;
using Purrr.Core;
using Purrr.Core.Ai;
using Purrr.Data.Ai;

namespace Purrr.Tests.Companion;

/// <summary>Which model answers is configuration only (Ai:Provider). Nothing here sends a request.</summary>
[Trait("Category", "Unit")]
public sealed class AiProviderTests
{
    private static IChatClient ChatClientFor(params (string Key, string Value)[] settings)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings.Select(s => KeyValuePair.Create(s.Key, (string?)s.Value))).Build();
        var services = new ServiceCollection().AddPurrrCore();
        services.AddPurrrAiProvider(configuration);
        return services.BuildServiceProvider().GetRequiredService<IChatClient>();
    }

    [Fact]
    public void Without_configuration_the_offline_engine_answers() =>
        Assert.IsType<OfflineChatClient>(ChatClientFor());

    [Fact]
    public void An_OpenAI_compatible_endpoint_is_chosen_by_configuration()
    {
        var client = ChatClientFor(("Ai:Provider", "OpenAI"), ("Ai:Endpoint", "http://127.0.0.1:9/v1"), ("Ai:Model", "local-model"), ("Ai:ApiKey", "sk-test"));

        var metadata = client.GetService<ChatClientMetadata>()!;
        Assert.Equal("openai", metadata.ProviderName);
        Assert.Equal("local-model", metadata.DefaultModelId);
        Assert.Equal("127.0.0.1", metadata.ProviderUri!.Host);
    }

    [Fact]
    public void Ollama_is_chosen_by_configuration() =>
        Assert.IsType<OllamaApiClient>(ChatClientFor(("Ai:Provider", "ollama"), ("Ai:Model", "llama3.2")));

    [Fact]
    public void An_unknown_provider_stops_the_start_with_a_clear_message()
    {
        var failure = Assert.Throws<InvalidOperationException>(() => ChatClientFor(("Ai:Provider", "Skynet")));

        Assert.Equal("Ai:Provider must be Offline, OpenAI or Ollama, not 'Skynet'.", failure.Message);
    }
}

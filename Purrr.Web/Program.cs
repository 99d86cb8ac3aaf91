using Microsoft.AspNetCore.Components.Server.Circuits;
using Microsoft.AspNetCore.DataProtection;
using MudBlazor.Services;
using Purrr.Core;
using Purrr.Core.Admin;
using Purrr.Core.NightWatch;
using Purrr.Data;
using Purrr.Data.Ai;
using Purrr.Data.Setup;
using Purrr.Web.Admin;
using Purrr.Web.Api;
using Purrr.Web.Background;
using Purrr.Web.Components;
using Purrr.Web.Community;
using Purrr.Web.Components.Account;
using Purrr.Web.Crypto;
using Purrr.Web.Health;
using Purrr.Web.Perf;
using Purrr.Web.Presence;
using Purrr.Web.Rooms;
using Purrr.Web.Security;
using Purrr.Web.Nft;
using Purrr.Web.Webhooks;

var builder = WebApplication.CreateBuilder(args);

var storage = PurrrStorage.From(builder.Configuration, builder.Environment.ContentRootPath);
builder.Services.AddPurrrCore();
builder.Services.Configure<NightWatchOptions>(builder.Configuration.GetSection("NightWatch"));
builder.Services.Configure<Purrr.Core.Blockchain.BlockchainOptions>(builder.Configuration.GetSection(Purrr.Core.Blockchain.BlockchainOptions.Section));
builder.Services.AddPurrrData(builder.Configuration, storage);
builder.Services.AddPurrrAiProvider(builder.Configuration);
builder.Services.AddPurrrIdentity(builder.Configuration, builder.Environment);
builder.Services.AddPurrrOAuth(builder.Environment, storage);

// Antiforgery tokens, auth cookies and protected browser storage stay readable after a restart and on every instance.
builder.Services.AddDataProtection()
    .SetApplicationName("Purrr")
    .PersistKeysToDbContext<Purrr.Data.PurrrDbContext>();

builder.Services.AddHostedService<LitterDeliveryWorker>();
builder.Services.AddHostedService<ProgressWorker>();
builder.Services.AddHostedService<NightWatchWorker>();
builder.Services.AddHostedService<SilenceWatchWorker>();
builder.Services.AddHostedService<TerritoryWorker>();
builder.Services.AddHostedService<RoomsWorker>();
builder.Services.AddHostedService<PresenceWorker>();
builder.Services.AddHostedService<ScheduledPostsWorker>();
builder.Services.AddHostedService<TrendingWorker>();
builder.AddPurrrWebhooks();
builder.AddPurrrHttpHardening();
builder.Services.AddHostedService<PersonalityModelWorker>();
builder.AddPurrrCrypto();
builder.AddPurrrNft();
builder.Services.AddHostedService<ScaleOutWorker>();

// Circuit handlers: who is online (presence), and which cats leave their rooms when a tab goes.
builder.Services.AddScoped<CurrentCircuit>();
builder.Services.AddScoped<CircuitHandler, PresenceCircuitHandler>();
builder.Services.AddScoped<CircuitHandler, RoomCircuitHandler>();
builder.Services.AddScoped<OpenEditors>();
builder.Services.AddScoped<CircuitHandler, EditorCircuitHandler>();
builder.Services.AddScoped<IBrowserDrafts, ProtectedBrowserDrafts>();

// A long paste (100,000 characters) must reach the services and be refused with a message: over SignalR's default 32 KB
// a single input event drops the whole circuit instead.
builder.Services.AddRazorComponents().AddInteractiveServerComponents().AddHubOptions(hub => hub.MaximumReceiveMessageSize = 1024 * 1024);
builder.Services.AddMudServices();
builder.Services.AddPurrrHealthChecks();
builder.Services.AddPurrrApi();
builder.AddPurrrProcessMetrics();

var app = builder.Build();
app.UseFirstPageGate(); // before anything else, so the first response opens it

await app.Services.InitializePurrrDatabaseAsync();
// Created now, so that the flags' one bus subscription exists before the first circuit (tests count the rest).
app.Services.GetRequiredService<FeatureFlags>();
if (app.Environment.IsDevelopment())
    await app.Services.SeedOAuthDemoClientsAsync();

if (!app.Environment.IsDevelopment())
{
    app.UseExceptionHandler("/Error", createScopeForErrors: true);
    app.UseHsts();
    app.UseHttpsRedirection();
}
app.UsePurrrHttpHardening();
app.UseStatusCodePagesWithReExecute("/not-found", createScopeForStatusCodePages: true);
app.UsePurrrApiErrors();

app.UseAuthentication();
// API rate limits come before authorization, so that every /api answer (401s too) counts and carries the headers.
app.UseApiRateLimits();
app.UseAuthorization();
app.UseAntiforgery();

app.MapStaticAssets();
// The one Content-Security-Policy (Security/HttpHardening) already says frame-ancestors 'none'.
app.MapRazorComponents<App>().AddInteractiveServerRenderMode(o => o.ContentSecurityFrameAncestorsPolicy = null);
app.MapAccountEndpoints();
app.MapImageEndpoints();
app.MapUserExport();
app.MapPurrrHealthChecks();
app.MapPurrrApi();
app.MapOAuthEndpoints();
app.MapPrivacyEndpoints();
app.MapPaymentWebhook();
app.MapNftMetadata();
app.MapPurrrProcessMetrics();

app.Run();

/// <summary>Visible to the tests' WebApplicationFactory.</summary>
public partial class Program;

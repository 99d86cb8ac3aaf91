using Microsoft.EntityFrameworkCore;
using Purrr.Core.Persistence;

namespace Purrr.Data;

/// <summary>Core's door to the database: a fresh context per operation.</summary>
public sealed class PurrrDbFactory(IDbContextFactory<PurrrDbContext> contexts) : IPurrrDbFactory
{
    public async Task<IPurrrDb> CreateAsync(CancellationToken cancellationToken = default) =>
        await contexts.CreateDbContextAsync(cancellationToken);
}

/// <summary>Serves the provider's context subclass as the base type the rest of the app asks for.</summary>
internal sealed class BaseContextFactory<TContext>(IDbContextFactory<TContext> inner) : IDbContextFactory<PurrrDbContext>
    where TContext : PurrrDbContext
{
    public PurrrDbContext CreateDbContext() => inner.CreateDbContext();

    public async Task<PurrrDbContext> CreateDbContextAsync(CancellationToken cancellationToken = default) =>
        await inner.CreateDbContextAsync(cancellationToken);
}

using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Purrr.Core.Accounts;
using Purrr.Core.Mail;
using Purrr.Core.Persistence;
using Purrr.Core.Search;
using Purrr.Data.Accounts;
using Purrr.Data.Mail;
using Purrr.Data.Redis;
using Purrr.Data.Search;
using Purrr.Data.Setup;
using Purrr.Data.Testing;

namespace Purrr.Data;

public enum DatabaseProvider { Sqlite, SqlServer }

public static class PurrrDataServices
{
    /// <summary>
    /// The database (chosen by <c>Database:Provider</c>, SQLite by default), storage folder, mail drop and
    /// the account pieces Identity plugs in.
    /// </summary>
    public static IServiceCollection AddPurrrData(this IServiceCollection services, IConfiguration configuration, PurrrStorage storage)
    {
        services.AddSingleton(storage);

        var provider = Enum.TryParse<DatabaseProvider>(configuration["Database:Provider"] ?? "Sqlite", ignoreCase: true, out var parsed)
            ? parsed
            : throw new InvalidOperationException($"Database:Provider must be Sqlite or SqlServer, not '{configuration["Database:Provider"]}'.");
        var connectionString = configuration.GetConnectionString("Purrr") is { Length: > 0 } configured ? configured : null;
        services.AddSingleton(new DatabaseSettings(provider));

        if (provider == DatabaseProvider.Sqlite)
        {
            connectionString ??= $"Data Source={storage.SqliteFile}";
            services.AddDbContextFactory<SqlitePurrrDbContext>(o => o.UseSqlite(connectionString).AddTestingCrashPoint(configuration));
            services.AddSingleton<IDbContextFactory<PurrrDbContext>>(sp =>
                new BaseContextFactory<SqlitePurrrDbContext>(sp.GetRequiredService<IDbContextFactory<SqlitePurrrDbContext>>()));
            services.AddSingleton<IPostSearch, SqlitePostSearch>();
        }
        else
        {
            if (string.IsNullOrWhiteSpace(connectionString))
                throw new InvalidOperationException("Database:Provider is SqlServer: set ConnectionStrings:Purrr.");
            services.AddDbContextFactory<SqlServerPurrrDbContext>(o => o.UseSqlServer(connectionString).AddTestingCrashPoint(configuration));
            services.AddSingleton<IDbContextFactory<PurrrDbContext>>(sp =>
                new BaseContextFactory<SqlServerPurrrDbContext>(sp.GetRequiredService<IDbContextFactory<SqlServerPurrrDbContext>>()));
            services.AddSingleton<IPostSearch>(sp => new SqlServerPostSearch(sp.GetRequiredService<IDbContextFactory<PurrrDbContext>>()));
        }

        // Identity's stores want a scoped context; it still comes from the factory, one per request.
        services.AddScoped(sp => sp.GetRequiredService<IDbContextFactory<PurrrDbContext>>().CreateDbContext());
        services.AddSingleton<IPurrrDbFactory, PurrrDbFactory>();
        services.AddSingleton<IMailSender, FolderMailSender>();
        services.AddSingleton<Purrr.Core.Blockchain.IChainGateway, Blockchain.NethereumChainGateway>();
        services.AddSingleton<Purrr.Core.Blockchain.IWalletCrypto, Blockchain.NethereumWalletCrypto>();
        services.AddSingleton<Purrr.Core.Blockchain.INftChain, Blockchain.NethereumNftChain>();
        services.AddSingleton<Purrr.Core.Community.IImageStore, Community.SkiaImageStore>();
        services.AddSingleton<Purrr.Core.PersonalityAnalysis.IPersonalityModelStore, PersonalityAnalysis.FilePersonalityModelStore>();

        services.Configure<Argon2Options>(configuration.GetSection("Accounts:Argon2"));
        services.Configure<AccountOptions>(configuration.GetSection("Accounts"));
        services.Configure<DemoOptions>(configuration.GetSection("Demo"));
        services.AddScoped<AccountService>();
        services.AddSingleton<IAccountAdmin, IdentityAccountAdmin>();
        services.AddOpenIddict().AddCore(openIddict => openIddict.UseEntityFrameworkCore().UseDbContext<PurrrDbContext>());
        services.AddScoped<OAuth.OAuthClients>();
        services.AddSingleton<Purrr.Core.Accounts.IAccountStore, IdentityAccountStore>();
        services.AddScoped<DatabaseInitializer>();
        Webhooks.HttpWebhookTransport.AddTo(services, configuration);
        Payments.PaymentServices.AddPurrrPayments(services, configuration);
        services.AddScoped<DemoWorld>();
        services.AddSingleton<DemoWorldSeeding>();
        services.AddSingleton<FirstPageGate>();
        services.AddPurrrRedis(configuration);
        return services;
    }
}

public sealed record DatabaseSettings(DatabaseProvider Provider);

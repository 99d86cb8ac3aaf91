using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Migrations;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Purrr.Data;
using Purrr.Tests.Infrastructure;

namespace Purrr.Tests.Setup;

[Trait("Category", "Integration")]
public class MigrationTests
{
    /// <summary>Every table the model maps an entity to (owned types and table splitting share their owner's).</summary>
    private static List<string> TablesOf(DbContext context) =>
        context.Model.GetEntityTypes().Select(t => t.GetTableName()).OfType<string>().Distinct().Order(StringComparer.Ordinal).ToList();

    [Fact]
    public async Task The_sqlite_migrations_build_the_whole_schema_in_an_empty_database()
    {
        await using var database = await TestDatabase.CreateAsync();
        await using var db = database.NewContext();

        Assert.Empty(await db.Database.GetPendingMigrationsAsync());
        var created = await db.Database.SqlQueryRaw<string>("SELECT name AS Value FROM sqlite_master WHERE type = 'table'").ToListAsync();
        var tables = TablesOf(db);
        Assert.Contains("Cats", tables);
        Assert.All(tables, table => Assert.Contains(table, created));
        Assert.Equal(0, await db.Cats.CountAsync());
        Assert.Equal(0, await db.Users.CountAsync());
    }

    [Fact]
    public void Both_migration_sets_are_in_step_with_the_model()
    {
        using var sqlite = new SqliteDesignTimeFactory().CreateDbContext([]);
        using var sqlServer = new SqlServerDesignTimeFactory().CreateDbContext([]);

        Assert.False(sqlite.Database.HasPendingModelChanges(), "Add a SQLite migration: dotnet ef migrations add <Name> --context SqlitePurrrDbContext --output-dir Migrations/Sqlite");
        Assert.False(sqlServer.Database.HasPendingModelChanges(), "Add a SQL Server migration: dotnet ef migrations add <Name> --context SqlServerPurrrDbContext --output-dir Migrations/SqlServer");
        Assert.Equal(sqlite.Database.GetMigrations().Count(), sqlServer.Database.GetMigrations().Count());
    }

    [Fact]
    public void The_sql_server_script_creates_every_table()
    {
        using var sqlServer = new SqlServerDesignTimeFactory().CreateDbContext([]);
        var script = sqlServer.GetService<IMigrator>().GenerateScript(options: MigrationsSqlGenerationOptions.Idempotent);

        var tables = TablesOf(sqlServer);
        Assert.Contains("Cats", tables);
        Assert.All(tables, table => Assert.Contains($"CREATE TABLE [{table}]", script));
        Assert.Contains("datetimeoffset", script); // native instants on SQL Server
        Assert.DoesNotContain("AUTOINCREMENT", script); // no SQLite dialect leaked in
    }

    [Fact]
    public void The_sql_server_script_creates_every_index_and_the_scale_out_tables()
    {
        using var sqlServer = new SqlServerDesignTimeFactory().CreateDbContext([]);
        var script = sqlServer.GetService<IMigrator>().GenerateScript(options: MigrationsSqlGenerationOptions.Idempotent);
        // Kept with the test results, so CI has the production script to look at.
        var folder = Directory.CreateDirectory(Path.Combine(AppContext.BaseDirectory, "TestResults"));
        File.WriteAllText(Path.Combine(folder.FullName, "purrr-sqlserver.sql"), script);

        var indexes = sqlServer.Model.GetEntityTypes().SelectMany(t => t.GetIndexes()).Select(i => (Name: i.GetDatabaseName()!, i.IsUnique)).Distinct().ToList();
        Assert.NotEmpty(indexes);
        Assert.All(indexes, index => Assert.Contains(index.IsUnique ? $"CREATE UNIQUE INDEX [{index.Name}]" : $"CREATE INDEX [{index.Name}]", script));
        Assert.Contains("CREATE TABLE [DataProtectionKeys]", script);
        Assert.Contains("CREATE TABLE [WorkLeases]", script);
        Assert.Contains("[Job] nvarchar(100) NOT NULL", script);
    }
}

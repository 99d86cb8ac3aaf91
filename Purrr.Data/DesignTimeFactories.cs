using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace Purrr.Data;

// Used only by `dotnet ef` to build each provider's migrations; the app configures contexts in PurrrDataServices.

public sealed class SqliteDesignTimeFactory : IDesignTimeDbContextFactory<SqlitePurrrDbContext>
{
    public SqlitePurrrDbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<SqlitePurrrDbContext>().UseSqlite("Data Source=design-time.db").Options);
}

public sealed class SqlServerDesignTimeFactory : IDesignTimeDbContextFactory<SqlServerPurrrDbContext>
{
    public SqlServerPurrrDbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<SqlServerPurrrDbContext>().UseSqlServer("Server=.;Database=Purrr;Trusted_Connection=True;TrustServerCertificate=True").Options);
}

using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Purrr.Data.Migrations.SqlServer
{
    /// <summary>
    /// Nothing on SQL Server: this pairs the SQLite migration of the same name (post search index), which is raw SQL.
    /// SQL Server searches with CONTAINS once a full-text index exists on Posts, otherwise with LIKE (SqlServerPostSearch).
    /// </summary>
    public partial class Search : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {

        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {

        }
    }
}

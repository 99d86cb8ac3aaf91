using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Purrr.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class FeatureFlags : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "FeatureFlags",
                columns: table => new
                {
                    Feature = table.Column<string>(type: "TEXT", maxLength: 30, nullable: false),
                    Enabled = table.Column<bool>(type: "INTEGER", nullable: false),
                    UpdatedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    UpdatedById = table.Column<Guid>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_FeatureFlags", x => x.Feature);
                });

            migrationBuilder.CreateIndex(
                name: "IX_Players_JoinedAt",
                table: "Players",
                column: "JoinedAt");

            migrationBuilder.CreateIndex(
                name: "IX_Players_LastSeenAt",
                table: "Players",
                column: "LastSeenAt");

            migrationBuilder.CreateIndex(
                name: "IX_LedgerEntries_At",
                table: "LedgerEntries",
                column: "At");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "FeatureFlags");

            migrationBuilder.DropIndex(
                name: "IX_Players_JoinedAt",
                table: "Players");

            migrationBuilder.DropIndex(
                name: "IX_Players_LastSeenAt",
                table: "Players");

            migrationBuilder.DropIndex(
                name: "IX_LedgerEntries_At",
                table: "LedgerEntries");
        }
    }
}

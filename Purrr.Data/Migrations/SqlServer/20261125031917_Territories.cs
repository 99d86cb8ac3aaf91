using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Purrr.Data.Migrations.SqlServer
{
    /// <inheritdoc />
    public partial class Territories : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<int>(
                name: "Perks_AgilityPerDay",
                table: "Cats",
                type: "int",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<int>(
                name: "Perks_HappinessPerDay",
                table: "Cats",
                type: "int",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<int>(
                name: "Perks_SocialPerDay",
                table: "Cats",
                type: "int",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<int>(
                name: "Perks_StrengthPerDay",
                table: "Cats",
                type: "int",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.CreateTable(
                name: "Territories",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    Type = table.Column<string>(type: "nvarchar(10)", maxLength: 10, nullable: false),
                    Latitude = table.Column<double>(type: "float", nullable: false),
                    Longitude = table.Column<double>(type: "float", nullable: false),
                    CatId = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    OwnerId = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    HeldSince = table.Column<DateTimeOffset>(type: "datetimeoffset", nullable: false),
                    ProtectedUntil = table.Column<DateTimeOffset>(type: "datetimeoffset", nullable: true),
                    Version = table.Column<int>(type: "int", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Territories", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Territories_Cats_CatId",
                        column: x => x.CatId,
                        principalTable: "Cats",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_Territories_Players_OwnerId",
                        column: x => x.OwnerId,
                        principalTable: "Players",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "TerritoryChallenges",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    TerritoryId = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    Type = table.Column<string>(type: "nvarchar(10)", maxLength: 10, nullable: false),
                    Latitude = table.Column<double>(type: "float", nullable: false),
                    Longitude = table.Column<double>(type: "float", nullable: false),
                    ChallengerId = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    ChallengerCatId = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    ChallengerCatName = table.Column<string>(type: "nvarchar(100)", maxLength: 100, nullable: false),
                    DefenderId = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    HolderCatId = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    HolderCatName = table.Column<string>(type: "nvarchar(100)", maxLength: 100, nullable: false),
                    DefendingCatId = table.Column<Guid>(type: "uniqueidentifier", nullable: true),
                    DefendingCatName = table.Column<string>(type: "nvarchar(100)", maxLength: 100, nullable: true),
                    Status = table.Column<string>(type: "nvarchar(16)", maxLength: 16, nullable: false),
                    IssuedAt = table.Column<DateTimeOffset>(type: "datetimeoffset", nullable: false),
                    AnswerBy = table.Column<DateTimeOffset>(type: "datetimeoffset", nullable: false),
                    SettledAt = table.Column<DateTimeOffset>(type: "datetimeoffset", nullable: true),
                    ChallengerChance = table.Column<double>(type: "float", nullable: true),
                    Roll = table.Column<double>(type: "float", nullable: true),
                    Version = table.Column<int>(type: "int", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_TerritoryChallenges", x => x.Id);
                    table.ForeignKey(
                        name: "FK_TerritoryChallenges_Players_ChallengerId",
                        column: x => x.ChallengerId,
                        principalTable: "Players",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_TerritoryChallenges_Players_DefenderId",
                        column: x => x.DefenderId,
                        principalTable: "Players",
                        principalColumn: "Id");
                });

            migrationBuilder.CreateIndex(
                name: "IX_Territories_CatId",
                table: "Territories",
                column: "CatId");

            migrationBuilder.CreateIndex(
                name: "IX_Territories_HeldSince",
                table: "Territories",
                column: "HeldSince");

            migrationBuilder.CreateIndex(
                name: "IX_Territories_Latitude_Longitude",
                table: "Territories",
                columns: new[] { "Latitude", "Longitude" });

            migrationBuilder.CreateIndex(
                name: "IX_Territories_OwnerId",
                table: "Territories",
                column: "OwnerId");

            migrationBuilder.CreateIndex(
                name: "IX_TerritoryChallenges_ChallengerCatId",
                table: "TerritoryChallenges",
                column: "ChallengerCatId");

            migrationBuilder.CreateIndex(
                name: "IX_TerritoryChallenges_ChallengerId_IssuedAt",
                table: "TerritoryChallenges",
                columns: new[] { "ChallengerId", "IssuedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_TerritoryChallenges_DefenderId_IssuedAt",
                table: "TerritoryChallenges",
                columns: new[] { "DefenderId", "IssuedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_TerritoryChallenges_Status_AnswerBy",
                table: "TerritoryChallenges",
                columns: new[] { "Status", "AnswerBy" });

            migrationBuilder.CreateIndex(
                name: "IX_TerritoryChallenges_TerritoryId",
                table: "TerritoryChallenges",
                column: "TerritoryId");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "Territories");

            migrationBuilder.DropTable(
                name: "TerritoryChallenges");

            migrationBuilder.DropColumn(
                name: "Perks_AgilityPerDay",
                table: "Cats");

            migrationBuilder.DropColumn(
                name: "Perks_HappinessPerDay",
                table: "Cats");

            migrationBuilder.DropColumn(
                name: "Perks_SocialPerDay",
                table: "Cats");

            migrationBuilder.DropColumn(
                name: "Perks_StrengthPerDay",
                table: "Cats");
        }
    }
}

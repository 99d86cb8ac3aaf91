using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Purrr.Data.Migrations.SqlServer
{
    /// <inheritdoc />
    public partial class PersonalityAnalysis : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<int>(
                name: "CatEnergy",
                table: "ActivityEvents",
                type: "int",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "CatHappiness",
                table: "ActivityEvents",
                type: "int",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "CatHealth",
                table: "ActivityEvents",
                type: "int",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "CatSatiety",
                table: "ActivityEvents",
                type: "int",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "LocalHour",
                table: "ActivityEvents",
                type: "int",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "PersonalityFeedback",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    CatId = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    PlayerId = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    Rating = table.Column<string>(type: "nvarchar(20)", maxLength: 20, nullable: false),
                    Predicted = table.Column<string>(type: "nvarchar(20)", maxLength: 20, nullable: false),
                    Actual = table.Column<string>(type: "nvarchar(20)", maxLength: 20, nullable: true),
                    Features = table.Column<string>(type: "nvarchar(400)", maxLength: 400, nullable: false),
                    GivenAt = table.Column<DateTimeOffset>(type: "datetimeoffset", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_PersonalityFeedback", x => x.Id);
                    table.ForeignKey(
                        name: "FK_PersonalityFeedback_Cats_CatId",
                        column: x => x.CatId,
                        principalTable: "Cats",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_PersonalityFeedback_Players_PlayerId",
                        column: x => x.PlayerId,
                        principalTable: "Players",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_PersonalityFeedback_CatId_PlayerId",
                table: "PersonalityFeedback",
                columns: new[] { "CatId", "PlayerId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_PersonalityFeedback_PlayerId",
                table: "PersonalityFeedback",
                column: "PlayerId");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "PersonalityFeedback");

            migrationBuilder.DropColumn(
                name: "CatEnergy",
                table: "ActivityEvents");

            migrationBuilder.DropColumn(
                name: "CatHappiness",
                table: "ActivityEvents");

            migrationBuilder.DropColumn(
                name: "CatHealth",
                table: "ActivityEvents");

            migrationBuilder.DropColumn(
                name: "CatSatiety",
                table: "ActivityEvents");

            migrationBuilder.DropColumn(
                name: "LocalHour",
                table: "ActivityEvents");
        }
    }
}

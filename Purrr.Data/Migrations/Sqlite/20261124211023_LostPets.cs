using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Purrr.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class LostPets : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<bool>(
                name: "LostPetAlerts",
                table: "Players",
                type: "INTEGER",
                nullable: false,
                defaultValue: false);

            migrationBuilder.CreateTable(
                name: "LostPets",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    OwnerId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Name = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    Type = table.Column<string>(type: "TEXT", maxLength: 10, nullable: false),
                    Breed = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    Colour = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    Size = table.Column<string>(type: "TEXT", maxLength: 10, nullable: false),
                    AgeYears = table.Column<int>(type: "INTEGER", nullable: true),
                    Description = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: false),
                    Features = table.Column<string>(type: "TEXT", maxLength: 500, nullable: false),
                    LastSeenPlace = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Latitude = table.Column<double>(type: "REAL", nullable: false),
                    Longitude = table.Column<double>(type: "REAL", nullable: false),
                    LastSeenAt = table.Column<long>(type: "INTEGER", nullable: false),
                    ContactPhone = table.Column<string>(type: "TEXT", maxLength: 30, nullable: false),
                    ContactEmail = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    ShareContact = table.Column<bool>(type: "INTEGER", nullable: false),
                    Reward = table.Column<string>(type: "TEXT", maxLength: 50, nullable: false),
                    Status = table.Column<string>(type: "TEXT", maxLength: 10, nullable: false),
                    CreatedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    ClosedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    ThankYou = table.Column<string>(type: "TEXT", maxLength: 500, nullable: false),
                    Version = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_LostPets", x => x.Id);
                    table.ForeignKey(
                        name: "FK_LostPets_Players_OwnerId",
                        column: x => x.OwnerId,
                        principalTable: "Players",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "LostPetPhotos",
                columns: table => new
                {
                    LostPetId = table.Column<Guid>(type: "TEXT", nullable: false),
                    ImageId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Position = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_LostPetPhotos", x => new { x.LostPetId, x.ImageId });
                    table.ForeignKey(
                        name: "FK_LostPetPhotos_LostPets_LostPetId",
                        column: x => x.LostPetId,
                        principalTable: "LostPets",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_LostPetPhotos_StoredImages_ImageId",
                        column: x => x.ImageId,
                        principalTable: "StoredImages",
                        principalColumn: "Id");
                });

            migrationBuilder.CreateTable(
                name: "LostPetSightings",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    LostPetId = table.Column<Guid>(type: "TEXT", nullable: false),
                    ReporterId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Place = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Latitude = table.Column<double>(type: "REAL", nullable: false),
                    Longitude = table.Column<double>(type: "REAL", nullable: false),
                    SeenAt = table.Column<long>(type: "INTEGER", nullable: false),
                    Description = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: false),
                    Confidence = table.Column<string>(type: "TEXT", maxLength: 10, nullable: false),
                    ImageId = table.Column<Guid>(type: "TEXT", nullable: true),
                    CreatedAt = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_LostPetSightings", x => x.Id);
                    table.ForeignKey(
                        name: "FK_LostPetSightings_LostPets_LostPetId",
                        column: x => x.LostPetId,
                        principalTable: "LostPets",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_LostPetSightings_Players_ReporterId",
                        column: x => x.ReporterId,
                        principalTable: "Players",
                        principalColumn: "Id");
                });

            migrationBuilder.CreateIndex(
                name: "IX_LostPetPhotos_ImageId",
                table: "LostPetPhotos",
                column: "ImageId");

            migrationBuilder.CreateIndex(
                name: "IX_LostPets_CreatedAt",
                table: "LostPets",
                column: "CreatedAt");

            migrationBuilder.CreateIndex(
                name: "IX_LostPets_OwnerId",
                table: "LostPets",
                column: "OwnerId");

            migrationBuilder.CreateIndex(
                name: "IX_LostPets_Status_Latitude_Longitude",
                table: "LostPets",
                columns: new[] { "Status", "Latitude", "Longitude" });

            migrationBuilder.CreateIndex(
                name: "IX_LostPetSightings_LostPetId_SeenAt",
                table: "LostPetSightings",
                columns: new[] { "LostPetId", "SeenAt" });

            migrationBuilder.CreateIndex(
                name: "IX_LostPetSightings_ReporterId",
                table: "LostPetSightings",
                column: "ReporterId");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "LostPetPhotos");

            migrationBuilder.DropTable(
                name: "LostPetSightings");

            migrationBuilder.DropTable(
                name: "LostPets");

            migrationBuilder.DropColumn(
                name: "LostPetAlerts",
                table: "Players");
        }
    }
}

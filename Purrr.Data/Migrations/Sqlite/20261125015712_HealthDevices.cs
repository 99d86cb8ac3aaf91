using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Purrr.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class HealthDevices : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "HealthAlerts",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    OwnerId = table.Column<Guid>(type: "TEXT", nullable: false),
                    CatId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Kind = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    Text = table.Column<string>(type: "TEXT", maxLength: 300, nullable: false),
                    StartedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    EndedAt = table.Column<long>(type: "INTEGER", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_HealthAlerts", x => x.Id);
                    table.ForeignKey(
                        name: "FK_HealthAlerts_Players_OwnerId",
                        column: x => x.OwnerId,
                        principalTable: "Players",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "HealthDevices",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    OwnerId = table.Column<Guid>(type: "TEXT", nullable: false),
                    CatId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Type = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    Serial = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    KeyPrefix = table.Column<string>(type: "TEXT", maxLength: 10, nullable: false),
                    KeyHash = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    CreatedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    LastReadingAt = table.Column<long>(type: "INTEGER", nullable: true),
                    RevokedAt = table.Column<long>(type: "INTEGER", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_HealthDevices", x => x.Id);
                    table.ForeignKey(
                        name: "FK_HealthDevices_Cats_CatId",
                        column: x => x.CatId,
                        principalTable: "Cats",
                        principalColumn: "Id");
                    table.ForeignKey(
                        name: "FK_HealthDevices_Players_OwnerId",
                        column: x => x.OwnerId,
                        principalTable: "Players",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "HealthReadings",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    DeviceId = table.Column<Guid>(type: "TEXT", nullable: false),
                    OwnerId = table.Column<Guid>(type: "TEXT", nullable: false),
                    CatId = table.Column<Guid>(type: "TEXT", nullable: false),
                    ReadingId = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    TakenAt = table.Column<long>(type: "INTEGER", nullable: false),
                    ReceivedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    WeightGrams = table.Column<int>(type: "INTEGER", nullable: true),
                    Steps = table.Column<int>(type: "INTEGER", nullable: true),
                    ActiveMinutes = table.Column<int>(type: "INTEGER", nullable: true),
                    TemperatureC = table.Column<double>(type: "REAL", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_HealthReadings", x => x.Id);
                    table.ForeignKey(
                        name: "FK_HealthReadings_HealthDevices_DeviceId",
                        column: x => x.DeviceId,
                        principalTable: "HealthDevices",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_HealthAlerts_CatId_Kind_EndedAt",
                table: "HealthAlerts",
                columns: new[] { "CatId", "Kind", "EndedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_HealthAlerts_OwnerId",
                table: "HealthAlerts",
                column: "OwnerId");

            migrationBuilder.CreateIndex(
                name: "IX_HealthDevices_CatId",
                table: "HealthDevices",
                column: "CatId");

            migrationBuilder.CreateIndex(
                name: "IX_HealthDevices_KeyHash",
                table: "HealthDevices",
                column: "KeyHash",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_HealthDevices_OwnerId_CatId",
                table: "HealthDevices",
                columns: new[] { "OwnerId", "CatId" });

            migrationBuilder.CreateIndex(
                name: "IX_HealthReadings_CatId_TakenAt",
                table: "HealthReadings",
                columns: new[] { "CatId", "TakenAt" });

            migrationBuilder.CreateIndex(
                name: "IX_HealthReadings_DeviceId_ReadingId",
                table: "HealthReadings",
                columns: new[] { "DeviceId", "ReadingId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_HealthReadings_OwnerId",
                table: "HealthReadings",
                column: "OwnerId");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "HealthAlerts");

            migrationBuilder.DropTable(
                name: "HealthReadings");

            migrationBuilder.DropTable(
                name: "HealthDevices");
        }
    }
}

using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Purrr.Data.Migrations.SqlServer
{
    /// <inheritdoc />
    public partial class CatLife : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<long>(
                name: "Coins",
                table: "Players",
                type: "bigint",
                nullable: false,
                defaultValue: 0L);

            migrationBuilder.AddColumn<int>(
                name: "Version",
                table: "Players",
                type: "int",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "BreedingCooldownUntil",
                table: "Cats",
                type: "datetimeoffset",
                nullable: true);

            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "LastFedAt",
                table: "Cats",
                type: "datetimeoffset",
                nullable: true);

            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "LastGroomedAt",
                table: "Cats",
                type: "datetimeoffset",
                nullable: true);

            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "LastPlayedAt",
                table: "Cats",
                type: "datetimeoffset",
                nullable: true);

            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "LastRestedAt",
                table: "Cats",
                type: "datetimeoffset",
                nullable: true);

            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "LastTrainedAt",
                table: "Cats",
                type: "datetimeoffset",
                nullable: true);

            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "NapUntil",
                table: "Cats",
                type: "datetimeoffset",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "Version",
                table: "Cats",
                type: "int",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.CreateTable(
                name: "BreedingOffers",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    FromPlayerId = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    FromCatId = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    ToPlayerId = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    ToCatId = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    CreatedAt = table.Column<DateTimeOffset>(type: "datetimeoffset", nullable: false),
                    ExpiresAt = table.Column<DateTimeOffset>(type: "datetimeoffset", nullable: false),
                    Status = table.Column<string>(type: "nvarchar(12)", maxLength: 12, nullable: false),
                    RespondedAt = table.Column<DateTimeOffset>(type: "datetimeoffset", nullable: true),
                    PregnancyId = table.Column<Guid>(type: "uniqueidentifier", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_BreedingOffers", x => x.Id);
                    table.ForeignKey(
                        name: "FK_BreedingOffers_Cats_FromCatId",
                        column: x => x.FromCatId,
                        principalTable: "Cats",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_BreedingOffers_Cats_ToCatId",
                        column: x => x.ToCatId,
                        principalTable: "Cats",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_BreedingOffers_Players_FromPlayerId",
                        column: x => x.FromPlayerId,
                        principalTable: "Players",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_BreedingOffers_Players_ToPlayerId",
                        column: x => x.ToPlayerId,
                        principalTable: "Players",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "CatEvents",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("SqlServer:Identity", "1, 1"),
                    CatId = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    Type = table.Column<string>(type: "nvarchar(20)", maxLength: 20, nullable: false),
                    Detail = table.Column<string>(type: "nvarchar(200)", maxLength: 200, nullable: false),
                    At = table.Column<DateTimeOffset>(type: "datetimeoffset", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_CatEvents", x => x.Id);
                    table.ForeignKey(
                        name: "FK_CatEvents_Cats_CatId",
                        column: x => x.CatId,
                        principalTable: "Cats",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "InventoryItems",
                columns: table => new
                {
                    PlayerId = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    ItemKey = table.Column<string>(type: "nvarchar(40)", maxLength: 40, nullable: false),
                    Quantity = table.Column<int>(type: "int", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_InventoryItems", x => new { x.PlayerId, x.ItemKey });
                    table.ForeignKey(
                        name: "FK_InventoryItems_Players_PlayerId",
                        column: x => x.PlayerId,
                        principalTable: "Players",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "LedgerEntries",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("SqlServer:Identity", "1, 1"),
                    PlayerId = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    Amount = table.Column<long>(type: "bigint", nullable: false),
                    BalanceAfter = table.Column<long>(type: "bigint", nullable: false),
                    Reason = table.Column<string>(type: "nvarchar(20)", maxLength: 20, nullable: false),
                    Reference = table.Column<string>(type: "nvarchar(100)", maxLength: 100, nullable: false),
                    IdempotencyKey = table.Column<string>(type: "nvarchar(64)", maxLength: 64, nullable: true),
                    At = table.Column<DateTimeOffset>(type: "datetimeoffset", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_LedgerEntries", x => x.Id);
                    table.ForeignKey(
                        name: "FK_LedgerEntries_Players_PlayerId",
                        column: x => x.PlayerId,
                        principalTable: "Players",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "Pregnancies",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    MotherId = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    FatherId = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    OwnerId = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    ConceivedAt = table.Column<DateTimeOffset>(type: "datetimeoffset", nullable: false),
                    DueAt = table.Column<DateTimeOffset>(type: "datetimeoffset", nullable: false),
                    BornAt = table.Column<DateTimeOffset>(type: "datetimeoffset", nullable: true),
                    LitterSize = table.Column<int>(type: "int", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Pregnancies", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Pregnancies_Cats_FatherId",
                        column: x => x.FatherId,
                        principalTable: "Cats",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_Pregnancies_Cats_MotherId",
                        column: x => x.MotherId,
                        principalTable: "Cats",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_Pregnancies_Players_OwnerId",
                        column: x => x.OwnerId,
                        principalTable: "Players",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "IX_BreedingOffers_FromCatId",
                table: "BreedingOffers",
                column: "FromCatId");

            migrationBuilder.CreateIndex(
                name: "IX_BreedingOffers_FromPlayerId_CreatedAt",
                table: "BreedingOffers",
                columns: new[] { "FromPlayerId", "CreatedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_BreedingOffers_ToCatId",
                table: "BreedingOffers",
                column: "ToCatId");

            migrationBuilder.CreateIndex(
                name: "IX_BreedingOffers_ToPlayerId_CreatedAt",
                table: "BreedingOffers",
                columns: new[] { "ToPlayerId", "CreatedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_CatEvents_CatId_At",
                table: "CatEvents",
                columns: new[] { "CatId", "At" });

            migrationBuilder.CreateIndex(
                name: "IX_LedgerEntries_PlayerId_At",
                table: "LedgerEntries",
                columns: new[] { "PlayerId", "At" });

            migrationBuilder.CreateIndex(
                name: "IX_LedgerEntries_PlayerId_IdempotencyKey",
                table: "LedgerEntries",
                columns: new[] { "PlayerId", "IdempotencyKey" },
                unique: true,
                filter: "[IdempotencyKey] IS NOT NULL");

            migrationBuilder.CreateIndex(
                name: "IX_Pregnancies_BornAt_DueAt",
                table: "Pregnancies",
                columns: new[] { "BornAt", "DueAt" });

            migrationBuilder.CreateIndex(
                name: "IX_Pregnancies_FatherId",
                table: "Pregnancies",
                column: "FatherId");

            migrationBuilder.CreateIndex(
                name: "IX_Pregnancies_MotherId",
                table: "Pregnancies",
                column: "MotherId");

            migrationBuilder.CreateIndex(
                name: "IX_Pregnancies_OwnerId",
                table: "Pregnancies",
                column: "OwnerId");

            // Players who joined before coins existed get the same welcome gift as new ones, through the ledger.
            migrationBuilder.Sql("UPDATE Players SET Coins = 500, Version = Version + 1;");
            migrationBuilder.Sql("INSERT INTO LedgerEntries (PlayerId, Amount, BalanceAfter, Reason, Reference, At) SELECT Id, 500, 500, 'WelcomeGift', 'welcome', JoinedAt FROM Players;");
            migrationBuilder.Sql("INSERT INTO InventoryItems (PlayerId, ItemKey, Quantity) SELECT Id, 'basic_food', 5 FROM Players;");
            migrationBuilder.Sql("INSERT INTO InventoryItems (PlayerId, ItemKey, Quantity) SELECT Id, 'premium_food', 1 FROM Players;");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "BreedingOffers");

            migrationBuilder.DropTable(
                name: "CatEvents");

            migrationBuilder.DropTable(
                name: "InventoryItems");

            migrationBuilder.DropTable(
                name: "LedgerEntries");

            migrationBuilder.DropTable(
                name: "Pregnancies");

            migrationBuilder.DropColumn(
                name: "Coins",
                table: "Players");

            migrationBuilder.DropColumn(
                name: "Version",
                table: "Players");

            migrationBuilder.DropColumn(
                name: "BreedingCooldownUntil",
                table: "Cats");

            migrationBuilder.DropColumn(
                name: "LastFedAt",
                table: "Cats");

            migrationBuilder.DropColumn(
                name: "LastGroomedAt",
                table: "Cats");

            migrationBuilder.DropColumn(
                name: "LastPlayedAt",
                table: "Cats");

            migrationBuilder.DropColumn(
                name: "LastRestedAt",
                table: "Cats");

            migrationBuilder.DropColumn(
                name: "LastTrainedAt",
                table: "Cats");

            migrationBuilder.DropColumn(
                name: "NapUntil",
                table: "Cats");

            migrationBuilder.DropColumn(
                name: "Version",
                table: "Cats");
        }
    }
}

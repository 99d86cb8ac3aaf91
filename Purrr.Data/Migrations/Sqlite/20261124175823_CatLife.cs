using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Purrr.Data.Migrations.Sqlite
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
                type: "INTEGER",
                nullable: false,
                defaultValue: 0L);

            migrationBuilder.AddColumn<int>(
                name: "Version",
                table: "Players",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<long>(
                name: "BreedingCooldownUntil",
                table: "Cats",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<long>(
                name: "LastFedAt",
                table: "Cats",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<long>(
                name: "LastGroomedAt",
                table: "Cats",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<long>(
                name: "LastPlayedAt",
                table: "Cats",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<long>(
                name: "LastRestedAt",
                table: "Cats",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<long>(
                name: "LastTrainedAt",
                table: "Cats",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<long>(
                name: "NapUntil",
                table: "Cats",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "Version",
                table: "Cats",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.CreateTable(
                name: "BreedingOffers",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    FromPlayerId = table.Column<Guid>(type: "TEXT", nullable: false),
                    FromCatId = table.Column<Guid>(type: "TEXT", nullable: false),
                    ToPlayerId = table.Column<Guid>(type: "TEXT", nullable: false),
                    ToCatId = table.Column<Guid>(type: "TEXT", nullable: false),
                    CreatedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    ExpiresAt = table.Column<long>(type: "INTEGER", nullable: false),
                    Status = table.Column<string>(type: "TEXT", maxLength: 12, nullable: false),
                    RespondedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    PregnancyId = table.Column<Guid>(type: "TEXT", nullable: true)
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
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    CatId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Type = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    Detail = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    At = table.Column<long>(type: "INTEGER", nullable: false)
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
                    PlayerId = table.Column<Guid>(type: "TEXT", nullable: false),
                    ItemKey = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    Quantity = table.Column<int>(type: "INTEGER", nullable: false)
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
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    PlayerId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Amount = table.Column<long>(type: "INTEGER", nullable: false),
                    BalanceAfter = table.Column<long>(type: "INTEGER", nullable: false),
                    Reason = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    Reference = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    IdempotencyKey = table.Column<string>(type: "TEXT", maxLength: 64, nullable: true),
                    At = table.Column<long>(type: "INTEGER", nullable: false)
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
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    MotherId = table.Column<Guid>(type: "TEXT", nullable: false),
                    FatherId = table.Column<Guid>(type: "TEXT", nullable: false),
                    OwnerId = table.Column<Guid>(type: "TEXT", nullable: false),
                    ConceivedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    DueAt = table.Column<long>(type: "INTEGER", nullable: false),
                    BornAt = table.Column<long>(type: "INTEGER", nullable: true),
                    LitterSize = table.Column<int>(type: "INTEGER", nullable: false)
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
                unique: true);

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

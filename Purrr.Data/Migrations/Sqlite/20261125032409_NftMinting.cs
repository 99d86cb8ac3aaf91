using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Purrr.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class NftMinting : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "CatNfts",
                columns: table => new
                {
                    CatId = table.Column<Guid>(type: "TEXT", nullable: false),
                    MintedById = table.Column<Guid>(type: "TEXT", nullable: false),
                    ChainId = table.Column<long>(type: "INTEGER", nullable: false),
                    ContractAddress = table.Column<string>(type: "TEXT", maxLength: 42, nullable: false),
                    TokenUri = table.Column<string>(type: "TEXT", maxLength: 300, nullable: false),
                    Status = table.Column<string>(type: "TEXT", maxLength: 12, nullable: false),
                    TokenId = table.Column<long>(type: "INTEGER", nullable: true),
                    MintTransactionHash = table.Column<string>(type: "TEXT", maxLength: 66, nullable: true),
                    HolderAddress = table.Column<string>(type: "TEXT", maxLength: 42, nullable: false),
                    HeldOutsidePurrr = table.Column<bool>(type: "INTEGER", nullable: false),
                    Error = table.Column<string>(type: "TEXT", maxLength: 300, nullable: true),
                    CreatedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    UpdatedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    Version = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_CatNfts", x => x.CatId);
                    table.ForeignKey(
                        name: "FK_CatNfts_Cats_CatId",
                        column: x => x.CatId,
                        principalTable: "Cats",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_CatNfts_Players_MintedById",
                        column: x => x.MintedById,
                        principalTable: "Players",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "ChainTransactions",
                columns: table => new
                {
                    Hash = table.Column<string>(type: "TEXT", maxLength: 66, nullable: false),
                    Kind = table.Column<string>(type: "TEXT", maxLength: 12, nullable: false),
                    ChainId = table.Column<long>(type: "INTEGER", nullable: false),
                    CatId = table.Column<Guid>(type: "TEXT", nullable: false),
                    PlayerId = table.Column<Guid>(type: "TEXT", nullable: false),
                    FromAddress = table.Column<string>(type: "TEXT", maxLength: 42, nullable: false),
                    ToAddress = table.Column<string>(type: "TEXT", maxLength: 42, nullable: false),
                    TokenId = table.Column<long>(type: "INTEGER", nullable: true),
                    Status = table.Column<string>(type: "TEXT", maxLength: 12, nullable: false),
                    BlockNumber = table.Column<long>(type: "INTEGER", nullable: true),
                    GasUsed = table.Column<long>(type: "INTEGER", nullable: true),
                    GasPriceWei = table.Column<decimal>(type: "TEXT", precision: 38, scale: 0, nullable: true),
                    FeeWei = table.Column<decimal>(type: "TEXT", precision: 38, scale: 0, nullable: true),
                    Error = table.Column<string>(type: "TEXT", maxLength: 300, nullable: true),
                    SubmittedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    MinedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    ConfirmedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    Version = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ChainTransactions", x => x.Hash);
                    table.ForeignKey(
                        name: "FK_ChainTransactions_Cats_CatId",
                        column: x => x.CatId,
                        principalTable: "Cats",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_ChainTransactions_Players_PlayerId",
                        column: x => x.PlayerId,
                        principalTable: "Players",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "GasLedger",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    TransactionHash = table.Column<string>(type: "TEXT", maxLength: 66, nullable: false),
                    CatId = table.Column<Guid>(type: "TEXT", nullable: false),
                    PlayerId = table.Column<Guid>(type: "TEXT", nullable: false),
                    FeeWei = table.Column<decimal>(type: "TEXT", precision: 38, scale: 0, nullable: false),
                    At = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_GasLedger", x => x.Id);
                    table.ForeignKey(
                        name: "FK_GasLedger_Cats_CatId",
                        column: x => x.CatId,
                        principalTable: "Cats",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_GasLedger_Players_PlayerId",
                        column: x => x.PlayerId,
                        principalTable: "Players",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "IX_CatNfts_ChainId_ContractAddress_TokenId",
                table: "CatNfts",
                columns: new[] { "ChainId", "ContractAddress", "TokenId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_CatNfts_MintedById",
                table: "CatNfts",
                column: "MintedById");

            migrationBuilder.CreateIndex(
                name: "IX_ChainTransactions_CatId_SubmittedAt",
                table: "ChainTransactions",
                columns: new[] { "CatId", "SubmittedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_ChainTransactions_PlayerId",
                table: "ChainTransactions",
                column: "PlayerId");

            migrationBuilder.CreateIndex(
                name: "IX_ChainTransactions_Status_SubmittedAt",
                table: "ChainTransactions",
                columns: new[] { "Status", "SubmittedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_ChainTransactions_SubmittedAt",
                table: "ChainTransactions",
                column: "SubmittedAt");

            migrationBuilder.CreateIndex(
                name: "IX_GasLedger_At",
                table: "GasLedger",
                column: "At");

            migrationBuilder.CreateIndex(
                name: "IX_GasLedger_CatId",
                table: "GasLedger",
                column: "CatId");

            migrationBuilder.CreateIndex(
                name: "IX_GasLedger_PlayerId",
                table: "GasLedger",
                column: "PlayerId");

            migrationBuilder.CreateIndex(
                name: "IX_GasLedger_TransactionHash",
                table: "GasLedger",
                column: "TransactionHash",
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "CatNfts");

            migrationBuilder.DropTable(
                name: "ChainTransactions");

            migrationBuilder.DropTable(
                name: "GasLedger");
        }
    }
}

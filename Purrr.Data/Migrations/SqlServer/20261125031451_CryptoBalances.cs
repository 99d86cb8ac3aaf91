using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Purrr.Data.Migrations.SqlServer
{
    /// <inheritdoc />
    public partial class CryptoBalances : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "FeeCurrency",
                table: "PawMatchGames",
                type: "nvarchar(5)",
                maxLength: 5,
                nullable: true);

            migrationBuilder.CreateTable(
                name: "CryptoBalances",
                columns: table => new
                {
                    PlayerId = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    Currency = table.Column<string>(type: "nvarchar(5)", maxLength: 5, nullable: false),
                    Available = table.Column<long>(type: "bigint", nullable: false),
                    Locked = table.Column<long>(type: "bigint", nullable: false),
                    Version = table.Column<int>(type: "int", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_CryptoBalances", x => new { x.PlayerId, x.Currency });
                    table.CheckConstraint("CK_CryptoBalances_NotNegative", "Available >= 0 AND Locked >= 0");
                    table.ForeignKey(
                        name: "FK_CryptoBalances_Players_PlayerId",
                        column: x => x.PlayerId,
                        principalTable: "Players",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "CryptoCharges",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    PlayerId = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    Currency = table.Column<string>(type: "nvarchar(5)", maxLength: 5, nullable: false),
                    Amount = table.Column<long>(type: "bigint", nullable: false),
                    Provider = table.Column<string>(type: "nvarchar(40)", maxLength: 40, nullable: false),
                    ProviderChargeId = table.Column<string>(type: "nvarchar(100)", maxLength: 100, nullable: false),
                    PaymentUrl = table.Column<string>(type: "nvarchar(500)", maxLength: 500, nullable: false),
                    Status = table.Column<string>(type: "nvarchar(12)", maxLength: 12, nullable: false),
                    CreatedAt = table.Column<DateTimeOffset>(type: "datetimeoffset", nullable: false),
                    ExpiresAt = table.Column<DateTimeOffset>(type: "datetimeoffset", nullable: false),
                    SettledAt = table.Column<DateTimeOffset>(type: "datetimeoffset", nullable: true),
                    Version = table.Column<int>(type: "int", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_CryptoCharges", x => x.Id);
                    table.ForeignKey(
                        name: "FK_CryptoCharges_Players_PlayerId",
                        column: x => x.PlayerId,
                        principalTable: "Players",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "CryptoLedger",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("SqlServer:Identity", "1, 1"),
                    PlayerId = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    Currency = table.Column<string>(type: "nvarchar(5)", maxLength: 5, nullable: false),
                    Kind = table.Column<string>(type: "nvarchar(20)", maxLength: 20, nullable: false),
                    AvailableChange = table.Column<long>(type: "bigint", nullable: false),
                    LockedChange = table.Column<long>(type: "bigint", nullable: false),
                    AvailableAfter = table.Column<long>(type: "bigint", nullable: false),
                    LockedAfter = table.Column<long>(type: "bigint", nullable: false),
                    Reference = table.Column<string>(type: "nvarchar(100)", maxLength: 100, nullable: false),
                    IdempotencyKey = table.Column<string>(type: "nvarchar(100)", maxLength: 100, nullable: true),
                    At = table.Column<DateTimeOffset>(type: "datetimeoffset", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_CryptoLedger", x => x.Id);
                    table.ForeignKey(
                        name: "FK_CryptoLedger_Players_PlayerId",
                        column: x => x.PlayerId,
                        principalTable: "Players",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "CryptoWithdrawals",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    PlayerId = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    Currency = table.Column<string>(type: "nvarchar(5)", maxLength: 5, nullable: false),
                    Amount = table.Column<long>(type: "bigint", nullable: false),
                    Fee = table.Column<long>(type: "bigint", nullable: false),
                    Address = table.Column<string>(type: "nvarchar(100)", maxLength: 100, nullable: false),
                    Status = table.Column<string>(type: "nvarchar(20)", maxLength: 20, nullable: false),
                    TotpStep = table.Column<long>(type: "bigint", nullable: false),
                    IdempotencyKey = table.Column<string>(type: "nvarchar(100)", maxLength: 100, nullable: false),
                    RequestedAt = table.Column<DateTimeOffset>(type: "datetimeoffset", nullable: false),
                    ProviderPayoutId = table.Column<string>(type: "nvarchar(100)", maxLength: 100, nullable: true),
                    ReviewedById = table.Column<Guid>(type: "uniqueidentifier", nullable: true),
                    ReviewedAt = table.Column<DateTimeOffset>(type: "datetimeoffset", nullable: true),
                    FinishedAt = table.Column<DateTimeOffset>(type: "datetimeoffset", nullable: true),
                    Note = table.Column<string>(type: "nvarchar(300)", maxLength: 300, nullable: true),
                    Version = table.Column<int>(type: "int", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_CryptoWithdrawals", x => x.Id);
                    table.ForeignKey(
                        name: "FK_CryptoWithdrawals_Players_PlayerId",
                        column: x => x.PlayerId,
                        principalTable: "Players",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_CryptoCharges_PlayerId_CreatedAt",
                table: "CryptoCharges",
                columns: new[] { "PlayerId", "CreatedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_CryptoCharges_ProviderChargeId",
                table: "CryptoCharges",
                column: "ProviderChargeId",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_CryptoCharges_Status_ExpiresAt",
                table: "CryptoCharges",
                columns: new[] { "Status", "ExpiresAt" });

            migrationBuilder.CreateIndex(
                name: "IX_CryptoLedger_PlayerId_Id",
                table: "CryptoLedger",
                columns: new[] { "PlayerId", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_CryptoLedger_PlayerId_IdempotencyKey",
                table: "CryptoLedger",
                columns: new[] { "PlayerId", "IdempotencyKey" },
                unique: true,
                filter: "[IdempotencyKey] IS NOT NULL");

            migrationBuilder.CreateIndex(
                name: "IX_CryptoWithdrawals_PlayerId_IdempotencyKey",
                table: "CryptoWithdrawals",
                columns: new[] { "PlayerId", "IdempotencyKey" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_CryptoWithdrawals_PlayerId_RequestedAt",
                table: "CryptoWithdrawals",
                columns: new[] { "PlayerId", "RequestedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_CryptoWithdrawals_PlayerId_TotpStep",
                table: "CryptoWithdrawals",
                columns: new[] { "PlayerId", "TotpStep" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_CryptoWithdrawals_ProviderPayoutId",
                table: "CryptoWithdrawals",
                column: "ProviderPayoutId",
                unique: true,
                filter: "[ProviderPayoutId] IS NOT NULL");

            migrationBuilder.CreateIndex(
                name: "IX_CryptoWithdrawals_Status_RequestedAt",
                table: "CryptoWithdrawals",
                columns: new[] { "Status", "RequestedAt" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "CryptoBalances");

            migrationBuilder.DropTable(
                name: "CryptoCharges");

            migrationBuilder.DropTable(
                name: "CryptoLedger");

            migrationBuilder.DropTable(
                name: "CryptoWithdrawals");

            migrationBuilder.DropColumn(
                name: "FeeCurrency",
                table: "PawMatchGames");
        }
    }
}

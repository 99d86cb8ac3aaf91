using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Purrr.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class AuthenticatorSignIn : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            // Raw SQL (data only): sign-in now asks for the authenticator's code when Identity's TwoFactorEnabled is set;
            // accounts that turned the app on before (our "AuthenticatorOn" token) get the flag, so they are asked too.
            migrationBuilder.Sql(
                "UPDATE AspNetUsers SET TwoFactorEnabled = 1 WHERE Id IN " +
                "(SELECT UserId FROM AspNetUserTokens WHERE LoginProvider = 'Purrr' AND Name = 'AuthenticatorOn');");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {

        }
    }
}

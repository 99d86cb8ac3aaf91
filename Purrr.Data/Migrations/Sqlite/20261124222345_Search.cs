using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Purrr.Data.Migrations.Sqlite
{
    /// <summary>
    /// Post search that stays fast at 100,000 posts: the FTS5 table holds only visible posts (published, not deleted), so
    /// a search never joins every match to Posts to filter it; and an index from post id to FTS row lets the triggers
    /// re-index one post without scanning the whole FTS table (PostId is UNINDEXED there: a full scan per edit).
    /// </summary>
    public partial class Search : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            DropTriggers(migrationBuilder);
            migrationBuilder.Sql("""
                CREATE TABLE PostSearchRows (PostId TEXT NOT NULL PRIMARY KEY, SearchRowId INTEGER NOT NULL) WITHOUT ROWID;
                """);
            migrationBuilder.Sql("""
                DELETE FROM PostSearch;
                INSERT INTO PostSearch (PostId, Title, Excerpt, Body)
                    SELECT Id, Title, Excerpt, Body FROM Posts WHERE Status = 'Published' AND DeletedAt IS NULL;
                INSERT INTO PostSearchRows (PostId, SearchRowId) SELECT PostId, rowid FROM PostSearch;
                """);
            migrationBuilder.Sql("""
                CREATE TRIGGER PostSearch_Insert AFTER INSERT ON Posts WHEN new.Status = 'Published' AND new.DeletedAt IS NULL BEGIN
                    INSERT INTO PostSearch (PostId, Title, Excerpt, Body) VALUES (new.Id, new.Title, new.Excerpt, new.Body);
                    INSERT INTO PostSearchRows (PostId, SearchRowId) VALUES (new.Id, last_insert_rowid());
                END;
                """);
            // Any change to the text or to whether the post is shown: out of the index, and back in if it is visible.
            migrationBuilder.Sql("""
                CREATE TRIGGER PostSearch_Update AFTER UPDATE OF Title, Excerpt, Body, Status, DeletedAt ON Posts BEGIN
                    DELETE FROM PostSearch WHERE rowid = (SELECT SearchRowId FROM PostSearchRows WHERE PostId = old.Id);
                    DELETE FROM PostSearchRows WHERE PostId = old.Id;
                    INSERT INTO PostSearch (PostId, Title, Excerpt, Body)
                        SELECT new.Id, new.Title, new.Excerpt, new.Body WHERE new.Status = 'Published' AND new.DeletedAt IS NULL;
                    INSERT INTO PostSearchRows (PostId, SearchRowId)
                        SELECT new.Id, last_insert_rowid() WHERE new.Status = 'Published' AND new.DeletedAt IS NULL;
                END;
                """);
            migrationBuilder.Sql("""
                CREATE TRIGGER PostSearch_Delete AFTER DELETE ON Posts BEGIN
                    DELETE FROM PostSearch WHERE rowid = (SELECT SearchRowId FROM PostSearchRows WHERE PostId = old.Id);
                    DELETE FROM PostSearchRows WHERE PostId = old.Id;
                END;
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            DropTriggers(migrationBuilder);
            migrationBuilder.Sql("DROP TABLE IF EXISTS PostSearchRows;");
            migrationBuilder.Sql("""
                DELETE FROM PostSearch;
                INSERT INTO PostSearch (PostId, Title, Excerpt, Body) SELECT Id, Title, Excerpt, Body FROM Posts;
                """);
            migrationBuilder.Sql("""
                CREATE TRIGGER PostSearch_Insert AFTER INSERT ON Posts BEGIN
                    INSERT INTO PostSearch (PostId, Title, Excerpt, Body) VALUES (new.Id, new.Title, new.Excerpt, new.Body);
                END;
                """);
            migrationBuilder.Sql("""
                CREATE TRIGGER PostSearch_Update AFTER UPDATE OF Title, Excerpt, Body ON Posts BEGIN
                    DELETE FROM PostSearch WHERE PostId = old.Id;
                    INSERT INTO PostSearch (PostId, Title, Excerpt, Body) VALUES (new.Id, new.Title, new.Excerpt, new.Body);
                END;
                """);
            migrationBuilder.Sql("""
                CREATE TRIGGER PostSearch_Delete AFTER DELETE ON Posts BEGIN
                    DELETE FROM PostSearch WHERE PostId = old.Id;
                END;
                """);
        }

        private static void DropTriggers(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("DROP TRIGGER IF EXISTS PostSearch_Insert;");
            migrationBuilder.Sql("DROP TRIGGER IF EXISTS PostSearch_Update;");
            migrationBuilder.Sql("DROP TRIGGER IF EXISTS PostSearch_Delete;");
        }
    }
}

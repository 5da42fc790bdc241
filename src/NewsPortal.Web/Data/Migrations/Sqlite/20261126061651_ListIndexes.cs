using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace NewsPortal.Web.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class ListIndexes : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_ArticleTags_TagsId",
                table: "ArticleTags");

            migrationBuilder.DropIndex(
                name: "IX_Articles_Status_PublishedAtUtc",
                table: "Articles");

            migrationBuilder.DropIndex(
                name: "IX_Articles_Status_ViewCount",
                table: "Articles");

            migrationBuilder.CreateIndex(
                name: "IX_ArticleTags_TagsId_ArticlesId",
                table: "ArticleTags",
                columns: new[] { "TagsId", "ArticlesId" });

            migrationBuilder.CreateIndex(
                name: "IX_Articles_Status_PublishedAtUtc_SectionId",
                table: "Articles",
                columns: new[] { "Status", "PublishedAtUtc", "SectionId" });

            migrationBuilder.CreateIndex(
                name: "IX_Articles_Status_ViewCount_PublishedAtUtc",
                table: "Articles",
                columns: new[] { "Status", "ViewCount", "PublishedAtUtc" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_ArticleTags_TagsId_ArticlesId",
                table: "ArticleTags");

            migrationBuilder.DropIndex(
                name: "IX_Articles_Status_PublishedAtUtc_SectionId",
                table: "Articles");

            migrationBuilder.DropIndex(
                name: "IX_Articles_Status_ViewCount_PublishedAtUtc",
                table: "Articles");

            migrationBuilder.CreateIndex(
                name: "IX_ArticleTags_TagsId",
                table: "ArticleTags",
                column: "TagsId");

            migrationBuilder.CreateIndex(
                name: "IX_Articles_Status_PublishedAtUtc",
                table: "Articles",
                columns: new[] { "Status", "PublishedAtUtc" });

            migrationBuilder.CreateIndex(
                name: "IX_Articles_Status_ViewCount",
                table: "Articles",
                columns: new[] { "Status", "ViewCount" });
        }
    }
}

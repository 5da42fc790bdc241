using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace NewsPortal.Web.Data.Migrations.SqlServer
{
    /// <inheritdoc />
    public partial class Comments : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Comments_AuthorEmail",
                table: "Comments");

            migrationBuilder.AddColumn<int>(
                name: "Depth",
                table: "Comments",
                type: "int",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<DateTime>(
                name: "EditedAtUtc",
                table: "Comments",
                type: "datetime2",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "StaffUserId",
                table: "Comments",
                type: "nvarchar(450)",
                maxLength: 450,
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "CommentsMode",
                table: "Articles",
                type: "int",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.CreateTable(
                name: "CommentBans",
                columns: table => new
                {
                    Id = table.Column<int>(type: "int", nullable: false)
                        .Annotation("SqlServer:Identity", "1, 1"),
                    Kind = table.Column<int>(type: "int", nullable: false),
                    Value = table.Column<string>(type: "nvarchar(254)", maxLength: 254, nullable: false),
                    ExpiresAtUtc = table.Column<DateTime>(type: "datetime2", nullable: true),
                    Reason = table.Column<string>(type: "nvarchar(500)", maxLength: 500, nullable: true),
                    CreatedBy = table.Column<string>(type: "nvarchar(256)", maxLength: 256, nullable: false),
                    CreatedAtUtc = table.Column<DateTime>(type: "datetime2", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_CommentBans", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "CommentModerations",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("SqlServer:Identity", "1, 1"),
                    CommentId = table.Column<int>(type: "int", nullable: false),
                    Action = table.Column<string>(type: "nvarchar(32)", maxLength: 32, nullable: false),
                    FromStatus = table.Column<int>(type: "int", nullable: false),
                    ToStatus = table.Column<int>(type: "int", nullable: false),
                    UserId = table.Column<string>(type: "nvarchar(450)", maxLength: 450, nullable: true),
                    UserName = table.Column<string>(type: "nvarchar(256)", maxLength: 256, nullable: false),
                    Reason = table.Column<string>(type: "nvarchar(500)", maxLength: 500, nullable: true),
                    AtUtc = table.Column<DateTime>(type: "datetime2", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_CommentModerations", x => x.Id);
                    table.ForeignKey(
                        name: "FK_CommentModerations_Comments_CommentId",
                        column: x => x.CommentId,
                        principalTable: "Comments",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "SiteSettings",
                columns: table => new
                {
                    Id = table.Column<int>(type: "int", nullable: false),
                    CommentsCloseAfterDays = table.Column<int>(type: "int", nullable: false),
                    CommentThreadDepth = table.Column<int>(type: "int", nullable: false),
                    CommentsPerPage = table.Column<int>(type: "int", nullable: false),
                    CommentHoldLinkCount = table.Column<int>(type: "int", nullable: false),
                    CommentHoldWords = table.Column<string>(type: "nvarchar(max)", maxLength: 20000, nullable: false),
                    CommentBlockWords = table.Column<string>(type: "nvarchar(max)", maxLength: 20000, nullable: false),
                    CommentApprovedAuthorsSkipQueue = table.Column<bool>(type: "bit", nullable: false),
                    CommentFloodSeconds = table.Column<int>(type: "int", nullable: false),
                    CommentMinFillSeconds = table.Column<int>(type: "int", nullable: false),
                    Version = table.Column<int>(type: "int", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_SiteSettings", x => x.Id);
                });

            migrationBuilder.InsertData(
                table: "SiteSettings",
                columns: new[] { "Id", "CommentApprovedAuthorsSkipQueue", "CommentBlockWords", "CommentFloodSeconds", "CommentHoldLinkCount", "CommentHoldWords", "CommentMinFillSeconds", "CommentThreadDepth", "CommentsCloseAfterDays", "CommentsPerPage", "Version" },
                values: new object[] { 1, false, "", 15, 2, "", 3, 5, 0, 50, 0 });

            migrationBuilder.CreateIndex(
                name: "IX_Comments_AuthorEmail_CreatedAtUtc",
                table: "Comments",
                columns: new[] { "AuthorEmail", "CreatedAtUtc" });

            migrationBuilder.CreateIndex(
                name: "IX_Comments_IpAddress_CreatedAtUtc",
                table: "Comments",
                columns: new[] { "IpAddress", "CreatedAtUtc" });

            migrationBuilder.CreateIndex(
                name: "IX_CommentBans_Kind_Value",
                table: "CommentBans",
                columns: new[] { "Kind", "Value" });

            migrationBuilder.CreateIndex(
                name: "IX_CommentModerations_CommentId_AtUtc",
                table: "CommentModerations",
                columns: new[] { "CommentId", "AtUtc" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "CommentBans");

            migrationBuilder.DropTable(
                name: "CommentModerations");

            migrationBuilder.DropTable(
                name: "SiteSettings");

            migrationBuilder.DropIndex(
                name: "IX_Comments_AuthorEmail_CreatedAtUtc",
                table: "Comments");

            migrationBuilder.DropIndex(
                name: "IX_Comments_IpAddress_CreatedAtUtc",
                table: "Comments");

            migrationBuilder.DropColumn(
                name: "Depth",
                table: "Comments");

            migrationBuilder.DropColumn(
                name: "EditedAtUtc",
                table: "Comments");

            migrationBuilder.DropColumn(
                name: "StaffUserId",
                table: "Comments");

            migrationBuilder.DropColumn(
                name: "CommentsMode",
                table: "Articles");

            migrationBuilder.CreateIndex(
                name: "IX_Comments_AuthorEmail",
                table: "Comments",
                column: "AuthorEmail");
        }
    }
}

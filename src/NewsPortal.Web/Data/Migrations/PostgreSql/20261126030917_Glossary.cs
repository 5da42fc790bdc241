using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

#pragma warning disable CA1814 // Prefer jagged arrays over multidimensional

namespace NewsPortal.Web.Data.Migrations.PostgreSql
{
    /// <inheritdoc />
    public partial class Glossary : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "Abbreviations",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    ShortForm = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    Expansion = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    Version = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Abbreviations", x => x.Id);
                });

            migrationBuilder.InsertData(
                table: "Abbreviations",
                columns: new[] { "Id", "Expansion", "ShortForm", "Version" },
                values: new object[,]
                {
                    { 1, "cải cách hành chính", "CCHC", 0 },
                    { 2, "Chính phủ điện tử", "CPĐT", 0 },
                    { 3, "thủ tục hành chính", "TTHC", 0 },
                    { 4, "dịch vụ công", "DVC", 0 },
                    { 5, "Bộ Quốc phòng", "BQP", 0 },
                    { 6, "Quân khu", "QK", 0 },
                    { 7, "lực lượng vũ trang", "LLVT", 0 },
                    { 8, "công nghệ thông tin", "CNTT", 0 },
                    { 9, "chuyển đổi số", "CĐS", 0 },
                    { 10, "Hội đồng nhân dân", "HĐND", 0 },
                    { 11, "Ủy ban nhân dân", "UBND", 0 },
                    { 12, "Quân đội nhân dân", "QĐND", 0 },
                    { 13, "Bộ Chỉ huy", "BCH", 0 },
                    { 14, "dịch vụ công trực tuyến", "DVCTT", 0 },
                    { 15, "cơ sở dữ liệu", "CSDL", 0 }
                });

            migrationBuilder.CreateIndex(
                name: "IX_Articles_UpdatedAtUtc",
                table: "Articles",
                column: "UpdatedAtUtc");

            migrationBuilder.CreateIndex(
                name: "IX_Abbreviations_ShortForm",
                table: "Abbreviations",
                column: "ShortForm",
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "Abbreviations");

            migrationBuilder.DropIndex(
                name: "IX_Articles_UpdatedAtUtc",
                table: "Articles");
        }
    }
}

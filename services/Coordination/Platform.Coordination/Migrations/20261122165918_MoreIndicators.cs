using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Platform.Coordination.Migrations
{
    /// <inheritdoc />
    public partial class MoreIndicators : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<int>(
                name: "consultations",
                table: "commune_indicators",
                type: "integer",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<int>(
                name: "given_a_gp",
                table: "commune_indicators",
                type: "integer",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<int>(
                name: "waiting_list_entries",
                table: "commune_indicators",
                type: "integer",
                nullable: false,
                defaultValue: 0);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "consultations",
                table: "commune_indicators");

            migrationBuilder.DropColumn(
                name: "given_a_gp",
                table: "commune_indicators");

            migrationBuilder.DropColumn(
                name: "waiting_list_entries",
                table: "commune_indicators");
        }
    }
}

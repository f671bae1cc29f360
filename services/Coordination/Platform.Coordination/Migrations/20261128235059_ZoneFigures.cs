using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Platform.Coordination.Migrations
{
    /// <inheritdoc />
    public partial class ZoneFigures : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<decimal>(
                name: "ald_prevalence_percent",
                table: "zones",
                type: "numeric(5,2)",
                precision: 5,
                scale: 2,
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "emergency_minutes",
                table: "zones",
                type: "integer",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "gps",
                table: "zones",
                type: "integer",
                nullable: true);

            migrationBuilder.AddColumn<decimal>(
                name: "median_income",
                table: "zones",
                type: "numeric(12,2)",
                precision: 12,
                scale: 2,
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "population",
                table: "zones",
                type: "integer",
                nullable: true);

            migrationBuilder.AddColumn<decimal>(
                name: "young_gp_share_percent",
                table: "zones",
                type: "numeric(5,2)",
                precision: 5,
                scale: 2,
                nullable: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "ald_prevalence_percent",
                table: "zones");

            migrationBuilder.DropColumn(
                name: "emergency_minutes",
                table: "zones");

            migrationBuilder.DropColumn(
                name: "gps",
                table: "zones");

            migrationBuilder.DropColumn(
                name: "median_income",
                table: "zones");

            migrationBuilder.DropColumn(
                name: "population",
                table: "zones");

            migrationBuilder.DropColumn(
                name: "young_gp_share_percent",
                table: "zones");
        }
    }
}

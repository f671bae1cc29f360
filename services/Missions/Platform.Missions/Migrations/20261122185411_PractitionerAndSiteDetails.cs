using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Platform.Missions.Migrations
{
    /// <inheritdoc />
    public partial class PractitionerAndSiteDetails : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<int>(
                name: "consultations_per_day",
                table: "sites",
                type: "integer",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "finess",
                table: "sites",
                type: "character varying(9)",
                maxLength: 9,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "opening_hours",
                table: "sites",
                type: "character varying(200)",
                maxLength: 200,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "availability",
                table: "practitioners",
                type: "jsonb",
                nullable: false,
                defaultValue: "");

            migrationBuilder.AddColumn<string>(
                name: "email",
                table: "practitioners",
                type: "character varying(200)",
                maxLength: 200,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "phone",
                table: "practitioners",
                type: "character varying(30)",
                maxLength: 30,
                nullable: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "consultations_per_day",
                table: "sites");

            migrationBuilder.DropColumn(
                name: "finess",
                table: "sites");

            migrationBuilder.DropColumn(
                name: "opening_hours",
                table: "sites");

            migrationBuilder.DropColumn(
                name: "availability",
                table: "practitioners");

            migrationBuilder.DropColumn(
                name: "email",
                table: "practitioners");

            migrationBuilder.DropColumn(
                name: "phone",
                table: "practitioners");
        }
    }
}

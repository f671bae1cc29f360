using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Platform.Missions.Migrations
{
    /// <inheritdoc />
    public partial class MissionsAndZones : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<bool>(
                name: "is_red_zone",
                table: "sites",
                type: "boolean",
                nullable: false,
                defaultValue: false);

            migrationBuilder.CreateTable(
                name: "missions",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    kind = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    practitioner_rpps = table.Column<string>(type: "character varying(11)", maxLength: 11, nullable: false),
                    site_id = table.Column<Guid>(type: "uuid", nullable: false),
                    start_date = table.Column<DateOnly>(type: "date", nullable: false),
                    end_date = table.Column<DateOnly>(type: "date", nullable: false),
                    state = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    days_worked = table.Column<int>(type: "integer", nullable: true),
                    created_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    updated_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    xmin = table.Column<uint>(type: "xid", rowVersion: true, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_missions", x => x.id);
                });

            migrationBuilder.CreateIndex(
                name: "ix_missions_practitioner_rpps_start_date",
                table: "missions",
                columns: new[] { "practitioner_rpps", "start_date" });

            migrationBuilder.CreateIndex(
                name: "ix_missions_site_id_start_date",
                table: "missions",
                columns: new[] { "site_id", "start_date" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "missions");

            migrationBuilder.DropColumn(
                name: "is_red_zone",
                table: "sites");
        }
    }
}

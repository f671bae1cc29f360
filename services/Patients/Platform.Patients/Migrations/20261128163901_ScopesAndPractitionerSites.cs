using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Platform.Patients.Migrations
{
    /// <inheritdoc />
    public partial class ScopesAndPractitionerSites : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "scope",
                table: "patient_imports",
                type: "text",
                nullable: false,
                defaultValue: "region");

            migrationBuilder.CreateTable(
                name: "practitioner_sites",
                columns: table => new
                {
                    mission_id = table.Column<Guid>(type: "uuid", nullable: false),
                    rpps = table.Column<string>(type: "character varying(11)", maxLength: 11, nullable: false),
                    site_id = table.Column<Guid>(type: "uuid", nullable: false),
                    list_id = table.Column<string>(type: "character varying(60)", maxLength: 60, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_practitioner_sites", x => x.mission_id);
                });

            migrationBuilder.CreateIndex(
                name: "ix_practitioner_sites_rpps_list_id",
                table: "practitioner_sites",
                columns: new[] { "rpps", "list_id" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "practitioner_sites");

            migrationBuilder.DropColumn(
                name: "scope",
                table: "patient_imports");
        }
    }
}

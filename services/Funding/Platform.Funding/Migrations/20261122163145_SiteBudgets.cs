using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Platform.Funding.Migrations
{
    /// <inheritdoc />
    public partial class SiteBudgets : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "shortfall_alerts",
                columns: table => new
                {
                    site_id = table.Column<Guid>(type: "uuid", nullable: false),
                    year = table.Column<int>(type: "integer", nullable: false),
                    shortfall = table.Column<decimal>(type: "numeric(14,2)", precision: 14, scale: 2, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_shortfall_alerts", x => new { x.site_id, x.year });
                });

            migrationBuilder.CreateTable(
                name: "site_costs",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    site_id = table.Column<Guid>(type: "uuid", nullable: false),
                    year = table.Column<int>(type: "integer", nullable: false),
                    category = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    amount = table.Column<decimal>(type: "numeric(12,2)", precision: 12, scale: 2, nullable: false),
                    description = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_site_costs", x => x.id);
                });

            migrationBuilder.CreateIndex(
                name: "ix_site_costs_site_id_year",
                table: "site_costs",
                columns: new[] { "site_id", "year" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "shortfall_alerts");

            migrationBuilder.DropTable(
                name: "site_costs");
        }
    }
}

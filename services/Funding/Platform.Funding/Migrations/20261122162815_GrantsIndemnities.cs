using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace Platform.Funding.Migrations
{
    /// <inheritdoc />
    public partial class GrantsIndemnities : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "grants",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    funder_id = table.Column<Guid>(type: "uuid", nullable: false),
                    amount = table.Column<decimal>(type: "numeric(12,2)", precision: 12, scale: 2, nullable: false),
                    periodicity = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    start_year = table.Column<int>(type: "integer", nullable: false),
                    end_year = table.Column<int>(type: "integer", nullable: true),
                    purpose = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    site_id = table.Column<Guid>(type: "uuid", nullable: true),
                    beneficiary = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    project_budget = table.Column<decimal>(type: "numeric(14,2)", precision: 14, scale: 2, nullable: true),
                    status = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    created_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_grants", x => x.id);
                    table.ForeignKey(
                        name: "fk_grants_funders_funder_id",
                        column: x => x.funder_id,
                        principalTable: "funders",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "indemnity_lines",
                columns: table => new
                {
                    id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityAlwaysColumn),
                    mission_id = table.Column<Guid>(type: "uuid", nullable: true),
                    practitioner_rpps = table.Column<string>(type: "character varying(11)", maxLength: 11, nullable: false),
                    site_id = table.Column<Guid>(type: "uuid", nullable: false),
                    due_on = table.Column<DateOnly>(type: "date", nullable: false),
                    amount = table.Column<decimal>(type: "numeric(12,2)", precision: 12, scale: 2, nullable: false),
                    description = table.Column<string>(type: "character varying(400)", maxLength: 400, nullable: false),
                    reverses_line_id = table.Column<long>(type: "bigint", nullable: true),
                    recorded_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_indemnity_lines", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "payout_batches",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    period_start = table.Column<DateOnly>(type: "date", nullable: false),
                    period_end = table.Column<DateOnly>(type: "date", nullable: false),
                    total = table.Column<decimal>(type: "numeric(14,2)", precision: 14, scale: 2, nullable: false),
                    lines = table.Column<int>(type: "integer", nullable: false),
                    created_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_payout_batches", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "payout_items",
                columns: table => new
                {
                    line_id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    batch_id = table.Column<Guid>(type: "uuid", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_payout_items", x => x.line_id);
                });

            migrationBuilder.CreateIndex(
                name: "ix_grants_funder_id",
                table: "grants",
                column: "funder_id");

            migrationBuilder.CreateIndex(
                name: "ix_grants_site_id",
                table: "grants",
                column: "site_id");

            migrationBuilder.CreateIndex(
                name: "ix_indemnity_lines_mission_id",
                table: "indemnity_lines",
                column: "mission_id",
                unique: true,
                filter: "reverses_line_id IS NULL");

            migrationBuilder.CreateIndex(
                name: "ix_indemnity_lines_practitioner_rpps_due_on",
                table: "indemnity_lines",
                columns: new[] { "practitioner_rpps", "due_on" });

            migrationBuilder.CreateIndex(
                name: "ix_indemnity_lines_reverses_line_id",
                table: "indemnity_lines",
                column: "reverses_line_id",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_payout_items_batch_id",
                table: "payout_items",
                column: "batch_id");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "grants");

            migrationBuilder.DropTable(
                name: "indemnity_lines");

            migrationBuilder.DropTable(
                name: "payout_batches");

            migrationBuilder.DropTable(
                name: "payout_items");
        }
    }
}

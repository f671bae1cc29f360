using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Platform.Coordination.Migrations
{
    /// <inheritdoc />
    public partial class TerritoryTelemedicineHistory : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "assigned_to",
                table: "tasks");

            migrationBuilder.AddColumn<Guid>(
                name: "assigned_member_id",
                table: "tasks",
                type: "uuid",
                nullable: true);

            migrationBuilder.AlterColumn<int>(
                name: "waiting_list_entries",
                table: "commune_indicators",
                type: "integer",
                nullable: false,
                defaultValue: 0,
                oldClrType: typeof(int),
                oldType: "integer");

            migrationBuilder.AlterColumn<int>(
                name: "patients_without_gp",
                table: "commune_indicators",
                type: "integer",
                nullable: false,
                defaultValue: 0,
                oldClrType: typeof(int),
                oldType: "integer");

            migrationBuilder.AlterColumn<int>(
                name: "given_a_gp",
                table: "commune_indicators",
                type: "integer",
                nullable: false,
                defaultValue: 0,
                oldClrType: typeof(int),
                oldType: "integer");

            migrationBuilder.AlterColumn<int>(
                name: "consultations",
                table: "commune_indicators",
                type: "integer",
                nullable: false,
                defaultValue: 0,
                oldClrType: typeof(int),
                oldType: "integer");

            migrationBuilder.AddColumn<int>(
                name: "days_worked",
                table: "commune_indicators",
                type: "integer",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<int>(
                name: "missions_completed",
                table: "commune_indicators",
                type: "integer",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<int>(
                name: "orientations",
                table: "commune_indicators",
                type: "integer",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<int>(
                name: "registered",
                table: "commune_indicators",
                type: "integer",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<int>(
                name: "site_weeks_covered",
                table: "commune_indicators",
                type: "integer",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<int>(
                name: "site_weeks_uncovered",
                table: "commune_indicators",
                type: "integer",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.CreateTable(
                name: "commune_weeks",
                columns: table => new
                {
                    commune_code = table.Column<string>(type: "character varying(5)", maxLength: 5, nullable: false),
                    week_start = table.Column<DateOnly>(type: "date", nullable: false),
                    patients_without_gp = table.Column<int>(type: "integer", nullable: false, defaultValue: 0),
                    waiting_list_entries = table.Column<int>(type: "integer", nullable: false, defaultValue: 0),
                    registered = table.Column<int>(type: "integer", nullable: false, defaultValue: 0),
                    given_a_gp = table.Column<int>(type: "integer", nullable: false, defaultValue: 0),
                    consultations = table.Column<int>(type: "integer", nullable: false, defaultValue: 0),
                    orientations = table.Column<int>(type: "integer", nullable: false, defaultValue: 0),
                    missions_completed = table.Column<int>(type: "integer", nullable: false, defaultValue: 0),
                    days_worked = table.Column<int>(type: "integer", nullable: false, defaultValue: 0),
                    site_weeks_covered = table.Column<int>(type: "integer", nullable: false, defaultValue: 0),
                    site_weeks_uncovered = table.Column<int>(type: "integer", nullable: false, defaultValue: 0)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_commune_weeks", x => new { x.commune_code, x.week_start });
                });

            migrationBuilder.CreateTable(
                name: "coverage_gaps",
                columns: table => new
                {
                    site_id = table.Column<Guid>(type: "uuid", nullable: false),
                    week_start = table.Column<DateOnly>(type: "date", nullable: false),
                    site_name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    commune_code = table.Column<string>(type: "character varying(5)", maxLength: 5, nullable: false),
                    lines = table.Column<int>(type: "integer", nullable: false),
                    detected_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    filled_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_coverage_gaps", x => new { x.site_id, x.week_start });
                });

            migrationBuilder.CreateTable(
                name: "members",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    first_name = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    last_name = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    profession = table.Column<string>(type: "character varying(30)", maxLength: 30, nullable: false),
                    rpps = table.Column<string>(type: "character varying(11)", maxLength: 11, nullable: true),
                    commune_code = table.Column<string>(type: "character varying(5)", maxLength: 5, nullable: false),
                    email = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    phone = table.Column<string>(type: "character varying(30)", maxLength: 30, nullable: true),
                    available_for_follow_ups = table.Column<bool>(type: "boolean", nullable: false),
                    created_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_members", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "mission_completions",
                columns: table => new
                {
                    mission_id = table.Column<Guid>(type: "uuid", nullable: false),
                    commune_code = table.Column<string>(type: "character varying(5)", maxLength: 5, nullable: true),
                    site_id = table.Column<Guid>(type: "uuid", nullable: false),
                    practitioner_rpps = table.Column<string>(type: "character varying(11)", maxLength: 11, nullable: false),
                    kind = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    week_start = table.Column<DateOnly>(type: "date", nullable: false),
                    days_worked = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_mission_completions", x => x.mission_id);
                });

            migrationBuilder.CreateTable(
                name: "places",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    kind = table.Column<string>(type: "character varying(30)", maxLength: 30, nullable: false),
                    commune_code = table.Column<string>(type: "character varying(5)", maxLength: 5, nullable: false),
                    has_cabin = table.Column<bool>(type: "boolean", nullable: false),
                    created_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_places", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "site_funding",
                columns: table => new
                {
                    site_id = table.Column<Guid>(type: "uuid", nullable: false),
                    year = table.Column<int>(type: "integer", nullable: false),
                    commune_code = table.Column<string>(type: "character varying(5)", maxLength: 5, nullable: true),
                    costs = table.Column<decimal>(type: "numeric(14,2)", precision: 14, scale: 2, nullable: false),
                    funding = table.Column<decimal>(type: "numeric(14,2)", precision: 14, scale: 2, nullable: false),
                    shortfall = table.Column<decimal>(type: "numeric(14,2)", precision: 14, scale: 2, nullable: false),
                    announced_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_site_funding", x => new { x.site_id, x.year });
                });

            migrationBuilder.CreateTable(
                name: "teleconsultations",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    place_id = table.Column<Guid>(type: "uuid", nullable: false),
                    date = table.Column<DateOnly>(type: "date", nullable: false),
                    assisting_nurse_id = table.Column<Guid>(type: "uuid", nullable: false),
                    patient_pseudonym = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    created_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_teleconsultations", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "territories",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    created_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_territories", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "waiting_entries",
                columns: table => new
                {
                    entry_id = table.Column<Guid>(type: "uuid", nullable: false),
                    commune_code = table.Column<string>(type: "character varying(5)", maxLength: 5, nullable: false),
                    enrolled_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    left_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_waiting_entries", x => x.entry_id);
                });

            migrationBuilder.CreateTable(
                name: "communes",
                columns: table => new
                {
                    code = table.Column<string>(type: "character varying(5)", maxLength: 5, nullable: false),
                    name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    population = table.Column<int>(type: "integer", nullable: false),
                    cpts_id = table.Column<Guid>(type: "uuid", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_communes", x => x.code);
                    table.ForeignKey(
                        name: "fk_communes_territories_cpts_id",
                        column: x => x.cpts_id,
                        principalTable: "territories",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "ix_communes_cpts_id",
                table: "communes",
                column: "cpts_id");

            migrationBuilder.CreateIndex(
                name: "ix_coverage_gaps_commune_code",
                table: "coverage_gaps",
                column: "commune_code");

            migrationBuilder.CreateIndex(
                name: "ix_members_profession_commune_code",
                table: "members",
                columns: new[] { "profession", "commune_code" });

            migrationBuilder.CreateIndex(
                name: "ix_members_rpps",
                table: "members",
                column: "rpps",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_mission_completions_commune_code_week_start",
                table: "mission_completions",
                columns: new[] { "commune_code", "week_start" });

            migrationBuilder.CreateIndex(
                name: "ix_places_commune_code_name",
                table: "places",
                columns: new[] { "commune_code", "name" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_teleconsultations_place_id_date",
                table: "teleconsultations",
                columns: new[] { "place_id", "date" });

            migrationBuilder.CreateIndex(
                name: "ix_territories_name",
                table: "territories",
                column: "name",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_waiting_entries_commune_code_enrolled_at",
                table: "waiting_entries",
                columns: new[] { "commune_code", "enrolled_at" },
                filter: "left_at IS NULL");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "commune_weeks");

            migrationBuilder.DropTable(
                name: "communes");

            migrationBuilder.DropTable(
                name: "coverage_gaps");

            migrationBuilder.DropTable(
                name: "members");

            migrationBuilder.DropTable(
                name: "mission_completions");

            migrationBuilder.DropTable(
                name: "places");

            migrationBuilder.DropTable(
                name: "site_funding");

            migrationBuilder.DropTable(
                name: "teleconsultations");

            migrationBuilder.DropTable(
                name: "waiting_entries");

            migrationBuilder.DropTable(
                name: "territories");

            migrationBuilder.DropColumn(
                name: "assigned_member_id",
                table: "tasks");

            migrationBuilder.DropColumn(
                name: "days_worked",
                table: "commune_indicators");

            migrationBuilder.DropColumn(
                name: "missions_completed",
                table: "commune_indicators");

            migrationBuilder.DropColumn(
                name: "orientations",
                table: "commune_indicators");

            migrationBuilder.DropColumn(
                name: "registered",
                table: "commune_indicators");

            migrationBuilder.DropColumn(
                name: "site_weeks_covered",
                table: "commune_indicators");

            migrationBuilder.DropColumn(
                name: "site_weeks_uncovered",
                table: "commune_indicators");

            migrationBuilder.AddColumn<string>(
                name: "assigned_to",
                table: "tasks",
                type: "character varying(200)",
                maxLength: 200,
                nullable: true);

            migrationBuilder.AlterColumn<int>(
                name: "waiting_list_entries",
                table: "commune_indicators",
                type: "integer",
                nullable: false,
                oldClrType: typeof(int),
                oldType: "integer",
                oldDefaultValue: 0);

            migrationBuilder.AlterColumn<int>(
                name: "patients_without_gp",
                table: "commune_indicators",
                type: "integer",
                nullable: false,
                oldClrType: typeof(int),
                oldType: "integer",
                oldDefaultValue: 0);

            migrationBuilder.AlterColumn<int>(
                name: "given_a_gp",
                table: "commune_indicators",
                type: "integer",
                nullable: false,
                oldClrType: typeof(int),
                oldType: "integer",
                oldDefaultValue: 0);

            migrationBuilder.AlterColumn<int>(
                name: "consultations",
                table: "commune_indicators",
                type: "integer",
                nullable: false,
                oldClrType: typeof(int),
                oldType: "integer",
                oldDefaultValue: 0);
        }
    }
}

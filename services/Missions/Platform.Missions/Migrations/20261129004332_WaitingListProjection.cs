using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Platform.Missions.Migrations
{
    /// <inheritdoc />
    public partial class WaitingListProjection : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "waiting_entries",
                columns: table => new
                {
                    entry_id = table.Column<Guid>(type: "uuid", nullable: false),
                    patient_id = table.Column<Guid>(type: "uuid", nullable: false),
                    enrolled_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    left_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_waiting_entries", x => x.entry_id);
                });

            migrationBuilder.CreateTable(
                name: "waiting_patients",
                columns: table => new
                {
                    patient_id = table.Column<Guid>(type: "uuid", nullable: false),
                    commune_code = table.Column<string>(type: "character varying(5)", maxLength: 5, nullable: false),
                    commune_since = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_waiting_patients", x => x.patient_id);
                });

            migrationBuilder.CreateIndex(
                name: "ix_waiting_entries_patient_id",
                table: "waiting_entries",
                column: "patient_id");

            migrationBuilder.CreateIndex(
                name: "ix_waiting_patients_commune_code",
                table: "waiting_patients",
                column: "commune_code");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "waiting_entries");

            migrationBuilder.DropTable(
                name: "waiting_patients");
        }
    }
}

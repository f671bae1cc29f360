using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace Platform.Patients.Migrations
{
    /// <inheritdoc />
    public partial class BulkImport : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "patient_import_errors",
                columns: table => new
                {
                    id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityAlwaysColumn),
                    import_id = table.Column<Guid>(type: "uuid", nullable: false),
                    line = table.Column<int>(type: "integer", nullable: false),
                    field = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    message = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_patient_import_errors", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "patient_imports",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    status = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    sha256 = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    bytes = table.Column<long>(type: "bigint", nullable: false),
                    rows_total = table.Column<int>(type: "integer", nullable: false),
                    rows_done = table.Column<int>(type: "integer", nullable: false),
                    rows_imported = table.Column<int>(type: "integer", nullable: false),
                    rows_duplicate = table.Column<int>(type: "integer", nullable: false),
                    rows_rejected = table.Column<int>(type: "integer", nullable: false),
                    node = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    created_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    started_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    completed_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    error = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_patient_imports", x => x.id);
                });

            migrationBuilder.CreateIndex(
                name: "ix_patient_import_errors_import_id_line",
                table: "patient_import_errors",
                columns: new[] { "import_id", "line" });

            migrationBuilder.CreateIndex(
                name: "ix_patient_imports_node_status",
                table: "patient_imports",
                columns: new[] { "node", "status" });

            migrationBuilder.CreateIndex(
                name: "ix_patient_imports_sha256",
                table: "patient_imports",
                column: "sha256");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "patient_import_errors");

            migrationBuilder.DropTable(
                name: "patient_imports");
        }
    }
}

using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Platform.Patients.Migrations
{
    /// <inheritdoc />
    public partial class PractitionerSiteCancellation : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "cancelled_at",
                table: "practitioner_sites",
                type: "timestamp with time zone",
                nullable: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "cancelled_at",
                table: "practitioner_sites");
        }
    }
}

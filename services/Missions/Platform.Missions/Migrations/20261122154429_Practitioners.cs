using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Platform.Missions.Migrations
{
    /// <inheritdoc />
    public partial class Practitioners : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "practitioners",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    rpps = table.Column<string>(type: "character varying(11)", maxLength: 11, nullable: false),
                    first_name = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    last_name = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    status = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    home_commune_code = table.Column<string>(type: "character varying(5)", maxLength: 5, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_practitioners", x => x.id);
                });

            migrationBuilder.CreateIndex(
                name: "ix_practitioners_rpps",
                table: "practitioners",
                column: "rpps",
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "practitioners");
        }
    }
}

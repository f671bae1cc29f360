using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Platform.Patients.Migrations
{
    /// <inheritdoc />
    public partial class EncryptedIdentity : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            // The identity columns in clear become legacy_*: the Patients service seals their content (identity_cipher)
            // and empties them right after this migration (Protection/IdentityKeyRotation, a post-migration step).
            migrationBuilder.DropIndex(name: "ix_patients_last_name", table: "patients");
            migrationBuilder.DropIndex(name: "ix_patients_nir", table: "patients");
            foreach (var column in new[] { "nir", "first_name", "last_name", "birth_date", "phone", "email" })
            {
                migrationBuilder.RenameColumn(name: column, table: "patients", newName: "legacy_" + column);
            }

            migrationBuilder.AlterColumn<DateOnly>(name: "legacy_birth_date", table: "patients", type: "date", nullable: true,
                oldClrType: typeof(DateOnly), oldType: "date");

            migrationBuilder.AddColumn<int>(name: "birth_year", table: "patients", type: "integer", nullable: false, defaultValue: 0);
            migrationBuilder.Sql("UPDATE patients SET birth_year = extract(year FROM legacy_birth_date)::int WHERE legacy_birth_date IS NOT NULL;");
            migrationBuilder.AddColumn<byte[]>(name: "identity_cipher", table: "patients", type: "bytea", nullable: true);
            migrationBuilder.AddColumn<string>(name: "key_id", table: "patients", type: "character varying(20)", maxLength: 20, nullable: true);
            migrationBuilder.AddColumn<long[]>(name: "name_keys", table: "patients", type: "bigint[]", nullable: false, defaultValue: new long[0]);
            migrationBuilder.AddColumn<byte[]>(name: "nir_index", table: "patients", type: "bytea", nullable: true);

            migrationBuilder.CreateIndex(name: "ix_patients_key_id", table: "patients", column: "key_id");
            migrationBuilder.CreateIndex(name: "ix_patients_name_keys", table: "patients", column: "name_keys")
                .Annotation("Npgsql:IndexMethod", "gin");
            migrationBuilder.CreateIndex(name: "ix_patients_nir_index", table: "patients", column: "nir_index", unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            // Going back would need the identities deciphered into the legacy columns first: not supported.
            throw new NotSupportedException("EncryptedIdentity cannot be reverted: identities are only stored enciphered.");
        }
    }
}

#!/usr/bin/env bash
# Regenerates the platform's official geography (services/Platform.Geography/Data/geography.tsv) from the npm package
# @etalab/decoupage-administratif (INSEE's Code officiel géographique and legal populations, MIT):
#   ./eng/geography/update.sh [version, default 6.0.0]
# Then review the diff (communes merged, populations), update the vintage in FranceGeography.cs and docs/geography.md,
# and run the tests. Needs node and npm.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
VERSION="${1:-6.0.0}"
DATA="$ROOT/services/Platform.Geography/Data"
tmp="$(mktemp -d)"; trap 'rm -rf "$tmp"' EXIT
(cd "$tmp" && npm pack "@etalab/decoupage-administratif@$VERSION" --silent >/dev/null && tar xzf ./*.tgz)
node "$ROOT/eng/geography/derive.mjs" "$tmp/package" "$VERSION" > "$DATA/geography.tsv"
{
  echo "# Source of geography.tsv"
  echo
  echo "Derived by \`eng/geography/update.sh\` from the npm package \`@etalab/decoupage-administratif\` $VERSION"
  echo "(https://github.com/datagouv/decoupage-administratif), itself built from INSEE's Code officiel géographique, legal"
  echo "populations and the DGCL's list of EPCIs (Licence Ouverte / Open Licence 2.0 of the French State). Its licence:"
  echo
  echo '```'
  cat "$tmp/package/LICENSE"
  echo '```'
} > "$DATA/NOTICE.md"
echo "wrote ${DATA#"$ROOT"/}/geography.tsv ($(grep -c '^C' "$DATA/geography.tsv") communes, $(grep -c '^E' "$DATA/geography.tsv") EPCIs)"

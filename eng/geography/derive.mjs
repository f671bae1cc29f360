// Derives the platform's geography file (services/Platform.Geography/Data/geography.tsv) from the data files of the
// npm package @etalab/decoupage-administratif: regions, departments, EPCIs and communes of the regions the platform
// serves (metropolitan France and the five overseas departments; the overseas collectivities, 975 and 977 to 989,
// have health systems of their own). Deterministic: the same package gives the same bytes.
// Usage: node derive.mjs <package directory> <package version> > geography.tsv
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

const [dir, version] = process.argv.slice(2);
const read = (name) => JSON.parse(readFileSync(join(dir, 'data', name), 'utf8'));
const served = (x) => x.zone === 'metro' || x.zone === 'drom';
const clean = (s) => String(s).replace(/[\t\r\n]/g, ' ');
const byCode = (a, b) => (a.code < b.code ? -1 : a.code > b.code ? 1 : 0);

const regions = read('regions.json').filter(served).sort(byCode);
const departments = read('departements.json').filter(served).sort(byCode);
const communes = read('communes.json').filter(served);
const epcis = read('epci.json');

const epciOf = new Map();
for (const e of epcis) for (const m of e.membres) epciOf.set(m.code, e.code);
const current = communes.filter((c) => c.type === 'commune-actuelle').sort(byCode);
const currentCodes = new Set(current.map((c) => c.code));
const servedEpcis = epcis.filter((e) => e.membres.some((m) => currentCodes.has(m.code))).sort(byCode);

const lines = [
  '# The official geography of the regions the platform serves: regions, departments, intercommunalities (EPCI),',
  `# communes and municipal arrondissements. Derived by eng/geography/update.sh from npm @etalab/decoupage-administratif ${version}`,
  '# (MIT, see NOTICE.md), built from INSEE\'s Code officiel géographique 2026 and legal populations (population municipale).',
  '# Tab-separated; the first field says what a line is:',
  '#   R code name',
  '#   D code name region',
  '#   E siren name kind   (its population: its member communes\' summed, one vintage with theirs)',
  '#   C code name department region population epci postal-codes former-codes   (lists comma-separated, may be empty)',
  '#   A code name department region population commune postal-codes',
];
for (const r of regions) lines.push(['R', r.code, clean(r.nom)].join('\t'));
for (const d of departments) lines.push(['D', d.code, clean(d.nom), d.region].join('\t'));
for (const e of servedEpcis) lines.push(["E", e.code, clean(e.nom), e.type].join("\t"));
for (const c of current) {
  lines.push(['C', c.code, clean(c.nom), c.departement, c.region, c.population ?? 0, epciOf.get(c.code) ?? '',
    (c.codesPostaux ?? []).join(','), (c.anciensCodes ?? []).slice().sort().join(',')].join('\t'));
}
for (const a of communes.filter((c) => c.type === 'arrondissement-municipal').sort(byCode)) {
  lines.push(['A', a.code, clean(a.nom), a.departement, a.region, a.population ?? 0, a.commune, (a.codesPostaux ?? []).join(',')].join('\t'));
}
process.stdout.write(lines.join('\n') + '\n');

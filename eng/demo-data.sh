#!/usr/bin/env bash
# Demo data: the Pays de Laval territory (see ../shared/DOMAIN.md), loaded through the gateway like a partner would.
# Idempotent: a second run is answered 409 (already there) and adds nothing.

# INSEE code | commune | people without a GP to register in the demo
DEMO_COMMUNES=(
  "53130|Laval|14"
  "53054|Changé|4"
  "53201|Saint-Berthevin|4"
  "53034|Bonchamp-lès-Laval|3"
  "53119|L'Huisserie|2"
  "53140|Louverné|2"
  "53247|Saint-Pierre-la-Cour|3"
  "53103|Le Genest-Saint-Isle|2"
)
DEMO_FIRST=(Jeanne Marcel Yvette Roger Simone André Odette Lucien Paulette Gérard Monique Bernard Colette René)
DEMO_LAST=(Lemoine Guérin Boulay Chauvin Pichon Hamon Lebreton Cosnard Fouquet Gaudin Rocher Poirier Barbier Huet)

post() {
  # POSTs JSON through the gateway, then counts the answer: DEMO_ID is the id created or already there.
  local body; body="$(mktemp)"
  local status; status="$(curl -s -o "$body" -w '%{http_code}' -X POST "$GATEWAY/$1" -H 'Content-Type: application/json' \
    ${PLATFORM_API_KEY:+-H "X-Api-Key: $PLATFORM_API_KEY"} -d "$2" || true)"
  DEMO_ID="$(grep -oE '"(id|existingId|entryId|existingEntryId)":"[0-9a-f-]{36}"' "$body" | head -n1 | cut -d'"' -f4 || true)"
  rm -f "$body"
  tally "$status" "$3"
}

demo_nir() {
  # sex, 2-digit year, month, department 53, commune (3 digits), order, and the key 97 - (n mod 97).
  local sex="$1" yy="$2" mm="$3" commune3="$4" order="$5" first13
  first13="${sex}${yy}${mm}53${commune3}${order}"
  printf '%s%02d' "$first13" $((97 - 10#$first13 % 97))
}

tally() {
  # Counts a POST's answer: 201 created, 409 already there (a re-run), anything else stops the loader.
  case "$1" in 201) created=$((created + 1));; 409) existing=$((existing + 1));; *) die "demo $2: HTTP $1";; esac
}

load_demo_data() {
  created=0 existing=0
  local entry code name count i n=0
  for entry in "${DEMO_COMMUNES[@]}"; do
    IFS='|' read -r code name count <<<"$entry"
    for ((i = 0; i < count; i++)); do
      n=$((n + 1))
      local sex=$((n % 2 + 1)) year=$((1938 + (n * 7) % 50)) month=$((n % 12 + 1))
      local nir; nir="$(demo_nir "$sex" "$(printf '%02d' $((year % 100)))" "$(printf '%02d' "$month")" "${code:2:3}" "$(printf '%03d' "$n")")"
      local flags="\"hasAld\":$([ $((n % 3)) = 0 ] && echo true || echo false),\"precarity\":$([ $((n % 4)) = 0 ] && echo true || echo false),\"isolation\":$([ $((n % 5)) = 0 ] && echo true || echo false)"
      post api/patients "{\"nir\":\"$nir\",\"firstName\":\"${DEMO_FIRST[$((n % 14))]}\",\"lastName\":\"${DEMO_LAST[$(((n * 5) % 14))]}\",\"birthDate\":\"$year-$(printf '%02d' "$month")-15\",\"communeCode\":\"$code\",$flags}" "patient $n"
      # Everyone waits on the CPTS's list (a second run finds them there already).
      post "api/patients/$DEMO_ID/waiting-lists" '{"scope":"territory","key":"cpts-pays-de-laval"}' "enrolment $n"
    done
  done
  local site
  for site in \
    '{"name":"SMP Louis Pasteur","kind":"CentreDeSante","communeCode":"53130","linesPerWeek":2}' \
    '{"name":"Antenne de Saint-Pierre-la-Cour","kind":"Antenna","communeCode":"53247","linesPerWeek":1}' \
    '{"name":"Antenne du Genest-Saint-Isle","kind":"Antenna","communeCode":"53103","linesPerWeek":1}'; do
    post api/missions/sites "$site" site
  done
  local practitioner
  for practitioner in \
    '{"rpps":"10101234564","firstName":"Claire","lastName":"Marchand","status":"Retired","homeCommuneCode":"53130"}' \
    '{"rpps":"10003456786","firstName":"Thomas","lastName":"Renaud","status":"YoungGraduate","homeCommuneCode":"53054"}'; do
    post api/missions/practitioners "$practitioner" practitioner
  done
  local funder
  for funder in \
    '{"name":"Région Pays de la Loire","kind":"Region"}' \
    '{"name":"Département de la Mayenne","kind":"Departement"}' \
    '{"name":"Laval Agglomération","kind":"Intercommunality"}' \
    '{"name":"Commune de Saint-Pierre-la-Cour","kind":"Commune"}' \
    '{"name":"Commune du Genest-Saint-Isle","kind":"Commune"}' \
    '{"name":"ARS Pays de la Loire","kind":"Ars"}'; do
    post api/funding/funders "$funder" funder
  done
  # Laval classified: short of doctors, yet under the national threshold (see docs/coordination.md).
  curl -s -o /dev/null -X POST "$GATEWAY/api/coordination/zones/classify" -H 'Content-Type: application/json' \
    ${PLATFORM_API_KEY:+-H "X-Api-Key: $PLATFORM_API_KEY"} \
    -d '{"code":"53130","name":"Laval","kind":"Commune","population":50000,"gps":30,"aldPrevalencePercent":21.5,"emergencyMinutes":10,"youngGpSharePercent":12,"medianIncome":20400}' || true
  log "demo data: $created created, $existing already there"
}

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
  case "$status" in 201|409) ;; *) cat "$body" >&2; echo >&2;; esac
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
  local entry code name count i n=0 status
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
  local site smp=""
  for site in \
    '{"name":"SMP Louis Pasteur","kind":"CentreDeSante","communeCode":"53130","linesPerWeek":2}' \
    '{"name":"Antenne de Saint-Pierre-la-Cour","kind":"Antenna","communeCode":"53247","linesPerWeek":1}' \
    '{"name":"Antenne du Genest-Saint-Isle","kind":"Antenna","communeCode":"53103","linesPerWeek":1}'; do
    post api/missions/sites "$site" site
    [ -n "$smp" ] || smp="$DEMO_ID"
  done
  local practitioner
  for practitioner in \
    '{"rpps":"10101234564","firstName":"Claire","lastName":"Marchand","status":"Retired","homeCommuneCode":"53130"}' \
    '{"rpps":"10003456786","firstName":"Thomas","lastName":"Renaud","status":"YoungGraduate","homeCommuneCode":"53054"}'; do
    post api/missions/practitioners "$practitioner" practitioner
  done
  # Claire Marchand's rotation at the SMP three weeks ago, run through its lifecycle (a re-run finds it, 409):
  # its history is at GET /api/missions/missions/{id}, and Funding pays the week from MissionCompleted.
  local monday; monday="$(date -u -d "$(date -u +%F) -$(( ($(date -u +%u) - 1) + 21 )) days" +%F)"
  status="$created"
  post api/missions/missions "{\"kind\":\"WeeklyRotation\",\"practitionerRpps\":\"10101234564\",\"siteId\":\"$smp\",\"startDate\":\"$monday\",\"endDate\":\"$(date -u -d "$monday +5 days" +%F)\"}" mission
  if [ "$created" != "$status" ]; then
    local move
    for move in confirm start complete; do
      curl -s -o /dev/null -X POST "$GATEWAY/api/missions/missions/$DEMO_ID/$move" ${PLATFORM_API_KEY:+-H "X-Api-Key: $PLATFORM_API_KEY"} || true
    done
  fi
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
  # The CPTS and its territory (populations: INSEE legal populations, rounded), members, places with cabins.
  local communes="" entry2 population
  for entry2 in "53130|Laval|49700" "53054|Changé|6300" "53201|Saint-Berthevin|7400" "53034|Bonchamp-lès-Laval|5900" \
    "53119|L'Huisserie|4300" "53140|Louverné|4300" "53247|Saint-Pierre-la-Cour|2100" "53103|Le Genest-Saint-Isle|2200"; do
    IFS='|' read -r code name population <<<"$entry2"
    communes+="${communes:+,}{\"code\":\"$code\",\"name\":\"$name\",\"population\":$population}"
  done
  post api/coordination/territories "{\"name\":\"CPTS du Pays de Laval\",\"communes\":[$communes]}" territory
  local member nurse=""
  for member in \
    '{"firstName":"Sophie","lastName":"Bellanger","profession":"Nurse","rpps":"10001000016","communeCode":"53247","email":"s.bellanger@example.org"}' \
    '{"firstName":"Hélène","lastName":"Drouet","profession":"Nurse","rpps":"10001000024","communeCode":"53103"}' \
    '{"firstName":"Marc","lastName":"Lefeuvre","profession":"Pharmacist","rpps":"10001000032","communeCode":"53103"}' \
    '{"firstName":"Nadia","lastName":"Ferron","profession":"SocialWorker","rpps":"10001000040","communeCode":"53130"}' \
    '{"firstName":"Paul","lastName":"Garnier","profession":"Physiotherapist","rpps":"10001000057","communeCode":"53054"}'; do
    post api/coordination/members "$member" member
    [ -n "$nurse" ] || nurse="$DEMO_ID"
  done
  local place
  for place in \
    '{"name":"Pharmacie du Genest","kind":"Pharmacy","communeCode":"53103","hasCabin":true}' \
    '{"name":"Mairie de Saint-Pierre-la-Cour","kind":"TownHall","communeCode":"53247","hasCabin":true}' \
    '{"name":"France Services Laval","kind":"FranceServices","communeCode":"53130","hasCabin":false}'; do
    status="$created"
    post api/coordination/places "$place" place
    # Assisted teleconsultations at a new cabin (a re-run adds none): pseudonyms only, never identities.
    if [ "$created" != "$status" ] && [[ "$place" == *'"hasCabin":true'* ]] && [ -n "$nurse" ]; then
      local p cabin="$DEMO_ID"
      for p in 7f3a9c21e0b4 2b8d4e6f1a90 7f3a9c21e0b4 c41e9d0a5b37; do
        post api/coordination/telemedicine/sessions "{\"placeId\":\"$cabin\",\"date\":\"$(date -u +%F)\",\"assistingNurseId\":\"$nurse\",\"patientPseudonym\":\"demo-$p\"}" teleconsultation
      done
    fi
  done
  # Site-weeks of the next 14 days without a rotation: Missions announces them, Coordination shows them.
  curl -s -o /dev/null -X POST "$GATEWAY/api/missions/coverage-gaps/scan" ${PLATFORM_API_KEY:+-H "X-Api-Key: $PLATFORM_API_KEY"} || true
  # Laval classified: short of doctors, yet under the national threshold (see docs/coordination.md).
  curl -s -o /dev/null -X POST "$GATEWAY/api/coordination/zones/classify" -H 'Content-Type: application/json' \
    ${PLATFORM_API_KEY:+-H "X-Api-Key: $PLATFORM_API_KEY"} \
    -d '{"code":"53130","name":"Laval","kind":"Commune","population":50000,"gps":30,"aldPrevalencePercent":21.5,"emergencyMinutes":10,"youngGpSharePercent":12,"medianIncome":20400}' || true
  log "demo data: $created created, $existing already there"
}

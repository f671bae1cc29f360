// The CPTS coordinator's page: reads the gateway's JSON routes with the partner key kept in this tab's session.
"use strict";

const KEY = "platform.apiKey";
const FAST_MS = 1000;   // figures: an event shows within 2 s
const SLOW_MS = 10000;  // history, zones, gaps
const fmt = new Intl.NumberFormat("fr-FR");
const euros = new Intl.NumberFormat("fr-FR", { style: "currency", currency: "EUR", maximumFractionDigits: 0 });
const $ = (id) => document.getElementById(id);

let territoryId = null;
let fastTimer = null;
let slowTimer = null;

class AuthError extends Error {}

async function api(path) {
  const response = await fetch(path, { headers: { "X-Api-Key": sessionStorage.getItem(KEY) ?? "", Accept: "application/json" } });
  if (response.status === 401 || response.status === 403) {
    throw new AuthError(response.status === 401 ? "Clé refusée." : "Cette clé n'a pas accès aux indicateurs.");
  }
  if (!response.ok) {
    let detail = "";
    try { detail = (await response.json()).title ?? ""; } catch { /* not JSON */ }
    throw new Error(`HTTP ${response.status} ${detail}`);
  }
  return response;
}

const json = async (path) => (await api(path)).json();

function el(tag, text, attrs = {}) {
  const node = document.createElement(tag);
  if (text !== undefined && text !== null) node.textContent = text;
  for (const [name, value] of Object.entries(attrs)) node.setAttribute(name, value);
  return node;
}

function setStatus(text, isError = false) {
  $("status").textContent = text;
  $("status").className = isError ? "error" : "";
}

function showLogin(message) {
  clearInterval(fastTimer);
  clearInterval(slowTimer);
  $("dashboard").hidden = true;
  $("login").hidden = false;
  $("login-error").textContent = message ?? "";
  setStatus("Clé requise");
}

async function start() {
  try {
    const territories = await json("/api/coordination/territories");
    $("login").hidden = true;
    $("dashboard").hidden = false;
    const select = $("territory");
    select.replaceChildren(...territories.map((t) => el("option", t.name, { value: t.id })));
    if (territories.length === 0) {
      setStatus("Aucune CPTS n'est encore déclarée (POST /api/coordination/territories).");
      return;
    }
    const asked = new URLSearchParams(location.search).get("territory");
    territoryId = territories.some((t) => t.id === asked) ? asked : territories[0].id;
    select.value = territoryId;
    select.onchange = () => {
      territoryId = select.value;
      history.replaceState(null, "", `?territory=${territoryId}`);
      $("communes").tBodies[0].replaceChildren();
      refreshAll();
    };
    await refreshAll();
    fastTimer = setInterval(refreshFigures, FAST_MS);
    slowTimer = setInterval(refreshSlow, SLOW_MS);
  } catch (error) {
    handle(error);
  }
}

function handle(error) {
  if (error instanceof AuthError) {
    sessionStorage.removeItem(KEY);
    showLogin(error.message);
  } else {
    setStatus(`Données indisponibles : ${error.message}`, true);
  }
}

async function refreshAll() {
  await Promise.all([refreshFigures(), refreshSlow()]);
}

const CARDS = [
  ["patientsWithoutGp", "sans médecin traitant", fmt.format],
  ["waitingListEntries", "inscrits en liste d'attente", fmt.format],
  ["oldestWaitDays", "jours : plus longue attente", (v) => (v === null ? "—" : fmt.format(v))],
  ["givenAGp", "ont trouvé un médecin", fmt.format],
  ["consultations", "consultations", fmt.format],
  ["siteWeeksCovered", "semaines couvertes", fmt.format],
  ["siteWeeksUncovered", "semaines non couvertes", fmt.format],
  ["volunteersMobilised", "médecins volontaires venus", fmt.format],
  ["fundingShortfall", "déficit de financement (année)", euros.format],
];

const COLUMNS = [
  ["population", (v) => (v === null ? "—" : fmt.format(v))],
  ["patientsWithoutGp", fmt.format],
  ["withoutGpPer1000", (v) => (v === null ? "—" : fmt.format(v))],
  ["waitingListEntries", fmt.format],
  ["oldestWaitDays", (v) => (v === null ? "—" : `${fmt.format(v)} j`)],
  ["givenAGp", fmt.format],
  ["consultations", fmt.format],
  ["orientations", fmt.format],
  ["siteWeeksCovered", fmt.format],
  ["siteWeeksUncovered", fmt.format],
  ["volunteersMobilised", fmt.format],
  ["fundingShortfall", euros.format],
];

async function refreshFigures() {
  if (!territoryId) return;
  try {
    const t = await json(`/api/coordination/territories/${territoryId}/indicators`);
    $("territory-name").textContent = `— ${t.name} (${fmt.format(t.population)} habitants)`;
    $("totals").replaceChildren(...CARDS.map(([field, label, show]) => {
      const card = el("div", null, { class: "card", "data-field": field });
      card.append(el("div", show(t.totals[field]), { class: "value" }), el("div", label, { class: "label" }));
      return card;
    }));
    renderCommunes(t.communes);
    $("outside").textContent = t.outsideTerritory.length === 0 ? "" :
      `Hors territoire (événements conservés pour rapprochement) : ${t.outsideTerritory.map((c) => `${c.communeCode} (${c.patientsWithoutGp})`).join(", ")}`;
    setStatus(`Mis à jour à ${new Date().toLocaleTimeString("fr-FR")}`);
  } catch (error) {
    handle(error);
  }
}

function renderCommunes(communes) {
  const body = $("communes").tBodies[0];
  for (const c of communes) {
    let row = body.querySelector(`tr[data-commune="${c.communeCode}"]`);
    if (!row) {
      row = el("tr", null, { "data-commune": c.communeCode });
      row.append(el("td", `${c.name ?? c.communeCode} (${c.communeCode})`));
      for (const [field] of COLUMNS) row.append(el("td", null, { "data-field": field }));
      body.append(row);
    }
    for (const [field, show] of COLUMNS) {
      const cell = row.querySelector(`td[data-field="${field}"]`);
      const text = show(c[field]);
      if (cell.textContent !== text) {
        if (cell.textContent !== "") {
          cell.classList.remove("changed");
          void cell.offsetWidth; // restart the highlight
          cell.classList.add("changed");
        }
        cell.textContent = text;
      }
    }
  }
  for (const row of [...body.rows]) {
    if (!communes.some((c) => c.communeCode === row.dataset.commune)) row.remove();
  }
}

async function refreshSlow() {
  if (!territoryId) return;
  try {
    const [history, zones, gaps] = await Promise.all([
      json(`/api/coordination/indicators/history?territory=${territoryId}&weeks=12`),
      json("/api/coordination/zones"),
      json(`/api/coordination/coverage-gaps?territory=${territoryId}&open=true`),
    ]);
    renderTrend(history);
    $("zones").replaceChildren(...(zones.length === 0 ? [el("li", "Aucune zone classée.")] : zones.map((z) => {
      const item = el("li", null, { "data-zone": z.code });
      item.append(el("span", z.isRedZone ? "Zone rouge" : "Pas zone rouge", { class: `verdict ${z.isRedZone ? "red" : "notred"}` }),
        document.createTextNode(` — ${z.name} (${z.code}) : `), el("span", z.explanation, { class: "explanation" }));
      return item;
    })));
    $("gaps").replaceChildren(...(gaps.length === 0 ? [el("li", "Aucune semaine non couverte annoncée.")] : gaps.map((g) =>
      el("li", `Semaine du ${new Date(g.weekStart).toLocaleDateString("fr-FR")} — ${g.siteName} (${g.communeCode}), ${g.lines} ligne(s)`,
        { "data-site": g.siteId }))));
  } catch (error) {
    handle(error);
  }
}

const SVG = "http://www.w3.org/2000/svg";

function svg(tag, attrs) {
  const node = document.createElementNS(SVG, tag);
  for (const [name, value] of Object.entries(attrs)) node.setAttribute(name, value);
  return node;
}

function renderTrend(weeks) {
  const width = 900, height = 240, left = 44, right = 28, top = 12, bottom = 28;
  const series = [
    ["patientsWithoutGp", "#b42318"],
    ["givenAGp", "#157347"],
    ["consultations", "#1f5fbf"],
  ];
  const highest = Math.max(0, ...weeks.flatMap((w) => series.map(([f]) => w[f])));
  const step = 10 ** Math.max(0, Math.floor(Math.log10(Math.max(1, highest))) - 1);
  const max = Math.max(2, Math.ceil(highest / (2 * step)) * 2 * step); // even, so the middle line is a whole number
  const x = (i) => left + (i * (width - left - right)) / Math.max(1, weeks.length - 1);
  const y = (v) => top + (height - top - bottom) * (1 - v / max);
  const chart = svg("svg", { viewBox: `0 0 ${width} ${height}`, preserveAspectRatio: "none" });
  for (const tick of [0, max / 2, max]) {
    chart.append(svg("line", { x1: left, x2: width - right, y1: y(tick), y2: y(tick), stroke: "#d9dee8" }));
    const label = svg("text", { x: left - 6, y: y(tick) + 4, "text-anchor": "end", "font-size": 11, fill: "#5b6475" });
    label.textContent = fmt.format(Math.round(tick));
    chart.append(label);
  }
  weeks.forEach((w, i) => {
    if (i % 2 === 0 || i === weeks.length - 1) {
      const label = svg("text", { x: x(i), y: height - 8, "text-anchor": "middle", "font-size": 11, fill: "#5b6475" });
      label.textContent = new Date(w.weekStart).toLocaleDateString("fr-FR", { day: "2-digit", month: "2-digit" });
      chart.append(label);
    }
  });
  for (const [field, colour] of series) {
    const points = weeks.map((w, i) => `${x(i).toFixed(1)},${y(w[field]).toFixed(1)}`).join(" ");
    chart.append(svg("polyline", { points, fill: "none", stroke: colour, "stroke-width": 2.5, "data-series": field }));
  }
  $("trend").replaceChildren(chart);
}

async function exportCsv() {
  try {
    const response = await api(`/api/coordination/indicators/history.csv?territory=${territoryId}&weeks=52`);
    const link = el("a", null, { href: URL.createObjectURL(await response.blob()), download: `indicateurs-${territoryId}.csv` });
    link.click();
    URL.revokeObjectURL(link.href);
  } catch (error) {
    handle(error);
  }
}

document.addEventListener("DOMContentLoaded", () => {
  $("login").addEventListener("submit", (event) => {
    event.preventDefault();
    sessionStorage.setItem(KEY, $("api-key").value.trim());
    $("api-key").value = "";
    start();
  });
  $("logout").addEventListener("click", () => { sessionStorage.removeItem(KEY); showLogin(); });
  $("export").addEventListener("click", exportCsv);
  if (sessionStorage.getItem(KEY)) start(); else showLogin();
});

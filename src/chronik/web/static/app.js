// chronik web UI: small glue around the vendored libraries (Chart.js, Leaflet, vis-network).
"use strict";
const chronik = (() => {
  const TYPE_COLORS = {CONSULT: "#2e86de", AGREE: "#27ae60", SUPPORT: "#16a085", CONCEDE: "#1abc9c",
    COOPERATE: "#3dc1d3", AID: "#58b19f", RETREAT: "#95a5a6", REQUEST: "#f39c12", ACCUSE: "#e67e22",
    REJECT: "#d35400", THREATEN: "#c0392b", PROTEST: "#8e44ad", SANCTION: "#9b59b6", MOBILIZE: "#7f8c8d",
    COERCE: "#b33939", ASSAULT: "#6d214f"};
  const color = (t) => TYPE_COLORS[t] || "#555";
  const esc = (s) => String(s ?? "").replace(/[&<>"']/g, (c) => ({"&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;"}[c]));

  // document page: click a mark to see its record
  function initDocument() {
    const rec = document.getElementById("record");
    if (!rec) return;
    const doc = JSON.parse(rec.textContent);
    const box = document.getElementById("details");
    const layers = {entity: doc.entities, quote: doc.quotes, event: doc.events};
    const show = (kind, idx) => {
      document.querySelectorAll(".mark.selected").forEach((e) => e.classList.remove("selected"));
      document.querySelectorAll(`.mark[data-kind="${kind}"][data-idx="${idx}"]`).forEach((e) => e.classList.add("selected"));
      box.textContent = kind + " " + idx + "\n" + JSON.stringify(layers[kind][idx], null, 1);
    };
    document.getElementById("text").addEventListener("click", (ev) => {
      const m = ev.target.closest(".mark");
      if (m) show(m.dataset.kind, m.dataset.idx);
    });
    document.querySelectorAll(".jump").forEach((a) => a.addEventListener("click", () => show(a.dataset.kind, a.dataset.idx)));
    const hash = location.hash.match(/^#(event|quote)-(\d+)$/);
    if (hash) show(hash[1], hash[2]);
  }

  // a stacked bar chart of events per period and type; a click on a bar lists those events
  function timeline(canvas, interval) {
    if (!canvas || !window.Chart) return;
    const rows = JSON.parse(canvas.dataset.json || "[]");
    const periods = [...new Set(rows.map((r) => r.period))].sort();
    const types = [...new Set(rows.map((r) => r.type))].sort();
    const datasets = types.map((t) => ({label: t, backgroundColor: color(t),
      data: periods.map((p) => rows.filter((r) => r.period === p && r.type === t).reduce((n, r) => n + r.events, 0))}));
    const chart = new Chart(canvas, {type: "bar", data: {labels: periods, datasets},
      options: {responsive: true, maintainAspectRatio: false, scales: {x: {stacked: true}, y: {stacked: true, beginAtZero: true}},
        onClick: (e, items) => {
          if (!items.length) return;
          const it = items[0];
          const start = periods[it.index];
          const end = new Date(start);
          end.setDate(end.getDate() + ({day: 0, week: 6, month: 30, year: 364}[interval] ?? 0));
          const q = new URLSearchParams(location.search);
          q.set("from", start); q.set("to", end.toISOString().slice(0, 10)); q.set("type", types[it.datasetIndex]);
          location.href = "/events?" + q.toString();
        }}});
    canvas.chart = chart;
  }

  // the event map: country boundaries from Natural Earth (no tiles), one marker per event
  async function map(el) {
    const m = L.map(el, {worldCopyJump: true}).setView([30, 20], 2);
    const world = await (await fetch("/static/vendor/countries-110m.json")).json();
    const countries = topojson.feature(world, world.objects.countries);
    // no Antarctica; countries across the antimeridian (Russia, Fiji) drawn east of it, without stripes
    countries.features = countries.features.filter((f) => f.id !== "010");
    const east = (c) => (typeof c[0] === "number" ? [c[0] < 0 ? c[0] + 360 : c[0], c[1]] : c.map(east));
    countries.features.filter((f) => f.id === "643" || f.id === "242").forEach((f) => {
      f.geometry.coordinates = east(f.geometry.coordinates);
    });
    L.geoJSON(countries, {style: {color: "#7a8b99", weight: 0.7, fillColor: "#f4f1ea", fillOpacity: 1}}).addTo(m);
    const data = await (await fetch(el.dataset.url)).json();
    const layer = L.geoJSON(data, {pointToLayer: (f, ll) => L.circleMarker(ll, {radius: 7, color: color(f.properties.type),
        fillOpacity: 0.8, className: "event-point"}),
      onEachFeature: (f, l) => l.bindPopup(`<b>${esc(f.properties.type)}</b> ${esc(f.properties.place)} · ${esc(f.properties.date)}<br>` +
        `${esc(f.properties.evidence)}<br><a class="evidence" href="/documents/${encodeURIComponent(f.properties.doc_id)}#event-${f.properties.idx}">zum Satz</a>`)}).addTo(m);
    if (data.features.length) m.fitBounds(layer.getBounds().pad(0.5), {maxZoom: 6, animate: false});
    el.dataset.points = data.features.length;
  }

  // who acts on whom; a click on an edge opens the events of that dyad
  async function network(el) {
    const data = await (await fetch(el.dataset.url)).json();
    const nodes = new vis.DataSet(data.nodes.map((n) => ({id: n.id, label: n.id + (n.country ? ` (${n.country})` : ""), value: n.events})));
    const edges = new vis.DataSet(data.edges.map((e, i) => ({id: i, from: e.source, to: e.target, value: e.events, arrows: "to",
      title: Object.entries(e.types).map(([t, n]) => `${t}: ${n}`).join(", ")})));
    const net = new vis.Network(el, {nodes, edges}, {nodes: {shape: "dot", scaling: {min: 8, max: 40}},
      edges: {scaling: {min: 1, max: 10}, smooth: false}, physics: {stabilization: {iterations: 150}}});
    net.on("click", (p) => {
      if (p.edges.length && !p.nodes.length) {
        const e = data.edges[p.edges[0]];
        location.href = "/events?" + new URLSearchParams({source: e.source, target: e.target, interval: "week"});
      } else if (p.nodes.length) {
        const n = data.nodes.find((x) => x.id === p.nodes[0]);
        location.href = n && n.id === n.country ? "/events?" + new URLSearchParams({country: n.id})
                                               : "/actors/" + encodeURIComponent(p.nodes[0]);
      }
    });
    el.dataset.nodes = data.nodes.length;
    el.network = net;
  }

  document.addEventListener("DOMContentLoaded", initDocument);
  return {timeline, map, network};
})();

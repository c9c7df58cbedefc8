/* graphbuild map: vis-network over the data embedded in #graphbuild-data.
 *
 * Safety: article text only ever reaches the page through textContent (and
 * XMLSerializer for the SVG export), and only http(s) URLs become links.
 * People and lines are vis items keyed by their index in DATA.people and
 * DATA.pairs, and every lookup by person id goes through a Map, so an id such
 * as "constructor" or "__proto__" is never an object property.
 * Stability: the layout runs once with everyone present; afterwards physics is
 * off and filters only set `hidden`, so nobody ever moves.
 */
(function () {
  "use strict";

  var DATA = JSON.parse(document.getElementById("graphbuild-data").textContent);
  // Okabe-Ito blue and vermillion: told apart with any common colour-vision deficiency.
  var POLARITY = { "1": "#0072b2", "-1": "#d55e00", "0": "#7a7a7a" };
  var POLARITY_NAMES = { "1": "positive", "-1": "negative", "0": "neutral or mixed" };
  var DASHES = { negated: [8, 6], hypothetical: [2, 5] };
  var PARTY_COLOURS = [[/democrat/i, "#4a7fd4"], [/republican/i, "#d8473f"], [/independent/i, "#9467bd"],
                       [/libertarian/i, "#e6b800"], [/green/i, "#55a868"]];
  var OTHER_COLOURS = ["#17becf", "#8c564b", "#e377c2", "#bcbd22", "#6b6ecf", "#ad494a"];
  var GROUP_COLOURS = ["#4e79a7", "#f28e2b", "#59a14f", "#b07aa1", "#edc948", "#76b7b2", "#ff9da7",
                       "#9c755f", "#e15759"];
  var UNKNOWN = "#c4c4c4";
  var NAME_SIZE = 13, LINE_SIZE = 11, OVERVIEW_NAME = 15, HOVER_LINE = 16;
  var SCALES = DATA.scales || { names: 0.9, lines: 1.3 };

  var P = DATA.people, R = DATA.relations, L = DATA.pairs || [];
  var byId = new Map();
  P.forEach(function (p, i) {
    byId.set(p.id, i);
    p.i = i; p.pairs = []; p.first = null; p.last = null;
  });
  var relByKey = new Map();
  R.forEach(function (r, i) {
    r.i = i; r.fi = byId.get(r.from); r.ti = byId.get(r.to);
    r.day = r.evidence.map(function (ev) { return ev.published ? String(ev.published).slice(0, 10) : null; });
    relByKey.set(r.id, i);
    [r.fi, r.ti].forEach(function (k) {
      var p = P[k];
      r.dates.forEach(function (d) {
        if (!p.first || d < p.first) p.first = d;
        if (!p.last || d > p.last) p.last = d;
      });
    });
  });
  L.forEach(function (l, j) {
    l.j = j;
    l.rels.forEach(function (i) { R[i].pair = j; });
    P[l.a].pairs.push(j);
    if (l.b !== l.a) P[l.b].pairs.push(j);
  });
  var focusSet = new Set(DATA.focus.map(function (id) { return byId.get(id); }).filter(function (i) { return i !== undefined; }));

  var $ = function (id) { return document.getElementById(id); };
  function el(tag, text, cls) {
    var e = document.createElement(tag);
    if (text !== undefined && text !== null) e.textContent = String(text);
    if (cls) e.className = cls;
    return e;
  }
  function safeUrl(url) {
    // Only web links: javascript:, data: and friends stay plain text.
    if (typeof url !== "string") return null;
    try {
      var u = new URL(url.trim());
      return (u.protocol === "http:" || u.protocol === "https:") ? u.href : null;
    } catch (e) { return null; }
  }
  function nameOfId(id) { var i = byId.get(id); return i === undefined ? String(id) : P[i].name; }
  function typeName(rel) { return String(rel).toLowerCase().replace(/_/g, " "); }
  function relText(r, n) {
    var t = typeName(r.relation);
    if (r.modality === "negated") t = "not " + t;
    else if (r.modality === "hypothetical") t += "?";
    return t + (n > 1 ? " \u00d7" + n : "");
  }
  function plural(n, one, many) { return n + " " + (n === 1 ? one : (many || one + "s")); }
  function clip(text, n) { text = String(text || ""); return text.length > n ? text.slice(0, n - 1) + "\u2026" : text; }

  // --- state ----------------------------------------------------------------------------------
  var state = {
    types: new Map(), uncertain: false,
    from: DATA.dates.min, to: DATA.dates.max,
    labels: "relation",
    colour: P.some(function (p) { return p.party; }) ? "party" : "community",
    hood: null, hoodOf: null,       // Set of person indices; {i, depth}
    selected: null                  // {person: i} or {pair: j}
  };
  DATA.types.forEach(function (t) { state.types.set(t.relation, true); });
  var defaults = { labels: state.labels, colour: state.colour };

  function windowActive() {
    return !!DATA.dates.min && (state.from !== DATA.dates.min || state.to !== DATA.dates.max);
  }
  function windowInverted() { return !!(state.from && state.to && state.from > state.to); }
  function inWindow(day) {
    if (!windowActive()) return true;
    if (!day) return false;  // undated evidence cannot be placed in a window
    return (!state.from || day >= state.from) && (!state.to || day <= state.to);
  }
  function modalityOn(r) { return r.modality === "asserted" || state.uncertain; }

  // --- what is shown: recomputed from the state, applied to vis as changes only --------------
  var view = { people: 0, relations: 0, evidence: 0, inWindow: 0 };
  var typeCounts = new Map();
  function recompute() {
    var inv = windowInverted();
    typeCounts = new Map();
    view = { people: 0, relations: 0, evidence: 0, inWindow: 0 };
    R.forEach(function (r) {
      var ev = [];
      if (!inv) r.day.forEach(function (d, k) { if (inWindow(d)) ev.push(k); });
      r.ev = ev; r.n = ev.length;
      if (r.n) view.inWindow++;
      if (modalityOn(r)) typeCounts.set(r.relation, (typeCounts.get(r.relation) || 0) + r.n);
      r.shown = r.n > 0 && state.types.get(r.relation) && modalityOn(r) &&
        (!state.hood || (state.hood.has(r.fi) && state.hood.has(r.ti)));
      if (r.shown) { view.relations++; view.evidence += r.n; }
    });
    P.forEach(function (p) { p.n = 0; p.linked = false; });
    L.forEach(function (l) {
      l.n = 0; l.shownRels = [];
      l.rels.forEach(function (i) { var r = R[i]; if (r.shown) { l.shownRels.push(r); l.n += r.n; } });
      l.shownRels.sort(function (x, y) { return y.n - x.n || (x.relation < y.relation ? -1 : 1); });
      l.shown = l.shownRels.length > 0;
      if (l.shown) {
        P[l.a].n += l.n; P[l.a].linked = true;
        if (l.b !== l.a) { P[l.b].n += l.n; P[l.b].linked = true; }
      }
    });
    var narrowed = !!state.hood || windowActive() || inv ||
      DATA.types.some(function (t) { return !state.types.get(t.relation); });
    P.forEach(function (p) {
      if (inv) p.shown = false;
      else if (state.hood) p.shown = state.hood.has(p.i);
      else p.shown = !narrowed || p.linked;
      if (p.shown) view.people++;
    });
  }

  function darker(hex) {
    var n = parseInt(hex.slice(1), 16), f = 0.62;
    var c = [(n >> 16) & 255, (n >> 8) & 255, n & 255].map(function (x) { return Math.round(x * f); });
    return "#" + c.map(function (x) { return (x < 16 ? "0" : "") + x.toString(16); }).join("");
  }
  var partyColour = new Map();
  (function parties() {
    var counts = new Map();
    P.forEach(function (p) { if (p.party) counts.set(p.party, (counts.get(p.party) || 0) + 1); });
    var k = 0;
    Array.from(counts.keys()).sort(function (a, b) { return counts.get(b) - counts.get(a) || (a < b ? -1 : 1); })
      .forEach(function (name) {
        var hit = PARTY_COLOURS.filter(function (pc) { return pc[0].test(name); })[0];
        partyColour.set(name, hit ? hit[1] : OTHER_COLOURS[k++ % OTHER_COLOURS.length]);
      });
  })();
  function colourOf(p) {
    if (state.colour === "party") return p.party ? partyColour.get(p.party) : UNKNOWN;
    if (state.colour === "community") {
      return (p.community !== null && p.community !== undefined && p.community < GROUP_COLOURS.length)
        ? GROUP_COLOURS[p.community] : UNKNOWN;
    }
    return "#9fb7d6";
  }
  function nodeItem(p) {
    var c = colourOf(p), focus = focusSet.has(p.i);
    return {
      id: p.i, hidden: !p.shown, value: Math.max(p.n || p.evidence, 1),
      color: { background: c, border: focus ? "#111111" : darker(c),
               highlight: { background: c, border: "#000000" }, hover: { background: c, border: "#000000" } },
      borderWidth: focus ? 5 : 1.5,
      font: { size: fontSize.get(p.i) || NAME_SIZE }
    };
  }
  function edgeWidth(n) { return Math.min(14, Math.round((1 + 1.8 * Math.log2(Math.max(n, 1))) * 100) / 100); }
  function lineLabel(l) {
    if (state.labels === "none" || !l.shownRels.length) return "";
    var parts = l.shownRels.slice(0, 3).map(function (r) {
      if (state.labels === "wording") return clip(r.evidence[r.ev[0]].label || r.label, 40) + (r.n > 1 ? " \u00d7" + r.n : "");
      return relText(r, r.n);
    });
    if (l.shownRels.length > 3) parts.push("\u2026");
    return parts.join(", ");
  }
  function lineStyle(l) {
    var pos = 0, neg = 0, asserted = false, negated = false, ab = false, ba = false;
    l.shownRels.forEach(function (r) {
      if (r.polarity > 0) pos += r.n; else if (r.polarity < 0) neg += r.n;
      if (r.modality === "asserted") asserted = true; else if (r.modality === "negated") negated = true;
      if (!r.symmetric) { if (r.fi === l.a) ab = true; else ba = true; }
    });
    var pol = pos > neg ? "1" : neg > pos ? "-1" : "0";
    return { polarity: pol, dashes: asserted ? false : negated ? DASHES.negated : DASHES.hypothetical, ab: ab, ba: ba };
  }
  function edgeItem(l) {
    var s = lineStyle(l), c = POLARITY[s.polarity];
    return {
      id: l.j, from: l.a, to: l.b, hidden: !l.shown || !P[l.a].shown || !P[l.b].shown,
      width: edgeWidth(l.n), dashes: s.dashes,
      color: { color: c, highlight: c, hover: c, opacity: s.dashes ? 0.75 : 0.85 },
      arrows: { to: { enabled: s.ab, scaleFactor: 0.6 },
                from: { enabled: s.ba && l.a !== l.b, scaleFactor: 0.6 } },
      label: lineLabel(l) || " ",
      font: { size: lineFont.get(l.j) || LINE_SIZE }
    };
  }
  var fontSize = new Map(), lineFont = new Map();
  var sentNodes = [], sentEdges = [];
  function changes(items, sent, make) {
    var out = [];
    items.forEach(function (x, k) {
      var it = make(x), key = JSON.stringify(it);
      if (sent[k] !== key) { sent[k] = key; out.push(it); }
    });
    return out;
  }
  var nodes = new vis.DataSet(P.map(function (p) {
    p.shown = true; p.n = p.evidence;
    var it = nodeItem(p); it.label = p.name; it.hidden = false;
    return it;
  }));
  var edges = new vis.DataSet(L.map(function (l) {
    l.shownRels = l.rels.map(function (i) { var r = R[i]; r.ev = r.day.map(function (_, k) { return k; }); r.n = r.ev.length; return r; });
    l.n = l.shownRels.reduce(function (s, r) { return s + r.n; }, 0); l.shown = true;
    var it = edgeItem(l); it.hidden = false;
    return it;
  }));
  function apply() {
    var n = changes(P, sentNodes, nodeItem), e = changes(L, sentEdges, edgeItem);
    if (n.length) nodes.update(n);
    if (e.length) edges.update(e);
  }

  var container = $("network");
  var network = new vis.Network(container, { nodes: nodes, edges: edges }, DATA.options);

  var api = {
    ready: false,
    nodeCount: P.length, edgeCount: R.length, lineCount: L.length,
    total: DATA.total, dropped: DATA.dropped,
    network: network, nodes: nodes, edges: edges,
    indexOf: function (id) { var i = byId.get(id); return i === undefined ? null : i; },
    shownPeople: function () { return P.filter(function (p) { return p.shown; }).map(function (p) { return p.id; }); },
    shownRelations: function () { return R.filter(function (r) { return r.shown && P[r.fi].shown && P[r.ti].shown; }).map(function (r) { return r.id; }); },
    shownLines: function () { return L.filter(function (l) { return l.shown; }).map(function (l) { return [P[l.a].id, P[l.b].id]; }); },
    positions: function () {
      // [id, x, y] rows: ids are data, never keys of an object handed to the caller
      var pos = network.getPositions(P.map(function (p) { return p.i; }));  // hidden people too
      return P.map(function (p) { return [p.id, pos[p.i].x, pos[p.i].y]; });
    },
    typeCount: function (rel) { return typeCounts.get(rel) || 0; },
    visible: function () { return { nodes: view.people, edges: view.relations }; }
  };
  window.graphbuildMap = api;

  // --- status and notes -----------------------------------------------------------------------
  function updateStatus() {
    var parts = [view.people + " of " + P.length + " people", view.relations + " of " + R.length + " relations",
                 plural(view.evidence, "piece") + " of evidence shown"];
    var text = parts.join(", ");
    if (windowActive()) text += " (" + (state.from || "start") + " to " + (state.to || "end") + ")";
    $("status").textContent = text + (api.ready ? "" : " \u2014 laying out\u2026");
  }
  (function note() {
    var parts = [];
    if (DATA.dropped > 0) {
      parts.push("This map shows the " + P.length + " most connected of " + DATA.total.people +
                 " people (" + DATA.dropped + " left out); raise --max-nodes to see more.");
    }
    if (DATA.focus.length) {
      parts.push("Neighbourhood of " + DATA.focus.map(nameOfId).join(", ") + " (ringed), depth " + DATA.depth + ".");
    }
    if (DATA.window) {
      parts.push("Evidence from " + (DATA.window[0] || "the start") + " to " + (DATA.window[1] || "the end") + " only.");
    }
    if (parts.length) { $("note").textContent = parts.join(" "); $("note").hidden = false; }
  })();
  function windowMessage() {
    var box = $("window-msg"), text = null;
    if (!P.length) {
      text = DATA.window ? "No evidence between " + (DATA.window[0] || "the start") + " and " +
        (DATA.window[1] || "the end") + ": there is nothing to draw." : "This graph has no relations to draw.";
    } else if (windowInverted()) {
      text = "The date window is inverted: " + state.from + " is after " + state.to + ". Nothing is shown.";
    } else if (windowActive() && view.inWindow === 0) {
      text = "No evidence between " + (state.from || "the start") + " and " + (state.to || "the end") + ".";
    }
    box.textContent = "";
    box.hidden = !text;
    if (!text) return;
    box.appendChild(el("span", text));
    if (P.length) {
      var b = el("button", "Show all dates"); b.type = "button"; b.id = "window-reset";
      b.addEventListener("click", function () { setWindow(DATA.dates.min, DATA.dates.max); });
      box.appendChild(b);
    }
  }

  // --- labels: the most connected names at overview zoom, all names when zoomed in ------------
  var hovered = { node: null, line: null };
  function labelTargets() {
    var want = new Map(), scale = network.getScale();
    if (scale >= SCALES.names) return want;
    var size = Math.min(OVERVIEW_NAME / scale, 60);
    var shown = P.filter(function (p) { return p.shown; });
    var must = shown.filter(function (p) {
      return focusSet.has(p.i) || (state.selected && state.selected.person === p.i) || hovered.node === p.i;
    });
    var ranked = shown.slice().sort(function (a, b) { return a.rank - b.rank; });
    var limit = Math.max(12, Math.min(60, Math.round(shown.length * 0.08 * Math.max(1, scale / 0.3))));
    var boxes = [], pos = network.getPositions(shown.map(function (p) { return p.i; }));
    var w = container.clientWidth, h = container.clientHeight;
    function place(p, force) {
      var d = network.canvasToDOM(pos[p.i]);
      var bw = p.name.length * 8 + 6, bx = d.x - bw / 2, by = d.y + 8;
      var box = [bx, by, bx + bw, by + 19];
      if (!force) {
        if (d.x < 0 || d.y < 0 || d.x > w || d.y > h) return false;
        for (var k = 0; k < boxes.length; k++) {
          var o = boxes[k];
          if (box[0] < o[2] && box[2] > o[0] && box[1] < o[3] && box[3] > o[1]) return false;
        }
      }
      boxes.push(box);
      want.set(p.i, size);
      return true;
    }
    must.forEach(function (p) { place(p, true); });
    var placed = 0;
    for (var k = 0; k < ranked.length && placed < limit; k++) {
      if (want.has(ranked[k].i)) continue;
      if (place(ranked[k], false)) placed++;
    }
    return want;
  }
  function updateLabels() {
    if (!api.ready) return;
    clearTimeout(labelTimer);
    var want = labelTargets(), scale = network.getScale();
    labelledAt = scale;
    if (hovered.node !== null && !want.has(hovered.node)) want.set(hovered.node, Math.max(NAME_SIZE, OVERVIEW_NAME / scale));
    fontSize = want;
    var lines = new Map(), sel = state.selected && state.selected.pair;
    [hovered.line, sel].forEach(function (j) {
      if (j !== null && j !== undefined && scale < SCALES.lines) lines.set(j, Math.min(HOVER_LINE / scale, 60));  // above the threshold that hides line labels
    });
    lineFont = lines;
    apply();
  }
  api.labelled = function () {
    var scale = network.getScale();
    return P.filter(function (p) {
      return p.shown && (scale >= SCALES.names || fontSize.has(p.i));
    }).map(function (p) { return p.id; });
  };
  api.lineLabelsDrawn = function () { return network.getScale() >= SCALES.lines; };
  var labelTimer = null;
  function labelsSoon() { clearTimeout(labelTimer); labelTimer = setTimeout(updateLabels, 120); }
  // Any change of zoom (the wheel, fit, focus, an animation) re-chooses the names once it stops.
  var labelledAt = null;
  network.on("afterDrawing", function () {
    var s = network.getScale();
    if (api.ready && labelledAt !== null && Math.abs(s - labelledAt) > labelledAt * 0.01) { labelledAt = s; labelsSoon(); }
  });
  network.on("dragEnd", labelsSoon);

  // --- fit: frame what is shown, beside the side panel ----------------------------------------
  function narrowScreen() { return window.matchMedia("(max-width: 720px)").matches; }
  function panelCover() {
    var panel = $("panel");
    if (panel.hidden || printing.matches) return { right: 0, bottom: 0 };  // printed, the panel follows the map
    var r = panel.getBoundingClientRect(), c = container.getBoundingClientRect();
    if (narrowScreen()) return { right: 0, bottom: Math.max(0, c.bottom - r.top) };
    return { right: Math.max(0, c.right - r.left), bottom: 0 };
  }
  function fitVisible(ids) {
    var list = ids || P.filter(function (p) { return p.shown; }).map(function (p) { return p.i; });
    if (!list.length) return;
    var pos = network.getPositions(list), x0 = Infinity, y0 = Infinity, x1 = -Infinity, y1 = -Infinity;
    list.forEach(function (i) {
      var q = pos[i], rad = (network.body.nodes[i] && network.body.nodes[i].options.size) || 10;
      x0 = Math.min(x0, q.x - rad); x1 = Math.max(x1, q.x + rad);
      y0 = Math.min(y0, q.y - rad); y1 = Math.max(y1, q.y + rad + 18);
    });
    var cover = panelCover(), margin = 30;
    var w = Math.max(80, container.clientWidth - cover.right - 2 * margin);
    var h = Math.max(80, container.clientHeight - cover.bottom - 2 * margin);
    var scale = Math.min(w / Math.max(x1 - x0, 1), h / Math.max(y1 - y0, 1), 1.6);
    network.moveTo({ position: { x: (x0 + x1) / 2, y: (y0 + y1) / 2 }, scale: scale,
                     offset: { x: -cover.right / 2, y: -cover.bottom / 2 }, animation: false });
    updateLabels();
  }
  api.fit = function () { fitVisible(); };
  // Printing resizes the canvas: frame the people again for paper, and again for the screen after.
  var printing = window.matchMedia("print");
  function reframe() { network.setSize("100%", "100%"); network.redraw(); fitVisible(); }
  printing.addEventListener("change", reframe);
  window.addEventListener("beforeprint", reframe);
  window.addEventListener("afterprint", reframe);
  // Bring people the open panel is about into the part of the canvas it leaves free.
  function ensureVisible(ids) {
    ids = ids.filter(function (i) { return P[i].shown; });
    if (!ids.length) return;
    var cover = panelCover(), w = container.clientWidth - cover.right, h = container.clientHeight - cover.bottom;
    var pos = network.getPositions(ids), x0 = Infinity, y0 = Infinity, x1 = -Infinity, y1 = -Infinity;
    ids.forEach(function (i) {
      var q = pos[i];
      x0 = Math.min(x0, q.x); x1 = Math.max(x1, q.x); y0 = Math.min(y0, q.y); y1 = Math.max(y1, q.y);
    });
    var a = network.canvasToDOM({ x: x0, y: y0 }), b = network.canvasToDOM({ x: x1, y: y1 }), pad = 30;
    if (a.x >= pad && a.y >= pad && b.x <= w - pad && b.y <= h - pad) return;
    if (b.x - a.x > w - 2 * pad || b.y - a.y > h - 2 * pad) { fitVisible(ids); return; }
    network.moveTo({ position: { x: (x0 + x1) / 2, y: (y0 + y1) / 2 }, scale: network.getScale(),
                     offset: { x: -cover.right / 2, y: -cover.bottom / 2 },
                     animation: { duration: 300, easingFunction: "easeInOutQuad" } });
  }
  function neighbours(i) {
    var out = [i];
    P[i].pairs.forEach(function (j) { var l = L[j]; if (l.shown) out.push(l.a === i ? l.b : l.a); });
    return out;
  }

  // --- tooltips -------------------------------------------------------------------------------
  var tip = $("tip"), mouse = { x: 0, y: 0 };
  container.addEventListener("mousemove", function (ev) {
    var c = $("main").getBoundingClientRect();
    mouse = { x: ev.clientX - c.left, y: ev.clientY - c.top };
    if (!tip.hidden) placeTip();
  });
  function placeTip() {
    var c = $("main");
    var x = mouse.x + 14, y = mouse.y + 14;
    if (x + tip.offsetWidth > c.clientWidth) x = Math.max(0, mouse.x - tip.offsetWidth - 10);
    if (y + tip.offsetHeight > c.clientHeight) y = Math.max(0, mouse.y - tip.offsetHeight - 10);
    tip.style.left = x + "px"; tip.style.top = y + "px";
  }
  function personFacts(p) {
    var bits = [];
    if (p.party || partyColour.size) bits.push(p.party || "party unknown");  // (no party data at all: say nothing)
    if (p.offices && p.offices.length) bits.push(p.offices.slice(0, 2).join("; "));
    return bits.join(" \u00b7 ");
  }
  function showTip(fill) {
    tip.textContent = "";
    fill(tip);
    tip.hidden = false;
    placeTip();
  }
  function personTip(i) {
    var p = P[i];
    showTip(function (t) {
      t.appendChild(el("strong", p.name));
      var facts = personFacts(p), linked = p.pairs.filter(function (j) { return L[j].shown; }).length;
      if (facts) t.appendChild(el("div", facts, "row"));
      t.appendChild(el("div", plural(p.n, "piece") + " of evidence" + (windowActive() ? " in this window" : "") +
        ", " + plural(linked, "person", "people") + " linked", "row"));
    });
  }
  function lineTip(j) {
    var l = L[j];
    showTip(function (t) {
      t.appendChild(el("strong", P[l.a].name + " \u2014 " + P[l.b].name));
      l.shownRels.forEach(function (r) {
        t.appendChild(el("div", P[r.fi].name + " \u2192 " + relText(r, r.n) + (r.n === 1 ? " \u00d71" : "") +
          " \u2192 " + P[r.ti].name, "row"));
      });
      var top = l.shownRels[0];
      if (top && top.n) t.appendChild(el("div", "\u201c" + clip(top.evidence[top.ev[0]].quote, 220) + "\u201d", "q"));
    });
  }
  network.on("hoverNode", function (params) {
    hovered.node = params.node; personTip(params.node); updateLabels();
  });
  network.on("blurNode", function () { hovered.node = null; tip.hidden = true; updateLabels(); });
  network.on("hoverEdge", function (params) {
    if (hovered.node !== null) return;
    hovered.line = params.edge; lineTip(params.edge); updateLabels();
  });
  network.on("blurEdge", function () {
    hovered.line = null;
    if (hovered.node === null) tip.hidden = true;
    updateLabels();
  });
  network.on("dragStart", function () { tip.hidden = true; });

  // --- legend ---------------------------------------------------------------------------------
  function peopleLegend() {
    var ul = $("people-legend");
    ul.textContent = "";
    $("colour-name").textContent = state.colour === "none" ? "nothing" : state.colour;
    var rows = [];
    if (state.colour === "party") {
      var counts = new Map(), unknown = 0;
      P.forEach(function (p) { if (p.party) counts.set(p.party, (counts.get(p.party) || 0) + 1); else unknown++; });
      partyColour.forEach(function (c, name) { rows.push([c, name, counts.get(name)]); });
      if (unknown) rows.push([UNKNOWN, "unknown", unknown]);
    } else if (state.colour === "community") {
      var groups = new Map(), rest = 0;
      P.forEach(function (p) {
        if (p.community !== null && p.community !== undefined && p.community < GROUP_COLOURS.length) {
          var g = groups.get(p.community) || { n: 0, top: p };
          g.n++; if (p.rank < g.top.rank) g.top = p;
          groups.set(p.community, g);
        } else rest++;
      });
      Array.from(groups.keys()).sort(function (a, b) { return a - b; }).forEach(function (k) {
        var g = groups.get(k);
        rows.push([GROUP_COLOURS[k], "around " + g.top.name, g.n]);
      });
      if (rest) rows.push([UNKNOWN, "smaller groups", rest]);
    } else {
      rows.push([colourOf({}), "person", P.length]);
    }
    rows.forEach(function (row) {
      var li = el("li"), dot = el("span", null, "dot");
      dot.style.background = row[0];
      li.appendChild(dot); li.appendChild(el("span", row[1])); li.appendChild(el("span", row[2], "count"));
      ul.appendChild(li);
    });
  }
  var typeBoxes = new Map(), typeCountCells = new Map();
  (function legend() {
    ["1", "-1", "0"].forEach(function (p) {
      var li = el("li"), sw = el("span", null, "swatch");
      sw.style.borderTopColor = POLARITY[p];
      li.appendChild(sw); li.appendChild(el("span", POLARITY_NAMES[p]));
      $("polarity-legend").appendChild(li);
    });
    [["asserted", "asserted"], ["negated", "negated (not)"], ["hypothetical", "hypothetical (?)"]].forEach(function (m) {
      var li = el("li"), sw = el("span", null, "swatch " + m[0]);
      sw.style.borderTopColor = "#555";
      li.appendChild(sw); li.appendChild(el("span", m[1]));
      $("modality-legend").appendChild(li);
    });
    DATA.types.forEach(function (t) {
      var li = el("li"), label = el("label"), box = el("input");
      box.type = "checkbox"; box.checked = true; box.value = t.relation;
      box.setAttribute("data-relation", t.relation);
      box.addEventListener("change", function () { state.types.set(t.relation, box.checked); refresh(); });
      var sw = el("span", null, "swatch"); sw.style.borderTopColor = POLARITY[String(t.polarity)];
      label.appendChild(box); label.appendChild(sw); label.appendChild(el("span", typeName(t.relation)));
      var count = el("span", t.count, "count");
      count.setAttribute("data-relation", t.relation);
      count.title = "pieces of evidence shown by the date window";
      li.appendChild(label); li.appendChild(count);
      $("type-legend").appendChild(li);
      typeBoxes.set(t.relation, box); typeCountCells.set(t.relation, count);
    });
    function setAll(on) {
      typeBoxes.forEach(function (b, rel) { b.checked = on; state.types.set(rel, on); });
      refresh();
    }
    $("types-all").addEventListener("click", function () { setAll(true); });
    $("types-none").addEventListener("click", function () { setAll(false); });
  })();
  function legendCounts() {
    typeCountCells.forEach(function (cell, rel) { cell.textContent = String(typeCounts.get(rel) || 0); });
  }

  // --- refresh: state -> vis, status, legend, panel, URL ---------------------------------------
  var applying = false;
  function refresh(opts) {
    opts = opts || {};
    recompute();
    if (state.selected && (state.selected.person !== undefined ? !P[state.selected.person].shown : !L[state.selected.pair].shown)) {
      select(null); closePanel();
    }
    apply();
    legendCounts();
    updateStatus();
    windowMessage();
    syncTime();
    if (state.selected && !$("panel").hidden) reopenPanel();
    if (opts.fit) fitVisible(); else updateLabels();
    writeHash();
  }
  $("show-uncertain").addEventListener("change", function (ev) { state.uncertain = ev.target.checked; refresh(); });
  $("colour").addEventListener("change", function () { state.colour = $("colour").value; peopleLegend(); refresh(); });
  $("edge-labels").addEventListener("change", function () { state.labels = $("edge-labels").value; refresh(); });
  $("fit").addEventListener("click", function () { fitVisible(); });
  $("more").addEventListener("click", function () {
    var open = $("bar").classList.toggle("more");
    $("more").setAttribute("aria-expanded", open ? "true" : "false");
    network.redraw();
  });
  $("legend-toggle").addEventListener("click", function () {
    var open = $("legend").classList.toggle("open");
    $("legend-toggle").setAttribute("aria-expanded", open ? "true" : "false");
  });

  // --- the date window and its time slider ----------------------------------------------------
  var months = [];
  (function monthList() {
    if (!DATA.dates.min) return;
    var y = +DATA.dates.min.slice(0, 4), m = +DATA.dates.min.slice(5, 7);
    var y1 = +DATA.dates.max.slice(0, 4), m1 = +DATA.dates.max.slice(5, 7);
    while (y < y1 || (y === y1 && m <= m1)) {
      months.push(y + "-" + (m < 10 ? "0" : "") + m);
      if (++m > 12) { m = 1; y++; }
    }
  })();
  function monthEnd(ym) {
    var d = new Date(Date.UTC(+ym.slice(0, 4), +ym.slice(5, 7), 0));
    return d.toISOString().slice(0, 10);
  }
  function monthIndex(day) {
    if (!day) return 0;
    var k = months.indexOf(day.slice(0, 7));
    return k < 0 ? (day < months[0] ? 0 : months.length - 1) : k;
  }
  function windowMonths() {
    if (!windowActive()) return months.length;
    return Math.max(1, monthIndex(state.to) - monthIndex(state.from) + 1);
  }
  function syncTime() {
    var t = $("time");
    if (!months.length) return;
    t.value = String(monthIndex(state.from));
    $("time-label").textContent = windowActive() ? (state.from || "start") + " \u2013 " + (state.to || "end") : "all dates";
  }
  function setWindow(from, to, opts) {
    opts = opts || {};
    state.from = from || DATA.dates.min; state.to = to || DATA.dates.max;
    $("date-from").value = state.from || ""; $("date-to").value = state.to || "";
    refresh({ fit: !opts.noFit });
  }
  api.setWindow = function (from, to) { setWindow(from, to); };
  function slideTo(k, opts) {
    var span = windowMonths();
    if (span >= months.length) span = 1;  // sliding the whole range: one month at a time
    k = Math.max(0, Math.min(k, months.length - 1));
    var last = Math.min(months.length - 1, k + span - 1);
    setWindow(months[k] + "-01", monthEnd(months[last]), opts);
  }
  var playTimer = null;
  function stopPlay() {
    clearInterval(playTimer); playTimer = null;
    $("play").textContent = "\u25b6 play";
  }
  function play() {
    if (playTimer) { stopPlay(); return; }
    if (!windowActive() || monthIndex(state.to) >= months.length - 1) slideTo(0, { noFit: true });
    $("play").textContent = "\u275a\u275a pause";
    playTimer = setInterval(function () {
      if (monthIndex(state.to) >= months.length - 1) { stopPlay(); return; }
      slideTo(monthIndex(state.from) + 1, { noFit: true });
    }, DATA.large ? 1200 : 800);
  }
  api.play = play; api.stopPlay = stopPlay;
  (function dates() {
    var f = $("date-from"), t = $("date-to"), time = $("time");
    if (!DATA.dates.min) {
      f.disabled = t.disabled = time.disabled = $("play").disabled = true;
      return;
    }
    [f, t].forEach(function (i) { i.min = DATA.dates.min; i.max = DATA.dates.max; });
    f.value = DATA.dates.min; t.value = DATA.dates.max;
    time.max = String(months.length - 1);
    function changed() { stopPlay(); setWindow(f.value, t.value); }
    f.addEventListener("change", changed); t.addEventListener("change", changed);
    time.addEventListener("input", function () { stopPlay(); slideTo(parseInt(time.value, 10) || 0); });
    $("play").addEventListener("click", play);
  })();

  function resetAll() {
    stopPlay();
    state.hood = null; state.hoodOf = null;
    state.uncertain = false; $("show-uncertain").checked = false;
    state.from = DATA.dates.min; state.to = DATA.dates.max;
    if (DATA.dates.min) { $("date-from").value = DATA.dates.min; $("date-to").value = DATA.dates.max; }
    typeBoxes.forEach(function (b, rel) { b.checked = true; state.types.set(rel, true); });
    select(null);
    closePanel();
    hideSearchMsg();
    refresh({ fit: true });
  }
  $("reset").addEventListener("click", resetAll);

  // --- search: suggestions as you type, the same exact-name rule as `render --focus` ----------
  function fold(s) { return String(s || "").normalize("NFKD").replace(/[\u0300-\u036f]/g, "").toLowerCase().trim(); }
  P.forEach(function (p) { p.folded = [fold(p.name)].concat(p.aliases.map(fold)); });
  // The rule of `render --focus` (graphbuild.render.find_people): id or full name first, then an
  // alias, any case; then the `lookup` keys a graph built with graphbuild's naming rule gives each
  // person (folded names, surnames); among equals the person with the most evidence.
  function lookupForm(text) {
    return fold(text).replace(/[.,'\u2019]/g, "").replace(/-/g, " ").replace(/\s+/g, " ").trim();
  }
  function matchTier(query, p) {
    var want = String(query).trim().toLowerCase();
    if (p.name.toLowerCase() === want || p.id.toLowerCase() === want) return 0;
    if (p.aliases.some(function (a) { return a.toLowerCase() === want; })) return 1;
    return p.lookup && p.lookup.indexOf(lookupForm(query)) >= 0 ? 2 : null;
  }
  function exactMatches(q) {
    if (!String(q || "").trim()) return [];
    var hits = [];
    P.forEach(function (p) { var t = matchTier(q, p); if (t !== null) hits.push([t, p]); });
    hits.sort(function (x, y) {
      return x[0] - y[0] || y[1].evidence - x[1].evidence || (x[1].id < y[1].id ? -1 : x[1].id > y[1].id ? 1 : 0);
    });
    return hits.map(function (h) { return h[1]; });
  }
  function wordsMatch(key, words) {
    // every word typed starts a word of the name, in any order: "james comey" finds "James B. Comey"
    var have = key.split(/[\s.,'-]+/);
    return words.every(function (w) { return have.some(function (h) { return h.indexOf(w) === 0; }); });
  }
  function suggestions(q) {
    var f = fold(q);
    if (!f) return [];
    var words = f.split(/\s+/), hits = [];
    P.forEach(function (p) {
      var best = null;
      p.folded.forEach(function (k, n) {
        var score = k.indexOf(f) === 0 ? 0 : (k.indexOf(" " + f) >= 0 ? 1 : (k.indexOf(f) >= 0 ? 2 :
          (words.length > 1 && wordsMatch(k, words) ? 3 : null)));
        if (score === null) return;
        score = score * 2 + (n === 0 ? 0 : 1);
        if (best === null || score < best.score) best = { score: score, via: n === 0 ? null : p.aliases[n - 1] };
      });
      if (best) hits.push({ p: p, score: best.score, via: best.via });
    });
    hits.sort(function (a, b) { return a.score - b.score || a.p.rank - b.p.rank; });
    return hits.slice(0, 8);
  }
  function whyHidden(p) {
    if (p.shown) return null;
    var rels = p.pairs.reduce(function (acc, j) { return acc.concat(L[j].rels.map(function (i) { return R[i]; })); }, []);
    if (windowInverted() || !rels.some(function (r) { return r.n > 0; })) return "window";
    if (state.hood) return "hood";
    return "filters";
  }
  var suggestBox = $("suggest"), searchBox = $("search"), active = -1, current = [];
  function closeSuggest() { suggestBox.hidden = true; suggestBox.textContent = ""; active = -1; current = []; searchBox.setAttribute("aria-expanded", "false"); }
  function renderSuggest() {
    current = suggestions(searchBox.value);
    suggestBox.textContent = "";
    active = -1;
    if (!current.length) { closeSuggest(); return; }
    current.forEach(function (h, k) {
      var li = el("li"); li.setAttribute("role", "option"); li.setAttribute("data-person", String(h.p.i));
      li.appendChild(el("span", h.p.name));
      var why = [];
      if (h.via && fold(h.via) !== fold(h.p.name)) why.push("also called " + h.via);
      var hidden = whyHidden(h.p);
      if (hidden === "window") why.push("outside the date window");
      else if (hidden) why.push("hidden by filters");
      if (why.length) li.appendChild(el("span", " \u2014 " + why.join(", "), "why"));
      li.addEventListener("mousedown", function (ev) { ev.preventDefault(); pick(h.p.i); });
      suggestBox.appendChild(li);
    });
    suggestBox.hidden = false;
    searchBox.setAttribute("aria-expanded", "true");
  }
  function moveActive(d) {
    if (!current.length) return;
    active = (active + d + current.length) % current.length;
    Array.prototype.forEach.call(suggestBox.children, function (li, k) { li.setAttribute("aria-selected", k === active ? "true" : "false"); });
  }
  function hideSearchMsg() { $("search-msg").hidden = true; $("search-msg").textContent = ""; }
  function searchMsg(text, button, action) {
    var box = $("search-msg");
    box.textContent = "";
    box.appendChild(el("span", text));
    if (button) {
      var b = el("button", button); b.type = "button";
      b.addEventListener("click", function () { hideSearchMsg(); action(); });
      box.appendChild(b);
    }
    box.hidden = false;
  }
  function pick(i) {
    closeSuggest();
    searchBox.value = P[i].name;
    showPerson(i);
  }
  function runSearch() {
    var q = searchBox.value;
    hideSearchMsg();
    if (!q.trim()) { closeSuggest(); return null; }
    var i = active >= 0 && current[active] ? current[active].p.i : null;
    if (i === null) { var ex = exactMatches(q); if (ex.length) i = ex[0].i; }
    if (i === null) { var s = suggestions(q); if (s.length) i = s[0].p.i; }
    closeSuggest();
    if (i === null) {
      searchMsg("No one called \u201c" + clip(q.trim(), 60) + "\u201d on this map.");
      select(null); closePanel();
      return null;
    }
    showPerson(i);
    return P[i].id;
  }
  searchBox.addEventListener("input", function () { hideSearchMsg(); renderSuggest(); });
  searchBox.addEventListener("keydown", function (ev) {
    if (ev.key === "Enter") { ev.preventDefault(); runSearch(); }
    else if (ev.key === "ArrowDown") { ev.preventDefault(); moveActive(1); }
    else if (ev.key === "ArrowUp") { ev.preventDefault(); moveActive(-1); }
    else if (ev.key === "Escape") { closeSuggest(); hideSearchMsg(); }
  });
  searchBox.addEventListener("blur", function () { setTimeout(closeSuggest, 150); });
  api.search = function (q) { searchBox.value = q; return runSearch(); };

  function showPerson(i, opts) {
    opts = opts || {};
    var p = P[i];
    if (!p.shown && state.hood) { state.hood = null; state.hoodOf = null; refresh(); }
    if (!p.shown) {
      var why = whyHidden(p);
      select(null); closePanel();
      if (why === "window") {
        searchMsg(p.name + " has no evidence " + (windowInverted() ? "in an inverted window" :
          "between " + (state.from || "the start") + " and " + (state.to || "the end")) +
          (p.first ? " (evidence from " + p.first + " to " + p.last + ")." : "."),
          "Widen the window", function () {
            var from = state.from && p.first && !windowInverted() ? (p.first < state.from ? p.first : state.from) : p.first;
            var to = state.to && p.last && !windowInverted() ? (p.last > state.to ? p.last : state.to) : p.last;
            setWindow(from, to);
            showPerson(i);
          });
      } else {
        searchMsg(p.name + "'s relations are hidden by the filters.", "Show all types", function () {
          typeBoxes.forEach(function (b, rel) { b.checked = true; state.types.set(rel, true); });
          state.uncertain = true; $("show-uncertain").checked = true;
          refresh();
          showPerson(i);
        });
      }
      return false;
    }
    select({ person: i });
    openPerson(i);
    var cover = panelCover();
    network.focus(i, { scale: Math.max(network.getScale(), 1.0), offset: { x: -cover.right / 2, y: -cover.bottom / 2 },
                       animation: opts.animate === false ? false : { duration: 400, easingFunction: "easeInOutQuad" } });
    setTimeout(updateLabels, opts.animate === false ? 0 : 450);
    return true;
  }
  api.showPerson = function (id) { var i = byId.get(id); return i === undefined ? false : showPerson(i, { animate: false }); };

  // --- selection and the side panel -----------------------------------------------------------
  function select(sel) {
    state.selected = sel;
    if (!sel) network.unselectAll();
    else if (sel.person !== undefined) network.selectNodes([sel.person]);
    else network.setSelection({ nodes: [], edges: [sel.pair] }, { unselectAll: true, highlightEdges: false });
    writeHash();
  }
  function closePanel() { $("panel").hidden = true; $("panel-body").textContent = ""; }
  $("panel-close").addEventListener("click", function () { closePanel(); select(null); });
  document.addEventListener("keydown", function (ev) {
    if (ev.key === "Escape" && document.activeElement !== searchBox && !$("panel").hidden) { closePanel(); select(null); }
  });
  function openPanel() {
    var body = $("panel-body");
    body.textContent = "";
    $("panel").hidden = false;
    $("panel").scrollTop = 0;
    return body;
  }
  function reopenPanel() {
    if (!state.selected) return;
    if (state.selected.person !== undefined) openPerson(state.selected.person);
    else openPair(state.selected.pair);
  }
  function evidenceItem(ev) {
    var li = el("li", null, "evidence");
    li.appendChild(el("blockquote", ev.quote || "", "quote"));
    var src = el("div", null, "src");
    var href = safeUrl(ev.url);
    var title = ev.title || (href ? href : "(untitled article)");
    if (href) {
      var a = el("a", title);
      a.href = href; a.target = "_blank"; a.rel = "noopener noreferrer nofollow";
      src.appendChild(a);
    } else {
      src.appendChild(el("span", title, "title"));
      if (ev.url) src.appendChild(el("span", " (" + ev.url + ")", "url"));
    }
    var bits = [ev.source, ev.published].filter(Boolean);
    if (bits.length) src.appendChild(el("span", " \u2014 " + bits.join(", ")));
    li.appendChild(src);
    var meta = el("div", null, "meta");
    if (ev.speaker) meta.appendChild(el("span", "speaker: " + nameOfId(ev.speaker), "tag"));
    if (ev.reported_by) meta.appendChild(el("span", "reported by: " + ev.reported_by, "tag"));
    meta.appendChild(el("span", ev.modality || "asserted", "tag"));
    if (ev.confidence !== null && ev.confidence !== undefined) {
      meta.appendChild(el("span", "confidence " + Number(ev.confidence).toFixed(2), "tag"));
    }
    if (ev.label) meta.appendChild(el("span", "\u201c" + ev.label + "\u201d", "tag"));
    li.appendChild(meta);
    return li;
  }
  function windowNote() {
    return windowActive() ? " between " + (state.from || "the start") + " and " + (state.to || "the end") : "";
  }
  function openPair(j, relIndex) {
    var l = L[j];
    if (!l) return false;
    var body = openPanel();
    var h = el("h3");
    [l.a, l.b].forEach(function (k, n) {
      if (n) h.appendChild(document.createTextNode(" \u2014 "));
      var b = el("button", P[k].name, "link"); b.type = "button"; b.title = "open " + P[k].name;
      b.addEventListener("click", function () { select({ person: k }); openPerson(k); });
      h.appendChild(b);
    });
    body.appendChild(h);
    body.appendChild(el("p", plural(l.n, "piece") + " of evidence in " + plural(l.shownRels.length, "relation") + windowNote() +
      (l.shownRels.length < l.rels.length ? "; " + (l.rels.length - l.shownRels.length) + " more hidden by the date window or filters" : ""), "meta"));
    var table = el("table", null, "breakdown");
    l.shownRels.forEach(function (r) {
      var tr = el("tr");
      var td = el("td", P[r.fi].name + " \u2192 " + relText(r, 0) + " \u2192 " + P[r.ti].name);
      td.style.color = POLARITY[String(r.polarity)];
      tr.appendChild(td); tr.appendChild(el("td", "\u00d7" + r.n));
      table.appendChild(tr);
    });
    body.appendChild(table);
    var target = null;
    l.shownRels.forEach(function (r) {
      var h4 = el("h4", P[r.fi].name + " \u2192 " + relText(r, 0) + (r.modality !== "asserted" ? " (" + r.modality + ")" : "") +
        " \u2192 " + P[r.ti].name + "  \u00d7" + r.n);
      h4.style.color = POLARITY[String(r.polarity)];
      h4.setAttribute("data-relation", r.relation);
      body.appendChild(h4);
      var dates = r.ev.map(function (k) { return r.day[k]; }).filter(Boolean).sort();
      if (r.labels.length || dates.length) {
        body.appendChild(el("p", (dates.length ? dates[0] + (dates.length > 1 ? " to " + dates[dates.length - 1] : "") : "") +
          (r.labels.length ? (dates.length ? "; " : "") + "wording: " + r.labels.join("; ") : ""), "meta"));
      }
      var ol = el("ol");
      r.ev.forEach(function (k) { ol.appendChild(evidenceItem(r.evidence[k])); });
      body.appendChild(ol);
      if (r.i === relIndex && r !== l.shownRels[0]) target = h4;  // the first one is in view already
    });
    if (target) target.scrollIntoView({ block: "start" });
    return true;
  }
  function openPerson(i) {
    var p = P[i];
    var body = openPanel();
    body.appendChild(el("h3", p.name));
    body.appendChild(el("p", personFacts(p), "meta"));
    var others = p.aliases.filter(function (a) { return a !== p.name; });
    body.appendChild(el("p", plural(p.n, "piece") + " of evidence" + windowNote() +
      (others.length ? "; also called " + others.join(", ") : ""), "meta"));
    var tools = el("div", null, "tools");
    var depth = el("input"); depth.type = "number"; depth.min = "1"; depth.max = "6";
    depth.value = String((state.hoodOf && state.hoodOf.depth) || DATA.depth || 1);
    var go = el("button", "Show neighbourhood"); go.type = "button";
    go.addEventListener("click", function () { showNeighbourhood(i, parseInt(depth.value, 10) || 1); });
    tools.appendChild(go); tools.appendChild(el("span", "depth")); tools.appendChild(depth);
    body.appendChild(tools);
    var rels = [];
    p.pairs.forEach(function (j) { L[j].shownRels.forEach(function (r) { rels.push(r); }); });
    rels.sort(function (a, b) { return b.n - a.n; });
    body.appendChild(el("p", plural(rels.length, "relation") + (rels.length ? " (click one for its evidence)" : ""), "meta"));
    var ul = el("ul");
    rels.forEach(function (r) {
      var li = el("li"), b = el("button", null, "link"); b.type = "button";
      b.textContent = P[r.fi].name + " \u2192 " + typeName(r.relation) +
        (r.modality !== "asserted" ? " (" + r.modality + ")" : "") + " \u2192 " + P[r.ti].name + "  \u00d7" + r.n;
      b.style.color = POLARITY[String(r.polarity)];
      b.addEventListener("click", function () { select({ pair: r.pair }); openPair(r.pair, r.i); });
      li.appendChild(b);
      var q = r.evidence[r.ev[0]];
      if (q && q.quote) li.appendChild(el("div", q.quote, "src"));
      ul.appendChild(li);
    });
    body.appendChild(ul);
  }
  function neighbourhood(i, depth) {
    var adj = new Map();
    R.forEach(function (r) {
      if (!r.n || !state.types.get(r.relation) || !modalityOn(r)) return;
      if (!adj.has(r.fi)) adj.set(r.fi, []);
      if (!adj.has(r.ti)) adj.set(r.ti, []);
      adj.get(r.fi).push(r.ti); adj.get(r.ti).push(r.fi);
    });
    var seen = new Set([i]), frontier = [i];
    for (var d = 0; d < depth; d++) {
      var next = [];
      frontier.forEach(function (n) {
        (adj.get(n) || []).forEach(function (m) { if (!seen.has(m)) { seen.add(m); next.push(m); } });
      });
      frontier = next;
    }
    return seen;
  }
  function showNeighbourhood(i, depth) {
    state.hoodOf = { i: i, depth: depth || 1 };
    state.hood = neighbourhood(i, depth || 1);
    refresh({ fit: true });
  }
  api.showNeighbourhood = function (id, depth) { var i = byId.get(id); if (i !== undefined) showNeighbourhood(i, depth); };
  api.openPerson = function (id) { var i = byId.get(id); if (i === undefined) return false; select({ person: i }); openPerson(i); return true; };
  api.openRelation = function (relId) {
    var i = relByKey.get(relId);
    if (i === undefined) return false;
    select({ pair: R[i].pair });
    return openPair(R[i].pair, i);
  };
  api.selectEdge = api.openRelation;
  api.lineOf = function (relId) { var i = relByKey.get(relId); return i === undefined ? null : R[i].pair; };

  network.on("click", function (params) {
    hideSearchMsg();
    if (params.nodes.length) {
      select({ person: params.nodes[0] }); openPerson(params.nodes[0]); ensureVisible(neighbours(params.nodes[0]));
    } else if (params.edges.length) {
      var l = L[params.edges[0]];
      select({ pair: l.j }); openPair(l.j); ensureVisible([l.a, l.b]);
    }
    else { select(null); closePanel(); }
    updateLabels();
  });

  // --- the view in the URL fragment -----------------------------------------------------------
  function viewParams() {
    var q = new URLSearchParams();
    if (state.hoodOf) { q.set("focus", P[state.hoodOf.i].id); q.set("depth", String(state.hoodOf.depth)); }
    var off = DATA.types.filter(function (t) { return !state.types.get(t.relation); }).map(function (t) { return t.relation; });
    if (off.length) q.set("hide", off.join(","));
    if (state.uncertain) q.set("uncertain", "1");
    if (windowActive()) { q.set("from", state.from || ""); q.set("to", state.to || ""); }
    if (state.selected && state.selected.person !== undefined) q.set("person", P[state.selected.person].id);
    if (state.selected && state.selected.pair !== undefined) {
      q.append("pair", P[L[state.selected.pair].a].id); q.append("pair", P[L[state.selected.pair].b].id);
    }
    if (state.colour !== defaults.colour) q.set("colour", state.colour);
    if (state.labels !== defaults.labels) q.set("labels", state.labels);
    return q;
  }
  function writeHash() {
    if (!api.ready || applying) return;
    var h = viewParams().toString();
    if (location.hash.slice(1) === h) return;
    // (inside a notebook's srcdoc iframe there is no URL to keep the view in)
    try { history.replaceState(null, "", h ? "#" + h : location.pathname + location.search); } catch (e) { /* no URL */ }
  }
  api.view = function () {
    var out = Object.create(null);
    viewParams().forEach(function (v, k) { out[k] = k in out ? [].concat(out[k], v) : v; });
    return out;
  };
  function readHash() {
    var q = new URLSearchParams(location.hash.slice(1));
    if (!Array.from(q.keys()).length) return false;
    applying = true;
    try {
      var colour = q.get("colour"), labels = q.get("labels");
      if (colour && ["party", "community", "none"].indexOf(colour) >= 0) { state.colour = colour; $("colour").value = colour; peopleLegend(); }
      if (labels && ["relation", "wording", "none"].indexOf(labels) >= 0) { state.labels = labels; $("edge-labels").value = labels; }
      var hide = new Set((q.get("hide") || "").split(",").filter(Boolean));
      typeBoxes.forEach(function (b, rel) { var on = !hide.has(rel); b.checked = on; state.types.set(rel, on); });
      state.uncertain = q.get("uncertain") === "1"; $("show-uncertain").checked = state.uncertain;
      if (q.has("from") || q.has("to")) {
        state.from = q.get("from") || DATA.dates.min; state.to = q.get("to") || DATA.dates.max;
        $("date-from").value = state.from || ""; $("date-to").value = state.to || "";
      }
      recompute();
      var f = byId.get(q.get("focus") || "");
      if (f !== undefined) {
        state.hoodOf = { i: f, depth: Math.max(1, parseInt(q.get("depth"), 10) || 1) };
        state.hood = neighbourhood(f, state.hoodOf.depth);
      }
      refresh();
      var who = byId.get(q.get("person") || ""), pair = q.getAll("pair");
      if (who !== undefined && P[who].shown) { select({ person: who }); openPerson(who); }
      else if (pair.length === 2) {
        var a = byId.get(pair[0]), b = byId.get(pair[1]);
        var l = L.filter(function (x) { return (x.a === a && x.b === b) || (x.a === b && x.b === a); })[0];
        if (l && l.shown) { select({ pair: l.j }); openPair(l.j); }
      }
    } finally { applying = false; }
    fitVisible();
    writeHash();
    return true;
  }
  window.addEventListener("hashchange", function () {
    if (location.hash.slice(1) !== viewParams().toString()) readHash();
  });

  // --- export: PNG of the canvas, SVG drawn from the same positions ---------------------------
  function download(blob, name) {
    var a = document.createElement("a");
    a.href = URL.createObjectURL(blob); a.download = name;
    document.body.appendChild(a); a.click(); a.remove();
    setTimeout(function () { URL.revokeObjectURL(a.href); }, 2000);
  }
  function pngCanvas() {
    var src = container.querySelector("canvas");
    var out = document.createElement("canvas");
    out.width = src.width; out.height = src.height;
    var ctx = out.getContext("2d");
    ctx.fillStyle = "#ffffff"; ctx.fillRect(0, 0, out.width, out.height);
    ctx.drawImage(src, 0, 0);
    return out;
  }
  api.pngDataURL = function () { return pngCanvas().toDataURL("image/png"); };
  $("export-png").addEventListener("click", function () {
    pngCanvas().toBlob(function (blob) { download(blob, "graphbuild-map.png"); }, "image/png");
  });
  var SVGNS = "http://www.w3.org/2000/svg";
  function svgEl(tag, attrs, text) {
    var e = document.createElementNS(SVGNS, tag);
    Object.keys(attrs).forEach(function (k) { e.setAttribute(k, String(attrs[k])); });
    if (text !== undefined) e.textContent = String(text);
    return e;
  }
  function svgText() {
    var w = container.clientWidth, h = container.clientHeight, scale = network.getScale();
    var svg = svgEl("svg", { xmlns: SVGNS, width: w, height: h, viewBox: "0 0 " + w + " " + h, "font-family": "system-ui, sans-serif" });
    svg.appendChild(svgEl("title", {}, document.title));
    var defs = svgEl("defs", {});
    Object.keys(POLARITY).forEach(function (k) {
      var m = svgEl("marker", { id: "arrow" + k, viewBox: "0 0 10 10", refX: 10, refY: 5, markerWidth: 6, markerHeight: 6, orient: "auto-start-reverse" });
      m.appendChild(svgEl("path", { d: "M0,0 L10,5 L0,10 z", fill: POLARITY[k] }));
      defs.appendChild(m);
    });
    svg.appendChild(defs);
    svg.appendChild(svgEl("rect", { x: 0, y: 0, width: w, height: h, fill: "#ffffff" }));
    var pos = network.getPositions(P.map(function (p) { return p.i; }));
    function dom(i) { return network.canvasToDOM(pos[i]); }
    function radius(i) { return ((network.body.nodes[i] && network.body.nodes[i].options.size) || 10) * scale; }
    var lines = svgEl("g", { "class": "lines" });
    L.forEach(function (l) {
      if (!l.shown || !P[l.a].shown || !P[l.b].shown) return;
      var s = lineStyle(l), c = POLARITY[s.polarity], A = dom(l.a), B = dom(l.b);
      var attrs = { stroke: c, "stroke-width": Math.max(0.5, edgeWidth(l.n) * scale), "stroke-opacity": 0.85, fill: "none" };
      if (s.dashes) attrs["stroke-dasharray"] = s.dashes.map(function (x) { return x * scale; }).join(" ");
      if (l.a === l.b) {
        var r = radius(l.a) + 8 * scale;
        lines.appendChild(svgEl("circle", Object.assign(attrs, { cx: A.x + r, cy: A.y - r, r: r })));
        return;
      }
      var dx = B.x - A.x, dy = B.y - A.y, len = Math.hypot(dx, dy) || 1, ra = radius(l.a), rb = radius(l.b);
      attrs.x1 = A.x + dx / len * ra; attrs.y1 = A.y + dy / len * ra;
      attrs.x2 = B.x - dx / len * rb; attrs.y2 = B.y - dy / len * rb;
      if (s.ab) attrs["marker-end"] = "url(#arrow" + s.polarity + ")";
      if (s.ba) attrs["marker-start"] = "url(#arrow" + s.polarity + ")";
      var line = svgEl("line", attrs);
      line.appendChild(svgEl("title", {}, lineLabel(l)));
      lines.appendChild(line);
      if (scale >= SCALES.lines && state.labels !== "none") {
        lines.appendChild(svgEl("text", { x: (A.x + B.x) / 2, y: (A.y + B.y) / 2, "font-size": LINE_SIZE * scale,
          "text-anchor": "middle", fill: "#333", stroke: "#fff", "stroke-width": 3, "paint-order": "stroke" }, lineLabel(l)));
      }
    });
    svg.appendChild(lines);
    var people = svgEl("g", { "class": "people" }), names = svgEl("g", { "class": "names" });
    P.forEach(function (p) {
      if (!p.shown) return;
      var d = dom(p.i), r = radius(p.i), c = colourOf(p), focus = focusSet.has(p.i);
      var circle = svgEl("circle", { cx: d.x, cy: d.y, r: r, fill: c, stroke: focus ? "#111" : darker(c), "stroke-width": focus ? 4 : 1.2 });
      circle.appendChild(svgEl("title", {}, p.name));
      people.appendChild(circle);
      var size = scale >= SCALES.names ? NAME_SIZE * scale : (fontSize.has(p.i) ? fontSize.get(p.i) * scale : 0);
      if (size) {
        names.appendChild(svgEl("text", { x: d.x, y: d.y + r + size + 2, "font-size": Math.min(size, 40), "text-anchor": "middle",
          fill: "#1b1b1b", stroke: "#fff", "stroke-width": 3, "paint-order": "stroke" }, p.name));
      }
    });
    svg.appendChild(people); svg.appendChild(names);
    return '<?xml version="1.0" encoding="UTF-8"?>\n' + new XMLSerializer().serializeToString(svg);
  }
  api.svgText = svgText;
  $("export-svg").addEventListener("click", function () {
    download(new Blob([svgText()], { type: "image/svg+xml" }), "graphbuild-map.svg");
  });

  // --- start ----------------------------------------------------------------------------------
  peopleLegend();
  $("colour").value = state.colour;
  $("edge-labels").value = state.labels;
  syncTime();
  function onReady() {
    if (api.ready) return;
    network.setOptions({ physics: { enabled: false } });  // a settled layout stays put
    api.ready = true;
    api.readyAt = performance.now();
    if (!readHash()) {
      refresh();
      fitVisible();
      if (focusSet.size) network.selectNodes(Array.from(focusSet));
    }
    document.documentElement.setAttribute("data-ready", "1");
    updateStatus();
  }
  recompute();
  updateStatus();
  windowMessage();
  if (!P.length) onReady();  // nothing to lay out: vis-network would never report stabilization
  else {
    network.once("stabilizationIterationsDone", onReady);
    network.once("stabilized", onReady);  // whichever vis-network reports first
  }
})();

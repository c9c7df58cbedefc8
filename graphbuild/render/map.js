/* graphbuild map: vis-network over the data embedded in #graphbuild-data.
 * Article text only ever reaches the page through textContent, and only
 * http(s) URLs become links, so a hostile quote or title stays text. */
(function () {
  "use strict";

  var DATA = JSON.parse(document.getElementById("graphbuild-data").textContent);
  var COLORS = { "1": "#2e7d32", "-1": "#c62828", "0": "#607d8b" };
  var POLARITY_NAMES = { "1": "positive", "-1": "negative", "0": "neutral" };
  var DASHES = { negated: [8, 6], hypothetical: [2, 5] };

  var people = {};
  DATA.people.forEach(function (p) { people[p.id] = p; });
  var relations = {};
  DATA.relations.forEach(function (r) { relations[r.id] = r; });

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

  function nameOf(id) { return people[id] ? people[id].name : id; }

  // --- state of the filters ---------------------------------------------------------
  var state = {
    types: {},
    uncertain: false,
    from: DATA.dates.min,
    to: DATA.dates.max,
    labels: DATA.large ? "none" : "relation",
    hood: null  // {ids: Set of people} when narrowed to a neighbourhood
  };
  DATA.types.forEach(function (t) { state.types[t.relation] = true; });

  function dateActive() {
    return (state.from && state.from !== DATA.dates.min) || (state.to && state.to !== DATA.dates.max);
  }

  function edgeVisible(r) {
    if (!state.types[r.relation]) return false;
    if (r.modality !== "asserted" && !state.uncertain) return false;
    if (dateActive()) {
      var lo = state.from || "", hi = state.to || "\uffff", hit = false;
      for (var i = 0; i < r.dates.length; i++) {
        if (r.dates[i] >= lo && r.dates[i] <= hi) { hit = true; break; }
      }
      if (!hit) return false;
    }
    if (state.hood && !(state.hood.has(r.from) && state.hood.has(r.to))) return false;
    return true;
  }

  function edgeLabel(r) {
    if (state.labels === "none") return undefined;
    var text = state.labels === "wording" ? r.label : r.relation.toLowerCase().replace(/_/g, " ");
    if (r.modality === "negated") text = "not " + text;
    else if (r.modality === "hypothetical") text = text + "?";
    if (r.count > 1) text += " \u00d7" + r.count;
    return text;
  }

  function visEdge(r) {
    var color = COLORS[String(r.polarity)] || COLORS["0"];
    var e = {
      id: r.id, from: r.from, to: r.to,
      width: r.width,
      color: { color: color, highlight: color, hover: color, opacity: r.modality === "asserted" ? 0.85 : 0.7 },
      dashes: DASHES[r.modality] || false,
      arrows: r.symmetric ? { to: { enabled: false } } : { to: { enabled: true, scaleFactor: 0.6 } },
      label: edgeLabel(r)
    };
    if (r.parallel > 0 || (r.symmetric && r.from === r.to)) {
      // Several relations between one pair: bend them apart so each can be clicked.
      e.smooth = { enabled: true, type: r.parallel % 2 ? "curvedCW" : "curvedCCW",
                   roundness: 0.25 * Math.ceil(r.parallel / 2) };
    }
    return e;
  }

  var nodes = new vis.DataSet(DATA.people.map(function (p) {
    return { id: p.id, label: p.name, value: Math.max(p.evidence, 1) };
  }));
  var edges = new vis.DataSet(DATA.relations.map(visEdge));

  var visibleEdgeCount = 0;
  var nodeHasEdge = {};
  function recompute() {
    nodeHasEdge = {};
    visibleEdgeCount = 0;
    DATA.relations.forEach(function (r) {
      r._visible = edgeVisible(r);
      if (r._visible) { visibleEdgeCount++; nodeHasEdge[r.from] = true; nodeHasEdge[r.to] = true; }
    });
  }
  function narrowed() {
    if (state.hood || dateActive()) return true;
    return DATA.types.some(function (t) { return !state.types[t.relation]; });
  }
  function nodeVisible(n) {
    if (state.hood) return state.hood.has(n.id);
    // Narrowing by type or date hides the people it leaves with nothing to show.
    return !narrowed() || !!nodeHasEdge[n.id];
  }
  recompute();
  var nodeView = new vis.DataView(nodes, { filter: nodeVisible });
  var edgeView = new vis.DataView(edges, { filter: function (e) { return relations[e.id]._visible; } });

  var container = $("network");
  var network = new vis.Network(container, { nodes: nodeView, edges: edgeView }, DATA.options);

  var api = {
    ready: false,
    nodeCount: DATA.people.length,
    edgeCount: DATA.relations.length,
    total: DATA.total,
    dropped: DATA.dropped,
    network: network, nodes: nodes, edges: edges,
    visible: function () {
      return { nodes: nodeView.length, edges: edgeView.length };
    }
  };
  window.graphbuildMap = api;

  network.once("stabilizationIterationsDone", function () {
    // A settled layout stays put: no physics burning CPU on a big map.
    network.setOptions({ physics: { enabled: false } });
    api.ready = true;
    api.readyAt = performance.now();
    document.documentElement.setAttribute("data-ready", "1");
    updateStatus();
  });

  // --- status and note ----------------------------------------------------------------
  function updateStatus() {
    var v = api.visible();
    $("status").textContent = v.nodes + " of " + DATA.people.length + " people, " +
      v.edges + " of " + DATA.relations.length + " relations shown" + (api.ready ? "" : " \u2014 laying out\u2026");
  }
  (function note() {
    var parts = [];
    if (DATA.dropped > 0) {
      parts.push("This map shows the " + DATA.people.length + " most connected of " + DATA.total.people +
                 " people (" + DATA.dropped + " left out); raise --max-nodes to see more.");
    }
    if (DATA.focus.length) {
      parts.push("Neighbourhood of " + DATA.focus.map(nameOf).join(", ") + ", depth " + DATA.depth + ".");
    }
    if (DATA.window) {
      parts.push("Evidence from " + (DATA.window[0] || "the start") + " to " + (DATA.window[1] || "the end") + " only.");
    }
    if (parts.length) { $("note").textContent = parts.join(" "); $("note").hidden = false; }
  })();

  function refresh() {
    recompute();
    edgeView.refresh();
    nodeView.refresh();
    updateStatus();
  }

  // --- legend and filters ---------------------------------------------------------------
  (function legend() {
    ["1", "-1", "0"].forEach(function (p) {
      var li = el("li");
      var sw = el("span", null, "swatch"); sw.style.borderTopColor = COLORS[p];
      li.appendChild(sw); li.appendChild(el("span", POLARITY_NAMES[p]));
      $("polarity-legend").appendChild(li);
    });
    [["asserted", "asserted"], ["negated", "negated (not)"], ["hypothetical", "hypothetical (?)"]].forEach(function (m) {
      var li = el("li");
      var sw = el("span", null, "swatch " + m[0]); sw.style.borderTopColor = "#555";
      li.appendChild(sw); li.appendChild(el("span", m[1]));
      $("modality-legend").appendChild(li);
    });
    DATA.types.forEach(function (t) {
      var li = el("li"), label = el("label"), box = el("input");
      box.type = "checkbox"; box.checked = true; box.value = t.relation;
      box.setAttribute("data-relation", t.relation);
      box.addEventListener("change", function () { state.types[t.relation] = box.checked; refresh(); });
      var sw = el("span", null, "swatch"); sw.style.borderTopColor = COLORS[String(t.polarity)];
      label.appendChild(box); label.appendChild(sw);
      label.appendChild(el("span", t.relation.toLowerCase().replace(/_/g, " ")));
      li.appendChild(label); li.appendChild(el("span", t.count, "count"));
      $("type-legend").appendChild(li);
    });
    function setAll(on) {
      Array.prototype.forEach.call($("type-legend").querySelectorAll("input"), function (b) {
        b.checked = on; state.types[b.value] = on;
      });
      refresh();
    }
    $("types-all").addEventListener("click", function () { setAll(true); });
    $("types-none").addEventListener("click", function () { setAll(false); });
  })();

  $("show-uncertain").addEventListener("change", function (ev) { state.uncertain = ev.target.checked; refresh(); });

  (function dates() {
    var f = $("date-from"), t = $("date-to");
    if (!DATA.dates.min) { f.disabled = t.disabled = true; return; }
    [f, t].forEach(function (i) { i.min = DATA.dates.min; i.max = DATA.dates.max; });
    f.value = DATA.dates.min; t.value = DATA.dates.max;
    function apply() {
      state.from = f.value || DATA.dates.min;
      state.to = t.value || DATA.dates.max;
      refresh();
    }
    f.addEventListener("change", apply); t.addEventListener("change", apply);
  })();

  var labelSelect = $("edge-labels");
  labelSelect.value = state.labels;
  labelSelect.addEventListener("change", function () {
    state.labels = labelSelect.value;
    edges.update(DATA.relations.map(function (r) { return { id: r.id, label: edgeLabel(r) || "" }; }));
  });

  $("reset").addEventListener("click", function () {
    state.hood = null;
    state.uncertain = false; $("show-uncertain").checked = false;
    state.from = DATA.dates.min; state.to = DATA.dates.max;
    if (DATA.dates.min) { $("date-from").value = DATA.dates.min; $("date-to").value = DATA.dates.max; }
    Array.prototype.forEach.call($("type-legend").querySelectorAll("input"), function (b) {
      b.checked = true; state.types[b.value] = true;
    });
    refresh();
    closePanel();
    network.fit({ animation: false });
  });

  // --- search ----------------------------------------------------------------------------
  (function datalist() {
    var dl = $("people"), seen = {};
    DATA.people.slice().sort(function (a, b) { return b.evidence - a.evidence; }).forEach(function (p) {
      [p.name].concat(p.aliases).forEach(function (n) {
        if (seen[n]) return;
        seen[n] = true;
        var o = el("option"); o.value = n; dl.appendChild(o);
      });
    });
  })();

  function findPerson(query) {
    var q = String(query || "").trim().toLowerCase();
    if (!q) return null;
    var exact = null, alias = null, partial = null;
    DATA.people.forEach(function (p) {
      var name = p.name.toLowerCase();
      if (!exact && (name === q || p.id.toLowerCase() === q)) exact = p;
      if (!alias && p.aliases.some(function (a) { return a.toLowerCase() === q; })) alias = p;
      if (!partial && name.indexOf(q) >= 0) partial = p;
    });
    return exact || alias || partial;
  }

  function showPerson(id, animate) {
    if (!people[id]) return false;
    if (!nodeView.get(id)) { state.hood = null; refresh(); }  // a hidden person: widen first
    network.selectNodes([id]);
    network.focus(id, { scale: Math.max(network.getScale(), 1.0),
                        animation: animate === false ? false : { duration: 400, easingFunction: "easeInOutQuad" } });
    openPerson(id);
    return true;
  }
  api.search = function (query) {
    var p = findPerson(query);
    return p ? (showPerson(p.id), p.id) : null;
  };
  $("search").addEventListener("keydown", function (ev) {
    if (ev.key === "Enter") { ev.preventDefault(); runSearch(); }
  });
  $("search").addEventListener("change", runSearch);
  function runSearch() {
    var q = $("search").value, p = findPerson(q);
    $("search").setCustomValidity(p || !q ? "" : "nobody by that name");
    if (p) showPerson(p.id);
  }

  // --- side panel: evidence and relations ----------------------------------------------
  function closePanel() { $("panel").hidden = true; $("panel-body").textContent = ""; }
  $("panel-close").addEventListener("click", closePanel);

  function openPanel() {
    var body = $("panel-body");
    body.textContent = "";
    $("panel").hidden = false;
    return body;
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
    if (ev.speaker) meta.appendChild(el("span", "speaker: " + nameOf(ev.speaker), "tag"));
    if (ev.reported_by) meta.appendChild(el("span", "reported by: " + ev.reported_by, "tag"));
    meta.appendChild(el("span", ev.modality || "asserted", "tag"));
    if (ev.confidence !== null && ev.confidence !== undefined) {
      meta.appendChild(el("span", "confidence " + Number(ev.confidence).toFixed(2), "tag"));
    }
    if (ev.label) meta.appendChild(el("span", "\u201c" + ev.label + "\u201d", "tag"));
    li.appendChild(meta);
    return li;
  }

  function openRelation(edgeId) {
    var r = relations[edgeId];
    if (!r) return false;
    var body = openPanel();
    var h = el("h3");
    h.appendChild(el("span", nameOf(r.from)));
    h.appendChild(document.createTextNode(" \u2192 " + r.relation + (r.modality !== "asserted" ? " (" + r.modality + ")" : "") + " \u2192 "));
    h.appendChild(el("span", nameOf(r.to)));
    body.appendChild(h);
    body.appendChild(el("p", r.count + " piece" + (r.count === 1 ? "" : "s") + " of evidence" +
      (r.dates.length ? ", " + r.dates[0] + (r.dates.length > 1 ? " to " + r.dates[r.dates.length - 1] : "") : "") +
      (r.labels.length ? "; wording: " + r.labels.join("; ") : ""), "meta"));
    var ol = el("ol");
    r.evidence.forEach(function (ev) { ol.appendChild(evidenceItem(ev)); });
    body.appendChild(ol);
    return true;
  }

  function neighbourhood(id, depth) {
    var adj = {};
    DATA.relations.forEach(function (r) {
      if (!state.types[r.relation] || (r.modality !== "asserted" && !state.uncertain)) return;
      (adj[r.from] = adj[r.from] || []).push(r.to);
      (adj[r.to] = adj[r.to] || []).push(r.from);
    });
    var seen = new Set([id]), frontier = [id];
    for (var d = 0; d < depth; d++) {
      var next = [];
      frontier.forEach(function (n) {
        (adj[n] || []).forEach(function (m) { if (!seen.has(m)) { seen.add(m); next.push(m); } });
      });
      frontier = next;
    }
    return seen;
  }
  api.showNeighbourhood = function (id, depth) {
    state.hood = neighbourhood(id, depth || 1);
    refresh();
    network.fit({ nodes: Array.from(state.hood), animation: false });
  };

  function openPerson(id) {
    var p = people[id];
    var body = openPanel();
    body.appendChild(el("h3", p.name));
    var others = p.aliases.filter(function (a) { return a !== p.name; });
    body.appendChild(el("p", p.evidence + " pieces of evidence" + (others.length ? "; also called " + others.join(", ") : ""), "meta"));
    var tools = el("div", null, "tools");
    var depth = el("input"); depth.type = "number"; depth.min = "1"; depth.max = "6"; depth.value = String(DATA.depth || 1);
    var go = el("button", "Show neighbourhood"); go.type = "button";
    go.addEventListener("click", function () { api.showNeighbourhood(id, parseInt(depth.value, 10) || 1); });
    tools.appendChild(go); tools.appendChild(el("span", "depth")); tools.appendChild(depth);
    body.appendChild(tools);
    var rels = DATA.relations.filter(function (r) { return r.from === id || r.to === id; });
    rels.sort(function (a, b) { return b.count - a.count; });
    body.appendChild(el("p", rels.length + " relation" + (rels.length === 1 ? "" : "s") + (rels.length ? " (click one for its evidence)" : ""), "meta"));
    var ul = el("ul");
    rels.forEach(function (r) {
      var li = el("li"), b = el("button", null, "link"); b.type = "button";
      b.textContent = nameOf(r.from) + " \u2192 " + r.relation.toLowerCase().replace(/_/g, " ") +
        (r.modality !== "asserted" ? " (" + r.modality + ")" : "") + " \u2192 " + nameOf(r.to) + "  \u00d7" + r.count;
      b.style.color = COLORS[String(r.polarity)];
      b.addEventListener("click", function () {
        if (r._visible) network.selectEdges([r.id]);
        openRelation(r.id);
      });
      li.appendChild(b);
      if (r.evidence.length && r.evidence[0].quote) li.appendChild(el("div", r.evidence[0].quote, "src"));
      ul.appendChild(li);
    });
    body.appendChild(ul);
  }

  api.openRelation = openRelation;
  api.openPerson = openPerson;
  api.selectEdge = function (id) { network.selectEdges([id]); return openRelation(id); };

  network.on("click", function (params) {
    if (params.nodes.length) openPerson(params.nodes[0]);
    else if (params.edges.length) openRelation(params.edges[0]);
    else closePanel();
  });

  updateStatus();
})();

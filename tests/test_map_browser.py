"""The map in a real browser (Debian chromium, offline): load, find, narrow, read evidence, stay safe."""

from __future__ import annotations

import random

import pytest
from browser_fixtures import XSS, make_edge

from graphbuild.graph import build_graph
from graphbuild.records import Relation
from graphbuild.render import write_map

pytestmark = pytest.mark.browser

# Page coordinates of a person, or of a point on a relation that only that relation
# occupies (the midpoint, or near it if a person or a label sits there).
POINT_JS = """([kind, id]) => {
  const net = window.graphbuildMap.network;
  const box = document.getElementById('network').getBoundingClientRect();
  const page = (p) => { const d = net.canvasToDOM(p); return {x: box.left + d.x, y: box.top + d.y, dx: d.x, dy: d.y}; };
  if (kind === 'node') return page(net.getPositions([id])[id]);
  const e = net.body.edges[id];
  const pos = net.getPositions([e.fromId, e.toId]), a = pos[e.fromId], b = pos[e.toId];
  // Curved edges (several relations between one pair): vis's own point on the curve.
  const on = (t) => e.edgeType && e.edgeType.getPoint ? e.edgeType.getPoint(t)
                                                      : {x: a.x + (b.x - a.x) * t, y: a.y + (b.y - a.y) * t};
  for (const t of [0.5, 0.42, 0.58, 0.35, 0.65, 0.3, 0.7]) {
    const p = page(on(t));
    const at = {x: p.dx, y: p.dy};
    if (net.getNodeAt(at) === undefined && net.getEdgeAt(at) === id) return p;
  }
  return null;
}"""


def visible_edges(mp) -> list[dict]:
    return mp.page.evaluate("""() => {
      const m = window.graphbuildMap;
      return m.network.body.data.edges.getIds().map(id => ({id, rel: m.edges.get(id).id,
        dashes: m.edges.get(id).dashes}));
    }""")


def relation_ids(mp, relation: str, modality: str = "asserted") -> list[str]:
    return mp.page.evaluate(
        """([rel, mod]) => JSON.parse(document.getElementById('graphbuild-data').textContent).relations
             .filter(r => r.relation === rel && r.modality === mod).map(r => r.id)""", [relation, modality])


def click(mp, kind: str, id_: str):
    point = mp.page.evaluate(POINT_JS, [kind, id_])
    assert point, f"no clear point to click on {kind} {id_}"
    mp.page.mouse.click(point["x"], point["y"])


@pytest.fixture(scope="module")
def example_map(example_graph, tmp_path_factory):
    return write_map(example_graph, tmp_path_factory.mktemp("map") / "map.html")


@pytest.fixture(scope="module")
def xss_map(xss_graph, tmp_path_factory):
    return write_map(xss_graph, tmp_path_factory.mktemp("xss") / "map.html")


def test_loads_offline_with_every_person_and_relation(open_map, example_map, example_graph):
    mp = open_map(example_map)
    assert mp.blocked == [], "the page asked the network for something"
    assert mp.errors == []
    counts = mp.api("[m.nodeCount, m.edgeCount, m.network.body.data.nodes.length]")
    assert counts == [example_graph.number_of_nodes(), example_graph.number_of_edges(),
                      example_graph.number_of_nodes()]
    asserted = sum(1 for *_, d in example_graph.edges(data=True) if d["modality"] == "asserted")
    assert len(visible_edges(mp)) == asserted, "negated and hypothetical edges start hidden"
    assert mp.api("m.network.physics.options.enabled") is False, "physics stops once laid out"
    assert "10 of 10 people" in mp.page.text_content("#status")


def test_search_selects_and_centres_the_person(open_map, example_map):
    mp = open_map(example_map)
    mp.page.fill("#search", "tommy TUBERVILLE")
    mp.page.press("#search", "Enter")
    mp.page.wait_for_function("window.graphbuildMap.network.getSelectedNodes()[0] === 'tommy-tuberville'")
    # Centred: the person ends up in the middle of the canvas once the move is over.
    mp.page.wait_for_function("""() => {
      const net = window.graphbuildMap.network, box = document.getElementById('network').getBoundingClientRect();
      const d = net.canvasToDOM(net.getPositions(['tommy-tuberville'])['tommy-tuberville']);
      return Math.hypot(d.x - box.width / 2, d.y - box.height / 2) < 5;
    }""", timeout=5000)
    assert mp.page.text_content("#panel h3") == "Tommy Tuberville"


def test_search_by_alias_and_unknown_name(open_map, tmp_path):
    g = build_graph([make_edge("donald-trump", "jeff-sessions", "CRITICIZED", "Trump slammed Sessions."),
                     make_edge("donald-trump", "jeff-sessions", "CRITICIZED", "He slammed him.",
                               names={"donald-trump": "President Trump", "jeff-sessions": "Sessions"})])
    mp = open_map(write_map(g, tmp_path / "m.html"))
    assert mp.api("m.search('president trump')") == "donald-trump"
    assert mp.api("m.search('nobody at all')") is None


def test_relation_type_filter_hides_those_edges(open_map, example_map):
    mp = open_map(example_map)
    criticized = set(relation_ids(mp, "CRITICIZED"))
    before = {e["id"] for e in visible_edges(mp)}
    assert criticized and criticized <= before
    mp.page.click("#type-legend input[data-relation=CRITICIZED]")
    after = {e["id"] for e in visible_edges(mp)}
    assert after == before - criticized
    mp.page.click("#type-legend input[data-relation=CRITICIZED]")
    assert {e["id"] for e in visible_edges(mp)} == before


def test_negated_and_hypothetical_toggle_draws_them_dashed(open_map, example_map):
    mp = open_map(example_map)
    uncertain = relation_ids(mp, "SUPPORTED", "negated") + relation_ids(mp, "SUPPORTED", "hypothetical")
    assert len(uncertain) == 2
    assert not set(uncertain) & {e["id"] for e in visible_edges(mp)}
    mp.page.check("#show-uncertain")
    shown = {e["id"]: e for e in visible_edges(mp)}
    assert set(uncertain) <= set(shown)
    assert all(shown[i]["dashes"] for i in uncertain)
    assert not any(e["dashes"] for i, e in shown.items() if i not in uncertain)


def test_clicking_an_edge_lists_its_evidence(open_map, example_map):
    mp = open_map(example_map)
    fired = [i for i in relation_ids(mp, "FIRED")
             if mp.api(f"m.edges.get('{i}').to") == "james-comey"][0]
    click(mp, "edge", fired)  # a real mouse click on the canvas
    mp.page.wait_for_selector("#panel:not([hidden]) blockquote")
    panel = mp.page.locator("#panel")
    assert panel.locator("blockquote").all_text_contents() == ["Trump fired Comey."]
    text = panel.text_content()
    for part in ("Donald Trump", "James Comey", "News of 2017-05-09", "Talking Points Memo", "2017-05-09",
                 "confidence 0.80", "asserted"):
        assert part in text
    link = panel.locator("a")
    assert link.get_attribute("href") == "https://example.org/news/2017-05-09"
    assert link.get_attribute("rel") == "noopener noreferrer nofollow"


def test_every_piece_of_evidence_is_listed(open_map, example_map):
    mp = open_map(example_map)
    crit = relation_ids(mp, "CRITICIZED")[0]
    assert mp.api(f"m.selectEdge('{crit}')") is True
    quotes = mp.page.locator("#panel blockquote").all_text_contents()
    assert quotes == ["Trump called Sessions a jerk.", "Trump slammed Sessions as weak."]
    assert "The New York Times" in mp.page.text_content("#panel")


def test_clicking_a_person_lists_relations_and_narrows_to_the_neighbourhood(open_map, example_map, example_graph):
    mp = open_map(example_map)
    click(mp, "node", "doug-jones")
    mp.page.wait_for_selector("#panel:not([hidden]) h3")
    assert mp.page.text_content("#panel h3") == "Doug Jones"
    assert "Doug Jones \u2192 succeeded \u2192 Jeff Sessions" in mp.page.text_content("#panel ul")
    mp.page.fill("#panel .tools input", "1")
    mp.page.click("#panel .tools button")
    shown = set(mp.api("m.network.body.data.nodes.getIds()"))
    assert shown == {"doug-jones", "jeff-sessions"}
    mp.page.click("#reset")
    assert len(mp.api("m.network.body.data.nodes.getIds()")) == example_graph.number_of_nodes()


def test_date_range_hides_relations_outside_it(open_map, example_map):
    mp = open_map(example_map)
    criticized, accused = relation_ids(mp, "CRITICIZED"), relation_ids(mp, "ACCUSED")
    mp.page.fill("#date-from", "2019-01-01")
    mp.page.dispatch_event("#date-from", "change")
    shown = {e["id"] for e in visible_edges(mp)}
    assert not set(criticized) & shown  # 2018 only
    assert set(accused) <= shown  # 2019-03-20
    assert "jeff-sessions" in mp.api("m.network.body.data.nodes.getIds()")
    assert "james-comey" not in mp.api("m.network.body.data.nodes.getIds()")  # only 2017 evidence


def test_cut_map_says_so(open_map, example_graph, tmp_path):
    mp = open_map(write_map(example_graph, tmp_path / "cut.html", max_nodes=3))
    note = mp.page.locator("#note")
    assert note.is_visible()
    assert "3 most connected of 10 people" in note.text_content()
    assert mp.api("m.nodeCount") == 3


def test_article_text_runs_nothing(open_map, xss_map):
    mp = open_map(xss_map)
    mp.page.check("#show-uncertain")
    evil = [r for r in relation_ids(mp, "PRAISED") if mp.api(f"m.edges.get('{r}').from") == "evil"][0]
    click(mp, "edge", evil)
    mp.page.wait_for_selector("#panel:not([hidden]) blockquote")
    panel = mp.page.locator("#panel")
    assert panel.locator("blockquote").text_content() == XSS["quote"]
    assert XSS["title"] in panel.text_content()
    assert XSS["name"] in mp.page.text_content("#panel h3")
    assert panel.locator("a").count() == 0, "javascript: URLs never become links"
    mp.page.select_option("#edge-labels", "wording")
    mp.page.fill("#search", XSS["name"])
    mp.page.press("#search", "Enter")
    mp.page.wait_for_function("window.graphbuildMap.network.getSelectedNodes()[0] === 'evil'")
    mp.page.locator("#panel button.link").first.click()  # the data: URL relation
    mp.page.wait_for_timeout(300)
    assert mp.dialogs == []
    assert mp.page.evaluate("window.__xss") is None
    assert mp.page.evaluate("document.querySelectorAll('img, svg, iframe, b, script[src]').length") == 0
    assert mp.page.evaluate("document.querySelectorAll('a[href^=\"javascript\"], a[href^=\"data\"]').length") == 0
    assert mp.errors == [] and mp.blocked == []


def test_screenshot_of_the_example_map(open_map, example_map, artifacts):
    """Writes tests/artifacts/map.png for people to look at."""
    mp = open_map(example_map, width=1400, height=860)
    mp.page.check("#show-uncertain")
    crit = relation_ids(mp, "CRITICIZED")[0]
    click(mp, "edge", crit)
    mp.page.wait_for_selector("#panel:not([hidden]) blockquote")
    mp.page.screenshot(path=str(artifacts / "map.png"))
    assert (artifacts / "map.png").stat().st_size > 10_000


def synthetic_graph(n: int, seed: int = 1):
    """``n`` people, a few hubs and many small names, about two relations each."""
    rnd = random.Random(seed)
    rels = list(Relation)
    names = {f"p{i}": f"Person {i} Example" for i in range(n)}
    edges = []
    for i in range(1, n):
        for _ in range(2):
            j = int(rnd.paretovariate(1.2)) % i if rnd.random() < 0.7 else rnd.randrange(i)
            edges.append(make_edge(f"p{i}", f"p{j}", rnd.choice(rels).value, f"Person {i} and {j}.",
                                   day=f"20{rnd.randint(16, 20)}-0{rnd.randint(1, 9)}-1{rnd.randint(0, 9)}",
                                   names=names))
    return build_graph(edges)


def test_two_thousand_people_stay_responsive(open_map, tmp_path):
    g = synthetic_graph(2000)
    mp = open_map(write_map(g, tmp_path / "big.html", max_nodes=2000))
    assert mp.api("m.nodeCount") == 2000
    assert mp.api("m.edgeCount") == g.number_of_edges()
    assert mp.api("m.readyAt") < 30_000
    assert mp.api("m.network.physics.options.enabled") is False
    assert mp.blocked == [] and mp.errors == []


def test_notebook_iframe_draws_the_map(open_map, example_graph, tmp_path):
    from graphbuild.render import notebook_map

    host = tmp_path / "notebook.html"
    host.write_text("<!DOCTYPE html><html><body>" + notebook_map(example_graph, focus="Jeff Sessions").data
                    + "</body></html>", encoding="utf-8")
    mp = open_map(host, wait=False)
    frame = mp.page.frames[1]
    frame.wait_for_function("window.graphbuildMap && window.graphbuildMap.ready", timeout=30_000)
    one_step = {"jeff-sessions", *example_graph.successors("jeff-sessions"), *example_graph.predecessors("jeff-sessions")}
    assert frame.evaluate("window.graphbuildMap.nodeCount") == len(one_step)
    assert mp.blocked == [] and mp.errors == []

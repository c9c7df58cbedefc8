"""The map file itself, without a browser: what it contains and what it must never contain."""

from __future__ import annotations

import json
import re
from html.parser import HTMLParser
from pathlib import Path

import pytest
from browser_fixtures import XSS, example_edges, make_edge, xss_edges
from typer.testing import CliRunner

from graphbuild.cli import app
from graphbuild.graph import build_graph, write_node_link_json
from graphbuild.render import DateFormatError, UnknownPersonError, notebook_map, prepare, render_html, write_map

URL_ATTRS = {
    "src",
    "href",
    "srcset",
    "action",
    "formaction",
    "poster",
    "data",
    "background",
    "xlink:href",
    "ping",
    "manifest",
    "cite",
    "longdesc",
    "codebase",
}


class Resources(HTMLParser):
    """Every URL-valued attribute, every <script>/<link> element and every CSS url() in a page."""

    def __init__(self):
        super().__init__()
        self.urls: list[tuple[str, str, str]] = []
        self.scripts: list[dict] = []
        self.styles: list[str] = []
        self._in_style = False

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        for k, v in attrs.items():
            if k in URL_ATTRS and v is not None:
                self.urls.append((tag, k, v))
            if k == "style" and v:
                self.styles.append(v)
        if tag == "script":
            self.scripts.append(attrs)
        if tag == "meta" and attrs.get("http-equiv", "").lower() == "refresh":
            self.urls.append((tag, "content", attrs.get("content", "")))
        self._in_style = tag == "style"

    def handle_endtag(self, tag):
        self._in_style = False

    def handle_data(self, data):
        if self._in_style:
            self.styles.append(data)


def data_of(html: str) -> dict:
    m = re.search(r'<script type="application/json" id="graphbuild-data">(.*?)</script>', html, re.S)
    return json.loads(m.group(1))


@pytest.fixture(scope="module")
def graph():
    return build_graph(example_edges())


@pytest.fixture(scope="module")
def page(graph) -> str:
    return render_html(graph)


def test_write_map_writes_one_file_and_returns_its_path(graph, tmp_path):
    out = write_map(graph, tmp_path / "sub" / "map.html")
    assert out == tmp_path / "sub" / "map.html" and out.is_file()
    assert out.read_text(encoding="utf-8").startswith("<!DOCTYPE html>")


def test_page_references_no_http_resource(page):
    res = Resources()
    res.feed(page)
    remote = [u for u in res.urls if re.match(r"\s*(https?:)?//", u[2], re.I)]
    assert remote == []
    assert all("src" not in s for s in res.scripts), "every script is inline"
    assert "<link" not in page.lower()
    for css in res.styles:
        for url in re.findall(r"url\(\s*['\"]?([^'\")]*)", css):
            assert url.startswith("data:"), url
        assert "@import" not in css


def test_vis_network_is_inlined_from_pyvis(page):
    import pyvis

    vis = (Path(pyvis.__file__).parent / "lib" / "vis-9.1.2" / "vis-network.min.js").read_text(encoding="utf-8")
    code, _, tail = vis.rpartition("\n//# sourceMappingURL")
    assert code in page, "vis-network is inlined byte for byte"
    assert "sourceMappingURL" not in page


def test_article_urls_are_data_not_markup(page):
    # The evidence links live only in the JSON the script reads; the page builds
    # an <a> for one when its edge is clicked, so none is fetched or prefetched.
    assert "https://example.org/news/2018-08-23" in page
    outside = page.replace(re.search(r'id="graphbuild-data">.*?</script>', page, re.S).group(0), "")
    assert "example.org" not in outside


def test_counts_and_shape(graph, page):
    data = data_of(page)
    assert len(data["people"]) == graph.number_of_nodes()
    assert len(data["relations"]) == graph.number_of_edges()
    assert data["dropped"] == 0
    trump = next(p for p in data["people"] if p["id"] == "donald-trump")
    assert trump["name"] == "Donald Trump" and trump["evidence"] == graph.nodes["donald-trump"]["evidence_count"]
    crit = next(r for r in data["relations"] if r["key"] == "CRITICIZED")
    assert (crit["from"], crit["to"], crit["count"], crit["polarity"]) == ("donald-trump", "jeff-sessions", 2, -1)
    # one entry per pair of people, whatever the direction, holding all their relations
    index = {p["id"]: i for i, p in enumerate(data["people"])}
    pair = next(p for p in data["pairs"] if {p["a"], p["b"]} == {index["donald-trump"], index["jeff-sessions"]})
    keys = sorted((data["relations"][i]["from"], data["relations"][i]["key"]) for i in pair["rels"])
    assert ("donald-trump", "CRITICIZED") in keys and ("jeff-sessions", "ENDORSED") in keys
    assert len(data["pairs"]) == len({frozenset((u, v)) for u, v in graph.edges()})
    sessions = data["people"][index["jeff-sessions"]]
    assert (sessions["rank"], sessions["degree"], trump["rank"], trump["degree"]) == (0, 6, 1, 5)
    assert isinstance(trump["community"], int)
    ev = crit["evidence"][0]
    assert set(ev) >= {"quote", "title", "source", "url", "published", "speaker", "modality", "confidence"}
    neg = next(r for r in data["relations"] if r["modality"] == "negated")
    assert neg["key"] == "SUPPORTED:negated"
    assert data["dates"] == {"min": "2016-02-28", "max": "2020-07-14"}


def test_large_maps_get_bounded_stabilization(graph):
    from graphbuild.render.page import vis_options

    small, large = vis_options(20, 30), vis_options(2000, 4000)
    assert large["physics"]["stabilization"]["iterations"] <= 200
    assert large["layout"]["improvedLayout"] is False
    assert large["interaction"]["hideEdgesOnDrag"] is True
    assert small["physics"]["stabilization"]["iterations"] >= large["physics"]["stabilization"]["iterations"]


def test_xss_payloads_are_escaped_in_the_file():
    html = render_html(build_graph(example_edges() + xss_edges()))
    for needle in (
        "<img src=x",
        "<svg onload",
        "<iframe src=javascript",
        "<script>window.__xss",
        "</script><img",
        "<b>bold</b>",
    ):
        assert needle not in html
    data = data_of(html)  # ...and the text is intact once parsed
    evil = next(r for r in data["relations"] if r["from"] == "evil")
    assert evil["evidence"][0]["quote"] == XSS["quote"]
    assert evil["evidence"][0]["title"] == XSS["title"]
    assert next(p for p in data["people"] if p["id"] == "evil")["name"] == XSS["name"]


def test_focus_matches_name_or_alias_in_any_case(graph):
    data = prepare(graph, focus="JEFF SESSIONS", depth=1)
    ids = {p["id"] for p in data["people"]}
    assert "jeff-sessions" in ids and "donald-trump" in ids and "tommy-tuberville" in ids
    assert "james-comey" not in ids  # two steps away
    assert data["focus"] == ["jeff-sessions"]
    deeper = {p["id"] for p in prepare(graph, focus="jeff sessions", depth=2)["people"]}
    assert "james-comey" in deeper


def test_focus_by_alias():
    edges = [
        make_edge("donald-trump", "jeff-sessions", "CRITICIZED", "Trump slammed Sessions."),
        make_edge(
            "donald-trump",
            "jeff-sessions",
            "CRITICIZED",
            "He slammed Sessions.",
            names={"donald-trump": "Trump", "jeff-sessions": "Jeff Sessions"},
        ),
    ]
    g = build_graph(edges)
    assert {p["id"] for p in prepare(g, focus="trump")["people"]} == {"donald-trump", "jeff-sessions"}


def test_unknown_focus_names_the_person_and_suggests(graph):
    with pytest.raises(UnknownPersonError, match=r"'Sessions Jeff'"):
        prepare(graph, focus="Sessions Jeff")
    with pytest.raises(UnknownPersonError, match="did you mean: Jeff Sessions"):
        prepare(graph, focus="Sessio")
    # A surname alone finds its person (graphbuild.naming, as `query` does; issue 9).
    assert "jeff-sessions" in {p["id"] for p in prepare(graph, focus="Sessions")["people"]}


def test_max_nodes_keeps_the_most_connected_and_says_so(graph):
    data = prepare(graph, max_nodes=3)
    assert {p["id"] for p in data["people"]} == {"donald-trump", "jeff-sessions", "robert-mueller"}
    assert data["dropped"] == graph.number_of_nodes() - 3
    assert data["total"]["people"] == graph.number_of_nodes()


def test_max_nodes_default_comes_from_settings(graph, monkeypatch):
    monkeypatch.setenv("GRAPHBUILD_MAP_MAX_NODES", "2")
    assert len(prepare(graph)["people"]) == 2


def test_focus_survives_the_cut(graph):
    data = prepare(graph, focus="Doug Jones", depth=2, max_nodes=2)
    assert "doug-jones" in {p["id"] for p in data["people"]}


def test_date_window_keeps_evidence_inside_it(graph):
    data = prepare(graph, since="2018-01-01", until="2018-12-31")
    keys = sorted((r["from"], r["key"], r["to"]) for r in data["relations"])
    assert keys == [("donald-trump", "CRITICIZED", "jeff-sessions"), ("donald-trump", "FIRED", "jeff-sessions")]
    assert {p["id"] for p in data["people"]} == {"donald-trump", "jeff-sessions"}
    assert next(p for p in data["people"] if p["id"] == "donald-trump")["evidence"] == 3
    assert data["window"] == ["2018-01-01", "2018-12-31"]


def test_bad_date_names_the_fix(graph):
    with pytest.raises(DateFormatError, match="YYYY-MM-DD"):
        prepare(graph, since="last year")


def test_notebook_map_is_an_iframe_srcdoc(graph):
    out = notebook_map(graph, height=400, focus="Jeff Sessions")
    html = out.data
    assert html.startswith('<div class="graphbuild-map"><iframe srcdoc="') and "height:400px" in html
    inner = html.split('srcdoc="', 1)[1].split('" style=', 1)[0]
    assert "<" not in inner and '"' not in inner  # the whole page is one escaped attribute


# --- the command -------------------------------------------------------------------------------


def test_cli_render_build_folder(graph, tmp_path):
    write_node_link_json(graph, tmp_path / "graph.json")
    out = tmp_path / "m.html"
    result = CliRunner().invoke(
        app,
        [
            "render",
            str(tmp_path),
            "--out",
            str(out),
            "--focus",
            "jeff sessions",
            "--depth",
            "1",
            "--max-nodes",
            "50",
            "--since",
            "2016-01-01",
            "--until",
            "2020-12-31",
        ],
    )
    assert result.exit_code == 0, result.output
    data = data_of(out.read_text(encoding="utf-8"))
    assert data["focus"] == ["jeff-sessions"]


def test_cli_render_graph_json_roundtrip(graph, tmp_path):
    write_node_link_json(graph, tmp_path / "g.json")
    out = tmp_path / "m.html"
    result = CliRunner().invoke(app, ["render", str(tmp_path / "g.json"), "-o", str(out)])
    assert result.exit_code == 0, result.output
    data = data_of(out.read_text(encoding="utf-8"))
    assert (len(data["people"]), len(data["relations"])) == (graph.number_of_nodes(), graph.number_of_edges())


def test_cli_render_missing_graph_fails(tmp_path):
    result = CliRunner().invoke(app, ["render", str(tmp_path), "--out", str(tmp_path / "m.html")])
    assert result.exit_code != 0
    assert not (tmp_path / "m.html").exists()

"""Fixtures for map tests in Debian chromium via Playwright.

``browser`` is one headless chromium per run. ``open_map`` loads a map file in
a fresh page with the network cut off: every request other than the file
itself is aborted and recorded, so a test can assert that none was made.
These tests never skip: a missing /usr/bin/chromium is a failure that says
how to fix it (in CI as locally).

The example graphs the map tests draw are built here too, from hand-made
``Edge`` records, so that every map test file can use them.
"""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from pathlib import Path

import pytest

from graphbuild.graph import build_graph
from graphbuild.records import ArticleRef, Edge, EdgeEvidence, Modality, PersonRef, Relation

CHROMIUM = Path(os.environ.get("GRAPHBUILD_CHROMIUM", "/usr/bin/chromium"))
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]
ARTIFACTS = Path(__file__).resolve().parent / "artifacts"


@pytest.fixture(scope="session")
def browser():
    """Debian's chromium, headless, launched once per test run."""
    if not CHROMIUM.is_file():
        pytest.fail(
            f"{CHROMIUM} is missing: the map tests drive Debian's chromium "
            "(apt-get install chromium); `playwright install` is not used",
            pytrace=False,
        )
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        b = p.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS, headless=True)
        yield b
        b.close()


@dataclass
class MapPage:
    """A loaded map and what it did: requests that tried to leave, dialogs, script errors."""

    page: object
    blocked: list = field(default_factory=list)
    dialogs: list = field(default_factory=list)
    errors: list = field(default_factory=list)

    def api(self, expr: str):
        return self.page.evaluate(f"(() => {{ const m = window.graphbuildMap; return {expr}; }})()")


@pytest.fixture
def open_map(browser):
    """``open_map(path)``: the map in a new page, offline, ready (layout done)."""
    contexts = []

    def _open(path: Path, *, width: int = 1280, height: int = 800, wait: bool = True, fragment: str = "") -> MapPage:
        ctx = browser.new_context(viewport={"width": width, "height": height}, service_workers="block")
        contexts.append(ctx)
        page = ctx.new_page()
        mp = MapPage(page)
        own = Path(path).resolve().as_uri()

        def local(url: str) -> bool:
            # The file itself, and inline data (vis-network's CSS icons are data: URIs).
            return url == own or url.split(":", 1)[0] in ("data", "blob", "about")

        def route(r):
            if local(r.request.url):
                r.continue_()
            else:
                mp.blocked.append(r.request.url)
                r.abort()

        def seen(req):
            # A request the router never sees (e.g. a prefetch) still shows up here.
            if not local(req.url) and req.url not in mp.blocked:
                mp.blocked.append(req.url)

        ctx.route("**/*", route)
        page.on("request", seen)
        page.on("dialog", lambda d: (mp.dialogs.append(d.message), d.dismiss()))
        page.on("pageerror", lambda e: mp.errors.append(str(e)))
        page.goto(own + fragment)
        if wait:
            page.wait_for_function("window.graphbuildMap && window.graphbuildMap.ready", timeout=60_000)
        return mp

    yield _open
    for ctx in contexts:
        ctx.close()


@pytest.fixture(scope="session")
def artifacts() -> Path:
    ARTIFACTS.mkdir(exist_ok=True)
    return ARTIFACTS


# --- example graphs ----------------------------------------------------------------------

NAMES = {
    "donald-trump": "Donald Trump",
    "jeff-sessions": "Jeff Sessions",
    "james-comey": "James Comey",
    "robert-mueller": "Robert Mueller",
    "rod-rosenstein": "Rod Rosenstein",
    "tommy-tuberville": "Tommy Tuberville",
    "lindsey-graham": "Lindsey Graham",
    "william-barr": "William Barr",
    "doug-jones": "Doug Jones",
    "bradley-byrne": "Bradley Byrne",
}


def make_edge(
    s: str,
    t: str,
    rel: str,
    quote: str,
    *,
    label: str | None = None,
    day: str = "2019-11-08",
    modality: Modality = Modality.ASSERTED,
    title: str | None = None,
    url: str | None = "https://example.org/news/{day}",
    outlet: str = "Talking Points Memo",
    speaker: str | None = None,
    confidence: float = 0.8,
    names: dict | None = None,
) -> Edge:
    """One piece of evidence, with the article fields a map shows."""
    names = names or NAMES
    return Edge(
        source=PersonRef(s, names.get(s, s)),
        target=PersonRef(t, names.get(t, t)),
        relation=Relation(rel),
        label=label or rel.lower(),
        article=ArticleRef(
            id=f"{outlet[:3].lower()}-{day}",
            url=url.format(day=day) if url else None,
            title=title or f"News of {day}",
            published=day,
            source=outlet,
        ),
        evidence=EdgeEvidence(quote, 0, len(quote)),
        modality=modality,
        speaker=speaker,
        confidence=confidence,
    )


def example_edges() -> list[Edge]:
    """A small, realistic graph: Sessions, Trump and the Russia probe, 2017 to 2020."""
    N, H = Modality.NEGATED, Modality.HYPOTHETICAL
    return [
        make_edge(
            "jeff-sessions",
            "donald-trump",
            "ENDORSED",
            "I was the first senator to endorse him.",
            label="was the first senator to endorse",
            day="2016-02-28",
            speaker="jeff-sessions",
        ),
        make_edge(
            "donald-trump",
            "jeff-sessions",
            "APPOINTED",
            "Trump named Sessions attorney general.",
            label="named attorney general",
            day="2016-11-18",
        ),
        make_edge(
            "jeff-sessions",
            "robert-mueller",
            "RECUSED",
            "Sessions recused himself from the probe Mueller would lead.",
            label="recused himself from",
            day="2017-03-02",
        ),
        make_edge("donald-trump", "james-comey", "FIRED", "Trump fired Comey.", label="fired", day="2017-05-09"),
        make_edge(
            "rod-rosenstein",
            "robert-mueller",
            "APPOINTED",
            "Rosenstein appointed Mueller as special counsel.",
            label="appointed special counsel",
            day="2017-05-17",
        ),
        make_edge(
            "donald-trump",
            "jeff-sessions",
            "CRITICIZED",
            "Trump called Sessions a jerk.",
            label="called a jerk",
            day="2018-08-23",
            outlet="The New York Times",
            title="Trump Berates Sessions",
        ),
        make_edge(
            "donald-trump",
            "jeff-sessions",
            "CRITICIZED",
            "Trump slammed Sessions as weak.",
            label="slammed",
            day="2018-09-19",
        ),
        make_edge(
            "donald-trump",
            "jeff-sessions",
            "FIRED",
            "Trump forced Sessions to resign.",
            label="forced to resign",
            day="2018-11-07",
        ),
        make_edge(
            "william-barr",
            "jeff-sessions",
            "SUCCEEDED",
            "Barr replaced Sessions at Justice.",
            label="replaced",
            day="2019-02-14",
        ),
        make_edge(
            "donald-trump",
            "robert-mueller",
            "ACCUSED",
            "Trump accused Mueller of a witch hunt.",
            label="accused",
            day="2019-03-20",
        ),
        make_edge(
            "lindsey-graham", "william-barr", "PRAISED", "Graham praised Barr.", label="praised", day="2019-05-01"
        ),
        make_edge(
            "lindsey-graham",
            "robert-mueller",
            "INTERVIEWED",
            "Graham pressed Mueller at the hearing.",
            label="pressed",
            day="2019-07-24",
        ),
        make_edge(
            "donald-trump",
            "jeff-sessions",
            "SUPPORTED",
            "He would not support Sessions.",
            label="would not support",
            day="2019-11-08",
            modality=N,
        ),
        make_edge(
            "jeff-sessions",
            "donald-trump",
            "SUPPORTED",
            "Sessions is hoping Trump has his back.",
            label="hopes for backing",
            day="2019-11-08",
            modality=H,
        ),
        make_edge(
            "donald-trump",
            "tommy-tuberville",
            "ENDORSED",
            "Trump endorsed Tuberville.",
            label="endorsed",
            day="2020-03-10",
        ),
        make_edge(
            "tommy-tuberville",
            "jeff-sessions",
            "CHALLENGED",
            "Tuberville beat Sessions in the runoff.",
            label="beat",
            day="2020-07-14",
        ),
        make_edge(
            "bradley-byrne",
            "jeff-sessions",
            "CHALLENGED",
            "Byrne ran against Sessions.",
            label="ran against",
            day="2020-02-01",
        ),
        make_edge(
            "doug-jones",
            "jeff-sessions",
            "SUCCEEDED",
            "Jones took the seat Sessions once held.",
            label="took over from",
            day="2017-12-12",
        ),
        make_edge(
            "donald-trump",
            "lindsey-graham",
            "MET_WITH",
            "Trump met with Graham at the White House.",
            label="met with",
            day="2019-10-01",
        ),
        make_edge(
            "doug-jones",
            "bradley-byrne",
            "ENDORSED",
            "Jones would not endorse Byrne.",
            label="would not endorse",
            day="2019-12-01",
            modality=N,
        ),
    ]


XSS = {
    "quote": "<img src=x onerror=\"window.__xss=1;alert('quote')\"></script><script>window.__xss=2</script>",
    "title": "</script><img src=x onerror=alert('title')> & <b>bold</b>",
    "name": "<img src=x onerror=alert('name')>",
    "label": "<svg onload=alert('label')>",
    "url": "javascript:alert('url')",
    "outlet": "<iframe src=javascript:alert('outlet')>",
}


def xss_edges() -> list[Edge]:
    """Edges whose article text tries to run script in the page."""
    names = {**NAMES, "evil": XSS["name"]}
    return [
        make_edge(
            "evil",
            "donald-trump",
            "PRAISED",
            XSS["quote"],
            label=XSS["label"],
            title=XSS["title"],
            url=XSS["url"],
            outlet=XSS["outlet"],
            day="2019-06-01",
            names=names,
            speaker="evil",
        ),
        make_edge(
            "donald-trump",
            "evil",
            "CRITICIZED",
            "Trump mocked the <script>alert('x')</script> man.",
            label="mocked",
            url="data:text/html,<script>alert(1)</script>",
            day="2019-06-02",
            names=names,
        ),
    ]


@pytest.fixture(scope="session")
def example_graph():
    return build_graph(example_edges())


@pytest.fixture(scope="session")
def xss_graph():
    return build_graph(example_edges() + xss_edges())

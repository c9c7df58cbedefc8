"""Time until a map is interactive in headless chromium: graphbuild's map against pyvis defaults.

    .venv/bin/python benchmarks/map_scale.py [--sizes 200 2000] [--repeat 1]

Both pages draw the same synthetic graph (a few hubs, many small names, about
two relations per person) with the vis-network that pyvis bundles, inline,
offline. "interactive" is the time from navigation start until vis-network
reports its initial stabilization done (``stabilizationIterationsDone``: the
point where pyvis hides its progress bar and the layout can be used);
"settled" is until physics is at rest (``stabilized``) or switched off,
which for pyvis's defaults means the page stops burning CPU. Both are read
from the same hook on ``vis.Network`` in both pages, so the clock is the same.
"""

from __future__ import annotations

import argparse
import random
import statistics
import sys
import tempfile
from pathlib import Path

from graphbuild.graph import build_graph
from graphbuild.records import ArticleRef, Edge, EdgeEvidence, PersonRef, Relation
from graphbuild.render import write_map

CHROMIUM = "/usr/bin/chromium"
ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]
TIMEOUT_MS = 240_000

# Wrap vis.Network as the inline library defines it, to time both pages the same way.
HOOK = """(() => {
  const t = window.__bench = {};
  const wrap = (Orig) => {
    function Network(c, d, o) {
      const n = new Orig(c, d, o);
      t.created = performance.now();
      n.on('stabilizationIterationsDone', () => { t.done = t.done || performance.now(); });
      n.on('stabilized', () => { t.settled = t.settled || performance.now(); });
      const poll = () => {
        // graphbuild turns physics off instead of waiting for rest: that also counts as settled.
        if (t.done && n.physics && n.physics.options.enabled === false) t.settled = t.settled || performance.now();
        if (!t.settled) setTimeout(poll, 50);
      };
      poll();
      return n;
    }
    Network.prototype = Orig.prototype;
    return Network;
  };
  let vis;
  Object.defineProperty(window, 'vis', {configurable: true, get: () => vis, set: (v) => {
    vis = v;
    let N;
    Object.defineProperty(v, 'Network', {configurable: true, enumerable: true,
      get: () => N, set: (x) => { N = wrap(x); }});
  }});
})();"""


def synthetic_graph(n: int, seed: int = 1):
    """``n`` people with about two relations each, preferential so there are hubs."""
    rnd = random.Random(seed)
    rels = list(Relation)
    edges = []
    for i in range(1, n):
        for _ in range(2):
            j = int(rnd.paretovariate(1.2)) % i if rnd.random() < 0.7 else rnd.randrange(i)
            day = f"20{rnd.randint(16, 20)}-0{rnd.randint(1, 9)}-1{rnd.randint(0, 9)}"
            q = f"Person {i} and person {j} in the news."
            edges.append(
                Edge(
                    PersonRef(f"p{i}", f"Person {i} Example"),
                    PersonRef(f"p{j}", f"Person {j} Example"),
                    rnd.choice(rels),
                    "did something to",
                    ArticleRef(f"a{i}", published=day),
                    EdgeEvidence(q, 0, len(q)),
                )
            )
    return build_graph(edges)


def write_pyvis_default(g, path: Path) -> Path:
    """The same people and relations through pyvis with its default settings (vis inline)."""
    from pyvis.network import Network

    net = Network(directed=True, cdn_resources="in_line")
    for n, d in g.nodes(data=True):
        net.add_node(n, label=d["name"], value=d["evidence_count"])
    for u, v, d in g.edges(data=True):
        net.add_edge(u, v, title=d["relation"], value=d["evidence_count"])
    path.write_text(net.generate_html(), encoding="utf-8")
    return path


def measure(browser, path: Path) -> dict:
    from playwright.sync_api import TimeoutError as PlaywrightTimeout

    ctx = browser.new_context(viewport={"width": 1280, "height": 800})
    own = path.resolve().as_uri()
    ctx.route(
        "**/*", lambda r: r.continue_() if r.request.url == own or r.request.url.startswith("data:") else r.abort()
    )  # pyvis's template asks CDNs for Bootstrap: refused at once
    ctx.add_init_script(HOOK)
    page = ctx.new_page()
    page.goto(own, wait_until="load", timeout=TIMEOUT_MS)
    # A page that does not get there within the timeout is reported at the timeout, marked
    # with ">": the ratio against it is then an upper bound.
    for mark in ("done", "settled"):
        try:
            page.wait_for_function(f"window.__bench && window.__bench.{mark}", timeout=TIMEOUT_MS, polling=100)
        except PlaywrightTimeout:
            break
    t = page.evaluate("window.__bench") or {}
    now = page.evaluate("performance.now()")
    ctx.close()
    return {
        "interactive": (t.get("done") or now) / 1000,
        "settled": (t.get("settled") or now) / 1000,
        "late_done": not t.get("done"),
        "timed_out": not t.get("settled"),
    }


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--sizes", type=int, nargs="+", default=[200, 2000])
    ap.add_argument("--repeat", type=int, default=1, help="runs per page; the median is printed")
    args = ap.parse_args(argv)

    from playwright.sync_api import sync_playwright

    tmp = Path(tempfile.mkdtemp(prefix="map_scale-"))
    print(f"{'people':>7} {'relations':>9}  {'page':<18} {'interactive s':>13} {'settled s':>10}")
    ratios = {}
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=ARGS, headless=True)
        for n in args.sizes:
            g = synthetic_graph(n)
            ours = write_map(g, tmp / f"graphbuild-{n}.html", max_nodes=n)
            theirs = write_pyvis_default(g, tmp / f"pyvis-{n}.html")
            res = {}
            for name, path in (("graphbuild", ours), ("pyvis defaults", theirs)):
                runs = [measure(browser, path) for _ in range(args.repeat)]
                res[name] = {k: statistics.median(r[k] for r in runs) for k in ("interactive", "settled")}
                late_i = ">" if any(r["late_done"] for r in runs) else " "
                late = ">" if any(r["timed_out"] for r in runs) else " "
                print(
                    f"{n:>7} {g.number_of_edges():>9}  {name:<18} {late_i}{res[name]['interactive']:>12.2f} "
                    f"{late}{res[name]['settled']:>9.2f}",
                    flush=True,
                )
            ratios[n] = res["graphbuild"]["interactive"] / res["pyvis defaults"]["interactive"]
            settled = res["graphbuild"]["settled"] / res["pyvis defaults"]["settled"]
            print(f"{'':>7} {'':>9}  ratio: interactive {ratios[n]:.3f}x, settled {settled:.3f}x", flush=True)
        browser.close()
    goal = ratios.get(2000)
    if goal is not None:
        print(f"goal at 2,000 people: <= 0.2x; measured {goal:.3f}x -> {'met' if goal <= 0.2 else 'NOT met'}")
    return 0


if __name__ == "__main__":
    sys.exit(main())

"""A normal install works: the wheel, installed in a fresh venv, prints its
version, lists the queries shipped inside it and builds the bundled example.

Offline and quick: the wheel is built without build isolation (setuptools
comes with the test extra), and the fresh venv borrows the running
environment's third-party packages through a path file instead of
downloading them; graphbuild itself comes only from the wheel.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import sysconfig
import venv
import zipfile
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
pytestmark = pytest.mark.wheel
SKIP = shutil.ignore_patterns(
    ".git", ".venv", ".neo4j", "out", "build", "dist", "*.egg-info", "__pycache__", ".pytest_cache", "artifacts"
)


def _run(args, cwd, env, timeout=600):
    result = subprocess.run(args, cwd=cwd, env=env, capture_output=True, text=True, timeout=timeout)
    assert result.returncode == 0, f"{args}:\n{result.stdout}\n{result.stderr}"
    return result


@pytest.fixture(scope="module")
def installed(tmp_path_factory):
    tmp = tmp_path_factory.mktemp("wheel")
    env = {k: v for k, v in os.environ.items() if k not in ("PYTHONPATH", "PYTHONHOME")}
    env["PIP_NO_INDEX"] = "1"  # no network
    src = tmp / "src"
    shutil.copytree(ROOT, src, ignore=SKIP)  # build from a copy: nothing is written into the checkout
    _run(
        [
            sys.executable,
            "-m",
            "pip",
            "wheel",
            "--no-deps",
            "--no-build-isolation",
            "-q",
            "-w",
            str(tmp / "dist"),
            str(src),
        ],
        tmp,
        env,
    )
    (wheel,) = (tmp / "dist").glob("graphbuild-*.whl")
    env_dir = tmp / "venv"
    venv.create(env_dir, with_pip=False)
    py = env_dir / "bin" / "python"
    purelib = subprocess.run(
        [py, "-c", "import sysconfig; print(sysconfig.get_paths()['purelib'])"],
        capture_output=True,
        text=True,
        check=True,
    ).stdout.strip()
    # The running environment's packages, appended after the venv's own: graphbuild is
    # imported from the wheel, not from this checkout (no .pth of theirs is processed).
    borrowed = {sysconfig.get_paths()["purelib"], sysconfig.get_paths()["platlib"]}
    Path(purelib, "borrowed.pth").write_text("\n".join(sorted(borrowed)) + "\n")
    _run([py, "-m", "pip", "install", "--no-deps", "-q", str(wheel)], tmp, env)
    return {"wheel": wheel, "bin": env_dir / "bin", "py": py, "env": env, "tmp": tmp, "site": Path(purelib)}


def test_the_wheel_ships_the_queries_docs_examples_and_templates(installed):
    names = zipfile.ZipFile(installed["wheel"]).namelist()
    queries = sorted(Path(n).name for n in names if n.startswith("graphbuild/neo4j/queries/"))
    assert queries == sorted(p.name for p in (ROOT / "queries").glob("*.cypher"))
    for needed in (
        "graphbuild/examples/tpm-2019-11-08-sessions-trump.txt",
        "graphbuild/render/template.html",
        "graphbuild/extract/lexicon.json",
        "graphbuild/neo4j/pom.xml",
    ):
        assert needed in names


def test_installed_graphbuild_comes_from_the_wheel(installed):
    out = _run(
        [installed["py"], "-c", "import graphbuild; print(graphbuild.__file__)"], installed["tmp"], installed["env"]
    ).stdout
    assert Path(out.strip()).is_relative_to(installed["site"])


def test_version_query_list_and_build_of_the_bundled_example(installed):
    gb, tmp, env = installed["bin"] / "graphbuild", installed["tmp"], installed["env"]
    version = _run([gb, "--version"], tmp, env).stdout
    assert version.strip() == "graphbuild 0.1.0"
    listing = _run([gb, "query"], tmp, env).stdout
    for name in ("timeline", "shortest_path", "most_endorsed_criticized", "reported_by"):
        assert f"\n{name} (" in "\n" + listing
    example = installed["site"] / "graphbuild" / "examples" / "tpm-2019-11-08-sessions-trump.txt"
    result = _run([gb, "build", str(example), "--out", str(tmp / "out"), "--quiet"], tmp, env)
    graph = json.loads((tmp / "out" / "graph.json").read_text(encoding="utf-8"))
    names = {n["name"] for n in graph["nodes"]}
    assert "Jeff Sessions" in names and any(n.endswith("Trump") for n in names), names
    assert f"people: {len(graph['nodes'])} " in result.stderr
    for name in ("edges.jsonl", "graph.graphml", "graph.gexf", "map.html"):
        assert (tmp / "out" / name).stat().st_size > 0

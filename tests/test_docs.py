"""The repository documents itself: no link leaves it, every relative link
finds its file, and docs/relations.md agrees with the code's relation types."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from typer.testing import CliRunner

from graphbuild.records import Relation

ROOT = Path(__file__).resolve().parents[1]
# What a user of a clone reads: none of it may point at ../shared (a clone has none).
USER_FACING = [ROOT / "README.md", ROOT / "docs", ROOT / "graphbuild", ROOT / "queries", ROOT / "notebooks"]
TEXT = {".md", ".py", ".cypher", ".ipynb", ".json", ".html", ".js", ".css", ".txt", ".xml", ".java", ".toml"}
LINK = re.compile(r"\[[^\]]*\]\(([^)\s]+)\)")


def _files():
    for root in USER_FACING:
        paths = [root] if root.is_file() else sorted(root.rglob("*"))
        for p in paths:
            if p.is_file() and p.suffix in TEXT and "__pycache__" not in p.parts:
                yield p


def test_nothing_a_user_reads_points_at_the_shared_workspace():
    files = list(_files())
    assert any(p.name == "relations.md" for p in files)  # the walk does reach docs/
    hits = [
        f"{p.relative_to(ROOT)}:{n}"
        for p in files
        for n, line in enumerate(p.read_text(encoding="utf-8", errors="replace").splitlines(), 1)
        if "../shared" in line
    ]
    assert hits == []


def test_every_markdown_link_finds_a_file_in_the_repository():
    pages = [ROOT / "README.md", *sorted((ROOT / "docs").glob("*.md")), *sorted(ROOT.glob("graphbuild/**/*.md"))]
    checked = 0
    for page in pages:
        for target in LINK.findall(page.read_text(encoding="utf-8")):
            if target.startswith(("http://", "https://", "mailto:", "#")):
                continue
            path = (page.parent / target.split("#")[0]).resolve()
            assert path.is_relative_to(ROOT), f"{page.relative_to(ROOT)} links outside the repository: {target}"
            assert path.exists(), f"{page.relative_to(ROOT)} links to a missing file: {target}"
            checked += 1
    assert checked >= 8


@pytest.mark.parametrize(
    "command", [[], ["extract"], ["build"], ["evaluate"], ["render"], ["load"], ["query"], ["neo4j"]]
)
def test_command_help_points_at_no_file_outside_the_repository(command):
    from graphbuild.cli import app

    result = CliRunner().invoke(app, [*command, "--help"])
    assert result.exit_code == 0 and "Usage" in result.output
    assert "../shared" not in result.output and "spec/" not in result.output
    assert "<bool>" not in result.output  # flags show no type


def test_relations_doc_lists_every_type_with_its_polarity():
    text = (ROOT / "docs" / "relations.md").read_text(encoding="utf-8")
    rows = {m.group(1): m.group(2) for m in re.finditer(r"^\| ([A-Z_]+) \| ([+\-0]) \|", text, re.M)}
    sign = {1: "+", -1: "-", 0: "0"}
    assert rows == {r.value: sign[int(r.polarity)] for r in Relation}
    for r in Relation:
        line = next(li for li in text.splitlines() if li.startswith(f"| {r.value} |"))
        assert ("*symmetric*" in line) == r.symmetric, r.value
        assert line.rstrip().endswith("|") and line.count("|") == 6
        assert line.split("|")[5].strip() == (r.cameo or "-"), r.value  # the CAMEO code, "-" when none

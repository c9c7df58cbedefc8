"""Outputs are replaced whole or not at all, and output-side errors end in one clear
message with exit status 3 (issue 13)."""

from __future__ import annotations

import errno
import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from graphbuild.cli import app

runner = CliRunner()

GOOD = "Jeff Sessions endorsed Donald Trump in February 2016, the first senator to do so. "
OUTPUTS = ("edges.jsonl", "articles.jsonl", "graph.graphml", "graph.gexf", "graph.json", "map.html")


def _snapshot(folder: Path) -> dict[str, bytes]:
    return {p.name: p.read_bytes() for p in folder.iterdir() if p.is_file() and not p.name.endswith("cache.sqlite")}


@pytest.fixture
def built(tmp_path):
    """A good build, then a second article added: what a failed rebuild must leave alone."""
    src = tmp_path / "in"
    src.mkdir()
    (src / "a.txt").write_text(GOOD, encoding="utf-8")
    out = tmp_path / "out"
    result = runner.invoke(app, ["build", str(src), "--out", str(out), "--quiet"])
    assert result.exit_code == 0, result.output
    (src / "b.txt").write_text("Donald Trump fired James Comey in May 2017.", encoding="utf-8")
    return src, out, _snapshot(out)


def _no_traceback(result) -> None:
    assert "Traceback" not in result.output and result.exception is None or isinstance(result.exception, SystemExit)


def test_a_full_disk_while_writing_a_graph_file_leaves_the_old_build_whole(built, monkeypatch):
    import graphbuild.run as run

    src, out, before = built
    real = run.write_gexf

    def full_disk(g, path):
        real(g, path)
        Path(path).write_bytes(Path(path).read_bytes()[:100])  # half written, then:
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(run, "write_gexf", full_disk)
    result = runner.invoke(app, ["build", str(src), "--out", str(out), "--quiet"])
    assert result.exit_code == 3, result.output
    _no_traceback(result)
    assert f"cannot write {out / 'graph.gexf'}: no space left on device" in result.output.replace("\n", "")
    assert _snapshot(out) == before  # every file of the earlier build, byte for byte; no temp files
    assert set(OUTPUTS) <= set(before)


def test_a_full_disk_while_writing_edges_leaves_no_partial_files(tmp_path, monkeypatch):
    import graphbuild.run as run

    (tmp_path / "a.txt").write_text(GOOD, encoding="utf-8")
    out = tmp_path / "res" / "edges.jsonl"
    assert runner.invoke(app, ["extract", str(tmp_path / "a.txt"), "--out", str(out), "-q"]).exit_code == 0
    before = _snapshot(out.parent)
    calls = {"n": 0}
    real = run._Lines.write

    class FullDisk:
        def __init__(self, fh):
            self.fh = fh

        def write(self, text):
            self.fh.write(text[:10])
            raise OSError(errno.ENOSPC, "No space left on device")

        def close(self):
            self.fh.close()

    def write(self, line):
        calls["n"] += 1
        if self.final == out and calls["n"] > 2 and not isinstance(self.fh, FullDisk):
            self.fh = FullDisk(self.fh)  # the second pass, into the real edges file
        return real(self, line)

    monkeypatch.setattr(run._Lines, "write", write)
    result = runner.invoke(app, ["extract", str(tmp_path / "a.txt"), "--out", str(out), "-q", "--full"])
    assert result.exit_code == 3, result.output
    assert f"cannot write {out}: no space left on device" in result.output.replace("\n", "")
    assert _snapshot(out.parent) == before
    assert not [p for p in out.parent.iterdir() if "partial" in p.name or ".tmp-" in p.name]


def test_an_interrupted_build_keeps_the_old_outputs(built, monkeypatch):
    import graphbuild.run as run

    src, out, before = built

    def interrupted(*a, **kw):
        raise KeyboardInterrupt

    monkeypatch.setattr(run, "write_node_link_json", interrupted)
    result = runner.invoke(app, ["build", str(src), "--out", str(out), "--quiet"])
    assert result.exit_code == 130, result.output
    assert "interrupted" in result.output
    assert _snapshot(out) == before


def test_out_naming_a_file_is_one_clear_error(tmp_path):
    (tmp_path / "a.txt").write_text(GOOD, encoding="utf-8")
    blocker = tmp_path / "taken"
    blocker.write_text("not a folder", encoding="utf-8")
    result = runner.invoke(app, ["build", str(tmp_path / "a.txt"), "--out", str(blocker), "--quiet"])
    assert result.exit_code == 3, result.output
    _no_traceback(result)
    assert f"cannot write {blocker}: a file is in the way where a folder should be" in result.output.replace("\n", "")
    result = runner.invoke(app, ["extract", str(tmp_path / "a.txt"), "--out", str(blocker / "e.jsonl")])
    assert result.exit_code == 3 and "a file is in the way" in result.output
    assert blocker.read_text() == "not a folder"


def test_no_permission_is_one_clear_error(tmp_path, monkeypatch):
    (tmp_path / "a.txt").write_text(GOOD, encoding="utf-8")
    locked = tmp_path / "locked"
    real = Path.write_bytes

    def write_bytes(self, data):  # root ignores chmod: the refusal is simulated
        if locked in self.parents:
            raise PermissionError(errno.EACCES, "Permission denied", str(self))
        return real(self, data)

    monkeypatch.setattr(Path, "write_bytes", write_bytes)
    result = runner.invoke(app, ["build", str(tmp_path / "a.txt"), "--out", str(locked), "--quiet"])
    assert result.exit_code == 3, result.output
    _no_traceback(result)
    assert "permission denied; give --out a folder you can write to" in result.output
    assert not list(locked.iterdir())  # failed before extracting anything


def test_articles_manifest_lists_what_was_read_and_what_was_rejected(tmp_path):
    src = tmp_path / "in"
    src.mkdir()
    (src / "a.txt").write_text(GOOD, encoding="utf-8")
    (src / "quiet.txt").write_text("The weather was mild on Tuesday.", encoding="utf-8")
    (src / "gone.txt").write_text("  ", encoding="utf-8")
    out = tmp_path / "edges.jsonl"
    result = runner.invoke(app, ["extract", str(src), "--out", str(out), "--quiet", "--no-cache"])
    assert result.exit_code == 1
    lines = [json.loads(l) for l in (tmp_path / "edges.articles.jsonl").read_text().splitlines()]
    assert [(l["id"], l.get("edges"), l.get("rejected")) for l in lines] == [
        ("a", 1, None),
        ("quiet", 0, None),
        ("gone", None, "empty text"),
    ]


def test_a_damaged_cache_is_one_clear_error(tmp_path):
    (tmp_path / "a.txt").write_text(GOOD, encoding="utf-8")
    out = tmp_path / "out"
    out.mkdir()
    (out / "cache.sqlite").write_bytes(b"this is no database, just bytes " * 100)
    result = runner.invoke(app, ["build", str(tmp_path / "a.txt"), "--out", str(out), "--quiet"])
    assert result.exit_code == 3, result.output
    assert "it is only a cache: delete it, or run with --no-cache" in result.output.replace("\n", "")
    result = runner.invoke(app, ["build", str(tmp_path / "a.txt"), "--out", str(out), "-q", "--no-cache"])
    assert result.exit_code == 0, result.output

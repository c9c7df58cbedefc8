"""What a run prints: progress by input bytes with an ETA, plain lines when
stderr is no terminal, one people count, plurals; nothing made for missing inputs."""

from __future__ import annotations

import json

from typer.testing import CliRunner

from graphbuild import progress
from graphbuild.cli import app
from graphbuild.progress import Tick, plural, progress_bar
from graphbuild.records import Article


def test_plurals():
    assert [plural(1, "article"), plural(0, "article"), plural(3, "article")] == [
        "1 article",
        "0 articles",
        "3 articles",
    ]
    assert plural(1, "piece of evidence", "pieces of evidence") == "1 piece of evidence"
    assert plural(2, "piece of evidence", "pieces of evidence") == "2 pieces of evidence"


def test_progress_counts_the_bytes_of_the_input_files(tmp_path):
    a, b = tmp_path / "a.jsonl", tmp_path / "b.txt"
    a.write_text(json.dumps({"id": "1", "text": "x" * 100}) + "\n" + json.dumps({"id": "2", "text": "y" * 100}) + "\n")
    b.write_text("z" * 50)
    tick = Tick(sizes={str(a): a.stat().st_size, str(b): 50})
    assert tick.total == a.stat().st_size + 50
    tick(Article(id="1", text="x" * 100, origin=f"{a}:1"), 0)
    assert tick.position == 100
    tick(Article(id="2", text="y" * 100, origin=f"{a}:2"), 0)
    assert tick.position == 200
    tick(Article(id="3", text="y" * 100, origin=f"{a}:3"), 0)
    assert tick.position == a.stat().st_size  # never beyond the file
    tick(Article(id="b", text="z" * 50, origin=str(b)), 3)
    assert tick.position == tick.total
    line = tick.line(3)
    assert "4 articles, 3 edges" in line and "100% of" in line and "s left" in line


def test_plain_lines_when_stderr_is_not_a_terminal(tmp_path, monkeypatch, capsys):
    f = tmp_path / "a.txt"
    f.write_text("w " * 400)
    monkeypatch.setattr(progress, "LOG_EVERY", 0.0)
    assert not progress.console.is_terminal  # pytest captures stderr
    with progress_bar(True, [f]) as tick:
        assert tick.log and tick.bar is None
        tick(Article(id="a", text="w " * 200, origin=str(f)), 1)
    err = capsys.readouterr().err
    assert "extracting: 1 article, 1 edge" in err and "50% of 1 kB" in err and "s left" in err


def test_build_summary_counts_the_people_of_graph_json_and_missing_inputs_make_nothing(tmp_path, example_article):
    runner = CliRunner()
    out = tmp_path / "out"
    result = runner.invoke(app, ["build", str(tmp_path / "missing.jsonl"), "--out", str(out)])
    assert result.exit_code == 2 and "missing.jsonl: no such file or folder" in result.output
    assert not out.exists()
    result = runner.invoke(app, ["extract", str(tmp_path / "missing.jsonl"), "--out", str(out / "e.jsonl")])
    assert result.exit_code == 2 and not out.exists()

    result = runner.invoke(app, ["build", str(example_article), "--out", str(out), "--no-cache"])
    assert result.exit_code == 0, result.output
    graph = json.loads((out / "graph.json").read_text(encoding="utf-8"))
    assert len(graph["nodes"]) >= 3
    assert f"people: {len(graph['nodes'])} " in result.output

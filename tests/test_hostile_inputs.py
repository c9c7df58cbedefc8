"""Hostile and unlucky inputs (issue 13), through the CLI: each bad input is rejected
with its true reason, every good article's edges are written, the exit status says
which, and what was read can always be written."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest
from typer.testing import CliRunner

from graphbuild.cli import app

runner = CliRunner()

GOOD = "Jeff Sessions endorsed Donald Trump in February 2016, the first senator to do so. "
LONG_GOOD = (
    GOOD
    + (
        "The campaign said on Tuesday that the endorsement was a turning point for the race "
        "in the South, and aides spoke of it for weeks afterwards. "
    )
    * 3
)
ENDORSE = ("jeff-sessions", "ENDORSED", "donald-trump")


def _extract(inputs: list[Path], out: Path, *extra: str, env: dict | None = None):
    result = runner.invoke(
        app, ["extract", *map(str, inputs), "--out", str(out), "--quiet", "--no-cache", *extra], env=env
    )
    lines = [json.loads(l) for l in out.read_text(encoding="utf-8").splitlines()] if out.exists() else []
    rejects = out.with_name(out.stem + ".rejects.jsonl")
    rej = [json.loads(l) for l in rejects.read_text(encoding="utf-8").splitlines()] if rejects.exists() else []
    return result, lines, rej


def _edges_by_article(lines) -> dict[str, set[tuple]]:
    got: dict[str, set[tuple]] = {}
    for l in lines:
        got.setdefault(l["article"]["id"], set()).add((l["source"]["id"], l["relation"], l["target"]["id"]))
    return got


def _reasons(rejects) -> dict[tuple, str]:
    return {(Path(r["source"]).name, r["line"]): r["reason"] for r in rejects}


# --- records that used to crash the run -------------------------------------------------


def _jsonl_lines() -> list[bytes]:
    deep = "[" * 100_000 + "]" * 100_000
    return [
        json.dumps({"id": "g1", "text": GOOD}).encode(),  # 1 good
        deep.encode(),  # 2 RecursionError
        b'{"id": ' + b"7" * 5000 + b', "text": "' + GOOD.encode() + b'"}',  # 3 5,000-digit id
        b'{"id": "sur\\udc80", "text": "' + GOOD.encode() + b'\\udc80"}',  # 4 lone surrogates
        json.dumps({"id": "num", "text": 42}).encode(),  # 5 text a number
        json.dumps({"id": "lst", "text": ["a", "list"]}).encode(),  # 6 text a list
        json.dumps({"id": "nul", "text": None}).encode(),  # 7 text null
        json.dumps({"id": ["x"], "text": GOOD}).encode(),  # 8 id a list
        b'{"id": "deep-title", "text": "x", "title": ' + deep.encode() + b"}",  # 9 deep field
        json.dumps({"id": "g2", "text": GOOD, "title": {"a": 1}}).encode(),  # 10 good (odd title)
        b'{"id": "x' + b"y" * 2000 + b'", "text": "' + GOOD.encode() + b'"}',  # 11 id too long
        json.dumps({"id": "[/x]", "text": " "}).encode(),  # 12 rich markup in an id
    ]


EXPECTED_JSONL = {
    2: "nested too deeply",
    3: "id is 5000 characters long",
    5: "text is a number, not a string",
    6: "text is a list, not a string",
    7: "text is null",
    8: "id is a list",
    9: "nested too deeply",
    11: "id is 2001 characters long",
    12: "empty text",
}


def test_records_that_crashed_the_run_are_rejected_with_their_reasons(tmp_path):
    src = tmp_path / "in"
    src.mkdir()
    (src / "records.jsonl").write_bytes(b"\n".join(_jsonl_lines()) + b"\n")
    (src / "plain.txt").write_text(GOOD, encoding="utf-8")
    out = tmp_path / "edges.jsonl"
    result, lines, rejects = _extract([src], out)
    assert result.exit_code == 1, result.output
    by_article = _edges_by_article(lines)
    # every good article's edge, the surrogate record's among them (its id escaped)
    assert set(by_article) == {"g1", "g2", "sur\\udc80", "plain"}
    assert all(ENDORSE in edges for edges in by_article.values())
    got = {r["line"]: r["reason"] for r in rejects}
    assert set(got) == set(EXPECTED_JSONL), got
    for line, part in EXPECTED_JSONL.items():
        assert part in got[line], (line, got[line])
    assert "records.jsonl:12 ([/x]): empty text" in result.output  # printed as text, not markup
    # what was read is written: every output is valid UTF-8 JSON
    out.read_bytes().decode("utf-8")
    (tmp_path / "edges.articles.jsonl").read_bytes().decode("utf-8")


def test_file_names_that_are_not_utf8_are_read_and_shown_escaped(tmp_path):
    src = tmp_path / "in"
    src.mkdir()
    good = os.fsdecode(b"caf\xe9-2019-11-08.txt")
    empty = os.fsdecode(b"vide-\xff.txt")
    (src / good).write_text(GOOD, encoding="utf-8")
    (src / empty).write_text("   ", encoding="utf-8")
    out = tmp_path / "edges.jsonl"
    result, lines, rejects = _extract([src], out)
    assert result.exit_code == 1, result.output
    [line] = [l for l in lines if (l["source"]["id"], l["relation"], l["target"]["id"]) == ENDORSE]
    assert line["article"]["id"] == "caf\\xe9-2019-11-08" and line["article"]["published"] == "2019-11-08"
    [r] = rejects
    assert r["source"].endswith("vide-\\xff.txt") and r["reason"] == "empty text"
    assert "vide-\\xff.txt" in result.output


def test_text_oddities_are_read_or_given_true_reasons(tmp_path):
    src = tmp_path / "in"
    src.mkdir()
    (src / "utf16-no-bom.txt").write_bytes(LONG_GOOD.encode("utf-16-le"))
    (src / "utf16-be-no-bom.txt").write_bytes(LONG_GOOD.encode("utf-16-be"))
    (src / "one-nul.txt").write_bytes(LONG_GOOD[:40].encode() + b"\x00" + LONG_GOOD[40:].encode())
    (src / "many-nul.md").write_bytes(b"Jeff Sessions\x00\x00\x00endorsed")  # still binary
    out = tmp_path / "edges.jsonl"
    result, lines, rejects = _extract([src], out)
    assert result.exit_code == 1, result.output
    by_article = _edges_by_article(lines)
    assert set(by_article) == {"utf16-no-bom", "utf16-be-no-bom", "one-nul"}
    assert all(ENDORSE in edges for edges in by_article.values())
    assert _reasons(rejects) == {("many-nul.md", None): "binary file (NUL bytes), not text"}


# --- folders ------------------------------------------------------------------------------


def test_symlinked_folders_are_followed_loops_and_broken_links_rejected(tmp_path):
    src, elsewhere = tmp_path / "in", tmp_path / "elsewhere"
    (src / "sub").mkdir(parents=True)
    elsewhere.mkdir()
    (elsewhere / "linked.txt").write_text(GOOD, encoding="utf-8")
    (src / "a.txt").write_text(GOOD, encoding="utf-8")
    (src / "via-link").symlink_to(elsewhere, target_is_directory=True)
    (src / "sub" / "loop").symlink_to(src, target_is_directory=True)
    (src / "dangling.txt").symlink_to(tmp_path / "nowhere.txt")
    os.mkfifo(src / "pipe.txt")
    out = tmp_path / "edges.jsonl"
    result, lines, rejects = _extract([src], out)
    assert result.exit_code == 1, result.output
    assert set(_edges_by_article(lines)) == {"a", "linked"}  # the linked folder's article is read
    got = _reasons(rejects)
    assert set(got) == {("loop", None), ("dangling.txt", None), ("pipe.txt", None)}, got
    assert got[("loop", None)].startswith("symbolic link loop")
    assert got[("dangling.txt", None)].startswith("broken symbolic link")
    assert got[("pipe.txt", None)] == "not a regular file (a FIFO)"


def test_unreadable_folders_and_files_are_rejected_not_dropped(tmp_path, monkeypatch):
    src = tmp_path / "in"
    (src / "locked").mkdir(parents=True)
    (src / "locked" / "hidden.txt").write_text(GOOD, encoding="utf-8")
    (src / "a.txt").write_text(GOOD, encoding="utf-8")
    (src / "secret.txt").write_text(GOOD, encoding="utf-8")
    # The tests may run as root, whom chmod does not stop: the OS refusal is simulated.
    real_scandir, real_read = os.scandir, Path.read_bytes

    def scandir(path="."):
        if Path(path).name == "locked":
            raise PermissionError(13, "Permission denied", str(path))
        return real_scandir(path)

    def read_bytes(self):
        if self.name == "secret.txt":
            raise PermissionError(13, "Permission denied", str(self))
        return real_read(self)

    monkeypatch.setattr(os, "scandir", scandir)
    monkeypatch.setattr(Path, "read_bytes", read_bytes)
    out = tmp_path / "edges.jsonl"
    result, lines, rejects = _extract([src], out)
    assert result.exit_code == 1, result.output
    assert set(_edges_by_article(lines)) == {"a"}
    got = _reasons(rejects)
    assert got[("locked", None)].startswith("unreadable folder: Permission denied")
    assert got[("secret.txt", None)] == "unreadable: Permission denied"


def test_build_dot_twice_does_not_read_its_own_outputs(tmp_path, monkeypatch):
    (tmp_path / "story.txt").write_text(GOOD, encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    for _ in range(2):
        result = runner.invoke(app, ["build", ".", "--quiet"])
        assert result.exit_code == 0, result.output
        manifest = [json.loads(l) for l in (tmp_path / "out" / "articles.jsonl").read_text().splitlines()]
        assert [m["id"] for m in manifest] == ["story"]
    # another build folder (other --out) inside the inputs is skipped too, and extract's own files
    assert runner.invoke(app, ["build", ".", "--out", "other", "--quiet"]).exit_code == 0
    for _ in range(2):
        result = runner.invoke(app, ["extract", ".", "--out", "edges.jsonl", "--quiet"])
        assert result.exit_code == 0, result.output
    assert {json.loads(l)["article"]["id"] for l in Path("edges.jsonl").read_text().splitlines()} == {"story"}
    # a build folder named as input on purpose is rejected, with the reason
    result = runner.invoke(app, ["extract", "out", "story.txt", "--out", "again.jsonl", "--quiet"])
    assert result.exit_code == 1, result.output
    [r] = [json.loads(l) for l in Path("again.rejects.jsonl").read_text().splitlines()]
    assert r["source"] == "out" and "a folder written by `graphbuild build`" in r["reason"]


# --- bugs: rejected with the traceback kept ---------------------------------------------


def test_a_bug_while_reading_one_file_rejects_it_and_keeps_the_traceback(tmp_path, monkeypatch):
    import graphbuild.articles as articles

    def broken(html):
        raise TypeError("simulated bug")

    monkeypatch.setattr(articles, "html_to_text", broken)
    src = tmp_path / "in"
    src.mkdir()
    (src / "a.txt").write_text(GOOD, encoding="utf-8")
    (src / "feed.rss").write_text(
        '<?xml version="1.0"?><rss version="2.0"><channel><title>W</title><item><guid>w1</guid>'
        "<description>Jeff Sessions endorsed Donald Trump.</description></item></channel></rss>",
        encoding="utf-8",
    )
    out = tmp_path / "edges.jsonl"
    result, lines, rejects = _extract([src], out)
    assert result.exit_code == 1
    assert set(_edges_by_article(lines)) == {"a"}
    [r] = rejects
    assert r["reason"].startswith("a bug in graphbuild while reading this file (TypeError: simulated bug)")
    assert "Traceback" in r["traceback"] and "simulated bug" in r["traceback"]


def test_a_bug_in_extraction_says_so_and_keeps_the_traceback(tmp_path, monkeypatch):
    import graphbuild.extract as extract

    real = extract.extract_edges

    def fragile(articles, nlp=None, **kw):
        articles = list(articles)
        if any(a.id == "poison" for a in articles):
            raise KeyError("simulated bug")
        return real(articles, nlp, **kw)

    monkeypatch.setattr(extract, "extract_edges", fragile)
    feed = tmp_path / "in.jsonl"
    feed.write_text("".join(json.dumps({"id": i, "text": GOOD}) + "\n" for i in ("a", "poison", "b")), encoding="utf-8")
    result, lines, rejects = _extract([feed], tmp_path / "e.jsonl")
    assert result.exit_code == 1
    assert set(_edges_by_article(lines)) == {"a", "b"}
    [r] = rejects
    assert (r["id"], r["line"]) == ("poison", 2) and "a bug in graphbuild" in r["reason"]
    assert "KeyError: 'simulated bug'" in r["traceback"]


def test_an_internal_error_exits_4_with_the_traceback_in_a_log(tmp_path, monkeypatch):
    import graphbuild.run as run

    def broken(*a, **kw):
        raise ZeroDivisionError("simulated bug")

    monkeypatch.setattr(run, "build_graph", broken)
    (tmp_path / "a.txt").write_text(GOOD, encoding="utf-8")
    env = {"XDG_STATE_HOME": str(tmp_path / "state")}
    result = runner.invoke(app, ["build", str(tmp_path / "a.txt"), "--out", str(tmp_path / "out"), "-q"], env=env)
    assert result.exit_code == 4, result.output
    assert "internal error: ZeroDivisionError: simulated bug" in result.output
    assert "Traceback" not in result.output
    [log] = (tmp_path / "state" / "graphbuild").glob("crash-*.log")
    assert str(log) in result.output.replace("\n", "")
    assert "ZeroDivisionError: simulated bug" in log.read_text() and "Traceback" in log.read_text()
    debug = runner.invoke(
        app, ["--debug", "build", str(tmp_path / "a.txt"), "--out", str(tmp_path / "out"), "-q"], env=env
    )
    assert debug.exit_code == 4 and "Traceback" in debug.output
    assert not list((tmp_path / "out").glob(".*.tmp-*"))  # nothing half-written left behind


# --- options: one validation, the environment variable's message ------------------------


@pytest.mark.parametrize(
    "command,option,env,value",
    [
        ("extract", "--batch-size", "GRAPHBUILD_BATCH_SIZE", "0"),
        ("extract", "--batch-size", "GRAPHBUILD_BATCH_SIZE", "-5"),
        ("build", "--min-confidence", "GRAPHBUILD_MIN_CONFIDENCE", "7"),
        ("extract", "--min-confidence", "GRAPHBUILD_MIN_CONFIDENCE", "-0.5"),
        ("build", "--workers", "GRAPHBUILD_WORKERS", "0"),
        ("load", "--batch-size", "GRAPHBUILD_NEO4J_BATCH_SIZE", "0"),
        ("render", "--max-nodes", "GRAPHBUILD_MAP_MAX_NODES", "-1"),
    ],
)
def test_bad_option_values_are_refused_like_environment_variables(tmp_path, command, option, env, value):
    (tmp_path / "a.txt").write_text(GOOD, encoding="utf-8")
    target = {
        "extract": [str(tmp_path / "a.txt"), "--out", str(tmp_path / "e.jsonl")],
        "build": [str(tmp_path / "a.txt"), "--out", str(tmp_path / "out")],
        "load": [str(tmp_path)],
        "render": [str(tmp_path)],
    }[command]
    by_option = runner.invoke(app, [command, *target, f"{option}={value}"])
    assert by_option.exit_code == 2, by_option.output
    assert "Traceback" not in by_option.output and not (tmp_path / "e.jsonl").exists()
    expected = by_option.output.split("is invalid: expected ", 1)[1].strip()
    assert f"{option}=" in by_option.output
    if command in ("extract", "build"):  # the settings these commands read from the environment
        by_env = runner.invoke(app, [command, *target], env={env: value})
        assert by_env.exit_code == 2, by_env.output
        assert f"{env}='{value}' is invalid: expected {expected}" in by_env.output.replace("\n", " ")


def test_good_option_values_still_work(tmp_path):
    (tmp_path / "a.txt").write_text(GOOD, encoding="utf-8")
    result, lines, _ = _extract(
        [tmp_path / "a.txt"], tmp_path / "e.jsonl", "--batch-size", "1", "--min-confidence", "0.1"
    )
    assert result.exit_code == 0, result.output
    assert ENDORSE in _edges_by_article(lines)["a"]


# --- long articles are batched by characters -----------------------------------------------


def test_long_article_parts_are_batched_by_characters(tmp_path, monkeypatch):
    import graphbuild.extract as extract

    seen: list[int] = []
    real = extract.char_batches

    def spy(items, batch_size, max_chars):
        for batch in real(items, batch_size, max_chars):
            seen.append(sum(len(getattr(t, "text", t)) for t, _ in batch) if len(batch) > 1 else 0)
            yield batch

    monkeypatch.setattr(extract, "char_batches", spy)
    paragraphs = [f"Senator Number{i} spoke on Tuesday. " + GOOD for i in range(40)]
    (tmp_path / "long.txt").write_text("\n\n".join(paragraphs), encoding="utf-8")
    result, lines, _ = _extract([tmp_path / "long.txt"], tmp_path / "e.jsonl", env={"GRAPHBUILD_MAX_CHARS": "500"})
    assert result.exit_code == 0, result.output
    assert len(seen) >= 10 and max(seen) <= 500  # many batches, none over the budget
    endorsements = [l for l in lines if l["relation"] == "ENDORSED"]
    assert len(endorsements) == 40  # one per paragraph: no part was lost


def test_what_reading_accepts_every_output_can_write(tmp_path):
    """Control characters, U+FFFF and lone surrogates in ids, titles and text: the XML
    graph files (GraphML, GEXF), the JSON files and the map are all written."""
    import networkx as nx

    src = tmp_path / "in"
    src.mkdir()
    (src / "odd.jsonl").write_bytes(
        b'{"id": "c\\u0001trl\\udc80", "title": "T\\u000bitle \\ud800", "source": "Wire\\u0002",'
        b' "text": "Jeff Sessions endorsed Donald Trump.\\u0001\\uffff"}\n'
    )
    (src / os.fsdecode(b"ctl\x01-\xfe.txt")).write_bytes(b"Jeff Sessions\x0b endorsed Donald Trump. " * 3)
    out = tmp_path / "out"
    result = runner.invoke(app, ["build", str(src), "--out", str(out), "--quiet"])
    assert result.exit_code == 0, result.output
    lines = [json.loads(l) for l in (out / "edges.jsonl").read_text(encoding="utf-8").splitlines()]
    ids = {l["article"]["id"] for l in lines}
    assert ids == {"c\\x01trl\\udc80", "ctl\\x01-\\xfe"}
    assert all((l["source"]["id"], l["relation"], l["target"]["id"]) == ENDORSE for l in lines)
    g = nx.read_graphml(out / "graph.graphml")
    assert {"jeff-sessions", "donald-trump"} <= set(g.nodes)
    nx.read_gexf(out / "graph.gexf")


def test_a_path_the_system_refuses_is_a_usage_error(tmp_path):
    result = runner.invoke(app, ["extract", str(tmp_path / ("a" * 5000 + ".txt")), "--out", str(tmp_path / "e.jsonl")])
    assert result.exit_code == 2, result.output
    assert "cannot be read: File name too long" in result.output.replace("\n", "")

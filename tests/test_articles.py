"""Readers: every input kind, streamed, with bad items named and skipped."""

from __future__ import annotations

import gzip
import json

import pytest

from graphbuild.articles import read_articles
from graphbuild.errors import InputPathError
from graphbuild.records import Article, Rejection


def test_text_markdown_and_folders_recursively(tmp_path):
    (tmp_path / "sub").mkdir()
    (tmp_path / "a.txt").write_text("One.", encoding="utf-8")
    (tmp_path / "sub" / "b.md").write_text("\ufeffTwo.", encoding="utf-8")
    (tmp_path / "skip.csv").write_text("x", encoding="utf-8")
    got = list(read_articles([tmp_path]))
    assert [(a.id, a.text) for a in got] == [("a", "One."), ("b", "Two.")]  # BOM dropped


def test_jsonl_gz_fields_and_line_numbers(tmp_path):
    path = tmp_path / "news.jsonl.gz"
    with gzip.open(path, "wt", encoding="utf-8") as fh:
        fh.write(
            json.dumps({"id": "x1", "title": "T", "date": "2019-11-08", "url": None, "source": "TPM", "text": "Body."})
            + "\n"
        )
        fh.write("\n")
        fh.write(json.dumps({"id": "x2", "text": ""}) + "\n")
        fh.write(json.dumps({"text": "no id"}) + "\n")
    got = list(read_articles([path]))
    assert got[0] == Article(id="x1", text="Body.", title="T", published="2019-11-08", source="TPM", origin=f"{path}:1")
    assert [(r.line, r.reason) for r in got[1:]] == [(3, "empty text"), (4, "record has no id")]
    assert all(isinstance(r, Rejection) for r in got[1:])


def test_binary_file_is_rejected(tmp_path):
    (tmp_path / "blob.txt").write_bytes(b"\x00\x01\x02")
    [r] = read_articles([tmp_path / "blob.txt"])
    assert isinstance(r, Rejection) and "binary" in r.reason


def test_unknown_kind_and_missing_path_fail_before_any_work(tmp_path):
    (tmp_path / "x.pdf").write_bytes(b"%PDF")
    with pytest.raises(InputPathError, match="unknown input kind"):
        list(read_articles([tmp_path / "x.pdf"]))
    with pytest.raises(InputPathError, match="no such file"):
        list(read_articles([tmp_path / "missing"]))

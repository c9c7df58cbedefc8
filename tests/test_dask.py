"""Dask distributed: two worker processes give the single-process run's edges."""

from __future__ import annotations

import gzip
import itertools
import json

import pytest
from conftest import CORPUS

from graphbuild.run import extract_to_file
from graphbuild.settings import resolve

distributed = pytest.importorskip("distributed")
db = pytest.importorskip("dask.bag")


@pytest.fixture(scope="module")
def cluster():
    with distributed.LocalCluster(
        n_workers=2, processes=True, threads_per_worker=1, dashboard_address=None, host="127.0.0.1"
    ) as c:
        yield c


@pytest.fixture(scope="module")
def records(dev_corpus):
    recs = [{"id": p.stem, "text": p.read_text(encoding="utf-8")} for p in sorted(dev_corpus.glob("*.txt"))]
    with gzip.open(CORPUS / "news" / "allsides-politics-3000.jsonl.gz", "rt", encoding="utf-8") as fh:
        recs += [json.loads(line) for line in itertools.islice(fh, 15)]
    return recs


@pytest.fixture(scope="module")
def single(records, tmp_path_factory):
    folder = tmp_path_factory.mktemp("single")
    (folder / "in.jsonl").write_text("".join(json.dumps(r) + "\n" for r in records), encoding="utf-8")
    extract_to_file([folder / "in.jsonl"], folder / "edges.jsonl", cache=False, progress=False)
    return folder


def test_extract_bag_on_two_worker_processes(cluster, records, single):
    from graphbuild.distributed import extract_bag

    with distributed.Client(cluster) as client:
        bag = db.from_sequence(records, npartitions=4)
        edges = extract_bag(bag).compute(scheduler=client)
        # Each worker process loaded the model once, and both did work.
        loaded = client.run(lambda: sorted(__import__("graphbuild.parallel").parallel._PIPELINES))
    want = [json.loads(l) for l in (single / "edges.jsonl").read_text(encoding="utf-8").splitlines()]
    assert len(want) > 20 and edges == want
    assert list(loaded.values()) == [[resolve("model")]] * 2


def test_cli_scheduler_option(cluster, single, tmp_path):
    from typer.testing import CliRunner

    from graphbuild.cli import app

    out = tmp_path / "edges.jsonl"
    result = CliRunner().invoke(
        app,
        [
            "extract",
            str(single / "in.jsonl"),
            "--out",
            str(out),
            "--quiet",
            "--no-cache",
            "--scheduler",
            cluster.scheduler_address,
        ],
    )
    assert result.exit_code == 0, result.output
    assert out.read_bytes() == (single / "edges.jsonl").read_bytes()


def test_extract_bag_gives_one_id_per_person_across_partitions(cluster):
    from graphbuild.distributed import extract_bag

    recs = [
        {"id": "a", "text": "Donald Trump fired James Comey in May."},
        {"id": "b", "text": "Later, Trump criticized James B. Comey again.", "date": "2018-03-01"},
    ]
    with distributed.Client(cluster) as client:
        edges = extract_bag(db.from_sequence(recs, npartitions=2)).compute(scheduler=client)
        apart = extract_bag(db.from_sequence(recs, npartitions=2), merge_people=False).compute(scheduler=client)
    assert {(e["article"]["id"], e["source"]["id"], e["target"]["id"]) for e in edges} == {
        ("a", "donald-trump", "james-comey"),
        ("b", "donald-trump", "james-comey"),
    }
    # Linked to the knowledge base, each article already names Comey by the KB's name.
    assert {e["target"]["name"] for e in edges} == {e["target"]["name"] for e in apart} == {"James Comey"}

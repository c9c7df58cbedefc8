"""Extraction on a Dask distributed cluster.

Two ways in:

- ``graphbuild extract|build PATH... --scheduler tcp://host:8786`` reads the
  inputs here, sends chunks of articles to the cluster and writes the results
  in input order, exactly as a run on one machine would;
- ``extract_bag(bag)`` for corpora that already live in Dask: a bag of
  article records ``{id, text, title?, date?, url?, source?}`` in, a bag of
  edge lines (``spec/edges.md`` dicts) out, partition by partition.

Either way each worker process loads the model once (``graphbuild.parallel.pipeline``
caches it per process) and reuses it for every partition or chunk. Workers
need graphbuild and its model installed. Use worker processes with one thread
each (``--nthreads 1``): spaCy's pipeline is shared by a process's threads, which
take turns on it.

>>> import dask.bag as db
>>> bag = db.from_sequence([{"id": "a1", "text": "Jeff Sessions endorsed Donald Trump."}])
>>> [(e["source"]["name"], e["relation"]) for e in extract_bag(bag).compute(scheduler="sync")]
[('Jeff Sessions', 'ENDORSED')]
"""

from __future__ import annotations

from typing import Any, Iterable

from .articles import article_from_record, check_language, language_codes
from .parallel import ExtractOptions, extract_chunk
from .records import Article
from .settings import resolve


def extract_bag(bag, *, model: str | None = None, batch_size: int | None = None,
                min_confidence: float | None = None, max_chars: int | None = None,
                languages: str | None = None):
    """A ``dask.bag.Bag`` of edge dicts from a bag of article dicts, in the bag's order.

    Records that are not articles (no id, empty text) or not in ``languages``
    are skipped; ``graphbuild extract`` lists such records in its rejects file.
    Duplicate ids are not removed across partitions.
    """
    opts = ExtractOptions.resolve(model, batch_size, min_confidence, max_chars)
    return bag.map_partitions(_extract_partition, opts, resolve("languages", languages))


def _extract_partition(records: Iterable[dict[str, Any]], opts: ExtractOptions,
                       languages: str) -> list[dict[str, Any]]:
    keep = language_codes(languages)
    articles: list[Article] = []
    for record in records:
        item = article_from_record(record, "bag")
        if isinstance(item, Article) and keep:
            item = check_language(item, keep)
        if isinstance(item, Article):
            articles.append(item)
    out: list[dict[str, Any]] = []
    for result in extract_chunk(articles, opts):
        if not isinstance(result, str):  # an article whose extraction failed is left out
            out.extend(edge.to_json() for edge in result)
    return out

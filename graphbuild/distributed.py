"""Extraction on a Dask distributed cluster.

Two ways in:

- ``graphbuild extract|build PATH... --scheduler tcp://host:8786`` reads the
  inputs here, sends chunks of articles to the cluster and writes the results
  in input order, exactly as a run on one machine would;
- ``extract_bag(bag)`` for corpora that already live in Dask: a bag of
  article records ``{id, text, title?, date?, url?, source?}`` in, a bag of
  edge lines (``docs/edges.md`` dicts) out, partition by partition, with one
  id per person across the bag as ``graphbuild extract`` gives them.

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
from .name_popups import drop_popups
from .parallel import ExtractOptions, extract_chunk
from .records import Article, PersonRef
from .settings import resolve


def extract_bag(
    bag,
    *,
    model: str | None = None,
    batch_size: int | None = None,
    min_confidence: float | None = None,
    max_chars: int | None = None,
    languages: str | None = None,
    merge_people: bool = True,
):
    """A ``dask.bag.Bag`` of edge dicts from a bag of article dicts, in the bag's order.

    Records that are not articles (no id, empty text) or not in ``languages``
    are skipped; ``graphbuild extract`` lists such records in its rejects file.
    Duplicate ids are not removed across partitions. ``merge_people`` gives
    each person one id across the bag (``graphbuild.identity``): a reduction
    that carries only names, then a map; without it ids are per article.
    """
    opts = ExtractOptions.resolve(model, batch_size, min_confidence, max_chars)
    edges = bag.map_partitions(_extract_partition, opts, resolve("languages", languages))
    if not merge_people:
        return edges
    names = edges.reduction(_names, _merge_names, split_every=False)
    return edges.map_partitions(_apply_mapping, names)


def _extract_partition(records: Iterable[dict[str, Any]], opts: ExtractOptions, languages: str) -> list[dict[str, Any]]:
    keep = language_codes(languages)
    articles: list[Article] = []
    for record in records:
        item = drop_popups(article_from_record(record, "bag"))
        if isinstance(item, Article) and keep:
            item = check_language(item, keep)
        if isinstance(item, Article):
            articles.append(item)
    out: list[dict[str, Any]] = []
    for result in extract_chunk(articles, opts):
        if not isinstance(result, str):  # an article whose extraction failed is left out
            out.extend(edge.to_json() for edge in result)
    return out


def _names(edges: Iterable[dict[str, Any]]) -> dict[str, PersonRef]:
    from .identity import add_ref

    refs: dict[str, PersonRef] = {}
    for e in edges:
        for end in (e["source"], e["target"]):
            add_ref(refs, PersonRef(end["id"], end["name"], end.get("kb")))
    return refs


def _merge_names(parts: Iterable[dict[str, PersonRef]]) -> dict[str, PersonRef]:
    from .identity import add_ref

    refs: dict[str, PersonRef] = {}
    for part in parts:  # the fullest name wins whatever the order (naming.name_rank)
        for ref in part.values():
            add_ref(refs, ref)
    return refs


def _apply_mapping(edges: list[dict[str, Any]], refs: dict[str, PersonRef]) -> list[dict[str, Any]]:
    from .identity import apply_mapping, mapping_of
    from .records import Edge

    mapping = mapping_of(refs)
    return [apply_mapping(Edge.from_json(e), mapping).to_json() for e in edges]

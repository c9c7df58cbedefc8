"""Run the analyst queries of ``queries/*.cypher`` and format their answers.

Each file opens with a comment that says what it answers and declares its
parameters, one per line, with an optional JSON default::

    // Question: What are a person's relationships, with the evidence for each?
    // Parameters:
    //   person: a name, alias or surname, any case (e.g. "Sessions")
    //   limit = 200: at most this many rows

>>> q = parse_query("x", '// Question: Q?\\n// Parameters:\\n//   person: who\\n//   limit = 5: rows\\nRETURN 1')
>>> [(p.name, p.default, p.required) for p in q.params]
[('person', None, True), ('limit', 5, False)]
>>> q.bind({"person": "Sessions", "limit": "3"})
{'person': 'Sessions', 'limit': 3}
>>> print(format_rows(["a", "b"], [{"a": 1, "b": ["x", "y"]}], "csv").strip())
a,b
1,"[""x"", ""y""]"
"""

from __future__ import annotations

import csv
import io
import json
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Iterable

from ..errors import QueryNotFoundError, QueryParameterError

QUERIES_DIR = Path(__file__).resolve().parents[2] / "queries"
FORMATS = ("table", "json", "csv")

_PARAM = re.compile(r"^//\s+(?P<name>[A-Za-z_]\w*)\s*(?:=\s*(?P<default>.+?))?\s*:\s*(?P<help>.*)$")


@dataclass(frozen=True)
class Param:
    name: str
    default: Any
    help: str
    required: bool


@dataclass(frozen=True)
class Query:
    name: str
    text: str
    question: str
    params: tuple[Param, ...]

    def bind(self, given: dict[str, str]) -> dict[str, Any]:
        """Parameter values for the driver: given ones (cast like their default), then defaults."""
        known = {p.name for p in self.params}
        unknown = sorted(set(given) - known)
        if unknown:
            raise QueryParameterError(
                f"query {self.name!r} takes no parameter {', '.join(unknown)}; "
                f"it takes: {', '.join(sorted(known)) or '(none)'}")
        out: dict[str, Any] = {}
        for p in self.params:
            if p.name in given:
                out[p.name] = _cast(p, given[p.name], self.name)
            elif p.required:
                raise QueryParameterError(
                    f"query {self.name!r} needs -p {p.name}=VALUE ({p.help})")
            else:
                out[p.name] = p.default
        return out


def _cast(p: Param, value: Any, query: str) -> Any:
    if not isinstance(value, str) or p.default is None or isinstance(p.default, str):
        return value
    try:
        if isinstance(p.default, bool):
            return value.lower() in ("1", "true", "yes")
        if isinstance(p.default, int):
            return int(value)
        if isinstance(p.default, float):
            return float(value)
    except ValueError:
        kind = {int: "an integer", float: "a number"}.get(type(p.default), "a value")
        raise QueryParameterError(f"query {query!r}: -p {p.name}={value!r} is not {kind} "
                                  f"({p.help})") from None
    return value


def parse_query(name: str, text: str) -> Query:
    """Read the header comment of a query file: its question and parameters."""
    question, params, in_params = [], [], False
    for line in text.splitlines():
        if not line.startswith("//"):
            break
        body = line[2:].strip()
        if body.lower().startswith("parameters"):
            in_params = True
            continue
        m = _PARAM.match(line) if in_params else None
        if m:
            default = m.group("default")
            params.append(Param(m.group("name"), json.loads(default) if default else None,
                                m.group("help").strip(), default is None))
        elif not in_params:
            question.append(body.removeprefix("Question:").strip())
    return Query(name, text, " ".join(question), tuple(params))


def list_queries(queries_dir: Path | None = None) -> list[str]:
    """The names of the query files (without .cypher), sorted."""
    d = Path(queries_dir or QUERIES_DIR)
    return sorted(p.stem for p in d.glob("*.cypher"))


def load_query(name: str, queries_dir: Path | None = None) -> Query:
    """The query named ``name`` (a file stem in queries/, or a path to a .cypher file)."""
    d = Path(queries_dir or QUERIES_DIR)
    path = Path(name) if name.endswith(".cypher") else d / f"{name}.cypher"
    if not path.is_file():
        raise QueryNotFoundError(name, list_queries(d))
    return parse_query(path.stem, path.read_text(encoding="utf-8"))


def run_query(name: str, params: dict[str, str] | None = None, *, driver: Any = None,
              database: str | None = None, uri: str | None = None, user: str | None = None,
              password: str | None = None,
              queries_dir: Path | None = None) -> tuple[list[str], list[dict[str, Any]]]:
    """Run a query by name; return its column names and rows (plain Python values).

    Uses ``driver`` if given, else connects with the options or the settings.
    """
    from neo4j.exceptions import Neo4jError

    from ..errors import BackendError
    from ..settings import resolve
    from . import cypher
    from .load import connect

    query = load_query(name, queries_dir)
    bound = query.bind(dict(params or {}))
    bound = cypher.person_parameters(query.text, bound)  # people hook: names found as graphbuild.naming finds them

    def run(drv: Any, db: str) -> tuple[list[str], list[dict[str, Any]]]:
        try:
            records, _, keys = drv.execute_query(query.text, bound, database_=db,
                                                 routing_="r")
        except Neo4jError as exc:
            raise BackendError(f"query {name!r} failed: {exc.code}: {exc.message}") from None
        return list(keys), [_plain(r.data()) for r in records]

    if driver is not None:
        return run(driver, resolve("neo4j_database", database))
    with connect(uri, user, password, database) as (drv, db):
        return run(drv, db)


def _plain(value: Any) -> Any:
    """Driver values as JSON-able Python (dates become ISO strings)."""
    if isinstance(value, dict):
        return {k: _plain(v) for k, v in value.items()}
    if isinstance(value, (list, tuple)):
        return [_plain(v) for v in value]
    if hasattr(value, "iso_format"):
        return value.iso_format()
    return value


def format_rows(columns: list[str], rows: Iterable[dict[str, Any]], fmt: str = "table") -> str:
    """Rows as an aligned text table, a JSON array, or CSV."""
    rows = list(rows)
    if fmt == "json":
        return json.dumps(rows, ensure_ascii=False, indent=1) + "\n"

    def cell(v: Any) -> str:
        if v is None:
            return ""
        if isinstance(v, (list, dict)):
            return json.dumps(v, ensure_ascii=False)
        return str(v)

    if fmt == "csv":
        buf = io.StringIO()
        w = csv.writer(buf, lineterminator="\n")
        w.writerow(columns)
        w.writerows([cell(r.get(c)) for c in columns] for r in rows)
        return buf.getvalue()
    if fmt != "table":
        raise QueryParameterError(f"unknown format {fmt!r}; use one of {', '.join(FORMATS)}")
    cells = [[cell(r.get(c)).replace("\n", " ") for c in columns] for r in rows]
    widths = [min(60, max([len(c)] + [len(row[i]) for row in cells])) for i, c in enumerate(columns)]

    def line(values: list[str]) -> str:
        return "  ".join((v if len(v) <= w else v[:w - 1] + "…").ljust(w)
                         for v, w in zip(values, widths)).rstrip()

    out = [line(columns), line(["-" * w for w in widths])]
    out += [line(row) for row in cells]
    out.append(f"({len(rows)} row{'s' if len(rows) != 1 else ''})")
    return "\n".join(out) + "\n"


def parse_params(pairs: Iterable[str]) -> dict[str, str]:
    """``["a=Trump", "b=Jeff Sessions"]`` -> ``{"a": "Trump", "b": "Jeff Sessions"}``.

    >>> parse_params(["a=Trump", "b=x=y"])
    {'a': 'Trump', 'b': 'x=y'}
    """
    out = {}
    for pair in pairs:
        key, sep, value = pair.partition("=")
        if not sep or not key.strip():
            raise QueryParameterError(f"parameter {pair!r} is not key=value (e.g. -p person=Sessions)")
        out[key.strip()] = value
    return out


def describe_queries(queries_dir: Path | None = None) -> str:
    """One paragraph per query: its name, question and parameters."""
    parts = []
    for name in list_queries(queries_dir):
        q = load_query(name, queries_dir)
        params = ", ".join(p.name if p.required else f"{p.name}={json.dumps(p.default)}"
                           for p in q.params) or "no parameters"
        parts.append(f"{name} ({params})\n  {q.question}")
    return "\n".join(parts) + "\n"


def run_cli_query(name: str | None, pairs: Iterable[str], fmt: str = "table", **connection: Any) -> str:
    """What ``graphbuild query`` prints: the formatted answer, or the list of queries."""
    if fmt not in FORMATS:
        raise QueryParameterError(f"unknown format {fmt!r}; use one of {', '.join(FORMATS)}")
    if not name:
        return describe_queries()
    columns, rows = run_query(name, parse_params(pairs), **connection)
    return format_rows(columns, rows, fmt)

"""Run the analyst queries of ``queries/*.cypher`` and format their answers.

Each file opens with a comment that says what it answers and declares its
parameters, one per line: a name, an optional kind in parentheses, an
optional JSON default, and what it means::

    // Question: What are a person's relationships, with the evidence for each?
    // Parameters:
    //   person (person): a name, alias or surname, any case (e.g. "Sessions")
    //   limit = 200: at most this many rows

Kinds: ``person`` (a name that ``find_person`` turns into the person's id
before the query runs; an unknown name is an error with suggestions) and
``date`` (an ISO date). Without a kind, a value is cast like its default: an
integer default takes a positive integer, ``true``/``false`` a boolean.

The query files live in ``queries/`` at the top of the repository, where users
read them, and are shipped in the package as ``graphbuild/neo4j/queries/``
(a test keeps the two identical).

>>> q = parse_query("x", '// Question: Q?\\n// Parameters:\\n//   person (person): who\\n//   limit = 5: rows\\nRETURN 1')
>>> [(p.name, p.kind, p.default, p.required) for p in q.params]
[('person', 'person', None, True), ('limit', None, 5, False)]
>>> q.bind({"person": "Sessions", "limit": "3"})
{'person': 'Sessions', 'limit': 3}
>>> q.bind({"person": "Sessions", "limit": "99999999999999999999999"})
Traceback (most recent call last):
...
graphbuild.errors.QueryParameterError: query 'x': -p limit='99999999999999999999999' is not a whole number from 1 to 9223372036854775807 (rows)
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

QUERIES_DIR = Path(__file__).resolve().parent / "queries"
FORMATS = ("table", "json", "csv")
KINDS = ("person", "date")
MAX_INT = 2**63 - 1  # Neo4j integers are 64-bit

_PARAM = re.compile(
    r"^//\s+(?P<name>[A-Za-z_]\w*)\s*(?:\((?P<kind>\w+)\)\s*)?"
    r"(?:=\s*(?P<default>.+?))?\s*:\s*(?P<help>.*)$"
)


@dataclass(frozen=True)
class Param:
    name: str
    default: Any
    help: str
    required: bool
    kind: str | None = None


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
                f"it takes: {', '.join(sorted(known)) or '(none)'}"
            )
        out: dict[str, Any] = {}
        for p in self.params:
            if p.name in given:
                out[p.name] = _cast(p, given[p.name], self.name)
            elif p.required:
                raise QueryParameterError(f"query {self.name!r} needs -p {p.name}=VALUE ({p.help})")
            else:
                out[p.name] = p.default
        return out


def _cast(p: Param, value: Any, query: str) -> Any:
    """``value`` as the query needs it; a value it cannot be is a ``QueryParameterError``."""
    if not isinstance(value, str):
        return value

    def bad(expected: str) -> QueryParameterError:
        return QueryParameterError(f"query {query!r}: -p {p.name}={value!r} is not {expected} ({p.help})")

    if p.kind == "date":
        from ..render.select import DateFormatError, check_date

        try:
            return check_date(f"-p {p.name}", value)
        except DateFormatError:
            raise bad("a date written YYYY-MM-DD (e.g. 2019-11-08)") from None
    if isinstance(p.default, bool):
        if value.strip().lower() not in ("true", "false", "yes", "no", "1", "0"):
            raise bad("true or false")
        return value.strip().lower() in ("true", "yes", "1")
    if isinstance(p.default, int):
        if not re.fullmatch(r"\s*\+?\d+\s*", value) or not 1 <= int(value) <= MAX_INT:
            raise bad(f"a whole number from 1 to {MAX_INT}")
        return int(value)
    if isinstance(p.default, float):
        try:
            return float(value)
        except ValueError:
            raise bad("a number") from None
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
            default, kind = m.group("default"), m.group("kind")
            if kind is not None and kind not in KINDS:
                raise QueryParameterError(
                    f"query {name!r}: parameter {m.group('name')} has kind {kind!r}; use one of {', '.join(KINDS)}"
                )
            params.append(
                Param(
                    m.group("name"),
                    json.loads(default) if default else None,
                    m.group("help").strip(),
                    default is None,
                    kind,
                )
            )
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


def run_query(
    name: str,
    params: dict[str, str] | None = None,
    *,
    driver: Any = None,
    database: str | None = None,
    uri: str | None = None,
    user: str | None = None,
    password: str | None = None,
    queries_dir: Path | None = None,
) -> tuple[list[str], list[dict[str, Any]]]:
    """Run a query by name; return its column names and rows (plain Python values).

    Uses ``driver`` if given, else connects with the options or the settings.
    """
    from neo4j.exceptions import Neo4jError

    from ..errors import BackendError
    from ..settings import resolve
    from .load import connect

    query = load_query(name, queries_dir)
    bound = query.bind(dict(params or {}))

    def run(drv: Any, db: str) -> tuple[list[str], list[dict[str, Any]]]:
        values = dict(bound)
        for p in query.params:
            if p.kind == "person" and (values[p.name] != "" or p.required):  # "" means everyone, where allowed
                values[p.name] = find_person(drv, db, values[p.name], param=p.name)["id"]
        try:
            records, _, keys = drv.execute_query(query.text, values, database_=db, routing_="r")
        except Neo4jError as exc:
            raise BackendError(f"query {name!r} failed: {exc.code}: {exc.message}") from None
        return list(keys), [_plain(r.data()) for r in records]

    if driver is not None:
        return run(driver, resolve("neo4j_database", database))
    with connect(uri, user, password, database) as (drv, db):
        return run(drv, db)


def find_person(driver: Any, database: str, name: str, *, param: str = "person") -> dict[str, str]:
    """The person a query parameter names: ``{"id", "name"}``, by id, name, alias or surname.

    The one place ``graphbuild query`` looks people up (``cypher.FIND_PERSON``);
    a name that finds nobody is a ``QueryParameterError`` with suggestions.
    """
    from ..naming import lookup_key, loose_key  # people: the one rule (graphbuild.naming.match_tier)
    from . import cypher

    records, _, _ = driver.execute_query(
        cypher.FIND_PERSON,
        {"id": name.strip(), "key": lookup_key(name), "loose": loose_key(name)},
        database_=database,
        routing_="r",
    )
    if records:
        return {"id": records[0]["id"], "name": records[0]["name"]}
    raise QueryParameterError(
        f"-p {param}={name!r}: no person in the graph by that id, name, alias or "
        f"surname; {_suggest(driver, database, name)}"
    )


def _suggest(driver: Any, database: str, name: str) -> str:
    """'did you mean: ...' from names that share a word start with ``name``, else the best-known people."""
    import difflib

    words = [w[:3] for w in re.findall(r"\w+", name.lower()) if len(w) >= 2]
    from . import cypher

    records, _, _ = driver.execute_query(
        cypher.SUGGEST_PEOPLE, {"starts": words, "limit": 200}, database_=database, routing_="r"
    )
    names = [r["name"] for r in records]
    close = difflib.get_close_matches(name, names, n=5, cutoff=0.3) or names[:5]
    if close:
        return "did you mean: " + ", ".join(close) + "?"
    records, _, _ = driver.execute_query(
        cypher.SUGGEST_PEOPLE, {"starts": [], "limit": 5}, database_=database, routing_="r"
    )
    known = [r["name"] for r in records]
    if not known:
        return "the graph has no people yet: load one with `graphbuild load`"
    return "people with the most evidence: " + ", ".join(known)


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
        return "  ".join((v if len(v) <= w else v[: w - 1] + "…").ljust(w) for v, w in zip(values, widths)).rstrip()

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
        params = (
            ", ".join(
                f"{p.name}={(p.kind or 'value').upper()}" if p.required else f"{p.name}={json.dumps(p.default)}"
                for p in q.params
            )
            or "no parameters"
        )
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

"""The knowledge base in memory: find people by id, name, surname or office on a date.

Loading reads two gzipped JSON files shipped in this package and indexes ids
only; entries become :class:`KBEntry` records on first use and the name and
office indices are built on the first lookup that needs them, so a process that
never looks anything up pays little.
"""

from __future__ import annotations

import gzip
import json
import threading
from datetime import date
from pathlib import Path
from typing import Any, Iterable

from ..errors import KnowledgeBaseError
from .entries import KBEntry, entry_from_row
from .names import first_name_forms, full_key, index_keys, loose_key, name_tokens, surname_keys
from .tables import ROLE_FAMILIES, ROLE_MODIFIERS

DATA_DIR = Path(__file__).resolve().parent
PEOPLE_PATH = DATA_DIR / "people.jsonl.gz"
WORDS_PATH = DATA_DIR / "words.json.gz"
SCHEMA = 1


_REBUILD = "rebuild it with `python -m graphbuild.kb.build SOURCES_DIR`"


def _read_gz(path: Path) -> bytes:
    try:
        with gzip.open(path, "rb") as fh:
            return fh.read()
    except FileNotFoundError as exc:
        raise KnowledgeBaseError(str(path), "the shipped knowledge base is missing; "
                                 + _REBUILD) from exc
    except (OSError, EOFError) as exc:
        raise KnowledgeBaseError(str(path), f"not a gzip file ({exc}); {_REBUILD}") from exc


def _json(data: bytes | str, where: str) -> Any:
    try:
        return json.loads(data)
    except ValueError as exc:
        raise KnowledgeBaseError(where, f"not JSON ({exc}); {_REBUILD}") from exc


def _check_schema(doc: Any, where: str) -> None:
    if not isinstance(doc, dict) or doc.get("schema") != SCHEMA:
        found = doc.get("schema") if isinstance(doc, dict) else type(doc).__name__
        raise KnowledgeBaseError(where, f"schema {found!r}, expected {SCHEMA}; {_REBUILD}")


class _Shipped:
    """people.jsonl.gz split into lines; each line is parsed on first use (see build.write)."""

    def __init__(self, path: Path):
        self.path = path
        lines = _read_gz(path).split(b"\n")
        if lines and not lines[-1]:
            lines.pop()
        header = _json(lines[0], f"{path}:1") if lines else None
        _check_schema(header, f"{path}:1")
        names = header.get("lines", [])
        self.index_names = tuple(names[2:-1])
        if (self.index_names != _INDEXES
                or header.get("count") != len(lines) - len(names) + 1):
            raise KnowledgeBaseError(f"{path}:1", f"header {header!r} does not match the "
                                     f"file ({len(lines)} lines); {_REBUILD}")
        self.count = header["count"]
        self._ids_line = lines[1]
        self._ids: dict[str, int] | None = None
        self._index_lines = dict(zip(self.index_names, lines[2:2 + len(self.index_names)]))
        self._indexes: dict[str, dict[str, Any]] = {}
        self.rows = lines[2 + len(self.index_names):]
        self._lock = threading.Lock()

    def ids(self) -> dict[str, int]:
        """id -> row number (parsed on first use)."""
        if self._ids is None:
            with self._lock:
                if self._ids is None:
                    ids = _json(self._ids_line, f"{self.path}:2")
                    self._ids = {kb_id: i for i, kb_id in enumerate(ids)}
        return self._ids

    def index(self, name: str) -> dict[str, Any]:
        table = self._indexes.get(name)
        if table is None:
            with self._lock:
                table = self._indexes.get(name)
                if table is None:
                    line = 3 + self.index_names.index(name)
                    table = self._indexes[name] = _json(self._index_lines[name],
                                                        f"{self.path}:{line}")
        return table

    def row(self, i: int) -> list:
        return _json(self.rows[i], f"{self.path}:{3 + len(self.index_names) + i}")


_INDEXES = ("full", "loose", "surname", "role")


class KnowledgeBase:
    """People with their names and offices, plus place, group and role words.

    Build one with :func:`load_kb`. Lookups return tuples of :class:`KBEntry`
    in a stable order (the KB's row order); an empty tuple means no match.
    """

    def __init__(self, shipped: _Shipped, words: dict[str, Any], extra: Iterable[KBEntry] = ()):
        self._shipped = shipped
        self._n_shipped = shipped.count
        self._entries: list[KBEntry | None] = [None] * self._n_shipped
        self._extra_ids: dict[str, int] = {}
        # extra entries: their own small indices, consulted with the shipped ones;
        # an overridden shipped row is hidden from the shipped indices by _hidden
        self._extra_index: dict[str, dict[str, list[int]]] = {k: {} for k in _INDEXES}
        self._hidden: set[int] = set()
        for e in extra:
            self._add(e)
        self._places = frozenset(words.get("places", ()))
        self._groups = frozenset(words.get("groups", ()))
        self._roles: dict[str, str] = dict(words.get("roles", {}))

    def _index_of(self, kb_id: str) -> int | None:
        i = self._extra_ids.get(kb_id)
        return self._shipped.ids().get(kb_id) if i is None else i

    def _add(self, e: KBEntry) -> None:
        i = self._index_of(e.id)
        if i is None:
            i = self._extra_ids[e.id] = len(self._entries)
            self._entries.append(e)
        else:
            if i < self._n_shipped:
                self._hidden.add(i)
            else:  # the same id twice in extra: the later one wins
                for table in self._extra_index.values():
                    for k, v in table.items():
                        table[k] = [j for j in v if j != i]
            self._entries[i] = e
        keys = index_keys([e.name, *e.variants]) + ({o.role for o in e.offices},)
        for name, ks in zip(_INDEXES, keys):
            for k in ks:
                self._extra_index[name].setdefault(k, []).append(i)

    # -- entries

    def __len__(self) -> int:
        return len(self._entries)

    def _entry(self, i: int) -> KBEntry:
        e = self._entries[i]
        if e is None:
            e = self._entries[i] = entry_from_row(self._shipped.row(i))
        return e

    def get(self, kb_id: str) -> KBEntry | None:
        """The entry with id ``kb_id`` ("Q22686", "bioguide:S001141", "phoenix:TONY_BLAIR")."""
        i = self._index_of(kb_id)
        return None if i is None else self._entry(i)

    def __iter__(self):
        return (self._entry(i) for i in range(len(self._entries)))

    def _tuple(self, idx: Iterable[int]) -> tuple[KBEntry, ...]:
        return tuple(self._entry(i) for i in sorted(set(idx)))

    def _look(self, index: str, key: str) -> list[int]:
        found = _as_list(self._shipped.index(index).get(key))
        if self._hidden:
            found = [i for i in found if i not in self._hidden]
        return found + self._extra_index[index].get(key, [])

    # -- names

    def by_name(self, name: str) -> tuple[KBEntry, ...]:
        """People one of whose name forms is ``name``.

        Exact words first (case, accents, periods free); else first name +
        surname with middle names/initials ignored; else nickname-aware first
        name + surname (Bill = William).
        """
        hit = self._look("full", full_key(name))
        if hit:
            return self._tuple(hit)
        hit = self._loose(loose_key(name))
        if hit:
            return self._tuple(hit)
        words, suffix = name_tokens(name)
        if len(words) >= 2 and not suffix:
            s = surname_keys(name)
            if s:
                return self.by_first_last(words[0], s[0])
        return ()

    def _loose(self, key: str) -> list[int]:
        # loose keys equal to a full key of the same person are stored only as full keys
        return self._look("loose", key) + self._look("full", key)

    def by_surname(self, surname: str) -> tuple[KBEntry, ...]:
        """People whose surname (particles kept: "Van Hollen") is ``surname``."""
        words, _ = name_tokens(surname)
        return self._tuple(self._look("surname", " ".join(words)))

    def by_first_last(self, first: str, last: str) -> tuple[KBEntry, ...]:
        """People named ``first`` (or a nickname-equivalent: Bill~William) ``last``."""
        lwords, _ = name_tokens(last)
        s = " ".join(lwords)
        out: list[int] = []
        for f in first_name_forms(first):
            out.extend(self._loose(f"{f} {s}"))
        return self._tuple(out)

    # -- offices

    def holders(self, role: str, on: date | None, country: str | None = "USA",
                state: str | None = None) -> tuple[KBEntry, ...]:
        """Who held ``role`` on ``on`` (``on=None``: everyone who ever held it).

        ``role`` may be any word :meth:`role_of` knows ("AG", "Sen."); a word that
        covers several offices ("majority leader": Senate or House) gives the
        holders of any of them. ``country``
        None matches any country; ``state`` narrows US offices to one state.
        """
        norm = self.role_of(role) or role.strip().lower()
        roles = set(ROLE_FAMILIES.get(norm, ())) | {norm}
        out = []
        for i in sorted({i for r in roles for i in self._look("role", r)}):
            for o in self._entry(i).offices:
                if o.role not in roles:
                    continue
                if country is not None and o.country != country:
                    continue
                if state is not None and o.state != state:
                    continue
                if on is not None and not o.held_on(on):
                    continue
                out.append(i)
                break
        return self._tuple(out)

    # -- words

    def role_of(self, word: str) -> str | None:
        """The normalised role a role word names ("Sen." -> "senator"), else None."""
        words, suffix = name_tokens(word.replace("-", " "))
        words = words + ((suffix,) if suffix else ())
        while words:
            role = self._role_word(" ".join(words))
            if role is not None or len(words) == 1 or words[0] not in ROLE_MODIFIERS:
                return role
            words = words[1:]  # "former Sen.", "acting Attorney General"
        return None

    def _role_word(self, key: str) -> str | None:
        role = self._roles.get(key)
        if role is None and key.endswith("s"):
            role = self._roles.get(key[:-1]) or (
                self._roles.get(key[:-2]) if key.endswith("es") else None)
        return role

    def is_place(self, name: str) -> bool:
        """True for a country, capital, US state or major city ("Niger", "Manchester")."""
        key = full_key(name)
        if key.startswith("the "):
            key = key[4:]
        return key in self._places

    def is_group(self, name: str) -> bool:
        """True for a demonym or group of people ("Latinos", "Democrats", "Americans")."""
        key = full_key(name)
        if key.startswith("the "):
            key = key[4:]
        if key in self._groups:
            return True
        if key.endswith("s") and len(key) > 3:
            single = key[:-1]
            if single in self._groups or single in self._roles:
                return True
            if single in self._places and not key.endswith("ss"):
                return True  # "Afghans", "Americans": plural of a country's synonym
        return False


def _as_list(value: Any) -> list[int]:
    if value is None:
        return []
    return [value] if isinstance(value, int) else list(value)


_BASE: tuple[_Shipped, dict[str, Any]] | None = None
_SHIPPED: KnowledgeBase | None = None
_LOAD_LOCK = threading.Lock()


def _base() -> tuple[_Shipped, dict[str, Any]]:
    global _BASE
    with _LOAD_LOCK:
        if _BASE is None:
            words = _json(_read_gz(WORDS_PATH), str(WORDS_PATH))
            _check_schema(words, str(WORDS_PATH))
            _BASE = (_Shipped(PEOPLE_PATH), words)
        return _BASE


def load_kb(extra: Iterable[KBEntry] = ()) -> KnowledgeBase:
    """The shipped knowledge base; ``extra`` entries override (same id) or extend it.

    Without ``extra`` the same object is returned on every call in a process.
    """
    global _SHIPPED
    extra = tuple(extra)
    shipped, words = _base()
    if extra:
        return KnowledgeBase(shipped, words, extra)
    with _LOAD_LOCK:
        if _SHIPPED is None:
            _SHIPPED = KnowledgeBase(shipped, words)
        return _SHIPPED

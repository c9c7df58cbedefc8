"""Outputs written whole or not at all.

Each output is written to a hidden temporary file in its own folder
(``.NAME.tmp-PID``) and renamed over the real name (``os.replace``, atomic on
one file system) only when every output of the run is written. A run that
fails or is interrupted therefore leaves the previous outputs as they were and
no temporary files; an ``OSError`` on the way (a file where a folder should
be, no space, no permission) becomes one ``OutputError`` naming the path.

>>> import tempfile, pathlib
>>> d = pathlib.Path(tempfile.mkdtemp())
>>> with OutputSet() as outs:
...     _ = outs.temp(d / "a.txt").write_text("whole")
>>> (d / "a.txt").read_text(), sorted(p.name for p in d.iterdir())
('whole', ['a.txt'])
>>> try:
...     with OutputSet() as outs:
...         _ = outs.temp(d / "a.txt").write_text("half")
...         raise OSError(28, "No space left on device")
... except Exception as exc:
...     print(type(exc).__name__, (d / "a.txt").read_text(), sorted(p.name for p in d.iterdir()))
OutputError whole ['a.txt']
"""

from __future__ import annotations

import os
import sqlite3
from contextlib import contextmanager
from pathlib import Path
from typing import Iterator

from .errors import OutputError
from .records import escape_surrogates

_TMP = ".tmp-"


def temp_name(final: Path) -> Path:
    return final.with_name(f".{final.name}{_TMP}{os.getpid()}")


@contextmanager
def output_errors(path: str | Path) -> Iterator[None]:
    """An ``OSError`` (or SQLite's "unable to open") in the block becomes an ``OutputError``."""
    try:
        yield
    except OutputError:
        raise
    except OSError as exc:
        raise OutputError.from_os(escape_surrogates(str(exc.filename or path), filename=True), exc) from exc
    except sqlite3.OperationalError as exc:  # unable to open, disk full, read-only
        raise OutputError(
            escape_surrogates(str(path), filename=True), f"{exc}; give --out a folder you can write to"
        ) from exc
    except sqlite3.DatabaseError as exc:  # "file is not a database": a damaged edge cache
        raise OutputError(
            escape_surrogates(str(path), filename=True), f"{exc}; it is only a cache: delete it, or run with --no-cache"
        ) from exc


def prepare_folder(folder: Path) -> Path:
    """Make ``folder`` (and parents) and check that a file can be written in it."""
    folder = Path(folder)
    with output_errors(folder):
        folder.mkdir(parents=True, exist_ok=True)
        probe = temp_name(folder / "write-check")
        probe.write_bytes(b"")
        probe.unlink()
        _remove_stale(folder)
    return folder


def _remove_stale(folder: Path) -> None:
    """Temporary files of runs killed outright (kill -9), whose process is gone."""
    for tmp in folder.glob(f".*{_TMP}*"):
        pid = tmp.name.rpartition(_TMP)[2]
        if pid.isdigit() and not _alive(int(pid)):
            tmp.unlink(missing_ok=True)


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except OSError:
        return True
    return True


class OutputSet:
    """Temporary files for a run's outputs, renamed into place together on success."""

    def __init__(self) -> None:
        self.pending: list[tuple[Path, Path]] = []

    def temp(self, final: str | Path) -> Path:
        """Where to write ``final`` for now; it becomes ``final`` when the set commits."""
        final = Path(final)
        tmp = temp_name(final)
        self.pending.append((tmp, final))
        return tmp

    def commit(self) -> None:
        for tmp, final in self.pending:
            with output_errors(final):
                os.replace(tmp, final)
        self.pending = []

    def discard(self) -> None:
        for tmp, _ in self.pending:
            try:
                tmp.unlink(missing_ok=True)
            except OSError:
                pass
        self.pending = []

    def __enter__(self) -> OutputSet:
        return self

    def __exit__(self, kind, exc, tb) -> None:
        if kind is None:
            try:
                self.commit()
            finally:
                self.discard()
            return
        final = next(
            (f for t, f in self.pending if str(t) == str(getattr(exc, "filename", None))),
            getattr(exc, "filename", None),
        )
        self.discard()
        if isinstance(exc, OSError):
            raise OutputError.from_os(escape_surrogates(str(final or "an output"), filename=True), exc) from exc

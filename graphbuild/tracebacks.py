"""Tracebacks of bugs, kept in a log file instead of thrown away.

An unexpected exception (a bug in graphbuild, not a bad input or a full disk)
ends the command with exit status 4 and one line naming the log file that holds
its traceback; ``--debug`` prints the traceback as well. The log folder is
``$XDG_STATE_HOME/graphbuild`` (default ``~/.local/state/graphbuild``); when it
cannot be written, the system's temporary folder is used.

>>> import os, tempfile
>>> os.environ["XDG_STATE_HOME"] = tempfile.mkdtemp()
>>> try:
...     {}["missing"]
... except KeyError as exc:
...     path = save_traceback(exc, "doctest")
>>> "KeyError: 'missing'" in path.read_text()
True
"""

from __future__ import annotations

import os
import sys
import tempfile
import time
import traceback
from pathlib import Path


def log_dir() -> Path:
    """Where tracebacks go: ``$XDG_STATE_HOME/graphbuild`` or ``~/.local/state/graphbuild``."""
    base = os.environ.get("XDG_STATE_HOME") or str(Path.home() / ".local" / "state")
    return Path(base) / "graphbuild"


def format_traceback(exc: BaseException) -> str:
    return "".join(traceback.format_exception(type(exc), exc, exc.__traceback__))


def save_traceback(exc: BaseException, context: str) -> Path:
    """Write ``exc``'s traceback (and what was running) to a new log file; its path."""
    stamp = time.strftime("%Y%m%d-%H%M%S")
    text = (
        f"graphbuild {context}\nargv: {sys.argv!r}\n"
        f"time: {time.strftime('%Y-%m-%dT%H:%M:%S%z')}\n\n{format_traceback(exc)}"
    )
    for folder in (log_dir(), Path(tempfile.gettempdir()) / "graphbuild"):
        try:
            folder.mkdir(parents=True, exist_ok=True)
            path = folder / f"crash-{stamp}-{os.getpid()}.log"
            path.write_text(text, encoding="utf-8", errors="backslashreplace")
            return path
        except OSError:
            continue
    raise RuntimeError("no folder to keep the traceback in") from exc

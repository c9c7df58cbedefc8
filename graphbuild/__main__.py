"""``python -m graphbuild``: the same command as ``graphbuild``."""

from .cli import app

app(prog_name="graphbuild")

"""Settings: one table, and the CLI help and README agree with it."""

from __future__ import annotations

import pytest
from typer.testing import CliRunner

from graphbuild.cli import app
from graphbuild.errors import SettingError
from graphbuild.settings import SETTINGS, resolve

ROOT_README = __import__("pathlib").Path(__file__).resolve().parents[1] / "README.md"


def test_cli_help_shows_defaults_and_environment_variables():
    out = CliRunner().invoke(app, ["extract", "--help"], env={"COLUMNS": "200"}).output
    for name in ("model", "batch_size", "min_confidence"):
        s = SETTINGS[name]
        assert s.env in out and repr(s.default) in out, name


def test_readme_names_every_environment_variable_of_the_common_settings():
    readme = ROOT_README.read_text(encoding="utf-8")
    for name in ("model", "batch_size", "min_confidence", "neo4j_uri", "map_max_nodes"):
        assert SETTINGS[name].env in readme, name
    assert f"`{SETTINGS['model'].default}`" in readme


def test_environment_overrides_and_bad_values_name_the_setting():
    assert resolve("batch_size", environ={"GRAPHBUILD_BATCH_SIZE": "8"}) == 8
    assert resolve("batch_size", 4, environ={"GRAPHBUILD_BATCH_SIZE": "8"}) == 4
    with pytest.raises(SettingError, match="GRAPHBUILD_BATCH_SIZE='zero'"):
        resolve("batch_size", environ={"GRAPHBUILD_BATCH_SIZE": "zero"})

"""Shared fixtures. Service fixtures live in their own plugin modules, loaded for
the whole run by pyproject's ``addopts`` (so that notebooks get them too):
``neo4j_fixtures`` (the real Neo4j server, started once per run) and
``browser_fixtures`` (Debian chromium driven by Playwright)."""

from __future__ import annotations

from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
CORPUS = ROOT.parent / "shared" / "corpus"
DEV = CORPUS / "dev"
EXAMPLE = ROOT / "graphbuild" / "examples" / "tpm-2019-11-08-sessions-trump.txt"


@pytest.fixture(scope="session")
def nlp():
    """The configured spaCy pipeline with graphbuild's components, loaded once."""
    from graphbuild.extract import load_pipeline

    return load_pipeline()


@pytest.fixture(scope="session")
def dev_corpus() -> Path:
    assert DEV.is_dir(), f"{DEV} is missing: the shared corpus must sit beside the project"
    return DEV


@pytest.fixture(scope="session")
def example_article() -> Path:
    return EXAMPLE

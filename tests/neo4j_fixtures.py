"""Fixtures for the real Neo4j server (see graphbuild/neo4j/server.py).

``neo4j_uri`` (session): the bolt URI of a live server. If NEO4J_URI is set
and answers (e.g. .ci/run started one), it is used as is. Otherwise a server
is started once for the run (as soon as collection finds a test or notebook
that needs it), in ``.neo4j/test-server/`` on port 7688 (not the
default 7687, so a developer's own server and data are left alone), and
stopped at the end. NEO4J_URI is set for the run either way, so code that reads
the settings finds it, and so is GRAPHBUILD_NOTEBOOK_NEO4J_URI: the server
notebooks/neo4j.ipynb owns and writes into (it never writes to NEO4J_URI's).

With CI=true a server that cannot start fails the tests loudly: Neo4j tests
never skip in CI. On a developer's machine without Java or Maven they skip.

``neo4j_db`` (function): a driver on an emptied database (constraints kept).
"""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest

TEST_URI = "bolt://127.0.0.1:7688"
# The tests' own server folder, inside the checkout (gitignored): never the user's server data.
TEST_DIR = Path(__file__).resolve().parents[1] / ".neo4j" / "test-server"


def _in_ci() -> bool:
    return os.environ.get("CI", "").lower() in ("1", "true", "yes")


_started: dict[str, object] = {}


def _needs_neo4j(item) -> bool:
    return item.get_closest_marker("neo4j") is not None or item.path.name == "neo4j.ipynb"


def _ensure_server() -> str:
    """The URI of a live server: NEO4J_URI if it answers, else one started for this run."""
    from graphbuild.errors import BackendError
    from graphbuild.neo4j import server

    if "uri" in _started:
        return _started["uri"]
    given = os.environ.get("NEO4J_URI")
    if given and server.bolt_ready(given, timeout=5.0):
        _started["uri"] = given
        _lend_to_notebooks(given)
        return given
    if not _in_ci() and not (shutil.which("java") and shutil.which("mvn")):
        pytest.skip("Neo4j tests need java and mvn (or NEO4J_URI pointing at a server)")
    root = TEST_DIR
    try:
        uri = server.start(root, given or TEST_URI)
    except BackendError as exc:
        pytest.fail(f"could not start the test Neo4j server: {exc}", pytrace=False)
    _started.update(uri=uri, root=root, previous=given)
    os.environ["NEO4J_URI"] = uri  # notebooks' kernels inherit it
    _lend_to_notebooks(uri)
    return uri


def _lend_to_notebooks(uri: str) -> None:
    """notebooks/neo4j.ipynb writes only into a server it owns: during the tests, the tests' server."""
    os.environ["GRAPHBUILD_NOTEBOOK_NEO4J_URI"] = uri


def pytest_collection_modifyitems(session, config, items):
    """Start the server once, before any test or notebook that needs it runs."""
    if any(_needs_neo4j(item) for item in items):
        try:
            _ensure_server()
        except pytest.skip.Exception:
            pass  # the neo4j_uri fixture skips each test with the reason


def pytest_unconfigure(config):
    if "root" in _started:
        from graphbuild.neo4j import server

        server.stop(_started["root"])
        if _started.get("previous") is None:
            os.environ.pop("NEO4J_URI", None)
        os.environ.pop("GRAPHBUILD_NOTEBOOK_NEO4J_URI", None)
        _started.clear()


@pytest.fixture(scope="session")
def neo4j_uri():
    return _ensure_server()


@pytest.fixture(scope="session")
def neo4j_driver(neo4j_uri):
    from neo4j import GraphDatabase

    from graphbuild.settings import resolve

    password = resolve("neo4j_password")
    auth = (resolve("neo4j_user"), password) if password else None
    with GraphDatabase.driver(neo4j_uri, auth=auth) as driver:
        driver.verify_connectivity()
        yield driver


@pytest.fixture
def neo4j_db(neo4j_driver):
    """An empty database (every node and relationship deleted; constraints stay)."""
    from graphbuild.neo4j.load import clear_database
    from graphbuild.settings import resolve

    clear_database(neo4j_driver, resolve("neo4j_database"))
    return neo4j_driver

"""Fixtures for the real Neo4j server (see graphbuild/neo4j/server.py).

``neo4j_uri`` (session): the bolt URI of a live server. If NEO4J_URI is set
and answers (e.g. .ci/run started one), it is used as is. Otherwise a server
is started once for the run, in ``.neo4j/test-server/`` on port 7688 (not the
default 7687, so a developer's own server and data are left alone), and
stopped at the end. NEO4J_URI is set for the run either way, so code that reads
the settings finds it.

With CI=true a server that cannot start fails the tests loudly: Neo4j tests
never skip in CI. On a developer's machine without Java or Maven they skip.

``neo4j_db`` (function): a driver on an emptied database (constraints kept).
"""

from __future__ import annotations

import os
import shutil

import pytest

TEST_URI = "bolt://127.0.0.1:7688"


def _in_ci() -> bool:
    return os.environ.get("CI", "").lower() in ("1", "true", "yes")


@pytest.fixture(scope="session")
def neo4j_uri():
    from graphbuild.errors import BackendError
    from graphbuild.neo4j import server

    given = os.environ.get("NEO4J_URI")
    if given and server.bolt_ready(given, timeout=5.0):
        yield given
        return
    if not _in_ci() and not (shutil.which("java") and shutil.which("mvn")):
        pytest.skip("Neo4j tests need java and mvn (or NEO4J_URI pointing at a server)")
    uri = given or TEST_URI
    root = server.DEFAULT_DIR / "test-server"
    try:
        uri = server.start(root, uri)
    except BackendError as exc:
        pytest.fail(f"could not start the test Neo4j server: {exc}", pytrace=False)
    previous = os.environ.get("NEO4J_URI")
    os.environ["NEO4J_URI"] = uri
    try:
        yield uri
    finally:
        if previous is None:
            os.environ.pop("NEO4J_URI", None)
        else:
            os.environ["NEO4J_URI"] = previous
        server.stop(root)


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

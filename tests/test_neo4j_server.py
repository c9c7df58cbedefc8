"""The local Neo4j server script: pid safety, port clashes, status."""

from __future__ import annotations

import os

import pytest

from graphbuild.errors import BackendError
from graphbuild.neo4j import server


def test_status_of_a_folder_with_no_server(tmp_path):
    st = server.status(tmp_path, "bolt://127.0.0.1:7699")
    assert st == {"running": False, "pid": None, "uri": "bolt://127.0.0.1:7699", "bolt": False, "dir": str(tmp_path)}
    assert server.main(["status", "--dir", str(tmp_path), "--uri", "bolt://127.0.0.1:7699"]) == 3


def test_stop_never_signals_a_pid_that_is_not_the_server(tmp_path):
    # A stale pid file naming some other live process (here: this one).
    (tmp_path / "server.pid").write_text(str(os.getpid()))
    assert server.stop(tmp_path) is False
    assert not (tmp_path / "server.pid").exists()


@pytest.mark.neo4j
def test_start_refuses_a_port_that_another_server_holds(neo4j_uri, tmp_path):
    with pytest.raises(BackendError, match="something else already answers"):
        server.start(tmp_path, neo4j_uri)
    assert not (tmp_path / "server.pid").exists()


@pytest.mark.neo4j
def test_the_running_server_answers_bolt(neo4j_uri):
    assert server.bolt_ready(neo4j_uri)
    assert not server.bolt_ready("bolt://127.0.0.1:9", timeout=1.0)

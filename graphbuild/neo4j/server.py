"""A local Neo4j 5 server for tests and for users who have none (no Docker).

Runs Neo4j Community 5.26 LTS embedded, from Maven Central artifacts, with
only the Bolt connector on 127.0.0.1 and authentication off: a tiny Java main
(``GraphbuildNeo4jServer.java``) compiled against the classpath that Maven
resolves from ``pom.xml`` beside this file. Everything it writes lives in one
folder, ``--dir``; by default the user data folder ``graphbuild/neo4j``
(``$XDG_DATA_HOME/graphbuild/neo4j``, else ``~/.local/share/graphbuild/neo4j`` on
Linux; platformdirs picks the usual place on macOS and Windows)::

    classpath.txt   cached `mvn dependency:build-classpath` output
    classes/        the compiled main
    home/           the database (data/, logs/)
    server.pid      the running server's pid
    server.log      its stdout and stderr

Usage::

    python -m graphbuild.neo4j.server start     # returns once Bolt answers
    python -m graphbuild.neo4j.server status
    python -m graphbuild.neo4j.server stop

The port is the one of the ``neo4j_uri`` setting (``NEO4J_URI``, default
bolt://127.0.0.1:7687), so ``graphbuild load`` finds the server with no options.
Needs ``java`` and ``javac`` (17+) and ``mvn`` on PATH (or JAVA_HOME).
"""

from __future__ import annotations

import argparse
import hashlib
import os
import shutil
import signal
import subprocess
import sys
import time
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urlparse

from ..errors import BackendError
from ..settings import resolve

HERE = Path(__file__).resolve().parent
POM = HERE / "pom.xml"
MAIN_SOURCE = HERE / "GraphbuildNeo4jServer.java"
MAIN_CLASS = "GraphbuildNeo4jServer"


def default_dir() -> Path:
    """The server folder when no ``--dir`` is given: the user data folder, never site-packages."""
    from platformdirs import user_data_path

    return user_data_path("graphbuild", appauthor=False) / "neo4j"


# What Neo4j's own launcher passes on Java 17+: Neo4j and Netty reach into
# these JDK internals (direct buffers, file channels); without the opens the
# page cache and Bolt fail or fall back with warnings.
JVM_OPENS = [
    "--add-opens=java.base/java.nio=ALL-UNNAMED",
    "--add-opens=java.base/java.io=ALL-UNNAMED",
    "--add-opens=java.base/sun.nio.ch=ALL-UNNAMED",
    "--add-opens=java.base/java.lang=ALL-UNNAMED",
    "--add-opens=java.base/java.util.concurrent=ALL-UNNAMED",
    "-Dio.netty.tryReflectionSetAccessible=true",
]
# Small on purpose (2 cores, shared). A fixed 1 GiB heap: at -Xmx768m the
# server logged pauses of 200-700 ms, several of them GC, during 20k-edge loads.
JVM_MEMORY = ["-Xms1g", "-Xmx1g", "-XX:+UseG1GC"]

START_TIMEOUT = 180.0  # seconds; a cold start is ~6 s, the first Maven resolve longer


@dataclass(frozen=True)
class ServerPaths:
    root: Path

    @property
    def classpath(self) -> Path:
        return self.root / "classpath.txt"

    @property
    def classes(self) -> Path:
        return self.root / "classes"

    @property
    def home(self) -> Path:
        return self.root / "home"

    @property
    def pid(self) -> Path:
        return self.root / "server.pid"

    @property
    def log(self) -> Path:
        return self.root / "server.log"


def bolt_port(uri: str | None = None) -> int:
    """The port of a bolt URI (the ``neo4j_uri`` setting by default).

    >>> bolt_port("bolt://127.0.0.1:7688")
    7688
    >>> bolt_port("neo4j://localhost")
    7687
    """
    return urlparse(resolve("neo4j_uri", uri)).port or 7687


def _tool(name: str) -> str:
    java_home = os.environ.get("JAVA_HOME")
    if java_home and (Path(java_home) / "bin" / name).exists():
        return str(Path(java_home) / "bin" / name)
    found = shutil.which(name)
    if not found:
        raise BackendError(
            f"`{name}` is not on PATH: the local Neo4j server needs a JDK 17+ "
            "and Maven (on Debian: apt-get install openjdk-17-jdk-headless maven)"
        )
    return found


def _digest(*paths: Path) -> str:
    h = hashlib.sha256()
    for p in paths:
        h.update(p.read_bytes())
    return h.hexdigest()[:16]


def build_classpath(paths: ServerPaths, *, quiet: bool = True) -> str:
    """Resolve Neo4j's jars with Maven once; later calls read the cached list.

    The cache is keyed by the pom's hash and checked for missing jars, so a
    version bump or a wiped ~/.m2 resolves again.
    """
    key = _digest(POM)
    if paths.classpath.exists():
        stamp, _, cp = paths.classpath.read_text().partition("\n")
        if stamp == key and cp and all(Path(j).exists() for j in cp.strip().split(os.pathsep)):
            return cp.strip()
    paths.root.mkdir(parents=True, exist_ok=True)
    out = paths.root / "classpath.raw"
    cmd = [_tool("mvn"), "-B", "-f", str(POM), "dependency:build-classpath", f"-Dmdep.outputFile={out}"]
    if quiet:
        cmd.insert(1, "-q")
    proc = subprocess.run(cmd, capture_output=True, text=True)
    if proc.returncode != 0 or not out.exists():
        raise BackendError(
            f"Maven could not resolve Neo4j's classpath from {POM}:\n{(proc.stdout + proc.stderr)[-3000:]}"
        )
    cp = out.read_text().strip()
    paths.classpath.write_text(f"{key}\n{cp}\n")
    out.unlink()
    return cp


def compile_main(paths: ServerPaths, classpath: str) -> Path:
    """Compile the Java main once per source version (keyed by its hash)."""
    key = _digest(MAIN_SOURCE, POM)
    stamp = paths.classes / "stamp"
    if stamp.exists() and stamp.read_text() == key:
        return paths.classes
    shutil.rmtree(paths.classes, ignore_errors=True)
    paths.classes.mkdir(parents=True)
    proc = subprocess.run(
        [_tool("javac"), "-d", str(paths.classes), "-cp", classpath, str(MAIN_SOURCE)], capture_output=True, text=True
    )
    if proc.returncode != 0:
        raise BackendError(f"javac failed on {MAIN_SOURCE}:\n{proc.stderr[-3000:]}")
    stamp.write_text(key)
    return paths.classes


def _read_pid(paths: ServerPaths) -> int | None:
    """The pid in the pid file, if that process is alive and is our server."""
    try:
        pid = int(paths.pid.read_text().strip())
    except (OSError, ValueError):
        return None
    try:
        cmdline = Path(f"/proc/{pid}/cmdline").read_bytes()
    except OSError:
        try:
            os.kill(pid, 0)
        except OSError:
            return None
        return pid
    # A recycled pid must never be signalled: check it is our main class.
    return pid if MAIN_CLASS.encode() in cmdline else None


def bolt_ready(uri: str, timeout: float = 2.0) -> bool:
    """True if a Bolt server answers at ``uri`` (auth off) within ``timeout`` seconds."""
    from neo4j import GraphDatabase
    from neo4j.exceptions import AuthError, DriverError, Neo4jError

    try:
        with GraphDatabase.driver(
            uri, auth=None, connection_timeout=timeout, connection_acquisition_timeout=timeout
        ) as driver:
            driver.verify_connectivity()
        return True
    except AuthError:
        return True  # something answers Bolt; it just wants a password
    except (DriverError, Neo4jError, OSError, ValueError):
        # DriverError covers ServiceUnavailable and a server still starting that
        # accepts the socket but times out (SessionExpired).
        return False


def status(root: Path | None = None, uri: str | None = None) -> dict:
    """Whether the server of ``root`` runs, its pid, and whether Bolt answers."""
    paths = ServerPaths(Path(root or default_dir()))
    uri = f"bolt://127.0.0.1:{bolt_port(uri)}"
    pid = _read_pid(paths)
    return {
        "running": pid is not None,
        "pid": pid,
        "uri": uri,
        "bolt": bolt_ready(uri) if pid is not None else False,
        "dir": str(paths.root),
    }


def start(root: Path | None = None, uri: str | None = None, timeout: float = START_TIMEOUT, quiet: bool = True) -> str:
    """Start the server in the background; return its bolt URI once it answers.

    A server of ``root`` already running is reused. Raises ``BackendError``
    with the log's tail if it dies or does not answer within ``timeout``.
    """
    paths = ServerPaths(Path(root or default_dir()))
    port = bolt_port(uri)
    bolt = f"bolt://127.0.0.1:{port}"
    if _read_pid(paths) is not None:
        if wait_ready(bolt, timeout):
            return bolt
        raise BackendError(f"the Neo4j server of {paths.root} runs but {bolt} does not answer; see {paths.log}")
    if bolt_ready(bolt):
        raise BackendError(
            f"something else already answers at {bolt}; stop it, or start this "
            "server on another port with NEO4J_URI=bolt://127.0.0.1:PORT"
        )
    cp = build_classpath(paths, quiet=quiet)
    classes = compile_main(paths, cp)
    paths.home.mkdir(parents=True, exist_ok=True)
    cmd = [
        _tool("java"),
        *JVM_MEMORY,
        *JVM_OPENS,
        "-cp",
        f"{classes}{os.pathsep}{cp}",
        MAIN_CLASS,
        str(paths.home),
        str(port),
    ]
    with open(paths.log, "ab") as log:
        # A session of its own: the server outlives this process and a Ctrl-C
        # in the shell that started it.
        proc = subprocess.Popen(
            cmd, stdout=log, stderr=subprocess.STDOUT, stdin=subprocess.DEVNULL, start_new_session=True
        )
    paths.pid.write_text(str(proc.pid))
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if proc.poll() is not None:
            paths.pid.unlink(missing_ok=True)
            raise BackendError(
                f"the Neo4j server exited with code {proc.returncode} on start; log {paths.log}:\n{_tail(paths.log)}"
            )
        if bolt_ready(bolt, timeout=2.0):
            return bolt
        time.sleep(0.5)
    stop(paths.root)
    raise BackendError(
        f"the Neo4j server did not answer at {bolt} within {timeout:.0f} s; log {paths.log}:\n{_tail(paths.log)}"
    )


def wait_ready(uri: str, timeout: float) -> bool:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if bolt_ready(uri):
            return True
        time.sleep(0.5)
    return False


def stop(root: Path | None = None, timeout: float = 60.0) -> bool:
    """Stop the server of ``root`` (SIGTERM, then SIGKILL); False if none ran."""
    paths = ServerPaths(Path(root or default_dir()))
    pid = _read_pid(paths)
    if pid is None:
        paths.pid.unlink(missing_ok=True)
        return False
    os.kill(pid, signal.SIGTERM)  # the Java main's shutdown hook closes the store cleanly
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline and _alive(pid):
        time.sleep(0.2)
    if _alive(pid):
        os.kill(pid, signal.SIGKILL)
    paths.pid.unlink(missing_ok=True)
    return True


def _alive(pid: int) -> bool:
    try:
        # Reap it if it is our child (started in this process), so it is not a zombie.
        os.waitpid(pid, os.WNOHANG)
    except ChildProcessError:
        pass
    try:
        os.kill(pid, 0)
    except OSError:
        return False
    try:
        return Path(f"/proc/{pid}/stat").read_text().split()[2] != "Z"
    except (OSError, IndexError):
        return True


def _tail(path: Path, n: int = 40) -> str:
    try:
        return "\n".join(path.read_text(errors="replace").splitlines()[-n:])
    except OSError:
        return "(no log)"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="python -m graphbuild.neo4j.server", description="Run a local Neo4j 5 server (Bolt, auth off)."
    )
    parser.add_argument("action", choices=["start", "stop", "status"])
    parser.add_argument("--dir", type=Path, default=None, help=f"server folder [default: {default_dir()}]")
    parser.add_argument("--uri", default=None, help="bolt URI whose port to listen on [default: the neo4j_uri setting]")
    parser.add_argument("--timeout", type=float, default=START_TIMEOUT)
    args = parser.parse_args(argv)
    try:
        if args.action == "start":
            print(f"Neo4j ready at {start(args.dir, args.uri, timeout=args.timeout)}")
        elif args.action == "stop":
            print("stopped" if stop(args.dir) else "not running")
        else:
            st = status(args.dir, args.uri)
            print(
                f"running (pid {st['pid']}) at {st['uri']}, bolt {'answers' if st['bolt'] else 'does not answer'}"
                if st["running"]
                else "not running"
            )
            return 0 if st["running"] else 3
    except BackendError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2
    return 0


if __name__ == "__main__":
    sys.exit(main())

#!/usr/bin/env bash
# Breakage coming: install graphbuild with the NEWEST release of every dependency
# (ignoring constraints.txt) in a fresh venv in /tmp, then run the tests there.
# Not run by CI. When it passes, constraints.txt can be refreshed from that venv:
#   "$VENV/bin/pip" freeze --all --exclude-editable --exclude pip  (into constraints.txt, below its header)
#
# Usage: benchmarks/newest_deps.sh [pytest args...]
#   benchmarks/newest_deps.sh                    # the whole suite (several minutes)
#   benchmarks/newest_deps.sh tests/test_docs.py # a quick smoke
# Env: PYTHON (default python3.11), VENV (default: a new folder under /tmp, kept for inspection).
set -euo pipefail
cd "$(dirname "$0")/.."
PY="${PYTHON:-python3.11}"
VENV="${VENV:-$(mktemp -d /tmp/graphbuild-newest.XXXXXX)/venv}"
"$PY" -m venv "$VENV"
"$VENV/bin/python" -m pip install -q --upgrade pip
# --upgrade-strategy eager: every dependency at its newest release the specifiers allow.
"$VENV/bin/python" -m pip install -q --upgrade --upgrade-strategy eager -e ".[test,notebooks]"
echo "installed into $VENV; what differs from constraints.txt:"
"$VENV/bin/python" -m pip freeze --all --exclude-editable --exclude pip | sort -f \
  | diff <(grep -v '^#' constraints.txt | sort -f) - | grep '^[<>]' || echo "  (nothing: the lock is current)"
"$VENV/bin/python" -m pytest "$@"

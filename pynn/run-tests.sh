#!/usr/bin/env bash
# Runs pyNN.engram's tests (pynn/tests) with Debian's python3 and its python3-pynn, python3-neo,
# python3-quantities, python3-pytest and python3-brian; mvn verify runs it (examples/pom.xml), with
# ENGRAM_JAR naming the jar it built. Without those packages it skips, saying so, except under
# CI=true, where it fails (.ci/run installs them). Arguments go to pytest.
set -uo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
python=/usr/bin/python3
missing=""
if [ ! -x "$python" ]; then
  missing="python3 python3-pynn python3-neo python3-quantities python3-pytest python3-brian"
else
  for pair in pyNN:python3-pynn neo:python3-neo quantities:python3-quantities pytest:python3-pytest \
              brian2:python3-brian; do
    "$python" -c "import ${pair%%:*}" 2>/dev/null || missing="$missing ${pair#*:}"
  done
fi
if [ -n "$missing" ]; then
  if [ "${CI:-}" = "true" ]; then
    echo "pynn: pyNN.engram's tests need Debian's$missing (CI=true: failing rather than skipping)" >&2
    exit 1
  fi
  echo "pynn: skipping pyNN.engram's tests: Debian's$missing missing (sudo apt-get install$missing)"
  exit 0
fi
export PYTHONDONTWRITEBYTECODE=1
exec "$python" -m pytest -q -p no:cacheprovider "$here/tests" "$@"

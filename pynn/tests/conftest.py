"""
Runs the tests against this checkout's pyNN.engram and Engram, with no installation: the package
is put first on Debian's pyNN package path, and Engram is started from the built jar
($ENGRAM_JAR, which the Maven build sets) or else the checkout's launcher.
"""

import os
import sys

import pytest

HERE = os.path.dirname(os.path.abspath(__file__))
PYNN_DIR = os.path.dirname(HERE)
ROOT = os.path.dirname(PYNN_DIR)

import pyNN  # noqa: E402

_package = os.path.join(PYNN_DIR, "pyNN")
if _package not in pyNN.__path__:
    pyNN.__path__.insert(0, _package)
sys.path.insert(0, os.path.join(PYNN_DIR, "examples"))

if not os.environ.get("ENGRAM_COMMAND"):
    jar = os.environ.get("ENGRAM_JAR") or os.path.join(ROOT, "examples", "target", "engram.jar")
    if os.path.isfile(jar):
        os.environ["ENGRAM_COMMAND"] = "java -Xss4m -jar '%s'" % jar


@pytest.fixture(scope="module")
def sim():
    """pyNN.engram, its process started once for the module's tests (each setup() keeps it)."""
    import pyNN.engram as sim
    yield sim
    sim.end()

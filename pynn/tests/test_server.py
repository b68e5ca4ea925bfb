"""
A failing Engram process is one clear EngramError, never a hang: a process that cannot start,
one that dies, one that answers garbage, one that answers nothing, and a request Engram refuses.
Stand-in processes (small Python scripts) play the failing server.
"""

import sys
import time

import pytest

from pyNN.engram.server import EngramError, Server

GREETING = 'import sys; print(\'{"ok": true, "protocol": 1, "engram": "test"}\', flush=True); '


def stand_in(body):
    return [sys.executable, "-c", GREETING + body, "--"]


def test_a_process_that_exits_at_once_reports_its_exit_code_and_standard_error():
    with pytest.raises(EngramError, match="(?s)exit code 3.*cannot open the machine"):
        Server(5.0, [sys.executable, "-c", "import sys; print('cannot open the machine', file=sys.stderr); sys.exit(3)",
                     "--"])


def test_a_command_that_does_not_exist_is_named():
    with pytest.raises(EngramError, match="no-such-engram"):
        Server(5.0, ["/nonexistent/no-such-engram"])


def test_another_protocol_version_is_refused():
    body = 'import sys; print(\'{"ok": true, "protocol": 99}\', flush=True); sys.stdin.read()'
    with pytest.raises(EngramError, match="protocol 99"):
        Server(5.0, [sys.executable, "-c", body, "--"])


def test_a_process_dying_during_a_request_is_reported_with_its_standard_error():
    s = Server(5.0, stand_in("sys.stdin.readline(); print('out of memory', file=sys.stderr); sys.exit(137)"))
    with pytest.raises(EngramError, match="(?s)'run'.*exit code 137.*out of memory"):
        s.request("run", ms=1.0)
    assert not s.alive


def test_a_reply_that_is_not_json_stops_the_process():
    s = Server(5.0, stand_in("sys.stdin.readline(); print('garbage', flush=True); sys.stdin.read()"))
    with pytest.raises(EngramError, match="not JSON"):
        s.request("run", ms=1.0)
    assert not s.alive


def test_a_silent_process_times_out_instead_of_hanging():
    s = Server(0.5, stand_in("import time; time.sleep(60)"))
    start = time.monotonic()
    with pytest.raises(EngramError, match="no reply within 0.5 s"):
        s.request("run", ms=1.0)
    assert time.monotonic() - start < 5.0
    assert not s.alive


def test_engram_refusing_a_request_raises_its_message_and_keeps_the_process(sim):
    sim.setup(timestep=0.1)
    s = sim.simulator.state.server
    with pytest.raises(EngramError, match="no network yet"):
        s.request("run", ms=1.0)
    with pytest.raises(EngramError, match="unknown op 'jump'"):
        s.request("jump")
    with pytest.raises(EngramError, match=r"\$.populations\[0\].size"):
        s.request("build", mode="event", dt_ms=0.1, network={"populations": [{"label": "a", "size": -1,
                                                                              "model": "IF_curr_exp"}]})
    assert s.alive


def test_engram_killed_under_a_script_is_one_error(sim):
    sim.setup(timestep=0.1)
    cells = sim.Population(1, sim.IF_curr_exp(), label="cells")
    sim.run(1.0)
    sim.simulator.state.server.process.kill()
    with pytest.raises(EngramError, match="ended"):
        sim.run(1.0)
    sim.setup(timestep=0.1)  # a fresh process
    sim.Population(1, sim.IF_curr_exp(), label="cells")
    sim.run(1.0)

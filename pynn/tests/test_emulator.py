"""
target='emulator' deploys through Engram's SpiNNaker deployment to its board emulator (loopback)
and reads the spikes back: the same spikes as fixed mode on the desktop, which computes what the
core application computes. One run per setup(); a second raises a clear error.
"""

import re
import select
import subprocess

import numpy as np
import pytest

from pyNN.engram.server import engram_command


def network(sim, **setup):
    sim.setup(timestep=1.0, min_delay=1.0, **setup)
    stim = sim.Population(2, sim.SpikeSourceArray(spike_times=[[2.0, 9.0, 20.0], [5.0, 6.0]]), label="stim")
    cells = sim.Population(3, sim.IF_curr_exp(tau_m=10.0, cm=0.5, tau_refrac=2.0), label="cells")
    sim.Projection(stim, cells, sim.AllToAllConnector(), sim.StaticSynapse(weight=4.0, delay=1.0))
    sim.Projection(cells[0:1], cells[1:3], sim.AllToAllConnector(), sim.StaticSynapse(weight=-2.0, delay=2.0),
                   receptor_type="inhibitory")
    cells.record("spikes")
    sim.run(40.0)
    return [np.asarray(t).tolist() for t in cells.get_data().segments[0].spiketrains]


def test_the_emulator_gives_fixed_mode_spikes_and_runs_once(sim):
    desktop = network(sim, mode="fixed")
    emulated = network(sim, target="emulator")
    assert sum(len(t) for t in desktop) >= 3
    assert emulated == desktop
    with pytest.raises(NotImplementedError, match="once per setup"):
        sim.run(10.0)


def test_a_board_needs_its_host(sim):
    with pytest.raises(ValueError, match="host="):
        sim.setup(target="board")


def test_a_board_at_a_host_runs_the_same_network(sim, tmp_path):
    """A board emulator started apart (`engram board-emulator`) stands in for a board at host:port."""
    command = engram_command() + ["board-emulator", "--port", "0", "--boot-port", "0"]
    board = subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
    try:
        assert select.select([board.stdout], [], [], 60.0)[0], "the board emulator said nothing in 60 s"
        line = board.stdout.readline()
        port = int(re.search(r"SCAMP port (\d+)", line).group(1))
        on_board = network(sim, target="board", host="127.0.0.1", port=port)
    finally:
        board.kill()
        board.wait()
    assert on_board == network(sim, mode="fixed")

"""
The Java side of a simulation: one ``engram pynn-server`` process, spoken to over its standard
input and output, one JSON object per line (the protocol is in pynn/README.md).

Every way the process can fail (it cannot start, it dies, it answers garbage, it answers nothing
within the timeout, it refuses a request) raises one :class:`EngramError` whose message holds the
request, the reason and the last lines the process wrote on standard error; the process is then
stopped, so that nothing hangs.
"""

import atexit
import base64
import collections
import json
import os
import select
import shlex
import subprocess
import threading
import time
import weakref

import numpy as np

PROTOCOL = 1
#: how long the JVM may take at least to start and greet
START_TIMEOUT_S = 120.0
#: how long a query (spikes, weights, ...) may take; a run or a build takes the setup's timeout
QUERY_TIMEOUT_S = 120.0
STDERR_LINES = 40


class EngramError(Exception):
    """Engram refused a request or its process failed; the message says which and why."""


def engram_command():
    """
    The command line that starts Engram: $ENGRAM_COMMAND (split as a shell would), else the
    ``engram`` launcher of the checkout or distribution this package lives in.
    """
    given = os.environ.get("ENGRAM_COMMAND")
    if given:
        return shlex.split(given)
    here = os.path.dirname(os.path.realpath(__file__))
    root = os.path.normpath(os.path.join(here, "..", "..", ".."))
    launcher = os.path.join(root, "engram")
    if os.path.isfile(launcher) and os.access(launcher, os.X_OK):
        return [launcher]
    raise EngramError(
        "cannot find Engram: no 'engram' launcher at %s (this package is not inside an Engram "
        "checkout or distribution); set ENGRAM_COMMAND, e.g. "
        "ENGRAM_COMMAND='java -jar /path/to/engram.jar'" % launcher)


def decode(reply, field):
    """A numeric array of a reply: base64 of little-endian values, the format ending the name."""
    kind = field.rsplit("_", 1)[-1]
    dtype = {"f8": "<f8", "i4": "<i4"}[kind]
    return np.frombuffer(base64.b64decode(reply[field]), dtype=dtype)


class Server(object):
    """One ``engram pynn-server`` process."""

    def __init__(self, timeout_s, command=None):
        self.timeout_s = timeout_s
        self.command = (command or engram_command()) + ["pynn-server"]
        self._stderr = collections.deque(maxlen=STDERR_LINES)
        self._buffer = b""
        try:
            self.process = subprocess.Popen(self.command, stdin=subprocess.PIPE, stdout=subprocess.PIPE,
                                            stderr=subprocess.PIPE, bufsize=0)
        except OSError as e:
            raise EngramError("cannot start Engram (%s): %s" % (" ".join(self.command), e))
        threading.Thread(target=self._collect_stderr, daemon=True).start()
        # the launcher of a checkout builds Engram first when its sources changed: the whole timeout
        greeting = self._reply("start", None if timeout_s is None else max(START_TIMEOUT_S, timeout_s))
        if greeting.get("protocol") != PROTOCOL:
            self._stop()
            raise EngramError("Engram at '%s' speaks protocol %r; this pyNN.engram speaks %d: use the pyNN.engram "
                              "of the same Engram" % (" ".join(self.command), greeting.get("protocol"), PROTOCOL))
        self.version = greeting.get("engram")
        _live.add(self)

    def _collect_stderr(self):
        for line in iter(self.process.stderr.readline, b""):
            self._stderr.append(line.decode("utf-8", "replace").rstrip())

    @property
    def alive(self):
        return self.process.poll() is None

    def request(self, op, timeout_s=None, **fields):
        """Sends one request and returns its reply (a dict); raises EngramError on any failure."""
        if not self.alive:
            raise self._failure(op, "the Engram process has ended (exit code %s)" % self.process.returncode)
        message = dict(op=op, **fields)
        try:
            line = json.dumps(message, separators=(",", ":"), allow_nan=False) + "\n"
        except ValueError:
            raise EngramError("request '%s' holds NaN or infinity, which Engram does not take" % op)
        try:
            self.process.stdin.write(line.encode("utf-8"))
            self.process.stdin.flush()
        except (BrokenPipeError, OSError) as e:
            raise self._failure(op, "cannot write to the Engram process (%s)" % e)
        reply = self._reply(op, self.timeout_s if timeout_s is None else timeout_s)
        if not reply.get("ok"):
            if reply.get("kind") == "user":
                raise EngramError(reply.get("error", "Engram refused '%s'" % op))
            raise EngramError("internal error in Engram while answering '%s' (please report it): %s"
                              % (op, reply.get("error")))
        return reply

    def _reply(self, op, timeout_s):
        """Reads one reply line within timeout_s (None: as long as the process lives), or stops the process and raises."""
        deadline = time.monotonic() + timeout_s if timeout_s is not None else None
        fd = self.process.stdout.fileno()
        while b"\n" not in self._buffer:
            left = deadline - time.monotonic() if deadline is not None else None
            if left is not None and left <= 0:
                raise self._failure(op, "no reply within %g s" % timeout_s)
            ready, _, _ = select.select([fd], [], [], left)
            if not ready:
                continue
            chunk = os.read(fd, 1 << 20)
            if not chunk:
                self.process.wait()
                raise self._failure(op, "the Engram process ended (exit code %s)" % self.process.returncode)
            self._buffer += chunk
        line, self._buffer = self._buffer.split(b"\n", 1)
        try:
            reply = json.loads(line.decode("utf-8"))
        except ValueError:
            raise self._failure(op, "the reply is not JSON: %r" % line[:200])
        if not isinstance(reply, dict) or "ok" not in reply:
            raise self._failure(op, "the reply is not a reply object: %r" % line[:200])
        return reply

    def _failure(self, op, reason):
        """Stops the process and describes the failure with what it wrote on standard error."""
        self._stop()
        time.sleep(0.05)  # lets the collector take the last lines the process wrote
        tail = "\n".join(self._stderr)
        return EngramError("Engram failed on '%s': %s%s" % (
            op, reason, "; its standard error ends:\n" + tail if tail else "; it wrote nothing on standard error"))

    def _stop(self):
        if self.process.poll() is None:
            self.process.kill()
            self.process.wait()
        _live.discard(self)

    def close(self):
        """Ends the process: politely when it answers, else by force."""
        if self.alive:
            try:
                self.request("end", timeout_s=10.0)
                self.process.wait(timeout=10)
            except (EngramError, subprocess.TimeoutExpired):
                pass
        self._stop()
        for stream in (self.process.stdin, self.process.stdout):
            try:
                stream.close()
            except OSError:
                pass


_live = weakref.WeakSet()


@atexit.register
def _end_all():
    for server in list(_live):
        server.close()

"""bin/keep-running, which `make run` wraps the e-mail worker and the scheduler in: a process that
stops is started again, and stopping the wrapper stops it too."""

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

SCRIPT = Path(__file__).resolve().parent.parent / "bin" / "keep-running"


def wait_until(condition, seconds=20):
    deadline = time.monotonic() + seconds
    while not condition():
        assert time.monotonic() < deadline, "gave up waiting"
        time.sleep(0.05)


def test_a_process_that_stops_is_started_again_and_stops_with_it(tmp_path):
    starts = tmp_path / "starts"
    # Each run notes its process id, and the first two stop at once, as a worker that fails would.
    program = (
        "import os, sys, time; from pathlib import Path; p = Path(sys.argv[1]);"
        "p.open('a').write(f'{os.getpid()}\\n');"
        "sys.exit(1) if len(p.read_text().split()) < 3 else time.sleep(600)"
    )
    wrapper = subprocess.Popen(
        [str(SCRIPT), "worker", sys.executable, "-c", program, str(starts)],
        env={**os.environ, "KEEP_RUNNING_DELAY": "0.1"},
        stderr=subprocess.PIPE,
        text=True,
    )
    try:
        wait_until(lambda: starts.exists() and len(starts.read_text().split()) == 3)
        last = int(starts.read_text().split()[-1])
    finally:
        wrapper.send_signal(signal.SIGTERM)
        wrapper.wait(timeout=20)
    log = wrapper.stderr.read()

    assert log.count("worker stopped (exit status 1); starting it again in 0.1 seconds") == 2
    wait_until(lambda: has_ended(last))  # the command it was keeping stopped with it


def has_ended(pid):
    """No such process, or one that has ended and only waits to be reaped."""
    try:
        return "(zombie)" in Path(f"/proc/{pid}/status").read_text()
    except FileNotFoundError:
        return True

"""Every documented command's main path, run as a user types it: a subprocess, the shipped recipe or config.

Each test runs ``python -m cosmosqa_ptbr.cli <command> ...`` in a fresh temporary folder (offline; the
translation against a loopback server) and checks the exit status, that nothing printed a traceback, and the
files the command promises. The ones that load the embedded model are marked slow.
"""

from __future__ import annotations

import os
import subprocess
import sys
from collections.abc import Sequence
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]


def run_cli(
    args: Sequence[str], cwd: Path, *, env: dict[str, str] | None = None, timeout: float = 600
) -> subprocess.CompletedProcess[str]:
    """Run ``cosmosqa-ptbr ARGS`` in ``cwd`` as a user would (offline), and return what it printed."""
    environment = {**os.environ, "HF_HUB_OFFLINE": "1", "HF_DATASETS_OFFLINE": "1", **(env or {})}
    # The tests import the checkout's package; the subprocess must run that same copy.
    environment["PYTHONPATH"] = os.pathsep.join(filter(None, [str(REPO), environment.get("PYTHONPATH")]))
    return subprocess.run(
        [sys.executable, "-m", "cosmosqa_ptbr.cli", *args],
        cwd=cwd,
        env=environment,
        capture_output=True,
        text=True,
        timeout=timeout,
    )


def assert_clean(result: subprocess.CompletedProcess[str], code: int = 0) -> None:
    """The command exited with ``code`` and printed no traceback."""
    shown = f"exit {result.returncode}\nstdout:\n{result.stdout[-3000:]}\nstderr:\n{result.stderr[-3000:]}"
    assert result.returncode == code, shown
    assert "Traceback" not in result.stdout + result.stderr, shown


# --------------------------------------------------------------------------------------------- data, cards, hub


# --------------------------------------------------------------------------------------------- translate


# --------------------------------------------------------------------------------------------- evaluate, score,
# compare, leaderboard


# --------------------------------------------------------------------------------------------- train

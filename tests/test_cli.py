"""The `cosmosqa-ptbr` command line: fast help, one subcommand per capability."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from cosmosqa_ptbr.cli import SUBCOMMANDS, build_parser

HEAVY_MODULES = ("torch", "transformers", "datasets", "evaluate", "openai", "gradio", "trl", "peft")


def _imported_after(code: str) -> set[str]:
    probe = f"{code}\nimport json, sys\nprint(json.dumps(sorted(sys.modules)))"
    out = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, check=True)
    return set(json.loads(out.stdout.strip().splitlines()[-1]))


def test_top_level_help_imports_no_heavy_library() -> None:
    """`cosmosqa-ptbr --help` lists every subcommand without importing torch, datasets or the like."""
    code = (
        "import contextlib, io\n"
        "from cosmosqa_ptbr.cli import main\n"
        "buffer = io.StringIO()\n"
        "with contextlib.redirect_stdout(buffer), contextlib.suppress(SystemExit):\n"
        "    main(['--help'])\n"
        "assert all(name in buffer.getvalue() for name in " + repr(list(SUBCOMMANDS)) + ")\n"
    )
    loaded = _imported_after(code)
    assert not loaded & set(HEAVY_MODULES), sorted(loaded & set(HEAVY_MODULES))


@pytest.mark.parametrize("command", list(SUBCOMMANDS))
def test_each_subcommand_help_is_light(command: str) -> None:
    """Every subcommand's `--help` answers without importing torch, datasets or another heavy library."""
    code = (
        "import contextlib, io\n"
        "from cosmosqa_ptbr.cli import main\n"
        "buffer = io.StringIO()\n"
        "with contextlib.redirect_stdout(buffer), contextlib.suppress(SystemExit):\n"
        f"    main([{command!r}, '--help'])\n"
        f"assert 'usage: cosmosqa-ptbr {command}' in buffer.getvalue(), buffer.getvalue()\n"
    )
    loaded = _imported_after(code)
    assert not loaded & set(HEAVY_MODULES), sorted(loaded & set(HEAVY_MODULES))


def test_unknown_subcommand_is_rejected_with_the_choices(capsys: pytest.CaptureFixture[str]) -> None:
    """An unknown subcommand exits with status 2 and names the valid ones."""
    with pytest.raises(SystemExit) as exit_info:
        build_parser(["frobnicate"]).parse_args(["frobnicate"])
    assert exit_info.value.code == 2
    assert "evaluate" in capsys.readouterr().err


def test_console_script_reports_the_version() -> None:
    """The installed console script answers `--version` with the package version."""
    from cosmosqa_ptbr import __version__

    # The script sits beside the interpreter running the tests; the venv need not be on PATH.
    script = Path(sys.executable).with_name("cosmosqa-ptbr")
    out = subprocess.run([str(script), "--version"], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == f"cosmosqa-ptbr {__version__}"

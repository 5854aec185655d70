"""The `cosmosqa-ptbr` command line: fast help, one subcommand per capability."""

from __future__ import annotations

import argparse
import json
import os
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


def _boolean_settings(parser: argparse.ArgumentParser, prefix: list[str]) -> list[tuple[list[str], str, str]]:
    """``(argv up to the flag, --flag, dest)`` for each boolean setting (a --x with a --no-x) under ``parser``."""
    required: list[str] = []
    for action in parser._actions:
        if action.required and action.option_strings:
            required += [action.option_strings[0], "x"]
    found = []
    for action in parser._actions:
        if isinstance(action, argparse._SubParsersAction):
            for name, sub in action.choices.items():
                found += _boolean_settings(sub, [*prefix, name])
    options = parser._option_string_actions
    for option, action in options.items():
        positive = "--" + option.removeprefix("--no-")
        if option.startswith("--no-") and positive in options and options[positive].dest == action.dest:
            found.append(([*prefix, *required], positive, action.dest))
    return found


def _every_boolean_setting() -> list[tuple[list[str], str, str]]:
    """The boolean settings of every subcommand, each parser built as the CLI builds it for that command."""
    found = []
    for command in SUBCOMMANDS:
        top = build_parser([command])
        subparsers = next(a for a in top._actions if isinstance(a, argparse._SubParsersAction))
        found += _boolean_settings(subparsers.choices[command], [command])
    return found


BOOLEAN_SETTINGS = _every_boolean_setting()
BOOLEAN_IDS = [f"{argv[0]} {flag}" for argv, flag, _ in BOOLEAN_SETTINGS]


def test_boolean_settings_are_found_in_every_command_that_has_them() -> None:
    """The scan below covers train, evaluate, translate, space and metric (the commands with boolean settings)."""
    commands = {argv[0] for argv, _, _ in BOOLEAN_SETTINGS}
    assert {"train", "evaluate", "translate", "space", "metric"} <= commands
    assert ("--baseline_eval", "baseline_eval") in {(flag, dest) for _, flag, dest in BOOLEAN_SETTINGS}


@pytest.mark.parametrize(("argv", "flag", "dest"), BOOLEAN_SETTINGS, ids=BOOLEAN_IDS)
def test_every_boolean_setting_takes_a_value_as_a_recipe_spells_it(argv: list[str], flag: str, dest: str) -> None:
    """`--x false`, `--x=0`, `--x no` turn a boolean off and `--x`, `--x yes`, `--x TRUE` on; `--no-x` still works."""
    spellings = {
        (flag, "false"): False,
        (f"{flag}=0",): False,
        (flag, "no"): False,
        ("--no-" + flag.removeprefix("--"),): False,
        (flag,): True,
        (flag, "yes"): True,
        (flag, "TRUE"): True,
    }
    for given, expected in spellings.items():
        full = [*argv, *given]
        args = build_parser(full).parse_args(full)
        assert getattr(args, dest) is expected, given


def _dests(parser: argparse.ArgumentParser) -> set[str]:
    found = set()
    for action in parser._actions:
        if isinstance(action, argparse._SubParsersAction):
            for sub in action.choices.values():
                found |= _dests(sub)
        found.add(action.dest)
    return found - {"help", argparse.SUPPRESS}


@pytest.mark.parametrize("command", list(SUBCOMMANDS))
def test_no_option_of_a_subcommand_shares_a_name_with_the_clis_own(command: str) -> None:
    """`debug`, `command` and `version` belong to the CLI: a setting of that name would take their value unasked."""
    top = build_parser([command])
    own = {action.dest for action in top._actions if not isinstance(action, argparse._SubParsersAction)}
    subparsers = next(a for a in top._actions if isinstance(a, argparse._SubParsersAction))
    own = (own | {subparsers.dest}) - {"help", argparse.SUPPRESS}
    assert own >= {"debug", "command"}
    assert not _dests(subparsers.choices[command]) & own


@pytest.mark.parametrize(
    ("args", "named"),
    [
        (["translate", "--base-url", "http://127.0.0.1:9/v1"], "--input, --output"),
        (["evaluate", "--mode", "foo"], "invalid choice: 'foo'"),
        (["evaluate", "--shots"], "--shots: expected one argument"),
        (["score", "--predictions", "gen.jsonl", "--extractor", "regex"], "'ours', 'leaderboard'"),
    ],
)
def test_a_usage_mistake_is_one_line_that_points_to_help(args: list[str], named: str, tmp_path: Path) -> None:
    """A missing option, a value not among the choices or a missing value exits 2 in one line naming --help."""
    command = [sys.executable, "-m", "cosmosqa_ptbr.cli", *args]
    env = {**os.environ, "HF_HUB_OFFLINE": "1"}
    result = subprocess.run(command, cwd=tmp_path, env=env, capture_output=True, text=True, timeout=120)
    lines = result.stderr.splitlines()
    assert result.returncode == 2 and len(lines) == 1, result.stderr
    assert named in lines[0] and f"see `cosmosqa-ptbr {args[0]} --help`" in lines[0], result.stderr

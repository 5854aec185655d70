"""From a settings dataclass to command-line flags and back: the one way every subcommand declares options.

A setting is declared once, as a dataclass field with ``help`` metadata (and ``choices`` where the type does not
say them). :func:`add_settings` turns the fields into ``--flags`` (type, choices, default shown in ``--help``);
:func:`add_config_option` adds ``--config FILE.yaml`` (the one meaning of ``--config`` in every command, as in
lm-eval and TRL), and :func:`settings_from_args` merges the dataclass defaults, that YAML file and the flags the
user typed (in that order of precedence, lowest first), checks every value against the field's type and builds
the dataclass, whose ``__post_init__`` checks ranges. Nothing here imports more than the standard library and
PyYAML (on demand), so ``--help`` stays instant.

>>> from dataclasses import dataclass, field
>>> @dataclass
... class Demo:
...     steps: int = field(default=3, metadata={"help": "how many"})
...     mode: str = field(default="a", metadata={"help": "which", "choices": ("a", "b")})
>>> parser = argparse.ArgumentParser()
>>> add_settings(parser, Demo)
>>> settings_from_args(Demo, parser.parse_args(["--steps", "5"]))
Demo(steps=5, mode='a')
"""

from __future__ import annotations

import argparse
import dataclasses
import difflib
import importlib.util
import os
import sys
import types
import typing
from collections.abc import Callable, Iterable, Mapping, Sequence
from enum import Enum
from pathlib import Path
from typing import Any, Literal

__all__ = [
    "CONFIG_HELP",
    "CommandError",
    "CommandParser",
    "HelpFormatter",
    "MissingExtraError",
    "SettingsError",
    "accept_open_settings",
    "add_config_option",
    "add_settings",
    "check_writable",
    "coerce",
    "debug_requested",
    "module_main",
    "print_deprecation",
    "read_settings_file",
    "require_extra",
    "run_guarded",
    "settings_from_args",
    "settings_from_mapping",
    "settings_given",
    "subcommand_parser",
    "unknown_key_message",
]


class CommandError(Exception):
    """A mistake the user can fix; the message says what is wrong, where, and how to fix it.

    The CLI prints it as one line (``cosmosqa-ptbr <command>: error: <message>``) and exits with status 2.
    """


class SettingsError(CommandError, ValueError):
    """A setting (flag, recipe key or argument) has a wrong name, type or value."""


class MissingExtraError(CommandError):
    """An optional dependency of a command is not installed: the message names the extra that brings it."""


def require_extra(what: str, extra: str, modules: Sequence[str]) -> None:
    """Raise :class:`MissingExtraError` (``pip install 'cosmosqa-ptbr[<extra>]'``) unless ``modules`` import.

    ``what`` names the work that needs them ("training"). Called before a command loads anything of its own, so
    a missing extra costs the user one line, not a ``ModuleNotFoundError`` after the data or a model has loaded.
    """
    needs = " and ".join([", ".join(modules[:-1]), modules[-1]] if len(modules) > 1 else modules)

    def missing(cause: str) -> MissingExtraError:
        return MissingExtraError(f"{what} needs {needs}, and {cause}: pip install 'cosmosqa-ptbr[{extra}]'")

    # find_spec says "not installed" without importing anything; the imports then catch a broken install.
    absent = [module for module in modules if importlib.util.find_spec(module) is None]
    if absent:
        raise missing(f"{absent[0]} is not installed")
    for module in modules:
        try:
            importlib.import_module(module)
        except ImportError as error:
            name = (error.name or module).split(".")[0]
            if name in modules:
                raise missing(f"{name} is not installed") from error
            reason = " ".join(str(error).split())
            raise missing(f"{module} cannot be imported ({type(error).__name__}: {reason})") from error


def print_deprecation(command: str | None, message: str) -> None:
    """Print ``cosmosqa-ptbr <command>: deprecated: <message>`` on stderr: an old spelling that works for one release.

    A line on stderr rather than a ``DeprecationWarning``, which Python hides outside ``__main__``: the user who
    typed the old spelling is the one who must see it.
    """
    prefix = f"cosmosqa-ptbr {command}" if command else "cosmosqa-ptbr"
    print(f"{prefix}: deprecated: {message}", file=sys.stderr)


def debug_requested(argv: Sequence[str]) -> bool:
    """True when ``--debug`` is among ``argv`` or ``COSMOSQA_DEBUG`` is set (not 0): show tracebacks."""
    return "--debug" in argv or os.environ.get("COSMOSQA_DEBUG", "") not in ("", "0")


def run_guarded(command: str, run: Callable[[], int | None], *, debug: bool = False) -> int:
    """Run a subcommand inside the error boundary; return its exit status.

    A :class:`CommandError` prints ``cosmosqa-ptbr <command>: error: <message>`` on stderr and gives 2 (with
    ``debug`` it is re-raised, traceback and all); Ctrl-C gives 130. Any other exception is a bug and propagates.
    """
    try:
        return int(run() or 0)
    except CommandError as error:
        if debug:
            raise
        print(f"cosmosqa-ptbr {command}: error: {error}", file=sys.stderr)
        return 2
    except KeyboardInterrupt:
        print(f"cosmosqa-ptbr {command}: interrupted", file=sys.stderr)
        return 130


def module_main(
    command: str, main: Callable[[argparse.Namespace], int | None], make_parser: Callable[[], argparse.ArgumentParser]
) -> int:
    """``python -m cosmosqa_ptbr.<package>``: parse ``sys.argv`` with the subcommand's parser, run it guarded."""
    argv = sys.argv[1:]
    debug = debug_requested(argv)
    args = make_parser().parse_args([arg for arg in argv if arg != "--debug"])
    return run_guarded(command, lambda: main(args), debug=debug)


class CommandParser(argparse.ArgumentParser):
    """A parser whose usage mistakes (a missing or unknown option, a value not among the choices) are one line, as
    every other mistake of the CLI is: what is wrong, and where the options are described; exit status 2."""

    def error(self, message: str) -> typing.NoReturn:
        self.exit(2, f"{self.prog}: error: {message}; see `{self.prog} --help`\n")


class HelpFormatter(argparse.ArgumentDefaultsHelpFormatter):
    """Shows an option's default only where it tells something: not None, not for flags, not twice."""

    def _get_help_string(self, action: argparse.Action) -> str:
        text = action.help or ""
        is_flag = action.nargs == 0
        if is_flag or action.default in (None, argparse.SUPPRESS) or "(default" in text or "default:" in text:
            return text
        return super()._get_help_string(action) or text


def subcommand_parser(subparsers: Any | None, name: str, description: str) -> argparse.ArgumentParser:
    """Return the parser for subcommand ``name``: attached to ``subparsers``, or standalone for ``-m``.

    The standalone form lets a module run as ``python -m cosmosqa_ptbr.<package>`` (and under
    ``accelerate launch -m``) with the same options as ``cosmosqa-ptbr <name>``.
    """
    formatter = HelpFormatter
    if subparsers is None:
        return CommandParser(prog=f"cosmosqa-ptbr {name}", description=description, formatter_class=formatter)
    summary = description.split(". ")[0].rstrip(".")
    return subparsers.add_parser(name, help=summary, description=description, formatter_class=formatter)


# --------------------------------------------------------------------------------------------- types


def _strip_optional(hint: Any) -> tuple[Any, bool]:
    origin = typing.get_origin(hint)
    if origin is typing.Union or origin is types.UnionType:
        args = [a for a in typing.get_args(hint) if a is not type(None)]
        optional = len(args) < len(typing.get_args(hint))
        if len(args) == 1:
            return args[0], optional
        return typing.Union[tuple(args)], optional  # noqa: UP007 - rebuilt at runtime
    return hint, False


def coerce(key: str, value: Any, hint: Any, where: str) -> Any:
    """Check ``value`` against the type ``hint`` of setting ``key``; convert the spellings that need it.

    Strings from a command line or YAML become ints, floats, bools and lists (``"4e-5"`` -> 4e-05, ``"a,b"``
    -> ``["a", "b"]``, ``"null"`` -> None where the field is optional). Raises :class:`SettingsError`
    naming the key, ``where`` it came from and the type expected.
    """
    base, optional = _strip_optional(hint)

    def bad(expected: str) -> SettingsError:
        return SettingsError(f"setting {key!r} in {where} must be {expected}, got {value!r}")

    if optional and isinstance(value, str) and value.strip().lower() in ("null", "~"):
        value = None  # how a command line spells YAML's null
    if value is None:
        if optional:
            return None
        raise bad("set (it cannot be null)")
    origin = typing.get_origin(base)
    if origin is typing.Union or origin is types.UnionType:
        members = typing.get_args(base)
        if str in members or any(isinstance(m, type) and issubclass(m, Enum) for m in members):
            return value  # free-form or enum-or-string: the dataclass itself checks it
        for member in members:
            try:
                return coerce(key, value, member, where)
            except SettingsError:
                continue
        raise bad(" or ".join(getattr(m, "__name__", str(m)) for m in members))
    if origin is Literal:
        choices = typing.get_args(base)
        if value not in choices:
            raise bad("one of " + ", ".join(repr(c) for c in choices))
        return value
    if base is bool:
        if isinstance(value, bool):
            return value
        if isinstance(value, str) and value.lower() in ("true", "false", "yes", "no", "1", "0"):
            return value.lower() in ("true", "yes", "1")
        raise bad("true or false")
    if base is int:
        if isinstance(value, int) and not isinstance(value, bool):
            return value
        if isinstance(value, str) and value.strip().lstrip("-").isdigit():
            return int(value)
        raise bad("an integer")
    if base is float:
        if isinstance(value, (int, float)) and not isinstance(value, bool):
            return float(value)
        if isinstance(value, str):
            try:
                return float(value)  # YAML 1.1 reads 4e-5 (no dot) as a string
            except ValueError:
                pass
        raise bad("a number")
    if base is str:
        if isinstance(value, str):
            return value
        if isinstance(value, (int, float)) and not isinstance(value, bool):
            return str(value)  # YAML reads a bare 0 or 1.5 as a number where the field wants text
        raise bad("a string")
    if origin in (list, tuple):
        (item, *_rest) = typing.get_args(base) or (Any,)
        if isinstance(value, str) and item is str:
            value = [part.strip() for part in value.split(",") if part.strip()]
        if isinstance(value, tuple):
            value = list(value)
        if not isinstance(value, list):
            raise bad("a list")
        return value if item is Any else [coerce(key, v, item, where) for v in value]
    if isinstance(base, type) and issubclass(base, Enum):
        allowed = [m.value for m in base]
        if value not in allowed and value not in list(base):
            raise bad("one of " + ", ".join(repr(a) for a in allowed))
    return value


def unknown_key_message(key: str, known: Iterable[str], where: str, command: str | None = None) -> str:
    """``unknown setting 'lerning_rate' in <where>; did you mean learning_rate?``"""
    close = difflib.get_close_matches(key, list(known), n=3, cutoff=0.6)
    if close:
        hint = f"; did you mean {', '.join(close)}?"
    else:
        hint = f"; see `cosmosqa-ptbr {command} --help` for the settings" if command else ""
    return f"unknown setting {key!r} in {where}{hint}"


def read_settings_file(path: str | Path, *, kind: str = "settings file", example: str = "") -> dict[str, Any]:
    """Read a YAML (or JSON) mapping of ``setting: value``; raise :class:`SettingsError` naming the fix."""
    import yaml

    path = Path(path)
    fix = f", e.g. {example}" if example else ""
    if path.is_dir():
        raise SettingsError(f"{kind} {str(path)!r} is a folder: pass a YAML file{fix}")
    if not path.is_file():
        raise SettingsError(f"{kind} {str(path)!r} does not exist: pass a YAML file{fix}")
    try:
        data = yaml.safe_load(path.read_text(encoding="utf-8-sig"))
    except UnicodeDecodeError as error:
        message = f"{kind} {str(path)!r} is not UTF-8 text (byte {error.start}): save it as UTF-8"
        raise SettingsError(message) from error
    except yaml.YAMLError as error:
        message = f"{kind} {str(path)!r} is not valid YAML: {' '.join(str(error).split())}"
        raise SettingsError(message) from error
    if data is None:
        return {}
    if not isinstance(data, dict):
        message = f"{kind} {str(path)!r} must be a YAML mapping of setting: value, got {type(data).__name__}"
        raise SettingsError(message)
    return data


# --------------------------------------------------------------------------------------------- flags


def _flag(name: str) -> str:
    return "--" + name.replace("_", "-")


#: How a command line or a recipe spells a boolean (any case): the same words :func:`coerce` reads.
_TRUE_WORDS = ("true", "yes", "1")
_FALSE_WORDS = ("false", "no", "0")


class _BooleanSetting(argparse.Action):
    """``--x`` turns a setting on; ``--x VALUE`` / ``--x=VALUE`` takes true/false/yes/no/1/0, as a recipe does.

    Any other word is stored as given, so that :func:`coerce` refuses it in one line naming the setting.
    """

    def __call__(self, parser: argparse.ArgumentParser, namespace: Any, values: Any, option_string: Any = None) -> None:
        value: Any = True if values is None else values
        if isinstance(value, str) and value.strip().lower() in _TRUE_WORDS + _FALSE_WORDS:
            value = value.strip().lower() in _TRUE_WORDS
        setattr(namespace, self.dest, value)


def _default(spec: dataclasses.Field) -> Any:
    if spec.default_factory is not dataclasses.MISSING:
        return spec.default_factory()
    return None if spec.default is dataclasses.MISSING else spec.default


def add_settings(
    parser: argparse.ArgumentParser | argparse._ArgumentGroup,
    cls: type,
    *,
    exclude: Iterable[str] = (),
    title: str | None = None,
) -> None:
    """Add one ``--flag`` per init field of dataclass ``cls`` (``--max-new-tokens`` and ``--max_new_tokens``).

    Flags default to "not given" (``argparse.SUPPRESS``), so :func:`settings_from_args` can tell what the user
    typed from what a ``--config`` file or the dataclass default supplies. Booleans get ``--x [true|false]``
    (also yes/no/1/0, the spellings a recipe uses) and ``--no-x``; lists
    take several values (and add up over repeated flags with ``repeatable`` metadata); ``Literal`` types and
    ``choices`` metadata become argparse choices.
    """
    target = parser.add_argument_group(title, (cls.__doc__ or "").strip()) if title else parser
    hints = typing.get_type_hints(cls)
    skipped = set(exclude)
    for spec in dataclasses.fields(cls):
        if not spec.init or spec.name in skipped or spec.metadata.get("cli") is False:
            continue
        base, _ = _strip_optional(hints[spec.name])
        default = _default(spec)
        help_text = str(spec.metadata.get("help", ""))
        if default is not None and "default" not in help_text and not isinstance(default, bool):
            help_text += f" (default: {default})"
        flags = [_flag(spec.name)]
        if "_" in spec.name:
            flags.append("--" + spec.name)
        kwargs: dict[str, Any] = {"dest": spec.name, "default": argparse.SUPPRESS, "help": help_text}
        choices = spec.metadata.get("choices")
        if typing.get_origin(base) is Literal:
            choices = typing.get_args(base)
        if base is bool:
            off = "--no-" + flags[0][2:]
            kwargs.update(action=_BooleanSetting, nargs="?", metavar="true|false")
            kwargs["help"] = help_text + f" (default: {'on' if default else 'off'}; {off} turns it off)"
            # The negation stays out of the option list: the help line names it.
            target.add_argument(
                *("--no-" + flag[2:] for flag in flags),
                dest=spec.name,
                action="store_false",
                default=argparse.SUPPRESS,
                help=argparse.SUPPRESS,
            )
        else:
            if choices:
                kwargs["choices"] = list(choices)
            if typing.get_origin(base) in (list, tuple):
                kwargs["nargs"] = "+"
                if spec.metadata.get("repeatable"):
                    kwargs["action"] = "extend"  # `--x a --x b` adds up instead of the last one winning
            kwargs["metavar"] = spec.metadata.get("metavar", spec.name.upper() if not choices else None)
            if kwargs["metavar"] is None:
                del kwargs["metavar"]
        target.add_argument(*flags, **kwargs)


#: ``--config``'s help, the same in every command.
CONFIG_HELP = (
    "YAML file of settings (as lm-eval's and TRL's --config): one key per setting, named as its flag with '_' "
    "(--max-new-tokens is max_new_tokens: 32); flags given here win over the file"
)


def _command_of(parser: argparse.ArgumentParser) -> str:
    return parser.prog.removeprefix("cosmosqa-ptbr").strip()


class _ConfigFile(argparse.Action):
    """``--config FILE.yaml``; where ``--config`` once named the dataset config, such a word still sets it, with a
    deprecation line, when no file of that name exists."""

    def __init__(
        self, option_strings: list[str], dest: str, dataset_configs: Sequence[str] = (), **kwargs: Any
    ) -> None:
        self.dataset_configs = tuple(dataset_configs)
        super().__init__(option_strings, dest, **kwargs)

    def __call__(self, parser: argparse.ArgumentParser, namespace: Any, values: Any, option_string: Any = None) -> None:
        if values in self.dataset_configs and not Path(values).exists():
            message = f"--config now reads a settings file, as in lm-eval and TRL: write --dataset-config {values}"
            print_deprecation(_command_of(parser), message)
            namespace.dataset_config = values
            return
        setattr(namespace, self.dest, values)


class _SettingsFlag(argparse.Action):
    """``--settings FILE``, the old name of ``--config FILE``: kept for one release, with a deprecation line."""

    def __call__(self, parser: argparse.ArgumentParser, namespace: Any, values: Any, option_string: Any = None) -> None:
        message = f"--settings is now --config, as in lm-eval and TRL: write --config {values}"
        print_deprecation(_command_of(parser), message)
        namespace.config = values


def add_config_option(
    parser: argparse.ArgumentParser | argparse._ArgumentGroup,
    *,
    dataset_configs: Sequence[str] = (),
    settings_flag: bool = False,
    metavar: str = "FILE.yaml",
    more_help: str = "",
) -> None:
    """Add ``--config FILE.yaml`` (into ``args.config``): the settings file :func:`settings_from_args` reads.

    For one release, the commands where ``--config`` named the dataset config pass those names as
    ``dataset_configs``: ``--config sample`` (no such file) then sets ``dataset_config`` with a deprecation line;
    ``settings_flag`` keeps ``--settings FILE`` as an old name of ``--config FILE``, also with a line.
    """
    parser.add_argument(
        "--config",
        metavar=metavar,
        action=_ConfigFile,
        dataset_configs=dataset_configs,
        default=None,
        help=CONFIG_HELP + more_help,
    )
    if settings_flag:
        parser.add_argument("--settings", metavar="FILE.yaml", action=_SettingsFlag, help=argparse.SUPPRESS)


def settings_given(args: argparse.Namespace, *classes: type) -> dict[str, Any]:
    """Return the settings of dataclasses ``classes`` that ``args`` holds: the flags :func:`add_settings` declared.

    The namespace also holds the CLI's own options (``command``, ``debug``, a subcommand's ``--resume``...): only
    init fields of ``classes`` are settings, so none of those can reach a settings object.
    """
    names = {spec.name for cls in classes for spec in dataclasses.fields(cls) if spec.init}
    return {key: value for key, value in vars(args).items() if key in names}


def settings_from_mapping(cls: type, values: Mapping[str, Any], where: str, *, command: str | None = None) -> Any:
    """Build dataclass ``cls`` from ``values`` (checked by name and type); wrong input raises SettingsError."""
    hints = typing.get_type_hints(cls)
    known = {spec.name: spec for spec in dataclasses.fields(cls) if spec.init}
    kwargs = {}
    for key, value in values.items():
        name = key.replace("-", "_")
        if name not in known:
            raise SettingsError(unknown_key_message(key, known, where, command))
        kwargs[name] = coerce(name, value, hints[name], where)
    try:
        return cls(**kwargs)
    except SettingsError:
        raise
    except (ValueError, TypeError) as error:
        raise SettingsError(f"{where}: {error}") from error


def settings_from_args(
    cls: type,
    args: argparse.Namespace,
    *,
    config: str | Path | None = None,
    command: str | None = None,
    example: str = "",
) -> Any:
    """Build dataclass ``cls`` from a YAML file overridden by the flags given in ``args``.

    The file is ``config``, else the ``--config`` of ``args`` (:func:`add_config_option`), else none. A key the
    class renamed (its ``RENAMED_SETTINGS``, old name -> new) is read under its new name with a deprecation line.
    """
    values: dict[str, Any] = {}
    sources: list[tuple[str, Mapping[str, Any]]] = []
    config = config if config is not None else getattr(args, "config", None)
    if config is not None:
        sources.append((f"settings file {str(config)!r}", read_settings_file(config, example=example)))
    names = {spec.name for spec in dataclasses.fields(cls) if spec.init}
    renamed: Mapping[str, str] = getattr(cls, "RENAMED_SETTINGS", {})
    sources.append(("the command line", settings_given(args, cls)))
    hints = typing.get_type_hints(cls)
    for where, mapping in sources:
        for key, value in mapping.items():
            name = str(key).replace("-", "_")
            if name in renamed:
                if renamed[name] in mapping:
                    message = f"{where} sets both {name!r} and {renamed[name]!r}, its new name: keep {renamed[name]!r}"
                    raise SettingsError(message)
                print_deprecation(command, f"setting {name!r} in {where} is now {renamed[name]!r}: rename the key")
                name = renamed[name]
            if name not in names:
                raise SettingsError(unknown_key_message(str(key), names, where, command))
            values[name] = coerce(name, value, hints[name], where)
    return settings_from_mapping(cls, values, "the settings", command=command)


# --------------------------------------------------------------------------------------------- open settings


def _open_setting_pairs(parser: argparse.ArgumentParser, extras: list[str]) -> dict[str, Any]:
    """Turn the options argparse did not know (``--key value``, ``--key=value``, ``--flag``, ``--key a b``: a list)
    into settings."""
    settings: dict[str, Any] = {}
    index = 0
    while index < len(extras):
        token = extras[index]
        if not token.startswith("--") or len(token) == 2:
            parser.error(f"unexpected argument {token!r}: settings are given as --key value")
        name, given, value = token[2:].partition("=")
        name = name.replace("-", "_")
        value_of: Any = value
        if not given:
            values = []
            while index + 1 < len(extras) and not extras[index + 1].startswith("--"):
                values.append(extras[index + 1])
                index += 1
            if values:
                value_of = values[0] if len(values) == 1 else values
            elif name.startswith("no_"):
                name, value_of = name[3:], "false"
            else:
                value_of = "true"
        settings[name] = value_of
        index += 1
    return settings


def accept_open_settings(parser: argparse.ArgumentParser, dest: str = "extra_settings") -> None:
    """Let ``parser`` take ``--key value`` options it does not declare, collected into ``args.<dest>``.

    For settings that belong to a library's dataclass (every ``trl.SFTConfig`` field for ``train``): declaring
    them would import that library on ``--help``. They are checked by name and type later, with the recipe's
    values, by :func:`coerce` against the library's own dataclass.
    """
    original = parser.parse_known_args

    def parse_known_args(args: Any = None, namespace: Any = None) -> tuple[argparse.Namespace, list[str]]:
        namespace, extras = original(args, namespace)
        setattr(namespace, dest, _open_setting_pairs(parser, list(extras)))
        return namespace, []

    parser.parse_known_args = parse_known_args  # type: ignore[method-assign]


def _probe_write(folder: Path) -> str | None:
    """Create and remove a file in ``folder``; return why that failed, or None. Permission bits alone do not tell
    (root ignores them; a read-only mount keeps them)."""
    import tempfile

    try:
        handle, name = tempfile.mkstemp(prefix=".cosmosqa-ptbr-write-check-", dir=folder)
    except OSError as error:
        return error.strerror or type(error).__name__
    os.close(handle)
    os.unlink(name)
    return None


def check_writable(
    path: str | Path, flag: str, *, folder: bool, error: Callable[[str], Exception] = CommandError
) -> None:
    """Refuse, before any work, an output ``path`` the command could not write: one line naming it and the cause.

    ``folder``: ``path`` is a folder to create or fill, else a file to create or replace. Refused: a folder that is a
    file (or a file that is a folder), a path under a file, and a place where no file can be created (a read-only
    folder or file system). ``error`` builds the exception (a :class:`CommandError` by default).
    """
    path = Path(path)
    if folder and path.exists() and not path.is_dir():
        raise error(f"{flag} {path} is a file, not a folder: pass a folder (it is created if needed)")
    if not folder and path.is_dir():
        raise error(f"{flag} {path} is a folder: name a file to write")
    ancestor = path if folder else path.parent
    while not ancestor.exists() and ancestor != ancestor.parent:
        ancestor = ancestor.parent
    if not ancestor.is_dir():
        raise error(f"{flag} {path} cannot be created: {ancestor} is a file, not a folder; pick another path")
    if not folder and path.exists() and not os.access(path, os.W_OK):
        raise error(f"{flag} {path} cannot be written (permission denied): pick another path")
    reason = _probe_write(ancestor)
    if reason is not None:
        raise error(
            f"{flag} {path} cannot be written: nothing can be created in {ancestor} ({reason}); pick another path"
        )

"""The ``metric`` subcommand: publish ``letter_accuracy`` as an ``evaluate`` community metric.

A community metric is a Gradio Space whose module file is named after the repo (``evaluate.load("NS/NAME")``
fetches ``NAME.py``), with a metric card (the YAML header ``evaluate-cli create`` writes: title, emoji, colours,
``sdk: gradio``, ``sdk_version``, ``app_file: app.py``, tags, description), an ``app.py`` showing the widget and a
``requirements.txt``. The Space runs the module with the package source beside it (see :mod:`.bundle`);
a user who loads the metric from the Hub needs ``cosmosqa-ptbr`` installed, which the card says.
"""

from __future__ import annotations

import argparse
import re
import shutil
import tempfile
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Final

from ..cli.options import CommandError, SettingsError, add_settings, settings_from_args, subcommand_parser

__all__ = ["MetricBuild", "MetricPush", "build_metric", "main", "make_parser"]

METRIC: Final = "letter_accuracy"


def _check_name(name: str, flag: str) -> None:
    # evaluate imports NAME.py as a module: a hyphen (refused by evaluate-cli too) or a dot would break it.
    if not name.isidentifier():
        message = f"{flag}: the metric name {name!r} must be a Python identifier (letters, digits, _), e.g. {METRIC}"
        raise SettingsError(message)


@dataclass
class MetricBuild:
    """Where the metric Space folder is written and what the module is called."""

    output_dir: str | None = field(
        default=None,
        metadata={
            "help": "folder to write into: new, empty, or written by an earlier `metric build` (name it after the "
            "metric to load it with evaluate.load(FOLDER))"
        },
    )
    name: str = field(default=METRIC, metadata={"help": "module name: the file NAME.py evaluate.load looks for"})

    def __post_init__(self) -> None:
        _check_name(self.name, "--name")


@dataclass
class MetricPush:
    """The Space repo the metric goes to (its name is the module name)."""

    repo_id: str | None = field(default=None, metadata={"help": "Space repo of the metric", "metavar": f"NS/{METRIC}"})
    output_dir: str | None = field(
        default=None, metadata={"help": "keep the built folder here (same rules as `metric build`); default: temporary"}
    )
    private: bool = field(default=False, metadata={"help": "create the Space as private"})

    def __post_init__(self) -> None:
        if not self.repo_id:
            raise SettingsError("--repo-id NS/NAME is required: the Space repo to create or update")
        if self.repo_id.count("/") != 1 or not all(self.repo_id.split("/")):
            raise SettingsError(f"--repo-id must be 'namespace/name', got {self.repo_id!r}")
        _check_name(self.repo_id.split("/")[1], "--repo-id")


def build_metric(output_dir: str | Path, name: str = METRIC, *, with_package: bool = True) -> list[str]:
    """Write the community-metric folder; return the files written (paths inside it).

    The folder must be new, empty or written by an earlier ``metric build`` (:mod:`cosmosqa_ptbr.cli.folders`); it
    is locked while it is written.
    """
    from ..cli.folders import owned_folder, record_files, write_file
    from ..metrics import LETTER_ACCURACY
    from .bundle import copy_package, requirement_lines
    from .space import _gradio_version

    source = Path(LETTER_ACCURACY)
    with owned_folder(output_dir, command="metric build", flag="--output-dir") as folder:
        write_file(folder, f"{name}.py", (source / f"{METRIC}.py").read_bytes())
        card = (source / "README.md").read_text(encoding="utf-8")
        card, count = re.subn(r"(?m)^sdk_version: .*$", f"sdk_version: {_gradio_version()}", card, count=1)
        if not count:
            message = f"{source / 'README.md'} has no sdk_version line in its YAML header: the package is damaged"
            raise CommandError(message)
        write_file(folder, "README.md", card)
        app = (source / "app.py").read_text(encoding="utf-8").replace(f'"{METRIC}.py"', f'"{name}.py"')
        write_file(folder, "app.py", app)
        requirements = [
            "# The dependencies of cosmosqa-ptbr; the package itself is the cosmosqa_ptbr/ folder beside app.py",
            "# (written by `cosmosqa-ptbr metric build`).",
            *requirement_lines(),
        ]
        write_file(folder, "requirements.txt", "\n".join(requirements) + "\n")
        written = [f"{name}.py", "README.md", "app.py", "requirements.txt"]
        return record_files(folder, written + (copy_package(folder) if with_package else []), command="metric build")


def make_parser(subparsers: Any | None = None) -> argparse.ArgumentParser:
    """Parser of ``cosmosqa-ptbr metric`` (``build``, ``push``)."""
    parser = subcommand_parser(
        subparsers,
        "metric",
        "Publish the letter_accuracy metric as an evaluate community metric (a Space), loadable with "
        "evaluate.load('NS/NAME'). The token comes from HF_TOKEN or `hf auth login`.",
    )
    actions = parser.add_subparsers(dest="action", metavar="<action>", required=True)
    build = actions.add_parser(
        "build",
        help="write NAME.py, its card, app.py, requirements.txt and the package source",
        description="Write the metric Space folder; evaluate.load(FOLDER) loads it when FOLDER is named NAME.",
        formatter_class=parser.formatter_class,
    )
    add_settings(build, MetricBuild)
    push = actions.add_parser(
        "push",
        help="build the metric Space and upload exactly its files",
        description="Create the Space repo (gradio SDK) if needed and upload the files a build writes; the module "
        "is named after the repo.",
        formatter_class=parser.formatter_class,
    )
    add_settings(push, MetricPush)
    return parser


def main(args: argparse.Namespace) -> int:
    """Run ``cosmosqa-ptbr metric <action>``."""
    from ..cli.folders import locked_folder
    from .upload import push_folder_to_hub

    if args.action == "build":
        settings = settings_from_args(MetricBuild, args, command="metric build")
        if not settings.output_dir:
            raise SettingsError("--output-dir is required: the folder to write the metric into")
        files = build_metric(settings.output_dir, settings.name)
        print(f"built {settings.output_dir} ({len(files)} files)")
        return 0
    settings = settings_from_args(MetricPush, args, command="metric push")
    name = settings.repo_id.split("/")[1]
    scratch = None if settings.output_dir else tempfile.mkdtemp(prefix="cosmosqa-metric-")
    try:
        folder = settings.output_dir or str(Path(scratch or "") / name)
        # The folder stays locked from the build to the end of the upload: no other run changes what is sent.
        with locked_folder(folder, command="metric push", flag="--output-dir"):
            files = build_metric(folder, name)
            url = push_folder_to_hub(
                folder,
                settings.repo_id,
                repo_type="space",
                private=settings.private,
                files=files,
                space_sdk="gradio",
                commit_message=f"Upload the {name} evaluate metric with cosmosqa-ptbr",
                retry="the same command",
                keep_flag="--output-dir" if scratch else None,
            )
    finally:
        if scratch:
            shutil.rmtree(scratch, ignore_errors=True)
    print(f"pushed {url}; load it with evaluate.load({settings.repo_id!r})")
    return 0

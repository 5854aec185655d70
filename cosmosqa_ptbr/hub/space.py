"""The ``space`` subcommand: write a self-contained Gradio Space folder, and publish it.

``space build`` writes ``app.py`` (the app shipped in the package, ``hub/space_app/app.py``), ``README.md`` (the
Space card: YAML header with ``sdk: gradio`` at the installed Gradio version, models and dataset links),
``requirements.txt`` (the package's dependencies with its ``space`` extra), ``settings.json`` (the base model and
adapter the app serves by default) and ``cosmosqa_ptbr/`` (the package itself, see :mod:`.bundle`). The
repository's ``space/`` folder is the same output without ``cosmosqa_ptbr/``, kept equal by a test.
``space push`` uploads exactly the files a build wrote to a Space repo.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import tempfile
from dataclasses import dataclass, field
from importlib import resources
from pathlib import Path
from typing import Any, Final

from ..cli.options import CommandError, SettingsError, add_settings, settings_from_args, subcommand_parser
from ..schema import DEFAULT_REPO_ID, REFERENCE_ADAPTER, REFERENCE_BASE_MODEL

__all__ = ["SPACE_FILES", "SpaceBuild", "SpacePush", "build_space", "main", "make_parser", "render_space_card"]

#: The files of a built Space besides the package source (the committed ``space/`` folder holds these).
SPACE_FILES: Final = ("README.md", "app.py", "requirements.txt", "settings.json")
#: Pinned beside the package's ranges (and gradio at the card's sdk_version): 4-bit loading on the Space's GPU.
EXTRA_PINS: Final = ("bitsandbytes>=0.50,<0.51",)


def _none(value: str | None) -> str | None:
    return None if value is None or value.strip().lower() in ("", "none") else value


@dataclass
class SpaceBuild:
    """What the built Space serves and where it is written."""

    output_dir: str | None = field(
        default=None,
        metadata={"help": "folder to write the Space into: new, empty, or written by an earlier `space build`"},
    )
    base_model: str = field(default=REFERENCE_BASE_MODEL, metadata={"help": "base model id the Space loads"})
    adapter: str | None = field(
        default=REFERENCE_ADAPTER, metadata={"help": "PEFT adapter id on top of the base model; 'none' for none"}
    )
    dataset: str = field(default=DEFAULT_REPO_ID, metadata={"help": "dataset linked from the Space card"})

    def __post_init__(self) -> None:
        self.adapter = _none(self.adapter)
        if not self.base_model.strip():
            raise SettingsError("--base-model is empty: pass a model id such as HuggingFaceH4/zephyr-7b-beta")


@dataclass
class SpacePush(SpaceBuild):
    """Where the Space is published."""

    output_dir: str | None = field(
        default=None,
        metadata={"help": "keep the built Space here (same rules as `space build`); default: a temporary folder"},
    )
    repo_id: str | None = field(default=None, metadata={"help": "Space repo to create or update", "metavar": "NS/NAME"})
    private: bool = field(default=False, metadata={"help": "create the Space as private"})
    hardware: str | None = field(
        default=None, metadata={"help": "hardware to request after the upload, e.g. zero-a10g or t4-small"}
    )

    def __post_init__(self) -> None:
        super().__post_init__()
        if not self.repo_id:
            raise SettingsError("--repo-id NS/NAME is required: the Space repo to create or update")
        if self.repo_id.count("/") != 1 or not all(self.repo_id.split("/")):
            raise SettingsError(f"--repo-id must be 'namespace/name', got {self.repo_id!r}")


def _gradio_version() -> str:
    from importlib.metadata import PackageNotFoundError, version

    try:
        return version("gradio")
    except PackageNotFoundError as error:
        message = "gradio is not installed: `pip install 'cosmosqa-ptbr[space]'` (the card pins its version)"
        raise CommandError(message) from error


def render_space_card(base_model: str, adapter: str | None, dataset: str, sdk_version: str) -> str:
    """The Space card: YAML header (gradio SDK and version, app file, license, models, dataset) and the page."""
    from .cards import _template, _yaml

    header = {
        "title": "Cosmos QA Português",
        "emoji": "🧭",
        "colorFrom": "green",
        "colorTo": "yellow",
        "sdk": "gradio",
        "sdk_version": sdk_version,
        "app_file": "app.py",
        "pinned": False,
        "suggested_hardware": "zero-a10g",
        "license": "apache-2.0",
        "models": [base_model, *([adapter] if adapter else [])],
        "datasets": [dataset],
        "short_description": "Which alternative does the model choose, and how sure is it?",
    }
    base_link = f"[{base_model}](https://huggingface.co/{base_model})"
    if adapter:
        bullet = (
            "- **Base or fine-tuned.** One copy of the weights serves both: the base model\n"
            f"  {base_link} in 4-bit with the LoRA adapter\n"
            f"  [{adapter}](https://huggingface.co/{adapter}) on top; the base answer runs with the adapter switched\n"
            '  off. "Comparar lado a lado" shows both columns.'
        )
    else:
        bullet = f"- **Model.** The base model {base_link} in 4-bit, with no adapter."
    return _template("space_card.md").substitute(
        header="---\n" + _yaml(header) + "---",
        models_bullet=bullet,
        base_model=base_model,
        adapter_default=f"`{adapter}`" if adapter else "`none`",
    )


def build_space(settings: SpaceBuild, *, with_package: bool = True) -> list[str]:
    """Write the Space folder ``settings.output_dir`` describes; return the files written (paths inside it).

    The folder must be new, empty or written by an earlier ``space build`` (:mod:`cosmosqa_ptbr.cli.folders`); it is
    locked while it is written.
    """
    from ..cli.folders import owned_folder, record_files, write_file
    from .bundle import copy_package, requirement_lines

    if not settings.output_dir:
        raise SettingsError("--output-dir is required: the folder to write the Space into")
    with owned_folder(settings.output_dir, command="space build", flag="--output-dir") as folder:
        app = resources.files("cosmosqa_ptbr.hub").joinpath("space_app", "app.py").read_text(encoding="utf-8")
        write_file(folder, "app.py", app)
        card = render_space_card(settings.base_model, settings.adapter, settings.dataset, _gradio_version())
        write_file(folder, "README.md", card)
        requirements = [
            "# The dependencies of cosmosqa-ptbr with its `space` extra; the package itself is the cosmosqa_ptbr/",
            "# folder beside app.py (written by `cosmosqa-ptbr space build`).",
            *requirement_lines(["space"], [f"gradio=={_gradio_version()}", *EXTRA_PINS]),
        ]
        write_file(folder, "requirements.txt", "\n".join(requirements) + "\n")
        chosen = {"base_model": settings.base_model, "adapter": settings.adapter}
        write_file(folder, "settings.json", json.dumps(chosen, indent=1) + "\n")
        written = list(SPACE_FILES) + (copy_package(folder) if with_package else [])
        return record_files(folder, written, command="space build")


def make_parser(subparsers: Any | None = None) -> argparse.ArgumentParser:
    """Parser of ``cosmosqa-ptbr space`` (``build``, ``push``)."""
    parser = subcommand_parser(
        subparsers,
        "space",
        "Write the Gradio Space (the multiple-choice monitor) as a self-contained folder, and publish it. The "
        "token comes from HF_TOKEN or `hf auth login`.",
    )
    actions = parser.add_subparsers(dest="action", metavar="<action>", required=True)
    build = actions.add_parser(
        "build",
        help="write app.py, README.md (Space card), requirements.txt, settings.json and the package source",
        description="Write a Space folder that runs anywhere: app.py, its card, requirements, the chosen models "
        "and the package source (cosmosqa_ptbr/).",
        formatter_class=parser.formatter_class,
    )
    add_settings(build, SpaceBuild)
    push = actions.add_parser(
        "push",
        help="build the Space and upload exactly its files to a Space repo",
        description="Create the Space repo (gradio SDK) if needed, upload the files a build writes (nothing else), "
        "then request --hardware if given.",
        formatter_class=parser.formatter_class,
    )
    add_settings(push, SpacePush)
    return parser


def main(args: argparse.Namespace) -> int:
    """Run ``cosmosqa-ptbr space <action>``."""
    from ..cli.folders import locked_folder
    from .upload import push_folder_to_hub

    if args.action == "build":
        settings = settings_from_args(SpaceBuild, args, command="space build")
        files = build_space(settings)
        print(
            f"built {settings.output_dir} ({len(files)} files); run it with: python {Path(settings.output_dir)}/app.py"
        )
        return 0
    settings = settings_from_args(SpacePush, args, command="space push")
    if settings.hardware:
        from huggingface_hub import SpaceHardware

        known = [item.value for item in SpaceHardware]
        if settings.hardware not in known:
            raise SettingsError(f"--hardware {settings.hardware!r} is not a Space hardware: pick one of {known}")
    scratch = None if settings.output_dir else tempfile.mkdtemp(prefix="cosmosqa-space-")
    try:
        if scratch:
            settings.output_dir = os.path.join(scratch, "space")
        # The folder stays locked from the build to the end of the upload: no other run changes what is sent.
        with locked_folder(settings.output_dir, command="space push", flag="--output-dir"):
            files = build_space(settings)
            url = push_folder_to_hub(
                settings.output_dir,
                settings.repo_id,
                repo_type="space",
                private=settings.private,
                files=files,
                space_sdk="gradio",
                space_hardware=settings.hardware,
                commit_message="Upload the Cosmos QA Português Space with cosmosqa-ptbr",
                retry="the same command",
                keep_flag="--output-dir" if scratch else None,
            )
    finally:
        if scratch:
            shutil.rmtree(scratch, ignore_errors=True)
    print(f"pushed {url}")
    return 0

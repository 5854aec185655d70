"""The harness task files of task specs: five YAML files per spec, the ``utils.py`` they call, a user's spec copy.

Each spec gives five tasks, named after its ``harness_task`` (the spec's name when unset):

- ``<name>``: log-likelihood of each answer letter after the answer prefix (``multiple_choice``);
- ``<name>_gen``: greedy generation read by the package's answer extractor (``generate_until``);
- ``<name>_full``, ``<name>_gen_full``: the same on the full split (the spec's files or Hub repo, or local files
  given as ``--metadata '{"data_files": {"validation": "FILE"}}'``);
- ``<name>_leaderboard``: the Open Portuguese LLM Leaderboard's protocol (:mod:`cosmosqa_ptbr.protocols`): its
  description, 3 solved examples drawn for each item as ``evaluate`` draws them, greedy generation until a blank
  line or 32 tokens, read by its ``find_choices`` filter; the items of the plain tasks.

The plain tasks read the spec's embedded sample, or its files when it has no sample. A built-in spec is named
by its name; a user's spec is copied beside ``utils.py`` (as ``<name>.spec.yml``, which the harness does not
index as a task) with its data paths made absolute, since the harness imports ``utils.py`` by its path and the
folder must work wherever the harness runs.

>>> from cosmosqa_ptbr.tasks import get_task
>>> sorted(render_tasks([get_task("cosmos_qa_en")]))  # doctest: +NORMALIZE_WHITESPACE
['cosmosqa_en.yaml', 'cosmosqa_en_full.yaml', 'cosmosqa_en_gen.yaml', 'cosmosqa_en_gen_full.yaml',
 'cosmosqa_en_leaderboard.yaml', 'utils.py']
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Final

from ..cli.options import CommandError, read_settings_file
from ..protocols import LEADERBOARD_MAX_NEW_TOKENS, LEADERBOARD_SHOTS
from ..tasks import TaskSpec, TaskSpecError

__all__ = ["UTILS", "TaskNameClashError", "render_tasks", "spec_copy_name", "task_names"]

#: The module every task calls, copied unchanged into each folder.
UTILS: Final = Path(__file__).resolve().parent / "utils.py"
_SPEC_COPY_SUFFIX: Final = ".spec.yml"
_VERSION: Final = "1.0"


class TaskNameClashError(CommandError):
    """Two specs would write harness tasks (or files) of the same name."""


@dataclass(frozen=True)
class _Variant:
    suffix: str
    generate: bool
    full: bool
    leaderboard: bool = False


_VARIANTS: Final = (
    _Variant("", generate=False, full=False),
    _Variant("_gen", generate=True, full=False),
    _Variant("_full", generate=False, full=True),
    _Variant("_gen_full", generate=True, full=True),
    _Variant("_leaderboard", generate=True, full=False, leaderboard=True),
)


def task_names(spec: TaskSpec) -> tuple[str, ...]:
    """The harness tasks of ``spec``: ``('cosmosqa_ptbr', 'cosmosqa_ptbr_gen', ..._full, ..._gen_full,
    ..._leaderboard)``."""
    return tuple(spec.harness_name + variant.suffix for variant in _VARIANTS)


def spec_copy_name(spec: TaskSpec) -> str | None:
    """The file a user's spec is copied to in a tasks folder (None for a built-in spec, named by its name)."""
    return None if spec.builtin else spec.name + _SPEC_COPY_SUFFIX


def _scalar(value: str) -> str:
    """``value`` as a YAML scalar that reads back as the same string (quoted only where it would not)."""
    import yaml

    return value if yaml.safe_load(value) == value and value.strip() == value else json.dumps(value)


def _files_split(spec: TaskSpec) -> str:
    """The split a task reads from the spec's files or Hub repo: validation, else the spec's first labelled one."""
    files = spec.data.files
    if not files or "validation" in files:
        return "validation"
    labelled = [split for split in files if spec.labelled(split)]
    if not labelled:
        names = ", ".join(files)
        message = (
            f"task spec {spec.name!r} has no labelled split to score (files: {names}; unlabelled_splits: "
            f"{', '.join(spec.data.unlabelled_splits)}): give it a validation file or drop its split from "
            "data.unlabelled_splits"
        )
        raise TaskSpecError(message)
    return labelled[0]


def _source(spec: TaskSpec, full: bool) -> tuple[str, str, str]:
    """(loader config, split, what the header says about the items) of a plain or ``_full`` task."""
    if not full and spec.data.sample is not None:
        return "sample", spec.data.sample_split, f"the embedded sample ({spec.data.sample_split} split)"
    split = _files_split(spec)
    where = "the spec's files" if spec.data.files else f"the Hub repo {spec.data.hub_repo}"
    if not full:
        return "default", split, f"the {split} split of {where}"
    given = json.dumps({"data_files": {split: "FILE"}})
    return "default", split, f"the full {split} split of {where}, or local files given as --metadata '{given}'"


def _header(spec: TaskSpec, variant: _Variant, items: str) -> list[str]:
    if variant.leaderboard:
        return [
            f"# Generated by `cosmosqa-ptbr lm-eval-tasks` from the task spec {spec.name}: do not edit, run it again.",
            "# The Open Portuguese LLM Leaderboard's protocol, as `cosmosqa-ptbr evaluate --protocol leaderboard`: its",
            f"# description, {LEADERBOARD_SHOTS} solved examples drawn for each item, greedy generation until a blank "
            f"line or {LEADERBOARD_MAX_NEW_TOKENS} tokens,",
            "# read by its find_choices filter (unreadable = wrong); with --apply_chat_template or without it.",
            f"# Items: {items}.",
            "# The prompt's words come from cosmosqa_ptbr.protocols: utils.load adds the description to each item.",
        ]
    if variant.generate:
        what = "Greedy generation read by cosmosqa_ptbr.extract_answer (unreadable = wrong)"
    else:
        what = "Log-likelihood of each answer letter, as `cosmosqa-ptbr evaluate --no-option-score`"
    lines = [
        f"# Generated by `cosmosqa-ptbr lm-eval-tasks` from the task spec {spec.name}: do not edit, run it again.",
        f"# {what}; run with --apply_chat_template.",
        f"# Items: {items}.",
    ]
    if not variant.full:
        lines.append("# The prompt's words come from the spec: utils.load adds them to each item as columns.")
    return lines


def _task_yaml(spec: TaskSpec, variant: _Variant) -> str:
    name = spec.harness_name + variant.suffix
    config, split, items = _source(spec, variant.full)
    reference = spec_copy_name(spec) or spec.name
    lines = _header(spec, variant, items)
    if variant.full:
        lines.append(f"include: {spec.harness_name}{variant.suffix.removesuffix('_full')}.yaml")
    if variant.leaderboard:
        lines.append("class: !function utils.LeaderboardTask")
    lines += [
        f"task: {_scalar(name)}",
        "dataset_kwargs:",
        f"  cosmosqa_task: {_scalar(reference)}",
        f"  cosmosqa_dataset_config: {config}",
        f"  cosmosqa_split: {_scalar(split)}",
        f"  cosmosqa_full: {'true' if variant.full else 'false'}",
    ]
    if variant.full:
        return "\n".join(lines) + "\n"
    if variant.leaderboard:
        return "\n".join(lines + _leaderboard_lines()) + "\n"
    lines += [
        "custom_dataset: !function utils.load",
        "validation_split: validation",
        "description: system_prompt",
        "doc_to_text: !function utils.doc_to_text",
    ]
    if variant.generate:
        lines += [
            "output_type: generate_until",
            "doc_to_target: !function utils.gold_letter",
            "generation_kwargs:",
            "  until: []",
            "  do_sample: false",
            "  max_gen_toks: 16",
            "filter_list:",
            "  - name: extract_answer",
            "    filter:",
            "      - function: custom",
            "        filter_fn: !function utils.extract_letters",
            "      - function: take_first",
            "metric_list:",
            "  - metric: exact_match",
        ]
    else:
        lines += [
            "output_type: multiple_choice",
            "doc_to_choice: !function utils.doc_to_choice",
            "doc_to_target: !function utils.doc_to_target",
            "gen_prefix: answer_prefix",
            'target_delimiter: " "',
            "metric_list:",
            "  - metric: acc",
        ]
    lines += [
        "    aggregation: mean",
        "    higher_is_better: true",
        "metadata:",
        f"  version: {_VERSION}",
    ]
    return "\n".join(lines) + "\n"


def _leaderboard_lines() -> list[str]:
    """The ``_leaderboard`` task past its data: the fork's shots, delimiters, stop, generation length and filter."""
    return [
        "  cosmosqa_protocol: leaderboard",
        "custom_dataset: !function utils.load",
        "validation_split: validation",
        "fewshot_split: shots",
        f"num_fewshot: {LEADERBOARD_SHOTS}",
        "fewshot_config:",
        "  sampler: !function utils.ItemShots",
        "description: leaderboard_description",
        "doc_to_text: !function utils.leaderboard_doc_to_text",
        "doc_to_target: !function utils.gold_letter",
        'target_delimiter: " "',
        'fewshot_delimiter: "\\n\\n"',
        "output_type: generate_until",
        "generation_kwargs:",
        '  until: ["\\n\\n"]',
        "  do_sample: false",
        f"  max_gen_toks: {LEADERBOARD_MAX_NEW_TOKENS}",
        "filter_list:",
        "  - name: find_choices",
        "    filter:",
        "      - function: custom",
        "        filter_fn: !function utils.leaderboard_letters",
        "      - function: take_first",
        "metric_list:",
        "  - metric: exact_match",
        "    aggregation: mean",
        "    higher_is_better: true",
        "metadata:",
        f"  version: {_VERSION}",
    ]


def _spec_copy(spec: TaskSpec) -> str:
    """The text of ``spec``'s file with its data paths made absolute, so that the copy reads the same data."""
    import yaml

    assert spec.path is not None  # a user's spec is always read from a file
    data = read_settings_file(spec.path, kind="task spec")
    section = dict(data.get("data") or {})
    if spec.data.sample is not None:
        section["sample"] = str(spec.data.sample)
    if spec.data.files is not None:
        section["files"] = {
            split: str(paths[0]) if len(paths) == 1 else [str(path) for path in paths]
            for split, paths in spec.data.files.items()
        }
    data["data"] = section

    class _Dumper(yaml.SafeDumper):
        pass

    def _text(dumper: yaml.SafeDumper, value: str) -> Any:
        style = "|" if "\n" in value else None  # templates and citations stay readable as blocks
        return dumper.represent_scalar("tag:yaml.org,2002:str", value, style=style)

    _Dumper.add_representer(str, _text)
    header = (
        f"# The task spec {spec.name}, copied from {spec.path} by `cosmosqa-ptbr lm-eval-tasks` with its data paths\n"
        "# made absolute: the tasks in this folder read it. Edit the original and run the command again.\n"
    )
    return header + yaml.dump(data, Dumper=_Dumper, sort_keys=False, allow_unicode=True, width=120)


def render_tasks(specs: Sequence[TaskSpec]) -> dict[str, str]:
    """The files of a harness tasks folder for ``specs``: file name -> text (YAML tasks, ``utils.py``, spec copies).

    Raises :class:`TaskNameClashError` when two specs would give tasks or files of the same name, and
    :class:`~cosmosqa_ptbr.tasks.TaskSpecError` for a spec with no labelled split to score.
    """
    files: dict[str, str] = {}
    owners: dict[str, str] = {}
    # The same spec named twice (by name and by path, say) gives its tasks once.
    unique = {spec.path or spec.name: spec for spec in specs}
    for spec in unique.values():
        names = [f"{name}.yaml" for name in task_names(spec)]
        copy = spec_copy_name(spec)
        shown = spec.name if spec.builtin else str(spec.path)
        for name in [*names, *([copy] if copy else [])]:
            if name in owners:
                message = (
                    f"task specs {owners[name]} and {shown} would both write {name}: give one of them another "
                    "harness_task (or name) in its spec"
                )
                raise TaskNameClashError(message)
            owners[name] = shown
        for variant, name in zip(_VARIANTS, names, strict=True):
            files[name] = _task_yaml(spec, variant)
        if copy:
            files[copy] = _spec_copy(spec)
    files["utils.py"] = UTILS.read_text(encoding="utf-8")
    return files

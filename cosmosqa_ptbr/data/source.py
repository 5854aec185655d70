"""Which task and where its data is: one settings dataclass shared by every command that reads a task.

``--task NAME|FILE.yaml``, ``--dataset-config sample|default``, ``--data-files SPLIT=PATH`` (repeatable; a bare ``PATH``
means the split the command reads), ``--data-dir DIR``, ``--repo-id`` and ``--revision`` are declared once here,
added to a parser by :func:`cosmosqa_ptbr.cli.options.add_settings` and turned into :func:`load_dataset`'s
arguments by :func:`resolve_source`. Giving files, a folder or a repo implies the ``default`` config, and so does
a task with no embedded sample. Nothing heavy is imported.
"""

from __future__ import annotations

import re
import warnings
from dataclasses import InitVar, dataclass, field
from pathlib import Path
from typing import Any, ClassVar

from ..cli.options import SettingsError
from ..tasks import DEFAULT_TASK, TaskSpec, builtin_tasks, get_task
from .loading import CONFIGS

__all__ = ["SETTINGS_FILE_EXAMPLE", "DataSource", "resolve_source", "source_has_split"]

#: How a missing ``--config`` file is explained where ``--config`` once named the dataset config.
SETTINGS_FILE_EXAMPLE = "--config settings.yaml (the dataset config is --dataset-config sample|default)"

_SPLIT_NAME = re.compile(r"[A-Za-z_][\w-]*")


@dataclass
class DataSource:
    """Which task, and where its rows come from: the embedded sample, local files or a folder, or a Hub repo.

    ``config=`` is the old name of ``dataset_config`` (TRL's name; ``--config`` now reads a settings file): the
    constructor takes it for one release, with a ``DeprecationWarning``.
    """

    #: Settings-file keys of an earlier release and their names now (read with a deprecation line).
    RENAMED_SETTINGS: ClassVar[dict[str, str]] = {"config": "dataset_config"}

    task: str | None = field(
        default=None,
        metadata={
            "help": f"the task: a built-in task ({', '.join(builtin_tasks())}) or a task spec file (.yaml) "
            f"naming its columns, letters, prompt and data (default: {DEFAULT_TASK})",
            "metavar": "NAME|FILE.yaml",
        },
    )
    dataset_config: str | None = field(
        default=None,
        metadata={
            "help": "dataset config (TRL's dataset_config): 'sample' (the task's embedded items, offline) or "
            "'default' (the full splits from the Hub or from --data-files/--data-dir); default: 'default' when "
            "files, a folder or a repo are given or the task embeds no sample, else 'sample'",
            "choices": CONFIGS,
        },
    )
    data_files: list[str] | None = field(
        default=None,
        metadata={
            "help": "local CSV/JSONL/Parquet files in the published layout as SPLIT=PATH (repeatable); a bare PATH "
            "holds the split being read",
            "metavar": "SPLIT=PATH",
            "repeatable": True,
        },
    )
    data_dir: str | None = field(
        default=None, metadata={"help": "folder with files named after their split (train.csv, validation.jsonl...)"}
    )
    repo_id: str | None = field(
        default=None, metadata={"help": "Hub dataset repo the default config reads (default: the task's own)"}
    )
    revision: str | None = field(default=None, metadata={"help": "commit, branch or tag of the Hub dataset repo"})
    config: InitVar[str | None] = None

    def __post_init__(self, config: str | None) -> None:
        if config is not None:
            message = "DataSource(config=...) is now DataSource(dataset_config=...); config= goes in the next release"
            warnings.warn(message, DeprecationWarning, stacklevel=3)
            if self.dataset_config not in (None, config):
                raise SettingsError(
                    f"config={config!r} is the old name of dataset_config={self.dataset_config!r}: "
                    "give dataset_config only"
                )
            self.dataset_config = config
        if isinstance(self.data_files, str):
            self.data_files = [self.data_files]  # the single path that evaluate_model(data_files=...) used to take
        problems = []
        if self.dataset_config is not None and self.dataset_config not in CONFIGS:
            problems.append(f"dataset_config must be one of {', '.join(CONFIGS)}, got {self.dataset_config!r}")
        given = [name for name in ("data_files", "data_dir", "repo_id", "revision") if getattr(self, name)]
        if self.dataset_config == "sample" and given:
            flags = ", ".join("--" + name.replace("_", "-") for name in given)
            problems.append(
                f"dataset config 'sample' is the embedded items and takes no {flags}: drop --dataset-config sample "
                "(or pass --dataset-config default) to read them"
            )
        if self.data_files and self.data_dir:
            problems.append("give --data-files or --data-dir, not both")
        if problems:
            raise SettingsError("invalid data source: " + "; ".join(problems))

    @property
    def spec(self) -> TaskSpec:
        """The task's spec (a wrong name or file raises a one-line :class:`~cosmosqa_ptbr.tasks.TaskSpecError`)."""
        return get_task(self.task)

    @property
    def resolved_config(self) -> str:
        """The config read: the one given, else ``default`` when files, a folder or a repo are given or the task
        embeds no sample, else sample."""
        if self.dataset_config:
            return self.dataset_config
        if self.data_files or self.data_dir or self.repo_id or self.spec.data.sample is None:
            return "default"
        return "sample"

    def split_files(self, split: str | None) -> dict[str, list[str]] | list[str] | None:
        """``data_files`` as split -> paths; bare paths belong to ``split`` (kept as a list when it is None)."""
        if not self.data_files:
            return None
        mapping: dict[str, list[str]] = {}
        bare: list[str] = []
        for entry in self.data_files:
            name, sep, path = entry.partition("=")
            if sep and _SPLIT_NAME.fullmatch(name):
                if not path:
                    raise SettingsError(f"data file {entry!r} names no path: write SPLIT=PATH, e.g. validation=val.csv")
                mapping.setdefault(name, []).append(path)
            else:
                bare.append(entry)
        if bare and split is None:
            if mapping:
                message = f"data file {bare[0]!r} names no split: write SPLIT=PATH when other files name theirs"
                raise SettingsError(message)
            return bare
        if bare:
            mapping.setdefault(str(split), []).extend(bare)
        return mapping

    def describe(self, split: str | None = None) -> str:
        """Where the rows of ``split`` come from, in words for a card: file names, never local paths.

        >>> DataSource(config="sample").describe("validation")
        'the `validation` split of the embedded sample of Cosmos QA Português (task `cosmos_qa_ptbr`)'
        """
        spec = self.spec
        of_split = f"the `{split}` split of " if split else ""
        task = f"{spec.title} (task `{spec.name}`)"
        if self.resolved_config == "sample":
            return f"{of_split}the embedded sample of {task}"
        files = self.split_files(split)
        if files is not None:
            groups = files.values() if isinstance(files, dict) else [files]
            names = sorted({Path(path).name for group in groups for path in group})
            return f"{of_split}local files ({', '.join(names)}) in the layout of {task}"
        if self.data_dir:
            return f"{of_split}local files (a folder of split files) in the layout of {task}"
        if spec.data.files and not self.repo_id:
            names = sorted({path.name for paths in spec.data.files.values() for path in paths})
            return f"{of_split}the files the spec of {task} names ({', '.join(names)})"
        repo = self.repo_id or spec.data.hub_repo
        revision = f" at revision `{self.revision}`" if self.revision else ""
        return f"{of_split}[`{repo}`](https://huggingface.co/datasets/{repo}){revision}, {task}"

    def check_paths(self) -> None:
        """Raise :class:`SettingsError` for a data file or folder that does not exist, before anything loads."""
        files = self.split_files("\0")
        paths = [p for group in (files.values() if isinstance(files, dict) else [files or []]) for p in group]
        for path in paths:
            if any(ch in path for ch in "*?[") or "://" in path:
                continue  # a glob or a URL: the loader resolves it
            candidate = Path(path).expanduser()
            if candidate.is_dir():
                message = (
                    f"data file {path!r} is a folder, not a file: pass a file inside it, or the folder as --data-dir"
                )
                raise SettingsError(message)
            if not candidate.is_file():
                raise SettingsError(f"data file {path!r} does not exist: check the path given to --data-files")
        if self.data_dir and not Path(self.data_dir).expanduser().is_dir():
            raise SettingsError(f"--data-dir {self.data_dir!r} is not a folder: pass the folder holding the splits")


def resolve_source(source: DataSource, split: str | None = None) -> dict[str, Any]:
    """Return the keyword arguments of :func:`cosmosqa_ptbr.data.load_dataset` for ``source`` and ``split``."""
    source.check_paths()
    kwargs: dict[str, Any] = {"config": source.resolved_config, "task": source.spec, "repo_id": source.repo_id}
    files = source.split_files(split)
    if files is not None:
        kwargs["data_files"] = files
    if source.data_dir:
        kwargs["data_dir"] = source.data_dir
    if source.revision:
        kwargs["revision"] = source.revision
    return kwargs


def source_has_split(source: DataSource, split: str) -> bool | None:
    """Whether ``source`` holds ``split``: True/False when the files say, None when only loading can tell (Hub)."""
    config = source.resolved_config
    spec = source.spec
    if config == "sample":
        return split == spec.data.sample_split
    files = source.split_files("\0")  # bare paths hold the evaluated split, never a named one
    if isinstance(files, dict):
        return split in files
    if not source.data_dir and not source.repo_id and spec.data.files:
        return split in spec.data.files
    if source.data_dir:
        from .reading import find_data_files

        try:
            return split in find_data_files(source.data_dir)
        except FileNotFoundError:
            return False
    return None

"""The ``datasets`` builder of every task: configs ``sample`` and ``default``.

``sample`` reads the task's embedded sample (offline). ``default`` reads local files given by
``data_files``/``data_dir`` or named by the task spec (CSV, JSONL or Parquet in the task's published layout),
else the task's Hub repo (``hub_repo_id``/``hub_revision`` or ``repo_id=`` override it). Rows are validated by
``cosmosqa_ptbr.data.reading.RowChecker`` against the task's spec, whose columns and ClassLabel letters the
features follow. The task is the ``task`` config parameter (a built-in name or a spec file), else the name the
builder is loaded under (``datasets.load_dataset("cosmos_qa_ptbr")`` once ``cosmosqa_ptbr`` is imported), else
the default task. Reached through ``cosmosqa_ptbr.load_dataset``.
"""

from __future__ import annotations

import json
import os
import socket
import warnings
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import Any, Final
from urllib.parse import urlparse

import datasets
from datasets.data_files import DataFilesDict, get_data_patterns

from ..cli.options import CommandError
from ..tasks import DEFAULT_TASK, TaskSpec, builtin_tasks, get_task
from .reading import (
    ON_ERROR,
    DatasetUnavailableError,
    DatasetValidationError,
    RowChecker,
    SkippedRow,
    SkippedRowsWarning,
    find_data_files,
    read_rows,
)

__all__ = ["SAMPLE_FILE", "TaskBuilder", "TaskBuilderConfig"]

#: The default task's embedded sample.
SAMPLE_FILE: Final = get_task(DEFAULT_TASK).data.sample
_SKIPPED_FILE: Final = "skipped_rows.json"
_PROBE_TIMEOUT_S: Final = 3.0


@dataclass
class TaskBuilderConfig(datasets.BuilderConfig):
    """Builder config: ``task``, ``hub_repo_id``/``hub_revision`` (default config, no local files), ``on_error``."""

    task: str | None = None
    hub_repo_id: str | None = None
    hub_revision: str | None = None
    on_error: str = "raise"

    def __post_init__(self) -> None:
        super().__post_init__()
        if self.on_error not in ON_ERROR:
            message = f"on_error must be one of {', '.join(ON_ERROR)}, got {self.on_error!r}"
            raise ValueError(message)
        if self.hub_repo_id is not None and self.hub_repo_id.count("/") != 1:
            message = (
                f"hub_repo_id must be 'namespace/name' (a Hub repo always has a namespace), got {self.hub_repo_id!r}"
            )
            raise ValueError(message)


def _offline_reason(endpoint: str) -> str | None:
    """Why the Hub cannot be reached, or None when it may be; answers in at most a few seconds."""
    from huggingface_hub import constants

    if datasets.config.HF_HUB_OFFLINE or constants.is_offline_mode():
        return "HF_HUB_OFFLINE=1 is set"
    if any(os.environ.get(name) for name in ("HTTPS_PROXY", "https_proxy", "ALL_PROXY", "all_proxy")):
        return None  # a proxy decides reachability; let the real request tell
    parsed = urlparse(endpoint)
    host = parsed.hostname or ""
    port = parsed.port or (443 if parsed.scheme == "https" else 80)
    # Without this probe a dead network costs ~24 s of retries inside huggingface_hub before any error.
    try:
        with socket.create_connection((host, port), timeout=_PROBE_TIMEOUT_S):
            return None
    except OSError as exc:
        return f"{host}:{port} cannot be reached ({exc})"


def _unavailable(spec: TaskSpec, repo_id: str, reason: str) -> DatasetUnavailableError:
    sample = (
        f"use the embedded sample (--dataset-config sample, cosmosqa_ptbr.load_dataset('sample', "
        f"task={spec.name!r})), or "
        if spec.data.sample
        else ""
    )
    message = (
        f"{spec.title}: the 'default' config reads the Hub repo {repo_id!r}, which could not be read: {reason}. "
        f"Offline, {sample}point at local files in the published layout: --data-files SPLIT=PATH or --data-dir "
        "DIR (load_dataset(..., data_files={'validation': 'val.csv'}) or data_dir=...)"
    )
    return DatasetUnavailableError(message)


class TaskBuilder(datasets.GeneratorBasedBuilder):
    """A task's splits (``sample``: its embedded items; ``default``: its full splits)."""

    VERSION = datasets.Version("1.0.0")
    BUILDER_CONFIG_CLASS = TaskBuilderConfig
    BUILDER_CONFIGS = [  # noqa: RUF012 - the datasets API declares it as a class attribute
        TaskBuilderConfig(
            name="default",
            version=VERSION,
            description="Full splits (train/validation/test) from the Hub repo or from local files.",
        ),
        TaskBuilderConfig(name="sample", version=VERSION, description="The items embedded in the package (offline)."),
    ]
    DEFAULT_CONFIG_NAME = "default"

    def __init__(self, *args: Any, repo_id: str | None = None, **kwargs: Any) -> None:
        # datasets' own `repo_id` only matters for Hub-hosted builders; here it names the source repo.
        if repo_id is not None:
            kwargs.setdefault("hub_repo_id", repo_id)
        if kwargs.get("task") is None:
            # Loaded by name (datasets.load_dataset("cosmos_qa_en")): that name is the task.
            name = kwargs.get("dataset_name")
            kwargs["task"] = name if name in builtin_tasks() else DEFAULT_TASK
        self.skipped_rows: list[SkippedRow] = []
        self._generated = False
        super().__init__(*args, **kwargs)

    @property
    def spec(self) -> TaskSpec:
        """The task this builder builds."""
        return get_task(self.config.task)

    def _info(self) -> datasets.DatasetInfo:
        spec = get_task(self.config.task)
        return datasets.DatasetInfo(
            description=spec.description,
            features=spec.features(),
            homepage=spec.homepage or "",
            license=spec.license or "",
            citation=spec.citation or "",
        )

    def _local_files(self) -> DataFilesDict | None:
        if self.config.data_files:
            return self.config.data_files
        if self.config.data_dir:
            return find_data_files(self.config.data_dir)
        if self.spec.data.files:
            return {split: [str(p) for p in paths] for split, paths in self.spec.data.files.items()}
        return None

    def _hub_files(self) -> DataFilesDict:
        from huggingface_hub import constants

        spec = self.spec
        repo_id = self.config.hub_repo_id or spec.data.hub_repo
        if repo_id is None:
            message = (
                f"task {spec.name!r} names no Hub repo and no data files: give --data-files SPLIT=PATH or --data-dir "
                "DIR (or data.files / data.hub_repo in its spec)"
            )
            raise DatasetUnavailableError(message)
        reason = _offline_reason(constants.ENDPOINT)
        if reason is not None:
            raise _unavailable(spec, repo_id, reason)
        revision = self.config.hub_revision or (spec.data.hub_revision if repo_id == spec.data.hub_repo else None)
        base = f"hf://datasets/{repo_id}" + (f"@{revision}" if revision else "")
        try:
            return DataFilesDict.from_patterns(get_data_patterns(base), base_path=base)
        except OSError as exc:  # connection errors are OSErrors; a missing repo is a FileNotFoundError
            first_line = str(exc).strip().splitlines()[0] if str(exc).strip() else ""
            raise _unavailable(spec, repo_id, f"{type(exc).__name__}: {first_line}") from exc

    def _split_generators(self, dl_manager: Any) -> list[datasets.SplitGenerator]:
        self._generated = True
        self.skipped_rows = []
        spec = self.spec
        if self.config.name == "sample":
            if self.config.data_files or self.config.data_dir:
                message = (
                    "the 'sample' config always reads the embedded sample; to load your own files use the "
                    "'default' config: load_dataset(..., data_files=...) or data_dir=..."
                )
                raise ValueError(message)
            if spec.data.sample is None:
                message = (
                    f"task {spec.name!r} embeds no sample: use the 'default' config (its files or Hub repo), or "
                    "add data.sample to its spec"
                )
                raise DatasetValidationError(message, file=str(spec.path), field="data.sample")
            files = {spec.data.sample_split: [str(spec.data.sample)]}
        else:
            found = self._local_files() or self._hub_files()
            files = {str(split): [str(f) for f in paths] for split, paths in found.items()}
        generators = []
        for split, paths in files.items():
            local = dl_manager.download(paths)
            generators.append(
                datasets.SplitGenerator(
                    name=split, gen_kwargs={"split": split, "files": list(zip(paths, local, strict=True))}
                )
            )
        return generators

    def _generate_examples(self, split: str, files: list[tuple[str, str]]) -> Any:
        checker = RowChecker(split, task=self.spec, on_error=self.config.on_error)
        kept = 0
        for shown, path in files:
            name = shown.split("::")[-1]  # drop datasets' compression prefix, if any
            columns, rows = read_rows(path, name=name)
            checker.check_columns(name, columns)
            for line, row in rows:
                if not isinstance(row, dict):
                    message = f"{name}, row {line}: not an object with the columns. Fix: one JSON object per row"
                    raise DatasetValidationError(message, file=name, field="<row>", line=line)
                converted = checker.check(name, line, row)
                if converted is not None:
                    kept += 1
                    yield f"{name}:{line}", converted
        self.skipped_rows.extend(checker.skipped)
        if not kept:
            # datasets would only say 'Instruction "<split>" corresponds to no data!', naming no file.
            names = ", ".join(shown.split("::")[-1] for shown, _ in files)
            problem = f"all {len(checker.skipped)} rows were invalid" if checker.skipped else "it holds no rows"
            message = f"split {split!r} ({names}): {problem}; give a file with at least one valid row for it"
            raise DatasetValidationError(message, file=names, field="<file>")

    def download_and_prepare(self, *args: Any, **kwargs: Any) -> None:
        """Prepare as usual; in ``on_error="skip"`` mode also report the rows set aside (even from cache)."""
        self._generated = False
        try:
            super().download_and_prepare(*args, **kwargs)
        except datasets.exceptions.DatasetGenerationError as exc:
            # datasets wraps every error raised while generating; surface the user's mistake itself.
            if isinstance(exc.__cause__, CommandError):
                raise exc.__cause__ from None
            raise
        if self.config.on_error != "skip":
            return
        record = Path(self.cache_dir) / _SKIPPED_FILE
        if self._generated:
            record.write_text(
                json.dumps([asdict(row) for row in self.skipped_rows], ensure_ascii=False), encoding="utf-8"
            )
        elif record.is_file():
            self.skipped_rows = [SkippedRow(**row) for row in json.loads(record.read_text(encoding="utf-8"))]
        if self.skipped_rows:
            shown = "; ".join(
                f"{row.file} row {row.line} (id {row.row_id!r}) {row.field}: {row.reason}"
                for row in self.skipped_rows[:10]
            )
            more = f"; ... and {len(self.skipped_rows) - 10} more" if len(self.skipped_rows) > 10 else ""
            message = (
                f"{self.spec.title}: {len(self.skipped_rows)} invalid rows set aside (on_error='skip'): "
                f"{shown}{more}. "
                "The full list is in the result's `skipped_rows`."
            )
            warnings.warn(SkippedRowsWarning(message, self.skipped_rows), stacklevel=2)

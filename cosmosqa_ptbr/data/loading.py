"""``load_dataset``: a task's splits as ``datasets`` objects built by the package's builder; ``load_items``.

The embedded ``sample`` config, or the ``default`` config read from local files (``data_files=`` /
``data_dir=``, CSV, JSONL or Parquet in the task's published layout), from the files its spec names, or from its
Hub repo (``heloisy/cosmos_qa_ptbr`` for the default task). Every row is validated on the way in (see
``RowChecker``). :func:`load_items` returns the rows of one split as normalised
:class:`~cosmosqa_ptbr.tasks.Item` mappings, what every command works on. ``datasets`` is imported inside
functions only, so the CLI stays fast.
"""

from __future__ import annotations

import hashlib
from collections import Counter
from collections.abc import Iterator
from pathlib import Path
from typing import Any, Final

from ..cli.options import CommandError, SettingsError
from ..tasks import Item, TaskSpec, get_task
from .reading import NO_LABEL, ON_ERROR, DataFilesError, find_data_files

__all__ = ["CONFIGS", "builder_hash", "label_counts", "load_dataset", "load_items"]

#: Builder configs: the embedded sample (offline) and the full splits (Hub repo or local files).
CONFIGS: Final[tuple[str, ...]] = ("default", "sample")
# keyword arguments of load_dataset that go to preparation, not to the builder's config
_PREPARE_KWARGS: Final = ("download_mode", "verification_mode", "num_proc")
_PACKAGE_DIR: Final = Path(__file__).resolve().parents[1]
#: Files whose content defines what the builder produces (its cache is keyed on their hash, and the task's).
_HASHED_FILES: Final = ("tasks/spec.py", "data/builder.py", "data/reading.py", "data/loading.py")


def builder_hash(fingerprint: str = "") -> str:
    """Return the hash of the builder's code and a task's fingerprint (``datasets`` keys its cache on it).

    Without ``fingerprint`` the built-in specs and their samples are hashed (what a name registered with
    ``datasets`` builds).
    """
    digest = hashlib.sha256()
    for name in _HASHED_FILES:
        digest.update(name.encode())
        digest.update((_PACKAGE_DIR / name).read_bytes())
    if fingerprint:
        digest.update(fingerprint.encode())
    else:
        for path in sorted((_PACKAGE_DIR / "tasks" / "builtin").iterdir()):
            digest.update(path.name.encode())
            digest.update(path.read_bytes())
    return digest.hexdigest()


def _split_data_files(data_files: Any) -> Any:
    """Accept ``{"split": path(s)}``, a list of paths, one path, or CLI-style ``["split=path", ...]``."""
    if isinstance(data_files, (list, tuple)) and any(isinstance(f, str) and "=" in f for f in data_files):
        mapping: dict[str, list[str]] = {}
        for item in data_files:
            split, sep, path = str(item).partition("=")
            if not sep or not split or not path:
                message = f"data file {item!r}: write split=path for every file when one uses that form"
                raise SettingsError(message)
            mapping.setdefault(split, []).append(path)
        return mapping
    return data_files


def _named_paths(data_files: Any) -> Iterator[str]:
    if isinstance(data_files, (str, Path)):
        yield str(data_files)
    elif isinstance(data_files, dict):
        for paths in data_files.values():
            yield from _named_paths(paths)
    elif isinstance(data_files, (list, tuple)):
        for path in data_files:
            yield from _named_paths(path)


def _check_local_files(data_files: Any) -> None:
    """Name a missing file or a folder given as a file here: datasets would say only 'Unable to find'."""
    for path in _named_paths(data_files):
        if "://" in path or "::" in path or any(char in path for char in "*?["):
            continue  # a URL or a glob: datasets resolves it and says what it could not find
        local = Path(path).expanduser()
        if local.is_dir():
            message = f"data file {path} is a folder, not a file; pass a file inside it, or the folder as --data-dir"
            raise DataFilesError(message)
        if not local.exists():
            raise DataFilesError(f"data file {path} does not exist; check the path (relative to {Path.cwd()})")


def load_dataset(
    config: str = "default",
    split: str | None = None,
    *,
    task: str | Path | TaskSpec | None = None,
    repo_id: str | None = None,
    data_files: Any = None,
    data_dir: str | None = None,
    on_error: str = "raise",
    **kwargs: Any,
) -> Any:
    """Load a task's splits as a ``datasets.DatasetDict`` (or a ``Dataset`` when ``split`` is given).

    ``task``: a built-in task's name, a spec file or a :class:`~cosmosqa_ptbr.tasks.TaskSpec` (default: Cosmos QA
    Português). ``config="sample"``: the task's embedded items, offline. ``config="default"``: the files given by
    ``data_files`` (path, list, or split -> paths) or found in ``data_dir`` (named after their split:
    ``train.csv``, ``validation.jsonl``, ``test.parquet``...), else the files the spec names, else its Hub repo
    (``repo_id`` overrides it; ``revision=`` picks a commit). Rows have the features of the spec
    (``TaskSpec.features()``): the label a ClassLabel of the task's letters, -1 where the split is unlabelled.
    A bad row raises ``DatasetValidationError``; ``on_error="skip"`` sets bad rows aside
    instead, warns with ``SkippedRowsWarning`` and lists them in the result's ``skipped_rows``. Other keyword
    arguments: ``cache_dir``, ``download_mode``, ``verification_mode``, ``keep_in_memory``, ``num_proc``.

    >>> ds = load_dataset("sample", split="validation")
    >>> ds.num_rows, ds.features["Label"].names
    (400, ['A', 'B', 'C', 'D'])
    """
    from .builder import TaskBuilder

    spec = get_task(task)

    if config not in CONFIGS:
        message = f"unknown config {config!r}; choose one of {', '.join(CONFIGS)}"
        raise SettingsError(message)
    if on_error not in ON_ERROR:
        message = f"on_error must be one of {', '.join(ON_ERROR)}, got {on_error!r}"
        raise SettingsError(message)
    prepare = {key: kwargs.pop(key) for key in _PREPARE_KWARGS if key in kwargs}
    keep_in_memory = kwargs.pop("keep_in_memory", None)
    revision = kwargs.pop("revision", None)
    config_kwargs: dict[str, Any] = {"on_error": on_error, "task": spec.name if spec.builtin else str(spec.path)}
    if repo_id is not None and repo_id != spec.data.hub_repo:
        config_kwargs["hub_repo_id"] = repo_id
    if revision is not None:
        config_kwargs["hub_revision"] = revision
    data_files = _split_data_files(data_files)
    _check_local_files(data_files)
    if config == "default" and data_dir is not None and data_files is None:
        # Resolve the folder to its files here: the cache is then keyed on the files, not on the folder name.
        data_files = find_data_files(data_dir)
        data_dir = None
    builder = TaskBuilder(
        config_name=config,
        dataset_name=spec.name,
        hash=builder_hash(spec.fingerprint()),
        data_files=data_files,
        data_dir=data_dir,
        base_path=data_dir,
        **config_kwargs,
        **kwargs,
    )
    from datasets.exceptions import DatasetGenerationError

    try:
        builder.download_and_prepare(**prepare)
    except DatasetGenerationError as exc:
        # datasets wraps whatever the builder raises; the user's mistake is the cause, with file, row and fix.
        if isinstance(exc.__cause__, CommandError):
            raise exc.__cause__ from None
        raise
    available = list(builder.info.splits or {})
    # A split may be an expression ("validation[:10]", "train+validation"); check the names in it.
    names = [part.split("[")[0].strip() for part in str(split).split("+")] if split is not None else []
    missing = [name for name in names if available and name not in available]
    if missing:
        message = (
            f"split {missing[0]!r} is not in the data (splits: {', '.join(available)}); pick one of those, or give "
            f"a file for it (data_files={{'{missing[0]}': 'path.csv'}}, --data-files {missing[0]}=PATH)"
        )
        raise DataFilesError(message)
    result = builder.as_dataset(split=split, in_memory=bool(keep_in_memory))
    result.skipped_rows = list(builder.skipped_rows)
    return result


def label_counts(dataset: Any, task: str | Path | TaskSpec | None = None) -> dict[str, int]:
    """Count gold letters in a split of ``task`` (``"unlabelled"`` counts rows without one)."""
    spec = get_task(task)
    if not spec.columns.label:
        return {"unlabelled": dataset.num_rows}
    counts = Counter(dataset[spec.columns.label])
    out = {letter: counts.get(index, 0) for index, letter in enumerate(spec.letters)}
    if counts.get(NO_LABEL):
        out["unlabelled"] = counts[NO_LABEL]
    return out


def load_items(
    config: str = "default",
    split: str = "validation",
    *,
    task: str | Path | TaskSpec | None = None,
    **kwargs: Any,
) -> list[Item]:
    """Load one split of ``task`` (as :func:`load_dataset` does) as normalised items, in file order.

    >>> items = load_items("sample")
    >>> len(items), sorted(items[0]), len(items[0]["options"])
    (400, ['context', 'id', 'label', 'options', 'question'], 4)
    """
    spec = get_task(task)
    rows = load_dataset(config, split, task=spec, **kwargs)
    return [spec.normalize(row) for row in rows]

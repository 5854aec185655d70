"""Write Cosmos QA Português splits in the published layout (Parquet, JSON lines, CSV) and the Hub layout."""

from __future__ import annotations

import csv
import json
from collections.abc import Iterator, Mapping
from pathlib import Path
from typing import Any, Final

from ..cli.folders import owned_folder, record_files, recorded_files, replacing
from ..schema import COLUMNS, LABEL, LETTERS, NO_LABEL

__all__ = ["EXPORT_FORMATS", "export_dataset", "write_parquet_splits"]

EXPORT_FORMATS: Final[tuple[str, ...]] = ("parquet", "jsonl", "csv")
#: The command that owns an export folder (its manifest names it).
EXPORT_COMMAND: Final = "data export"


def _published_rows(dataset: Any) -> Iterator[dict[str, Any]]:
    for row in dataset:
        label = row[LABEL]
        yield {**row, LABEL: LETTERS[label] if label != NO_LABEL else None}


def export_dataset(dataset_dict: Mapping[str, Any], output_dir: str | Path, fmt: str = "parquet") -> list[Path]:
    """Write each split to ``<output_dir>/<split>.<fmt>`` in the published layout (``Label`` a letter,
    empty where unlabelled); return the paths written.

    The folder must be new, empty or written by an earlier export (:mod:`cosmosqa_ptbr.cli.folders`): a file of
    the user's is never replaced, nor written through a link. Files of other splits or formats an earlier export
    wrote stay, and the manifest keeps listing them.
    """
    if fmt not in EXPORT_FORMATS:
        message = f"format must be one of {', '.join(EXPORT_FORMATS)}, got {fmt!r}"
        raise ValueError(message)
    with owned_folder(output_dir, command=EXPORT_COMMAND, flag="--output-dir", rebuild=False) as folder:
        paths = [folder / f"{split}.{fmt}" for split in dataset_dict]
        # Listed before they are written: a file an interrupted export leaves is still known as its own.
        earlier = [name for name in recorded_files(folder, command=EXPORT_COMMAND) if (folder / name).is_file()]
        record_files(folder, [*earlier, *(path.name for path in paths)], command=EXPORT_COMMAND)
        for path, dataset in zip(paths, dataset_dict.values(), strict=True):
            with replacing(path) as temporary:
                _write_split(dataset, temporary, fmt)
    return paths


def _write_split(dataset: Any, path: Path, fmt: str) -> None:
    rows = _published_rows(dataset)
    if fmt == "csv":
        with path.open("x", encoding="utf-8", newline="") as handle:
            writer = csv.DictWriter(handle, fieldnames=list(COLUMNS))
            writer.writeheader()
            writer.writerows({**row, LABEL: row[LABEL] or ""} for row in rows)
    elif fmt == "jsonl":
        with path.open("x", encoding="utf-8") as handle:
            handle.writelines(json.dumps(row, ensure_ascii=False) + "\n" for row in rows)
    else:
        import pyarrow as pa
        import pyarrow.parquet as pq

        schema = pa.schema([(column, pa.string()) for column in COLUMNS])
        pq.write_table(pa.Table.from_pylist(list(rows), schema=schema), path)


def write_parquet_splits(dataset_dict: Mapping[str, Any], folder: str | Path) -> dict[str, str]:
    """Write each split as ``<folder>/data/<split>-00000-of-00001.parquet`` with ``Label`` stored as the
    ClassLabel index (the Hub layout); return split -> path pattern relative to ``folder``."""
    data = Path(folder) / "data"
    data.mkdir(parents=True, exist_ok=True)
    patterns = {}
    for split, dataset in dataset_dict.items():
        dataset.to_parquet(str(data / f"{split}-00000-of-00001.parquet"))
        patterns[split] = f"data/{split}-*.parquet"
    return patterns

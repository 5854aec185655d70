"""Write Cosmos QA Português splits in the published layout (Parquet, JSON lines, CSV) and the Hub layout."""

from __future__ import annotations

import csv
import json
from collections.abc import Iterator, Mapping
from pathlib import Path
from typing import Any, Final

from ..schema import COLUMNS, LABEL, LETTERS, NO_LABEL
from .reading import DataFilesError

__all__ = ["EXPORT_FORMATS", "export_dataset", "write_parquet_splits"]

EXPORT_FORMATS: Final[tuple[str, ...]] = ("parquet", "jsonl", "csv")


def _published_rows(dataset: Any) -> Iterator[dict[str, Any]]:
    for row in dataset:
        label = row[LABEL]
        yield {**row, LABEL: LETTERS[label] if label != NO_LABEL else None}


def export_dataset(dataset_dict: Mapping[str, Any], output_dir: str | Path, fmt: str = "parquet") -> list[Path]:
    """Write each split to ``<output_dir>/<split>.<fmt>`` in the published layout (``Label`` a letter,
    empty where unlabelled); return the paths written."""
    if fmt not in EXPORT_FORMATS:
        message = f"format must be one of {', '.join(EXPORT_FORMATS)}, got {fmt!r}"
        raise ValueError(message)
    folder = Path(output_dir)
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except (FileExistsError, NotADirectoryError):
        raise DataFilesError(f"--output-dir {folder} is a file, not a folder; name a folder to write into") from None
    written = []
    for split, dataset in dataset_dict.items():
        path = folder / f"{split}.{fmt}"
        rows = _published_rows(dataset)
        if fmt == "csv":
            with path.open("w", encoding="utf-8", newline="") as handle:
                writer = csv.DictWriter(handle, fieldnames=list(COLUMNS))
                writer.writeheader()
                writer.writerows({**row, LABEL: row[LABEL] or ""} for row in rows)
        elif fmt == "jsonl":
            with path.open("w", encoding="utf-8") as handle:
                handle.writelines(json.dumps(row, ensure_ascii=False) + "\n" for row in rows)
        else:
            import pyarrow as pa
            import pyarrow.parquet as pq

            schema = pa.schema([(column, pa.string()) for column in COLUMNS])
            pq.write_table(pa.Table.from_pylist(list(rows), schema=schema), path)
        written.append(path)
    return written


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

"""Cosmos QA Português as data: read, validate, load, export.

``load_dataset`` builds ``datasets`` objects with the package's builder (``builder``, registered for
``datasets.load_dataset("cosmos_qa_ptbr")`` by ``registration``); ``reading`` holds the one CSV / JSON-lines /
Parquet reader and the row checks; ``export`` writes the published and Hub layouts; ``command`` is the ``data``
subcommand. Nothing here imports ``datasets`` at import time.
"""

from __future__ import annotations

from ..schema import DEFAULT_REPO_ID
from .export import EXPORT_FORMATS, export_dataset, write_parquet_splits
from .loading import CONFIGS, label_counts, load_dataset
from .reading import (
    DataFilesError,
    DatasetUnavailableError,
    DatasetValidationError,
    RowChecker,
    SkippedRow,
    SkippedRowsWarning,
    find_data_files,
    read_rows,
)

__all__ = [
    "CONFIGS",
    "DEFAULT_REPO_ID",
    "EXPORT_FORMATS",
    "DataFilesError",
    "DatasetUnavailableError",
    "DatasetValidationError",
    "RowChecker",
    "SkippedRow",
    "SkippedRowsWarning",
    "export_dataset",
    "find_data_files",
    "label_counts",
    "load_dataset",
    "read_rows",
    "write_parquet_splits",
]

"""Loading, validating, exporting and publishing Cosmos QA Português through ``cosmosqa_ptbr.dataset``."""

from __future__ import annotations

import csv
import json
import warnings
from collections import Counter
from pathlib import Path
from typing import Any

import pytest

from cosmosqa_ptbr import cli
from cosmosqa_ptbr.dataset import (
    DatasetValidationError,
    SkippedRowsWarning,
    export_dataset,
    label_counts,
    load_dataset,
)
from cosmosqa_ptbr.schema import COLUMNS, LABEL, LETTERS, features


def _write_csv(path: Path, rows: list[dict[str, Any]], columns: tuple[str, ...] = COLUMNS) -> Path:
    with path.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.DictWriter(handle, fieldnames=list(columns), extrasaction="ignore")
        writer.writeheader()
        writer.writerows(rows)
    return path


@pytest.fixture
def published_dir(tmp_path: Path, sample: list[dict[str, Any]]) -> Path:
    """A folder in the published CSV layout: letters in Label, a test split whose Label is empty."""
    folder = tmp_path / "published"
    folder.mkdir()
    _write_csv(folder / "train.csv", sample[:30])
    _write_csv(folder / "validation.csv", sample[30:50])
    _write_csv(folder / "test.csv", [{**row, LABEL: ""} for row in sample[50:60]])
    return folder


def test_sample_config_has_400_rows_with_the_schema_features(sample: list[dict[str, Any]]) -> None:
    """The embedded sample loads offline with the schema's features and the gold letters of the shipped file."""
    ds = load_dataset("sample", split="validation")
    assert ds.num_rows == len(sample) == 400
    assert ds.features == features()
    assert label_counts(ds) == dict(Counter(row[LABEL] for row in sample))
    assert [LETTERS[label] for label in ds[LABEL][:20]] == [row[LABEL] for row in sample[:20]]


def test_published_csv_layout_loads_through_data_files(published_dir: Path, tmp_path: Path, sample: list) -> None:
    """CSV splits with letter labels load with a ClassLabel; the unlabelled test split gets -1."""
    files = {split: str(published_dir / f"{split}.csv") for split in ("train", "validation", "test")}
    dd = load_dataset(data_files=files, cache_dir=str(tmp_path / "cache"))
    assert {split: dd[split].num_rows for split in dd} == {"train": 30, "validation": 20, "test": 10}
    assert dd["train"].features[LABEL].names == list(LETTERS)
    assert dd["train"].features[LABEL].int2str(dd["train"][LABEL]) == [row[LABEL] for row in sample[:30]]
    assert set(dd["test"][LABEL]) == {-1}
    assert dd["validation"][0]["contexto"] == sample[30]["contexto"]


@pytest.mark.parametrize("fmt", ["jsonl", "parquet"])
def test_exported_splits_load_back_through_data_dir(published_dir: Path, tmp_path: Path, fmt: str) -> None:
    """Splits exported as JSONL or Parquet (letters in Label) load back unchanged from a folder."""
    original = load_dataset(data_dir=str(published_dir), cache_dir=str(tmp_path / "cache"))
    out = tmp_path / f"export-{fmt}"
    written = export_dataset(original, out, fmt)
    assert sorted(p.name for p in written) == sorted(f"{split}.{fmt}" for split in original)
    if fmt == "jsonl":
        first = json.loads((out / "train.jsonl").read_text(encoding="utf-8").splitlines()[0])
        assert first[LABEL] in LETTERS
    reloaded = load_dataset(data_dir=str(out), cache_dir=str(tmp_path / "cache"))
    for split in original:
        assert reloaded[split].to_list() == original[split].to_list()


def test_export_csv_writes_letters_and_empty_test_labels(published_dir: Path, tmp_path: Path) -> None:
    """CSV export writes the published layout: a letter per labelled row, an empty Label in the test split."""
    dd = load_dataset(data_dir=str(published_dir), cache_dir=str(tmp_path / "cache"))
    export_dataset(dd, tmp_path / "csv", "csv")
    with (tmp_path / "csv" / "validation.csv").open(encoding="utf-8") as handle:
        rows = list(csv.DictReader(handle))
    assert tuple(rows[0]) == COLUMNS
    assert [row[LABEL] for row in rows] == dd["validation"].features[LABEL].int2str(dd["validation"][LABEL])
    with (tmp_path / "csv" / "test.csv").open(encoding="utf-8") as handle:
        assert {row[LABEL] for row in csv.DictReader(handle)} == {""}


def _malformed(kind: str, rows: list[dict[str, Any]]) -> tuple[list[dict[str, Any]], tuple[str, ...]]:
    rows = [dict(row) for row in rows]
    columns = COLUMNS
    if kind == "missing column":
        columns = tuple(c for c in COLUMNS if c != "C")
    elif kind == "empty option":
        rows[3]["B"] = "   "
    elif kind == "label E":
        rows[3][LABEL] = "E"
    elif kind == "duplicate id":
        rows[3]["id"] = rows[1]["id"]
    return rows, columns


@pytest.mark.parametrize(
    ("kind", "field", "names_row"),
    [
        ("missing column", "C", False),
        ("empty option", "B", True),
        ("label E", LABEL, True),
        ("duplicate id", "id", True),
    ],
)
def test_malformed_file_raises_validation_error_naming_file_row_and_field(
    kind: str, field: str, names_row: bool, tmp_path: Path, sample: list[dict[str, Any]]
) -> None:
    """Each kind of malformed row raises DatasetValidationError naming the file, the row id, the field and a fix."""
    rows, columns = _malformed(kind, sample[:8])
    path = _write_csv(tmp_path / "validation.csv", rows, columns)
    with pytest.raises(DatasetValidationError) as caught:
        load_dataset(data_files={"validation": str(path)}, cache_dir=str(tmp_path / "cache"))
    error = caught.value
    message = str(error)
    assert "validation.csv" in message and repr(field) in message and "Fix:" in message
    assert error.field == field
    if names_row:
        assert error.row_id == rows[3]["id"] and rows[3]["id"] in message and error.line == 4


def test_label_outside_a_to_d_in_test_split_means_unlabelled(tmp_path: Path, sample: list[dict[str, Any]]) -> None:
    """In the test split a label that is not A-D (or absent) becomes -1 instead of an error."""
    rows = [{**row, LABEL: value} for row, value in zip(sample[:3], ["E", "", "B"], strict=True)]
    path = _write_csv(tmp_path / "test.csv", rows)
    ds = load_dataset(data_files={"test": str(path)}, split="test", cache_dir=str(tmp_path / "cache"))
    assert ds[LABEL] == [-1, -1, LETTERS.index("B")]


def test_skip_mode_sets_bad_rows_aside_and_reports_them(tmp_path: Path, sample: list[dict[str, Any]]) -> None:
    """on_error='skip' drops only the bad rows, warns with how many and which, and keeps the list on the result."""
    rows = [dict(row) for row in sample[:10]]
    rows[2]["A"] = ""
    rows[6][LABEL] = "E"
    path = _write_csv(tmp_path / "validation.csv", rows)
    kwargs = {"data_files": {"validation": str(path)}, "on_error": "skip", "cache_dir": str(tmp_path / "cache")}
    for _attempt in range(2):  # the second load comes from the cache and must report the same rows
        with warnings.catch_warnings(record=True) as caught:
            warnings.simplefilter("always")
            dd = load_dataset(**kwargs)
        reports = [w.message for w in caught if isinstance(w.message, SkippedRowsWarning)]
        assert len(reports) == 1 and "2 invalid rows" in str(reports[0])
        assert [(r.row_id, r.field) for r in reports[0].rows] == [(rows[2]["id"], "A"), (rows[6]["id"], LABEL)]
        assert [r.line for r in dd.skipped_rows] == [3, 7]
        assert dd["validation"].num_rows == 8
        assert rows[2]["id"] not in dd["validation"]["id"]


def test_data_info_prints_rows_and_label_counts_of_the_sample(capsys: pytest.CaptureFixture[str], sample: list) -> None:
    """`cosmosqa-ptbr data info` prints the sample's row count and gold-letter counts."""
    assert cli.main(["data", "info"]) == 0
    out = capsys.readouterr().out
    counts = Counter(row[LABEL] for row in sample)
    assert f"validation: {len(sample)} rows" in out
    assert " / ".join(f"{letter} {counts[letter]}" for letter in LETTERS) in out


def test_data_push_builds_a_repo_that_datasets_loads_without_a_script(
    published_dir: Path, tmp_path: Path, sample: list
) -> None:
    """The folder `data push` uploads loads with datasets.load_dataset(folder): Parquet + card YAML, ClassLabel kept."""
    import datasets

    folder = tmp_path / "repo"
    args = ["data", "push", "--data-dir", str(published_dir), "--repo-id", "someone/cosmos_qa_ptbr"]
    assert cli.main([*args, "--folder", str(folder), "--no-upload"]) == 0
    assert sorted(p.name for p in (folder / "data").iterdir()) == [
        f"{split}-00000-of-00001.parquet" for split in ("test", "train", "validation")
    ]
    loaded = datasets.load_dataset(str(folder), cache_dir=str(tmp_path / "cache"))
    assert {split: loaded[split].num_rows for split in loaded} == {"train": 30, "validation": 20, "test": 10}
    assert loaded["train"].features == features()
    assert loaded["train"].features[LABEL].int2str(loaded["train"][LABEL]) == [row[LABEL] for row in sample[:30]]
    assert set(loaded["test"][LABEL]) == {-1}


def test_changed_files_in_data_dir_are_reloaded_not_served_from_cache(tmp_path: Path, sample: list) -> None:
    """Rewriting a split file in a data_dir gives the new rows on the next load (the cache is keyed on the files)."""
    import os

    folder = tmp_path / "data"
    folder.mkdir()
    path = _write_csv(folder / "validation.csv", sample[:6])
    cache = str(tmp_path / "cache")
    assert load_dataset(data_dir=str(folder), split="validation", cache_dir=cache).num_rows == 6
    _write_csv(path, sample[:4])
    os.utime(path, (path.stat().st_atime, path.stat().st_mtime + 5))
    assert load_dataset(data_dir=str(folder), split="validation", cache_dir=cache).num_rows == 4


def test_data_export_command_writes_the_sample_as_jsonl(tmp_path: Path, sample: list) -> None:
    """`cosmosqa-ptbr data export --format jsonl` writes the sample with letter labels, row for row."""
    assert cli.main(["data", "export", "--format", "jsonl", "--output-dir", str(tmp_path)]) == 0
    lines = (tmp_path / "validation.jsonl").read_text(encoding="utf-8").splitlines()
    assert [json.loads(line) for line in lines] == sample


def test_data_info_on_default_config_offline_prints_the_fix_not_a_traceback(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Offline, `data info --config default` exits with status 2 and a message naming the sample config and data_dir."""
    monkeypatch.chdir(tmp_path)
    assert cli.main(["data", "info", "--config", "default"]) == 2
    err = capsys.readouterr().err
    assert err.startswith("error: ") and "'sample'" in err and "data_dir=" in err and "Traceback" not in err

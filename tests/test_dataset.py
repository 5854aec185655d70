"""Loading, validating, exporting and publishing Cosmos QA Português through ``cosmosqa_ptbr.data``."""

from __future__ import annotations

import csv
import hashlib
import io
import json
import os
import subprocess
import sys
import threading
import warnings
from collections import Counter
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any, ClassVar
from urllib.parse import unquote, urlparse

import pytest

from cosmosqa_ptbr import cli
from cosmosqa_ptbr.data import (
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
    """Offline, `data info --dataset-config default` exits 2 with a message naming the sample config and data_dir."""
    monkeypatch.chdir(tmp_path)
    assert cli.main(["data", "info", "--dataset-config", "default"]) == 2
    err = capsys.readouterr().err
    assert (
        err.startswith("cosmosqa-ptbr data: error: ")
        and "'sample'" in err
        and "data_dir=" in err
        and "Traceback" not in err
    )


class _FakeHub(BaseHTTPRequestHandler):
    """The three Hub endpoints a dataset read uses: repo info, file tree, file download."""

    files: ClassVar[dict[str, bytes]] = {}
    sha = "c0ffee" * 6 + "abcd"

    def log_message(self, *args: Any) -> None:
        pass

    def _send(self, body: bytes, status: int = 200, **headers: str) -> None:
        self.send_response(status)
        for name, value in {"Content-Length": str(len(body)), **headers}.items():
            self.send_header(name, value)
        self.end_headers()
        if self.command != "HEAD":
            self.wfile.write(body)

    def do_HEAD(self) -> None:
        self.do_GET()

    def do_GET(self) -> None:
        parts = unquote(urlparse(self.path).path).strip("/").split("/")
        repo = parts[2:4] if parts[0] == "api" else parts[1:3]
        if repo != ["ns", "cosmos_qa_ptbr"]:
            self._send(b'{"error": "Repository not found"}', 404, **{"X-Error-Code": "RepoNotFound"})
        elif parts[:2] == ["api", "datasets"] and len(parts) >= 6 and parts[4] == "tree":
            prefix = "/".join(parts[6:])
            tree = [
                {"type": "file", "path": name, "size": len(body), "oid": hashlib.sha1(body).hexdigest()}
                for name, body in self.files.items()
                if name.startswith(prefix)
            ]
            self._send(json.dumps(tree).encode(), **{"Content-Type": "application/json"})
        elif parts[:2] == ["api", "datasets"]:
            info = {"id": "ns/cosmos_qa_ptbr", "sha": self.sha, "siblings": [{"rfilename": f} for f in self.files]}
            self._send(json.dumps(info).encode(), **{"Content-Type": "application/json"})
        elif parts[0] == "datasets" and parts[3:4] == ["resolve"] and "/".join(parts[5:]) in self.files:
            body = self.files["/".join(parts[5:])]
            self._send(body, ETag=f'"{hashlib.sha1(body).hexdigest()}"', **{"X-Repo-Commit": self.sha})
        else:
            self._send(b'{"error": "Entry not found"}', 404, **{"X-Error-Code": "EntryNotFound"})


@pytest.fixture(scope="module")
def fake_hub(sample: list[dict[str, Any]]) -> Iterator[str]:
    """A loopback Hub holding ns/cosmos_qa_ptbr as published: train/validation/test CSV, test without labels."""

    def to_csv(rows: list[dict[str, Any]]) -> bytes:
        buffer = io.StringIO()
        writer = csv.DictWriter(buffer, fieldnames=list(COLUMNS))
        writer.writeheader()
        writer.writerows(rows)
        return buffer.getvalue().encode()

    _FakeHub.files = {
        "train.csv": to_csv(sample[:12]),
        "validation.csv": to_csv(sample[12:20]),
        "test.csv": to_csv([{**row, LABEL: ""} for row in sample[20:25]]),
    }
    server = ThreadingHTTPServer(("127.0.0.1", 0), _FakeHub)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_port}"
    server.shutdown()
    server.server_close()


@pytest.mark.parametrize("repo", ["ns/cosmos_qa_ptbr", "ns/missing"])
def test_default_config_reads_the_hub_repo(fake_hub: str, tmp_path: Path, repo: str, sample: list) -> None:
    """Online, the default config reads the repo's CSV splits; a repo that does not exist gives the clear error."""
    code = (
        "import cosmosqa_ptbr\n"
        "from cosmosqa_ptbr.data import DatasetUnavailableError\n"
        "try:\n"
        f"    dd = cosmosqa_ptbr.load_dataset(repo_id={repo!r})\n"
        "except DatasetUnavailableError as error:\n"
        "    print('UNAVAILABLE', error)\n"
        "else:\n"
        "    import json\n"
        "    print(json.dumps({split: list(dd[split]['Label']) for split in dd}))\n"
    )
    env = {key: value for key, value in os.environ.items() if key not in ("HF_HUB_OFFLINE", "HF_DATASETS_OFFLINE")}
    env.update(HF_ENDPOINT=fake_hub, HF_HOME=str(tmp_path / "home"), HF_DATASETS_CACHE=str(tmp_path / "cache"))
    env.update(HF_UPDATE_DOWNLOAD_COUNTS="0", HF_HUB_DISABLE_TELEMETRY="1")
    result = subprocess.run(
        [sys.executable, "-c", code], cwd=tmp_path, env=env, capture_output=True, text=True, timeout=120
    )
    assert result.returncode == 0, result.stderr
    if repo == "ns/missing":
        assert (
            result.stdout.startswith("UNAVAILABLE") and "'ns/missing'" in result.stdout and "'sample'" in result.stdout
        )
        return
    labels = json.loads(result.stdout.strip().splitlines()[-1])
    assert labels["train"] == [LETTERS.index(row[LABEL]) for row in sample[:12]]
    assert labels["validation"] == [LETTERS.index(row[LABEL]) for row in sample[12:20]]
    assert labels["test"] == [-1] * 5

"""``import cosmosqa_ptbr`` makes ``datasets.load_dataset("cosmos_qa_ptbr")`` resolve offline, and stays light.

The registration touches private parts of ``datasets``; the first tests here fail loudly, with the fix to make,
when an upgrade of ``datasets`` moves them. The others show that a ``datasets`` without them still imports the
package and loads the data by every other path. tests/check_lowest.py runs this file on the oldest ``datasets``
that setup.cfg allows; the README's test command runs it on the newest.
"""

from __future__ import annotations

import inspect
import json
import os
import socket
import subprocess
import sys
import time
from pathlib import Path

import pytest

import cosmosqa_ptbr  # the import registers the builder
from cosmosqa_ptbr.data import DatasetUnavailableError, DatasetValidationError
from cosmosqa_ptbr.data.loading import builder_hash
from cosmosqa_ptbr.data.registration import BUILDER_MODULE, DATASET_NAME, is_registered
from cosmosqa_ptbr.schema import LABEL, LETTERS, features

BUILTIN_SAMPLE = Path(cosmosqa_ptbr.__file__).parent / "tasks" / "builtin" / "cosmos_qa_ptbr.validation.jsonl"
UPGRADE_HINT = (
    "datasets {version} changed a private API that cosmosqa_ptbr/data/registration.py relies on; update the "
    "registration (or the datasets range in setup.cfg)"
)


def _hint() -> str:
    import datasets

    return UPGRADE_HINT.format(version=datasets.__version__)


def _run(code: str, cwd: Path, **env: str) -> subprocess.CompletedProcess[str]:
    environment = {**os.environ, "HF_HUB_OFFLINE": "1", "HF_DATASETS_CACHE": str(cwd / ".cache"), **env}
    environment = {key: value for key, value in environment.items() if value != "<unset>"}
    return subprocess.run(
        [sys.executable, "-c", code], cwd=cwd, env=environment, capture_output=True, text=True, timeout=120
    )


def test_datasets_private_registry_still_has_the_expected_shape() -> None:
    """The packaged-module registry is a dict of name -> (module path, hash) consulted by dataset_module_factory."""
    import datasets.load
    import datasets.packaged_modules

    registry = getattr(datasets.packaged_modules, "_PACKAGED_DATASETS_MODULES", None)
    assert isinstance(registry, dict), _hint()
    assert all(
        isinstance(v, tuple) and len(v) == 2 and all(isinstance(x, str) for x in v) for v in registry.values()
    ), _hint()
    source = inspect.getsource(datasets.load.dataset_module_factory)
    assert "_PACKAGED_DATASETS_MODULES" in source and "PackagedDatasetModuleFactory(" in source, _hint()


def test_datasets_packaged_factory_still_has_the_expected_signature() -> None:
    """The subclassed factory still takes name, data_dir, data_files, download_config and download_mode."""
    import datasets.load

    stock = datasets.load.PackagedDatasetModuleFactory.__mro__[1]
    assert datasets.load.PackagedDatasetModuleFactory.__name__ == "CosmosQAPtbrPackagedModuleFactory", _hint()
    parameters = list(inspect.signature(stock.__init__).parameters)
    assert parameters == ["self", "name", "data_dir", "data_files", "download_config", "download_mode"], _hint()
    source = inspect.getsource(stock.get_module)
    for attribute in ("self.name", "self.data_files", "self.data_dir", "self.download_config"):
        assert attribute in source, _hint()


def test_builder_is_registered_under_the_exact_name() -> None:
    """After `import cosmosqa_ptbr` and `import datasets`, cosmos_qa_ptbr maps to the builder module with its hash."""
    import datasets.packaged_modules

    assert is_registered(), _hint()
    assert datasets.packaged_modules._PACKAGED_DATASETS_MODULES[DATASET_NAME] == (BUILDER_MODULE, builder_hash())


def test_import_of_the_package_does_not_import_datasets(tmp_path: Path) -> None:
    """`import cosmosqa_ptbr` leaves datasets unimported (it costs most of a second) but arms the registration."""
    result = _run(
        "import sys, cosmosqa_ptbr\n"
        "assert 'datasets' not in sys.modules, 'datasets imported'\n"
        "from cosmosqa_ptbr.data.registration import is_registered\n"
        "import datasets\n"
        "print(is_registered())",
        tmp_path,
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "True"


@pytest.mark.parametrize("order", ["import cosmosqa_ptbr, datasets", "import datasets, cosmosqa_ptbr"])
def test_sample_loads_by_name_in_an_empty_directory_offline(order: str, tmp_path: Path) -> None:
    """In either import order, datasets.load_dataset('cosmos_qa_ptbr', 'sample') gives 400 rows in an empty CWD."""
    work = tmp_path / "empty"
    work.mkdir()
    result = _run(
        f"{order}\n"
        "ds = datasets.load_dataset('cosmos_qa_ptbr', 'sample', split='validation')\n"
        "print(ds.num_rows)\n"
        "print(repr(ds.features))",
        work,
    )
    assert result.returncode == 0, result.stderr
    rows, features_repr = result.stdout.strip().splitlines()[-2:]
    assert int(rows) == 400
    assert features_repr == repr(features())
    assert [p.name for p in work.iterdir()] == [".cache"]


def test_bare_name_offline_raises_one_clear_error(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Offline, load_dataset('cosmos_qa_ptbr') without local files names the sample config and data_dir=."""
    import datasets

    monkeypatch.chdir(tmp_path)
    with pytest.raises(DatasetUnavailableError) as caught:
        datasets.load_dataset("cosmos_qa_ptbr", cache_dir=str(tmp_path / "cache"))
    message = str(caught.value)
    assert "HF_HUB_OFFLINE" in message and "'sample'" in message and "data_dir=" in message


def test_unreachable_hub_fails_fast_without_the_offline_flag(tmp_path: Path) -> None:
    """With HF_HUB_OFFLINE unset and a Hub that refuses connections, the error comes in seconds, not after retries."""
    with socket.socket() as probe:  # a loopback port with nothing listening
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    start = time.monotonic()
    result = _run(
        "import cosmosqa_ptbr, datasets\n"
        "from cosmosqa_ptbr.data import DatasetUnavailableError\n"
        "try:\n"
        "    datasets.load_dataset('cosmos_qa_ptbr')\n"
        "except DatasetUnavailableError as exc:\n"
        "    print('UNAVAILABLE', exc)\n",
        tmp_path,
        HF_HUB_OFFLINE="<unset>",
        HF_DATASETS_OFFLINE="<unset>",
        HF_ENDPOINT=f"http://127.0.0.1:{port}",
        HF_UPDATE_DOWNLOAD_COUNTS="0",
    )
    elapsed = time.monotonic() - start
    assert result.returncode == 0, result.stderr
    assert result.stdout.startswith("UNAVAILABLE") and f"127.0.0.1:{port}" in result.stdout
    assert elapsed < 15


def test_published_csv_loads_by_name_through_data_files(tmp_path: Path, sample: list) -> None:
    """datasets.load_dataset('cosmos_qa_ptbr', data_files=...) reads a published-layout CSV, letters as ClassLabel."""
    import csv

    import datasets

    path = tmp_path / "validation.csv"
    with path.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.DictWriter(handle, fieldnames=list(sample[0]))
        writer.writeheader()
        writer.writerows(sample[:12])
    ds = datasets.load_dataset(
        "cosmos_qa_ptbr", data_files={"validation": str(path)}, split="validation", cache_dir=str(tmp_path / "c")
    )
    assert ds.features[LABEL].names == list(LETTERS)
    assert ds.features[LABEL].int2str(ds[LABEL]) == [row[LABEL] for row in sample[:12]]


def test_validation_errors_surface_through_datasets_load_dataset(tmp_path: Path, sample: list) -> None:
    """A bad row read through datasets.load_dataset raises DatasetValidationError itself, not a generic wrapper."""
    import json

    import datasets

    path = tmp_path / "validation.jsonl"
    rows = [dict(row) for row in sample[:5]]
    rows[1]["D"] = ""
    path.write_text("".join(json.dumps(row, ensure_ascii=False) + "\n" for row in rows), encoding="utf-8")
    with pytest.raises(DatasetValidationError, match=r"validation\.jsonl, row 2 .*field 'D'"):
        datasets.load_dataset("cosmos_qa_ptbr", data_files={"validation": str(path)}, cache_dir=str(tmp_path / "c"))


#: Ways a datasets release could move what the registration touches, applied before `import cosmosqa_ptbr`.
CHANGED_INTERNALS = {
    "registry removed": "del datasets.packaged_modules._PACKAGED_DATASETS_MODULES\n",
    "factory takes other arguments": (
        "class Factory(datasets.load.PackagedDatasetModuleFactory):\n"
        "    def __init__(self, name, data_dir=None, data_files=None, download_config=None, revision=None):\n"
        "        super().__init__(name, data_dir, data_files, download_config)\n"
        "datasets.load.PackagedDatasetModuleFactory = Factory\n"
    ),
}


@pytest.mark.parametrize("change", sorted(CHANGED_INTERNALS))
def test_changed_datasets_internals_give_one_line_and_leave_the_package_working(change: str, tmp_path: Path) -> None:
    """With datasets' private parts moved: import works, one warning line, the name fails with it, the rest loads."""
    result = _run(
        "import json, warnings\n"
        "import datasets, datasets.load, datasets.packaged_modules\n"
        f"{CHANGED_INTERNALS[change]}"
        "with warnings.catch_warnings(record=True) as caught:\n"
        "    warnings.simplefilter('always')\n"
        "    import cosmosqa_ptbr\n"
        "registry = getattr(datasets.packaged_modules, '_PACKAGED_DATASETS_MODULES', {})\n"
        "try:\n"
        "    datasets.load_dataset('cosmos_qa_ptbr', 'sample')\n"
        "    error = None\n"
        "except Exception as exc:\n"
        "    error = [type(exc).__name__, str(exc)]\n"
        "print(json.dumps({'version': datasets.__version__, 'error': error,\n"
        "    'registered': 'cosmos_qa_ptbr' in registry,\n"
        "    'warnings': [str(w.message) for w in caught if issubclass(w.category, RuntimeWarning)],\n"
        "    'rows': cosmosqa_ptbr.load_dataset('sample', split='validation').num_rows}))\n",
        tmp_path,
    )
    assert result.returncode == 0, result.stderr
    found = json.loads(result.stdout.strip().splitlines()[-1])
    [warning] = found["warnings"]
    assert "\n" not in warning
    head = f'datasets.load_dataset("cosmos_qa_ptbr") is not available with the installed datasets {found["version"]}'
    assert warning.startswith(head)
    assert "cosmosqa-ptbr supports (datasets>=" in warning and "cosmosqa_ptbr.load_dataset(...) works" in warning
    assert found["error"] == ["RegistrationError", warning]
    assert not found["registered"]  # nothing half-registered
    assert found["rows"] == 400


def test_a_pushed_folder_loads_in_a_process_that_never_imports_the_package(tmp_path: Path) -> None:
    """A folder from `data push --no-upload` loads with plain datasets.load_dataset(folder), cosmosqa_ptbr unused."""
    folder = tmp_path / "repo"
    command = ["data", "push", "--repo-id", "someone/cosmos_qa_ptbr", "--folder", str(folder), "--no-upload"]
    push = subprocess.run(
        [sys.executable, "-m", "cosmosqa_ptbr.cli", *command],
        cwd=tmp_path,
        env={**os.environ, "HF_HUB_OFFLINE": "1"},
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert push.returncode == 0, push.stderr
    result = _run(
        "import json, sys, datasets\n"
        f"ds = datasets.load_dataset({str(folder)!r}, split='validation')\n"
        "print(json.dumps({'rows': ds.num_rows, 'names': ds.features['Label'].names,\n"
        "    'first': ds.features['Label'].int2str(ds[0]['Label']), 'features': repr(ds.features),\n"
        "    'imported': sorted(m for m in sys.modules if m.startswith('cosmosqa_ptbr'))}))\n",
        tmp_path,
    )
    assert result.returncode == 0, result.stderr
    found = json.loads(result.stdout.strip().splitlines()[-1])
    assert found["imported"] == []
    assert (found["rows"], found["names"]) == (400, list(LETTERS))
    assert found["features"] == repr(features())
    first = json.loads(BUILTIN_SAMPLE.read_text(encoding="utf-8").splitlines()[0])
    assert found["first"] == first[LABEL]

"""The sdist and wheel build, pass twine check, hold the package data, and the wheel works outside the repo."""

from __future__ import annotations

import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

pytestmark = pytest.mark.slow

SCRIPT = Path(__file__).resolve().parent / "check_wheel.py"


@pytest.fixture(scope="module")
def checked(tmp_path_factory: pytest.TempPathFactory) -> tuple[str, Path]:
    """Run tests/check_wheel.py once (build, twine, fresh venv, runs from a temporary folder); its output."""
    work = tmp_path_factory.mktemp("wheel")
    result = subprocess.run(
        [sys.executable, str(SCRIPT), "--work", str(work)], capture_output=True, text=True, timeout=1500
    )
    assert result.returncode == 0, result.stdout[-3000:] + result.stderr[-3000:]
    return result.stdout, work


def test_sdist_and_wheel_build_pass_twine_and_hold_the_package_data(checked: tuple[str, Path]) -> None:
    """Both archives pass `twine check --strict`; the wheel has the sample, templates, metric folder, py.typed."""
    output, work = checked
    assert "OK   twine check" in output and "PASSED" in output and "OK   wheel package data" in output
    (wheel,) = (work / "dist").glob("*.whl")
    names = set(zipfile.ZipFile(wheel).namelist())
    assert "cosmosqa_ptbr/metrics/letter_accuracy/letter_accuracy.py" in names
    assert not any("__pycache__" in name for name in names)


def test_the_installed_wheel_works_from_outside_the_repository(checked: tuple[str, Path]) -> None:
    """From a temporary folder: data info, load_dataset, evaluate.load, space build and the app's /answer."""
    output, work = checked
    for step in (
        "OK   cosmosqa-ptbr data info: Cosmos QA Português (task 'cosmos_qa_ptbr'), config 'sample' | validation: 400",
        f"OK   import: cosmosqa_ptbr from {work}",
        "OK   datasets.load_dataset('cosmos_qa_ptbr', 'sample'): {'validation': 400}",
        "OK   evaluate.load(cosmosqa_ptbr.LETTER_ACCURACY): accuracy 0.5",
        "OK   cosmosqa-ptbr space build",
        "OK   space app.py /answer via gradio_client: label",
    ):
        assert step in output, output


def test_the_wheel_holds_the_recipes(checked: tuple[str, Path]) -> None:
    """The wheel carries cosmosqa_ptbr/recipes/smollm2-135m/lora-cpu.yaml, and `train --check` finds it."""
    output, work = checked
    (wheel,) = (work / "dist").glob("*.whl")
    assert "cosmosqa_ptbr/recipes/smollm2-135m/lora-cpu.yaml" in zipfile.ZipFile(wheel).namelist()
    assert "OK   cosmosqa-ptbr train --config smollm2-135m/lora-cpu --check" in output

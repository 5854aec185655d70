"""Dataset and model cards: their YAML parses with huggingface_hub, the committed cards match a fresh render,
and the Hub upload goes through ``HfApi``'s create_repo + upload_folder."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from _hub import RecordingHfApi
from huggingface_hub import DatasetCard, ModelCard

from cosmosqa_ptbr import cli
from cosmosqa_ptbr.cli.options import CommandError
from cosmosqa_ptbr.hub.cards import (
    REFERENCE_ADAPTER,
    REFERENCE_BASE_MODEL,
    REFERENCE_RESULTS,
    reference_model_card,
    render_dataset_card,
    render_model_card,
    write_cards,
)
from cosmosqa_ptbr.hub.upload import MANIFEST, HubUploadError, push_folder_to_hub
from cosmosqa_ptbr.tasks import get_task

REPO = Path(__file__).resolve().parents[1]
HUB = REPO / "cosmosqa_ptbr" / "hub"
DEFAULT = get_task()
DEFAULT_REPO_ID = DEFAULT.data.hub_repo
(NONE_OF_THE_ABOVE_EN, NONE_OF_THE_ABOVE_PT), *_ = DEFAULT.translation.fixed_options

RESULT = {
    "name": "QLoRA run",
    "accuracy": 0.4125,
    "lenient_accuracy": 0.5,
    "dataset_id": "someone/cosmos_qa_ptbr",
    "dataset_config": "sample",
    "split": "validation",
    "revision": "0123abc",
    "n": 400,
}


def test_dataset_card_yaml_carries_metadata_configs_and_classlabel() -> None:
    """The dataset card parses with DatasetCard; its YAML has the license, a monolingual pt dataset translated from
    the Hub's Cosmos QA, configs and the ClassLabel features, and no split list without sizes in bytes."""
    card = DatasetCard(render_dataset_card())
    data = card.data.to_dict()
    assert data["license"] == "cc-by-4.0" and data["language"] == ["pt"]
    assert data["multilinguality"] == ["monolingual"] and data["source_datasets"] == ["allenai/cosmos_qa"]
    assert set(data["task_categories"]) == {"question-answering", "multiple-choice"}
    assert data["annotations_creators"] == ["machine-generated"] and data["size_categories"] == ["10K<n<100K"]
    assert data["configs"][0]["data_files"][0] == {"split": "train", "path": "data/train-*.parquet"}
    assert data["dataset_info"]["features"] == DEFAULT.features()._to_yaml_list()
    # datasets ignores a split list whose entries lack num_bytes: the published sizes are known in rows only.
    assert "splits" not in data["dataset_info"]
    assert "train 25,262, validation 2,985, test 6,963" in card.text


def test_dataset_card_text_covers_translation_limitations_results_and_citation() -> None:
    """The card body explains the translation, its limitations, the reported accuracies and cites Cosmos QA."""
    text = DatasetCard(render_dataset_card()).text
    for needle in (
        NONE_OF_THE_ABOVE_EN,
        NONE_OF_THE_ABOVE_PT,
        "Structured output",
        "Resume",
        "Known limitations",
        "Cultural transfer",
        "58.27%",
        "79.73%",
        "81.03%",
        "reported",
        "@inproceedings{huang-etal-2019-cosmos",
        "Le Bras, Ronan",
    ):
        assert needle in text, needle


def test_dataset_card_for_a_push_lists_the_pushed_splits() -> None:
    """Rendering for a pushed folder uses the given repo, split sizes in rows and bytes, and file patterns."""
    card = DatasetCard(
        render_dataset_card(
            repo_id="ns/x",
            split_sizes={"validation": 7},
            split_bytes={"validation": 1234},
            download_size=900,
            data_files={"validation": "v.parquet"},
        )
    )
    assert card.data.configs == [
        {"config_name": "default", "data_files": [{"split": "validation", "path": "v.parquet"}]}
    ]
    info = card.data.dataset_info
    assert info["splits"] == [{"name": "validation", "num_bytes": 1234, "num_examples": 7}]
    assert (info["download_size"], info["dataset_size"]) == (900, 1234)
    assert 'load_dataset("ns/x")' in card.text
    with pytest.raises(ValueError, match="same splits"):
        render_dataset_card(split_sizes={"train": 1}, data_files={"test": "t.parquet"})


def test_pushed_dataset_folder_loads_with_plain_datasets_without_a_malformed_info_warning(tmp_path: Path) -> None:
    """`data push --no-upload` writes a folder that a bare `datasets.load_dataset(folder)`, in a process that never
    imports cosmosqa_ptbr, loads with the card's splits, sizes and ClassLabel, and no "Ignoring part of
    dataset_info" warning."""
    import subprocess
    import sys

    folder = tmp_path / "repo"
    command = [sys.executable, "-m", "cosmosqa_ptbr.cli", "data", "push", "--repo-id", "ns/x", "--no-upload"]
    pushed = subprocess.run([*command, "--folder", str(folder)], capture_output=True, text=True, timeout=300)
    assert pushed.returncode == 0, pushed.stderr
    code = (
        "import json, sys, datasets\n"
        "ds = datasets.load_dataset(sys.argv[1])\n"
        "split = ds['validation']\n"
        "print(json.dumps({'rows': split.num_rows, 'names': split.features['Label'].names,\n"
        "                  'recorded': {k: v.num_examples for k, v in split.info.splits.items()}}))\n"
    )
    loaded = subprocess.run(
        [sys.executable, "-c", code, str(folder)], capture_output=True, text=True, timeout=300, cwd=tmp_path
    )
    assert loaded.returncode == 0, loaded.stderr
    assert "Ignoring part of dataset_info" not in loaded.stderr + loaded.stdout
    assert "malformed" not in loaded.stderr
    result = json.loads(loaded.stdout.strip().splitlines()[-1])
    assert result == {"rows": 400, "names": ["A", "B", "C", "D"], "recorded": {"validation": 400}}
    info = DatasetCard.load(folder / "README.md").data.dataset_info
    (split,) = info["splits"]
    assert split["name"] == "validation" and split["num_examples"] == 400 and split["num_bytes"] > 100_000
    parquet = folder / "data" / "validation-00000-of-00001.parquet"
    assert info["download_size"] == parquet.stat().st_size


ENEM_SPEC_CARD = "Prova de múltipla escolha com cinco alternativas."


def test_data_push_of_a_five_option_task_writes_the_generic_card_of_that_task(
    tmp_path: Path, hf_api: RecordingHfApi
) -> None:
    """`data push --task enem.yaml` uploads a card generated from that spec: its title, description, license,
    columns, five letters and a Loading section naming the task; nothing of Cosmos QA."""
    from test_tasks import write_enem

    spec_file = write_enem(tmp_path)
    text = spec_file.read_text(encoding="utf-8")
    spec_file.write_text(text + f"description: {ENEM_SPEC_CARD}\ntags: [enem, exams]\n", encoding="utf-8")
    assert cli.main(["data", "push", "--task", str(spec_file), "--repo-id", "ns/enem"]) == 0
    card = DatasetCard(hf_api.uploaded["README.md"].decode("utf-8"))
    data = card.data.to_dict()
    assert data["pretty_name"] == "ENEM (demo)" and data["license"] == "cc-by-4.0" and data["tags"] == ["enem", "exams"]
    assert data["multilinguality"] == ["monolingual"] and "source_datasets" not in data
    label = next(f for f in data["dataset_info"]["features"] if f["name"] == "gabarito")
    assert label["dtype"]["class_label"]["names"] == {"0": "A", "1": "B", "2": "C", "3": "D", "4": "E"}
    assert data["dataset_info"]["splits"][0]["num_examples"] == 6
    assert "# ENEM (demo)\n" in card.text and ENEM_SPEC_CARD in card.text
    for column in ("numero", "texto", "enunciado", "a", "b", "c", "d", "e", "gabarito"):
        assert f"| `{column}` |" in card.text, column
    assert "5 options (A, B, C, D, E)" in card.text
    assert 'cosmosqa_ptbr.load_dataset(repo_id="ns/enem", task="enem.yaml")' in card.text
    assert "`cc-by-4.0`" in card.text and "gives no citation" in card.text
    assert "Cosmos" not in card.text and "contexto" not in card.text


def test_the_cosmos_card_is_the_default_tasks_own_and_other_tasks_get_the_generic_one() -> None:
    """Cosmos QA Português names its card template beside its spec; the English original gets the generic card."""
    assert DEFAULT.dataset_card == REPO / "cosmosqa_ptbr" / "tasks" / "builtin" / "cosmos_qa_ptbr.card.md"
    english = get_task("cosmos_qa_en")
    assert english.dataset_card is None
    card = DatasetCard(render_dataset_card(task="cosmos_qa_en", repo_id="ns/en", split_sizes={"validation": 400}))
    assert card.data.language == ["en"] and card.data.pretty_name == "Cosmos QA"
    assert "| `answer0` | string | option A |" in card.text and "How it was translated" not in card.text
    assert 'task="cosmos_qa_en"' in card.text and "@inproceedings{huang-etal-2019-cosmos" in card.text


def test_a_card_template_with_an_unknown_field_is_one_error_naming_it(tmp_path: Path) -> None:
    """A spec's dataset_card template using a field the cards do not offer fails naming the file and the field."""
    from test_tasks import write_enem

    from cosmosqa_ptbr.tasks import TaskSpecError

    spec_file = write_enem(tmp_path)
    (tmp_path / "card.md").write_text("---\n${yaml}---\n# ${title}\n${pergunta_count}\n", encoding="utf-8")
    spec_file.write_text(spec_file.read_text(encoding="utf-8") + "dataset_card: card.md\n", encoding="utf-8")
    with pytest.raises(TaskSpecError, match=r"card\.md uses \$\{pergunta_count\}.*fields it may use are yaml"):
        render_dataset_card(task=str(spec_file), repo_id="ns/x", split_sizes={"validation": 6})


def test_no_hub_module_or_template_names_a_cosmos_qa_column() -> None:
    """The columns of Cosmos QA (both layouts) reach the hub code and templates only through a task spec."""
    from cosmosqa_ptbr.tasks import Item

    columns = {
        column
        for task in ("cosmos_qa_ptbr", "cosmos_qa_en")
        for column in get_task(task).columns.published
        # "A".."D" are letters every task may use, and the normalised item's own keys are no dataset's columns.
        if len(column) > 1 and column not in Item.__annotations__
    }
    assert {"contexto", "pergunta", "Label", "answer0"} <= columns
    tokens = [f"{quote}{column}{quote}" for column in columns for quote in ('"', "'", "`")]
    tokens += [f"[{column!r}]" for column in columns] + [f'["{column}"]' for column in columns]
    files = [*HUB.rglob("*.py"), *HUB.glob("templates/*.md")]
    offenders = sorted(
        f"{path.relative_to(HUB)}: {token}"
        for path in files
        for token in tokens
        if token in path.read_text(encoding="utf-8")
    )
    assert offenders == []


def test_model_card_model_index_parses_into_eval_results() -> None:
    """The model card's model-index gives one EvalResult per metric with the dataset, config, split and revision."""
    card = ModelCard(
        render_model_card(
            base_model="org/base",
            model_id="me/adapter",
            results=[RESULT],
            hyperparameters={"learning rate": "4e-5", "steps": 20},
            recipe="model: org/base\nmax_steps: 20",
            training_seconds=3725,
            hardware="2 CPU cores",
        )
    )
    assert card.data.base_model == "org/base" and card.data.library_name == "peft"
    assert card.data.language == ["pt"] and card.data.datasets == [DEFAULT_REPO_ID, "someone/cosmos_qa_ptbr"]
    values = {(r.metric_name, r.metric_value) for r in card.data.eval_results}
    assert values == {("strict accuracy (QLoRA run)", 0.4125), ("lenient accuracy (QLoRA run)", 0.5)}
    first = card.data.eval_results[0]
    assert (first.dataset_type, first.dataset_config, first.dataset_split, first.dataset_revision) == (
        "someone/cosmos_qa_ptbr",
        "sample",
        "validation",
        "0123abc",
    )
    for needle in (
        "41.25%",
        "| steps | 20 |",
        "max_steps: 20",
        "1 h 02 min",
        "2 CPU cores",
        "## How to use",
        'adapter="me/adapter"',
    ):
        assert needle in card.text, needle


def test_model_card_rejects_percentages_and_incomplete_results() -> None:
    """Accuracies must be fractions (79.73 is refused) and each result needs its dataset fields."""
    with pytest.raises(ValueError, match="fraction"):
        render_model_card(base_model="org/base", results=[{**RESULT, "accuracy": 79.73}])
    with pytest.raises(ValueError, match="split"):
        render_model_card(base_model="org/base", results=[{k: v for k, v in RESULT.items() if k != "split"}])


def test_reference_model_card_marks_published_numbers_as_reported() -> None:
    """The reference adapter's card carries its reported accuracies, marked as not reproduced, and its recipe."""
    card = ModelCard(reference_model_card())
    assert card.data.base_model == REFERENCE_BASE_MODEL
    assert [r.metric_value for r in card.data.eval_results] == [r["accuracy"] for r in REFERENCE_RESULTS]
    assert all(r.source_name and "not reproduced" in r.source_name for r in card.data.eval_results)
    assert card.data.eval_results[0].source_url == f"https://huggingface.co/{REFERENCE_ADAPTER}"
    for needle in (
        "not reproduced",
        "79.73%",
        "81.03%",
        "16 / 16 / 0.05",
        "4-bit NF4",
        "| steps | 1000 |",
        "| seed | 42 |",
    ):
        assert needle in card.text, needle


def test_committed_cards_equal_a_fresh_render() -> None:
    """dataset_card/README.md and model_card/README.md are what `cosmosqa-ptbr cards` renders now."""
    assert (REPO / "dataset_card" / "README.md").read_text(encoding="utf-8") == render_dataset_card(), (
        "dataset_card/README.md is stale: run `cosmosqa-ptbr cards`"
    )
    assert (REPO / "model_card" / "README.md").read_text(encoding="utf-8") == reference_model_card(), (
        "model_card/README.md is stale: run `cosmosqa-ptbr cards`"
    )


def test_the_committed_card_folders_are_the_cards_commands_own(tmp_path: Path) -> None:
    """dataset_card/ and model_card/ hold only what `cards` wrote (their manifests say so): `cards` rewrites a copy
    of them, and refuses the same folders once a file of someone else's is added."""
    import shutil

    from cosmosqa_ptbr.cli.folders import FolderNotOwnedError, foreign_files, recorded_files

    for name in ("dataset_card", "model_card"):
        assert recorded_files(REPO / name, command="cards") == ["README.md"]
        assert foreign_files(REPO / name, command="cards") == []
        shutil.copytree(REPO / name, tmp_path / name)
    copies = [str(tmp_path / "dataset_card"), str(tmp_path / "model_card")]
    assert cli.main(["cards", "--dataset-card-dir", copies[0], "--model-card-dir", copies[1]]) == 0
    (tmp_path / "model_card" / "notes.md").write_text("mine\n", encoding="utf-8")
    with pytest.raises(FolderNotOwnedError, match=r"--model-card-dir .* \(notes\.md\)"):
        write_cards(*copies)


def test_cards_subcommand_writes_both_cards(tmp_path: Path) -> None:
    """`cosmosqa-ptbr cards` writes a README.md into each card folder."""
    dataset_dir, model_dir = tmp_path / "d", tmp_path / "m"
    assert cli.main(["cards", "--dataset-card-dir", str(dataset_dir), "--model-card-dir", str(model_dir)]) == 0
    assert (dataset_dir / "README.md").read_text(encoding="utf-8") == render_dataset_card()
    assert (model_dir / "README.md").read_text(encoding="utf-8") == reference_model_card()


def test_push_folder_creates_the_repo_and_uploads_the_folder(tmp_path: Path) -> None:
    """push_folder_to_hub creates the repo (exist_ok) with the requested type and privacy, then uploads the folder."""
    folder = tmp_path / "card"
    (folder / "data").mkdir(parents=True)
    (folder / "README.md").write_text(render_dataset_card(repo_id="ns/x"), encoding="utf-8")
    (folder / "data" / "validation-00000-of-00001.parquet").write_bytes(b"PAR1")
    api = RecordingHfApi()
    url = push_folder_to_hub(folder, "ns/x", repo_type="dataset", api=api, private=True, commit_message="m")
    assert url == "https://huggingface.co/datasets/ns/x"
    (create, create_kwargs), (upload, upload_kwargs) = api.calls
    assert create == "create_repo" and upload == "upload_folder"
    assert create_kwargs == {
        "repo_id": "ns/x",
        "token": None,
        "private": True,
        "repo_type": "dataset",
        "exist_ok": True,
    }
    assert upload_kwargs["repo_id"] == "ns/x" and upload_kwargs["repo_type"] == "dataset"
    assert upload_kwargs["commit_message"] == "m" and upload_kwargs["token"] is None
    assert upload_kwargs["allow_patterns"] == ["README.md", "data/validation-00000-of-00001.parquet"]
    assert set(api.uploaded) == {"README.md", "data/validation-00000-of-00001.parquet"}


def test_push_folder_sends_only_the_listed_files_even_with_pattern_characters(tmp_path: Path) -> None:
    """With ``files``, a stray .env and a file whose name looks like a pattern's match stay home."""
    (tmp_path / "README.md").write_text("---\nlicense: mit\n---\n", encoding="utf-8")
    (tmp_path / "a[1].txt").write_text("kept", encoding="utf-8")
    (tmp_path / "a1.txt").write_text("not listed", encoding="utf-8")
    (tmp_path / ".env").write_text("HF_TOKEN=secret", encoding="utf-8")
    api = RecordingHfApi()
    push_folder_to_hub(tmp_path, "ns/x", api=api, files=["README.md", "a[1].txt"])
    assert set(api.uploaded) == {"README.md", "a[1].txt"}


def test_push_folder_refuses_a_folder_without_card_or_a_repo_without_namespace(tmp_path: Path) -> None:
    """Nothing is uploaded without a README.md card, or to a repo id lacking its namespace."""
    api = RecordingHfApi()
    with pytest.raises(CommandError, match=r"README\.md"):
        push_folder_to_hub(tmp_path, "ns/x", api=api)
    (tmp_path / "README.md").write_text("---\nlicense: mit\n---\n", encoding="utf-8")
    with pytest.raises(CommandError, match="namespace/name"):
        push_folder_to_hub(tmp_path, "x", api=api)
    assert api.calls == []


def test_push_offline_is_one_line_saying_the_folder_is_complete(tmp_path: Path) -> None:
    """With the real HfApi and HF_HUB_OFFLINE=1, the push fails before any network call with a retry hint."""
    (tmp_path / "README.md").write_text(reference_model_card(), encoding="utf-8")
    with pytest.raises(HubUploadError, match=r"HF_HUB_OFFLINE is set.*is complete, retry with `hf upload ns/adapter"):
        push_folder_to_hub(tmp_path, "ns/adapter")


@pytest.mark.parametrize("status", [401, 403])
def test_push_refused_by_the_hub_names_the_login_and_the_namespace(tmp_path: Path, status: int) -> None:
    """A 401/403 from the Hub becomes a HubUploadError naming `hf auth login`, HF_TOKEN and the namespace."""
    import httpx
    from huggingface_hub.errors import HfHubHTTPError

    (tmp_path / "README.md").write_text(reference_model_card(), encoding="utf-8")
    response = httpx.Response(status, request=httpx.Request("POST", "https://huggingface.co/api/repos/create"))
    api = RecordingHfApi(fail_with=HfHubHTTPError("denied", response=response))
    with pytest.raises(HubUploadError, match=rf"refused it \({status}\).*hf auth login.*HF_TOKEN.*'ns'.*is complete"):
        push_folder_to_hub(tmp_path, "ns/adapter", api=api, retry="the same command")
    assert [name for name, _ in api.calls] == ["create_repo"]


def test_push_network_failure_says_check_the_network_and_keeps_the_cause(tmp_path: Path) -> None:
    """A connection failure during the upload becomes one HubUploadError line naming the cause and the retry."""
    (tmp_path / "README.md").write_text(reference_model_card(), encoding="utf-8")
    api = RecordingHfApi(fail_with=ConnectionError("Name or service not known"))
    with pytest.raises(
        HubUploadError, match=r"could not be reached \(ConnectionError: Name or service.*retry with"
    ) as info:
        push_folder_to_hub(tmp_path, "ns/adapter", api=api)
    assert "\n" not in str(info.value) and isinstance(info.value.__cause__, ConnectionError)


def test_data_push_command_uploads_parquet_splits_and_card(hf_api: RecordingHfApi) -> None:
    """`cosmosqa-ptbr data push` builds Parquet + card and hands the folder to HfApi's create_repo/upload_folder."""
    assert cli.main(["data", "push", "--repo-id", "ns/cosmos_qa_ptbr", "--private"]) == 0
    assert [name for name, _ in hf_api.calls] == ["create_repo", "upload_folder"]
    assert hf_api.calls[0][1]["repo_type"] == "dataset" and hf_api.calls[0][1]["private"] is True
    assert set(hf_api.uploaded) == {"README.md", "data/validation-00000-of-00001.parquet"}
    card = DatasetCard(hf_api.uploaded["README.md"].decode("utf-8"))
    (split,) = card.data.dataset_info["splits"]
    assert (split["name"], split["num_examples"]) == ("validation", 400) and split["num_bytes"] > 0


def test_data_push_refuses_a_folder_with_files_it_did_not_write(
    tmp_path: Path, hf_api: RecordingHfApi, capsys: pytest.CaptureFixture[str]
) -> None:
    """A --folder holding a README.md and a .env exits 2 with one line naming it; nothing changes or uploads."""
    folder = tmp_path / "mine"
    folder.mkdir()
    (folder / "README.md").write_text("# my notes\n", encoding="utf-8")
    (folder / ".env").write_text("HF_TOKEN=hf_secret\n", encoding="utf-8")
    before = {p.name: p.read_bytes() for p in folder.iterdir()}
    assert cli.main(["data", "push", "--repo-id", "ns/x", "--folder", str(folder)]) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "Traceback" not in err
    assert str(folder) in err and "new or empty folder" in err and ".env" in err and "README.md" in err
    assert {p.name: p.read_bytes() for p in folder.iterdir()} == before
    assert hf_api.calls == []


def test_data_push_rebuilds_its_own_folder_and_uploads_only_what_it_wrote(
    tmp_path: Path, hf_api: RecordingHfApi
) -> None:
    """A folder built by an earlier `data push --no-upload` is rebuilt in place, and the upload leaves out the
    manifest and anything added to the folder since (which makes a third run refuse)."""
    folder = tmp_path / "repo"
    assert cli.main(["data", "push", "--repo-id", "ns/x", "--folder", str(folder), "--no-upload"]) == 0
    assert hf_api.calls == [] and (folder / MANIFEST).is_file()
    assert cli.main(["data", "push", "--repo-id", "ns/x", "--folder", str(folder)]) == 0
    assert set(hf_api.uploaded) == {"README.md", "data/validation-00000-of-00001.parquet"}
    (folder / ".env").write_text("HF_TOKEN=hf_secret\n", encoding="utf-8")
    assert cli.main(["data", "push", "--repo-id", "ns/x", "--folder", str(folder)]) == 2
    assert (folder / "README.md").is_file() and (folder / ".env").is_file()

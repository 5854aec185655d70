"""Dataset and model cards: their YAML parses with huggingface_hub, the committed cards match a fresh render,
and the Hub upload goes through ``HfApi``'s create_repo + upload_folder."""

from __future__ import annotations

from pathlib import Path

import pytest
from _hub import RecordingHfApi
from huggingface_hub import DatasetCard, ModelCard

from cosmosqa_ptbr import cli
from cosmosqa_ptbr.cli.options import CommandError
from cosmosqa_ptbr.hub.cards import (
    PUBLISHED_SPLIT_SIZES,
    REFERENCE_ADAPTER,
    REFERENCE_BASE_MODEL,
    REFERENCE_RESULTS,
    reference_model_card,
    render_dataset_card,
    render_model_card,
    write_cards,
)
from cosmosqa_ptbr.hub.upload import MANIFEST, HubUploadError, push_folder_to_hub
from cosmosqa_ptbr.schema import DEFAULT_REPO_ID, NONE_OF_THE_ABOVE_EN, NONE_OF_THE_ABOVE_PT, features

REPO = Path(__file__).resolve().parents[1]

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
    """The dataset card parses with DatasetCard and its YAML has the license, configs and ClassLabel features."""
    card = DatasetCard(render_dataset_card())
    data = card.data.to_dict()
    assert data["license"] == "cc-by-4.0" and data["language"] == ["pt"]
    assert data["multilinguality"] == ["translation"] and data["source_datasets"] == ["cosmos_qa"]
    assert set(data["task_categories"]) == {"question-answering", "multiple-choice"}
    assert data["annotations_creators"] == ["machine-generated"] and data["size_categories"] == ["10K<n<100K"]
    assert data["configs"][0]["data_files"][0] == {"split": "train", "path": "data/train-*.parquet"}
    assert data["dataset_info"]["features"] == features()._to_yaml_list()
    splits = {s["name"]: s["num_examples"] for s in data["dataset_info"]["splits"]}
    assert splits == dict(PUBLISHED_SPLIT_SIZES)


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
    """Rendering for a pushed folder uses the given repo, split sizes and file patterns."""
    card = DatasetCard(
        render_dataset_card(repo_id="ns/x", split_sizes={"validation": 7}, data_files={"validation": "v.parquet"})
    )
    assert card.data.configs == [
        {"config_name": "default", "data_files": [{"split": "validation", "path": "v.parquet"}]}
    ]
    assert card.data.dataset_info["splits"] == [{"name": "validation", "num_examples": 7}]
    assert 'load_dataset("ns/x")' in card.text
    with pytest.raises(ValueError, match="same splits"):
        render_dataset_card(split_sizes={"train": 1}, data_files={"test": "t.parquet"})


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
    assert card.data.dataset_info["splits"] == [{"name": "validation", "num_examples": 400}]


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

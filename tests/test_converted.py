"""The embedded model converted once into the cache: same weights and tokens, broken or foreign folders passed over."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import threading
from pathlib import Path
from typing import Any

import pytest

from cosmosqa_ptbr.evaluation import converted
from cosmosqa_ptbr.evaluation.converted import CACHE_ENV, converted_folder, save_converted
from cosmosqa_ptbr.evaluation.models import embedded_model_path, load_model, load_tokenizer
from cosmosqa_ptbr.prompts import render_prompt

REPO = Path(__file__).resolve().parents[1]


@pytest.fixture()
def cache(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """An empty cache folder of this test's own."""
    monkeypatch.setenv(CACHE_ENV, str(tmp_path / "cache"))
    return tmp_path / "cache"


@pytest.fixture(scope="module")
def tiny(tiny_model_dir: Path) -> tuple[Any, Any]:
    """The tiny Llama and its tokenizer, as a GGUF load would hand them over."""
    from transformers import AutoModelForCausalLM, AutoTokenizer

    return AutoModelForCausalLM.from_pretrained(tiny_model_dir), AutoTokenizer.from_pretrained(tiny_model_dir)


@pytest.fixture()
def gguf(tmp_path: Path) -> Path:
    """A file standing for a GGUF model: the cache keys on its bytes only."""
    path = tmp_path / "model.Q4_1.gguf"
    path.write_bytes(b"GGUF" + bytes(range(256)) * 64)
    return path


def test_the_embedded_model_loads_from_its_conversion_with_the_same_weights_and_tokens(
    embedded_model: Any, sample: list[dict[str, Any]]
) -> None:
    """After one load, the embedded model comes from its converted folder, equal to the GGUF file's bit for bit."""
    import torch

    folder = converted_folder(embedded_model_path())
    assert folder is not None
    cached = load_model()
    assert cached.model.name_or_path == str(folder)
    from_gguf = load_model(str(embedded_model_path()))
    assert from_gguf.model.name_or_path != str(folder)
    assert getattr(from_gguf.model, "hf_quantizer", None) is None
    expected, got = from_gguf.model.state_dict(), cached.model.state_dict()
    assert expected.keys() == got.keys()
    assert all(torch.equal(expected[key], got[key]) for key in expected)
    assert from_gguf.model.generation_config.to_dict() == cached.model.generation_config.to_dict()
    old, new = from_gguf.tokenizer, cached.tokenizer
    assert (old.chat_template, old.padding_side, old.pad_token) == (new.chat_template, new.padding_side, new.pad_token)
    assert old.all_special_tokens == new.all_special_tokens
    prompts = [render_prompt(old, row) for row in sample]
    assert prompts == [render_prompt(new, row) for row in sample]
    assert old(prompts)["input_ids"] == new(prompts)["input_ids"]
    assert load_tokenizer()(prompts[:5])["input_ids"] == old(prompts[:5])["input_ids"]


def test_a_conversion_is_found_only_while_its_manifest_matches(cache: Path, gguf: Path, tiny: tuple[Any, Any]) -> None:
    """A folder cut short, holding a link, or made from other bytes is not used."""
    folder = save_converted(gguf, *tiny)
    assert folder is not None and folder.parent == cache
    assert converted_folder(gguf) == folder
    assert load_model(str(folder)).model.config.hidden_size == tiny[0].config.hidden_size
    weights = folder / "model.safetensors"
    data = weights.read_bytes()
    weights.write_bytes(data[:-8])
    assert converted_folder(gguf) is None
    weights.write_bytes(data)
    assert converted_folder(gguf) == folder
    (folder / "extra").symlink_to(weights)
    assert converted_folder(gguf) is None
    (folder / "extra").unlink()
    manifest = json.loads((folder / converted._MANIFEST).read_text(encoding="utf-8"))
    (folder / converted._MANIFEST).write_text(json.dumps({**manifest, "transformers": "0.0.1"}), encoding="utf-8")
    assert converted_folder(gguf) is None
    gguf.write_bytes(gguf.read_bytes() + b"\0")
    assert converted_folder(gguf) is None


def test_a_folder_in_the_way_is_left_alone(cache: Path, gguf: Path, tiny: tuple[Any, Any]) -> None:
    """A folder of the conversion's name that is not one is never replaced: one warning, nothing written."""
    first = save_converted(gguf, *tiny)
    assert first is not None
    (first / converted._MANIFEST).unlink()
    before = sorted(path.name for path in first.iterdir())
    with pytest.warns(RuntimeWarning, match="in the way"):
        assert save_converted(gguf, *tiny) is None
    assert sorted(path.name for path in first.iterdir()) == before
    assert [path.name for path in cache.iterdir() if not path.name.endswith(".lock")] == [first.name]


def test_a_cache_that_cannot_be_written_costs_a_warning(
    tmp_path: Path, gguf: Path, tiny: tuple[Any, Any], monkeypatch: pytest.MonkeyPatch
) -> None:
    """A cache path that is a file warns and names the variable that moves it; 'off' writes nothing at all."""
    blocker = tmp_path / "not-a-folder"
    blocker.write_text("mine", encoding="utf-8")
    monkeypatch.setenv(CACHE_ENV, str(blocker / "cache"))
    with pytest.warns(RuntimeWarning, match=CACHE_ENV):
        assert save_converted(gguf, *tiny) is None
    assert blocker.read_text(encoding="utf-8") == "mine"
    monkeypatch.setenv(CACHE_ENV, "off")
    assert save_converted(gguf, *tiny) is None
    assert converted_folder(gguf) is None


def test_an_interrupted_conversion_leaves_nothing_behind(
    cache: Path, gguf: Path, tiny: tuple[Any, Any], monkeypatch: pytest.MonkeyPatch
) -> None:
    """Ctrl-C while the weights are written removes the half-written folder; the next run writes it whole."""

    def interrupted(model: Any, tokenizer: Any, folder: Path) -> None:
        model.save_pretrained(folder)
        raise KeyboardInterrupt

    with monkeypatch.context() as patch:
        patch.setattr(converted, "_save", interrupted)
        with pytest.raises(KeyboardInterrupt):
            save_converted(gguf, *tiny)
    assert [path.name for path in cache.iterdir() if not path.name.endswith(".lock")] == []
    assert save_converted(gguf, *tiny) == converted_folder(gguf) is not None


def test_two_writers_at_once_make_one_folder(cache: Path, gguf: Path, tiny: tuple[Any, Any]) -> None:
    """The second writer waits for the first and takes its folder instead of writing another."""
    results: list[Path | None] = []
    threads = [threading.Thread(target=lambda: results.append(save_converted(gguf, *tiny))) for _ in range(2)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert results[0] is not None and results == [results[0], results[0]]
    assert sorted(os.listdir(cache)) == sorted([results[0].name, f".{results[0].name}.lock"])


@pytest.mark.slow
def test_evaluate_with_a_cache_it_cannot_write_warns_in_one_line_and_scores(tmp_path: Path) -> None:
    """`cosmosqa-ptbr evaluate` with a cache path under a file says so in one line, then loads and scores anyway."""
    blocker = tmp_path / "not-a-folder"
    blocker.write_text("mine", encoding="utf-8")
    env = {**os.environ, CACHE_ENV: str(blocker / "cache"), "HF_HUB_OFFLINE": "1", "PYTHONPATH": str(REPO)}
    command = [sys.executable, "-m", "cosmosqa_ptbr.cli", "evaluate", "--limit", "1", "--output-dir", "run"]
    result = subprocess.run(command, cwd=tmp_path, env=env, capture_output=True, text=True, timeout=600)
    assert result.returncode == 0, result.stderr
    said = [line for line in result.stderr.splitlines() if "converted" in line]
    assert said == [
        f"cosmosqa-ptbr evaluate: warning: the embedded model could not be kept converted in {blocker / 'cache'} (Not "
        f"a directory); set {CACHE_ENV} to a writable folder to load it faster"
    ]
    assert "save_converted(" not in result.stderr
    assert (tmp_path / "run" / "results.json").is_file()
    assert blocker.read_text(encoding="utf-8") == "mine"

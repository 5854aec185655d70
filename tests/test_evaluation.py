"""evaluate_model and the `evaluate` subcommand: tiny Llamas trained to answer, a LoRA adapter, the embedded model."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from cosmosqa_ptbr.evaluation import evaluate_model
from cosmosqa_ptbr.evaluation.models import load_model
from cosmosqa_ptbr.prompts import render_prompt, target_text


def _train_to_answer(
    model: Any, tokenizer: Any, rows: list[dict[str, Any]], letter: str, steps: int, lr: float
) -> None:
    """Teach ``model`` to reply ``Alternativa <letter>`` and stop, with the loss on the reply only."""
    import torch

    examples = []
    for row in rows:
        prompt = tokenizer(render_prompt(tokenizer, row, answer_prefix=False), add_special_tokens=False)["input_ids"]
        reply = tokenizer(target_text(letter), add_special_tokens=False)["input_ids"] + [tokenizer.eos_token_id]
        examples.append((prompt, reply))
    optimizer = torch.optim.AdamW([p for p in model.parameters() if p.requires_grad], lr=lr)
    model.train()
    for step in range(steps):
        prompt, reply = examples[step % len(examples)]
        ids = torch.tensor([prompt + reply])
        labels = torch.tensor([[-100] * len(prompt) + reply])
        loss = model(input_ids=ids, labels=labels).loss
        loss.backward()
        torch.nn.utils.clip_grad_norm_(model.parameters(), 1.0)
        optimizer.step()
        optimizer.zero_grad()
    model.eval()


@pytest.fixture(scope="module")
def trained_dir(tiny_model_dir: Path, sample: list[dict[str, Any]], tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The tiny Llama trained to answer C to every question, saved to a folder."""
    import torch

    torch.manual_seed(0)
    loaded = load_model(str(tiny_model_dir))
    _train_to_answer(loaded.model, loaded.tokenizer, sample[:20], "C", steps=30, lr=3e-3)
    path = tmp_path_factory.mktemp("tiny-answers-c")
    loaded.model.save_pretrained(path)
    loaded.tokenizer.save_pretrained(path)
    return path


@pytest.fixture(scope="module")
def adapter_dir(tiny_model_dir: Path, sample: list[dict[str, Any]], tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A LoRA adapter on the random tiny Llama, trained to answer B."""
    import torch
    from peft import LoraConfig, get_peft_model

    torch.manual_seed(0)
    base = load_model(str(tiny_model_dir))
    modules = ["q_proj", "k_proj", "v_proj", "o_proj", "gate_proj", "up_proj", "down_proj"]
    model = get_peft_model(base.model, LoraConfig(r=8, lora_alpha=16, target_modules=modules))
    _train_to_answer(model, base.tokenizer, sample[:20], "B", steps=40, lr=1e-2)
    path = tmp_path_factory.mktemp("lora-answers-d")
    model.save_pretrained(path)
    return path


@pytest.fixture(scope="module")
def held_out(sample: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Items the tiny models were not trained on."""
    return sample[100:112]


def test_loglik_and_generate_agree_on_a_model_trained_to_answer(
    trained_dir: Path, held_out: list[dict[str, Any]]
) -> None:
    """A model trained to reply 'Alternativa C' is read as C by both modes on unseen items."""
    loaded = load_model(str(trained_dir))
    loglik = evaluate_model(loaded=loaded, items=held_out, mode="loglik", progress=False)
    generate = evaluate_model(loaded=loaded, items=held_out, mode="generate", max_new_tokens=6, progress=False)
    assert [p["predicted"] for p in loglik.predictions] == ["C"] * len(held_out)
    assert [p["predicted"] for p in generate.predictions] == ["C"] * len(held_out)
    assert generate.invalid_rate == 0.0
    assert all(p["generation"].strip() == "Alternativa C" for p in generate.predictions)
    gold_c = sum(p["gold"] == "C" for p in loglik.predictions) / len(held_out)
    assert loglik.accuracy == pytest.approx(gold_c) == pytest.approx(generate.accuracy)
    assert all(p["probabilities"]["C"] > 0.5 for p in loglik.predictions)


def test_lora_adapter_changes_the_answers_it_was_trained_to(
    tiny_model_dir: Path, adapter_dir: Path, held_out: list[dict[str, Any]]
) -> None:
    """The random base never answers B; with the adapter trained on 'Alternativa B' every answer is B."""
    base = evaluate_model(loaded=load_model(str(tiny_model_dir)), items=held_out, progress=False)
    assert "B" not in {p["predicted"] for p in base.predictions}
    adapted = load_model(str(tiny_model_dir), adapter=str(adapter_dir))
    assert adapted.adapter == str(adapter_dir)
    result = evaluate_model(loaded=adapted, items=held_out, progress=False)
    assert [p["predicted"] for p in result.predictions] == ["B"] * len(held_out)
    assert result.to_dict()["adapter"] == str(adapter_dir)


def test_outputs_written_for_a_run(trained_dir: Path, held_out: list[dict[str, Any]], tmp_path: Path) -> None:
    """A run with an output folder writes predictions, results, report and both plots, and results match."""
    loaded = load_model(str(trained_dir))
    result = evaluate_model(
        loaded=loaded, items=held_out, mode="generate", max_new_tokens=6, output_dir=tmp_path, progress=False
    )
    names = {"predictions.jsonl", "results.json", "report.md", "accuracy.png", "confusion_matrix.png"}
    assert names <= {p.name for p in tmp_path.iterdir()}
    results = json.loads((tmp_path / "results.json").read_text(encoding="utf-8"))
    assert results["n"] == len(held_out) and results["mode"] == "generate"
    assert results["accuracy"] == result.accuracy and results["invalid_rate"] == result.invalid_rate
    assert results["rules"]["keyword"] + results["rules"]["letter_only"] + results["rules"]["final_answer"] == len(
        held_out
    )
    assert sum(sum(row.values()) for row in results["confusion_matrix"].values()) == len(held_out)
    low, high = results["accuracy_interval"]
    assert low <= results["accuracy"] <= high
    lines = (tmp_path / "predictions.jsonl").read_text(encoding="utf-8").splitlines()
    assert [json.loads(line)["id"] for line in lines] == [row["id"] for row in held_out]
    assert (tmp_path / "accuracy.png").read_bytes()[:4] == b"\x89PNG"
    assert "Confusion matrix" in (tmp_path / "report.md").read_text(encoding="utf-8")


def test_few_shot_examples_exclude_the_scored_item(trained_dir: Path, held_out: list[dict[str, Any]]) -> None:
    """Without a train split, shots come from the other items of the same split, and the run says so."""
    loaded = load_model(str(trained_dir))
    result = evaluate_model(loaded=loaded, items=held_out[:4], shots=2, progress=False)
    assert result.shots_source == "validation (other items)"
    assert result.n == 4


def test_unlabelled_items_are_refused(trained_dir: Path, held_out: list[dict[str, Any]]) -> None:
    """An item without a gold label raises ValueError naming its id instead of being dropped."""
    loaded = load_model(str(trained_dir))
    items = [dict(held_out[0], Label=-1)]
    with pytest.raises(ValueError, match=held_out[0]["id"][:20]):
        evaluate_model(loaded=loaded, items=items, progress=False)


def test_dtype_loads_the_weights_in_that_precision(trained_dir: Path, held_out: list[dict[str, Any]]) -> None:
    """`dtype="bfloat16"` loads bf16 weights, records it in the settings, and keeps the trained answers."""
    result = evaluate_model(str(trained_dir), items=held_out[:8], dtype="bfloat16", progress=False, option_score=False)
    assert result.to_dict()["settings"]["dtype"] == "bfloat16"
    assert {p["predicted"] for p in result.predictions} == {"C"}
    with pytest.raises(ValueError, match="dtype must be one of"):
        evaluate_model(str(trained_dir), items=held_out[:2], dtype="float8")


@pytest.mark.slow
def test_evaluate_command_writes_all_outputs_for_12_items(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """`cosmosqa-ptbr evaluate --limit 12 --output-dir DIR` on the embedded model writes every output with n = 12."""
    from cosmosqa_ptbr.cli import main

    assert main(["evaluate", "--limit", "12", "--output-dir", str(tmp_path), "--no-progress"]) == 0
    out = capsys.readouterr().out
    assert "accuracy" in out and str(tmp_path / "report.md") in out
    results = json.loads((tmp_path / "results.json").read_text(encoding="utf-8"))
    assert results["n"] == 12 and results["config"] == "sample" and results["mode"] == "loglik"
    assert results["option_accuracy"] is not None and results["items_per_second"] > 0
    assert results["versions"]["torch"] and results["versions"]["transformers"]
    assert len((tmp_path / "predictions.jsonl").read_text(encoding="utf-8").splitlines()) == 12
    for name in ("report.md", "accuracy.png", "confusion_matrix.png"):
        assert (tmp_path / name).stat().st_size > 0


@pytest.mark.slow
def test_generate_mode_on_the_embedded_model(embedded_model: Any, sample: list[dict[str, Any]]) -> None:
    """Generate mode on SmolLM2 keeps each raw generation and an extraction rule for every item."""
    result = evaluate_model(loaded=embedded_model, items=sample[:4], mode="generate", max_new_tokens=8, progress=False)
    assert result.n == 4 and sum(result.rules.values()) == 4
    assert all(isinstance(p["generation"], str) and p["rule"] in result.rules for p in result.predictions)

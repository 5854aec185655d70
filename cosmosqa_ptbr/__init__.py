"""Cosmos QA Português: Portuguese multiple-choice question answering with open LLMs.

``import cosmosqa_ptbr`` registers the dataset builder, so that ``datasets.load_dataset("cosmos_qa_ptbr")``
resolves offline. Everything else is imported on first use, which keeps the import (and the CLI) fast.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

__version__ = "0.1.0"

__all__ = [
    "LETTER_ACCURACY",
    "Extraction",
    "__version__",
    "evaluate_model",
    "extract_answer",
    "load_dataset",
    "train",
    "translate",
]

# public name -> (module, attribute); resolved lazily by __getattr__
_LAZY = {
    "load_dataset": ("cosmosqa_ptbr.dataset", "load_dataset"),
    "extract_answer": ("cosmosqa_ptbr.parsing", "extract_answer"),
    "Extraction": ("cosmosqa_ptbr.parsing", "Extraction"),
    "LETTER_ACCURACY": ("cosmosqa_ptbr.metrics", "LETTER_ACCURACY"),
    "evaluate_model": ("cosmosqa_ptbr.evaluation", "evaluate_model"),
    "translate": ("cosmosqa_ptbr.translation", "translate"),
    "train": ("cosmosqa_ptbr.train", "train"),
}

if TYPE_CHECKING:  # pragma: no cover
    from .dataset import load_dataset
    from .evaluation import evaluate_model
    from .metrics import LETTER_ACCURACY
    from .parsing import Extraction, extract_answer
    from .train import train
    from .translation import translate


def __getattr__(name: str) -> Any:
    if name in _LAZY:
        import importlib

        module_name, attribute = _LAZY[name]
        value = getattr(importlib.import_module(module_name), attribute)
        globals()[name] = value
        return value
    message = f"module 'cosmosqa_ptbr' has no attribute {name!r}"
    raise AttributeError(message)


def __dir__() -> list[str]:
    return sorted(set(globals()) | set(__all__))


from ._registration import register_builder  # noqa: E402

register_builder()

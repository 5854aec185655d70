"""Cosmos QA Português: Portuguese multiple-choice question answering with open LLMs.

``import cosmosqa_ptbr`` registers the dataset builder, so that ``datasets.load_dataset("cosmos_qa_ptbr")``
resolves offline. Everything else is imported on first use, which keeps the import (and the CLI) fast.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

__version__ = "0.1.0"

__all__ = [
    "EMBEDDED_MODEL",
    "LETTER_ACCURACY",
    "EvaluationSettings",
    "Extraction",
    "LoadedModel",
    "__version__",
    "answer_probabilities",
    "compare",
    "evaluate_model",
    "extract_answer",
    "load_dataset",
    "load_model",
    "stream_answer",
    "train",
    "translate",
]

# public name -> (module, attribute); resolved lazily by __getattr__
_LAZY = {
    "load_dataset": ("cosmosqa_ptbr.data", "load_dataset"),
    "extract_answer": ("cosmosqa_ptbr.evaluation", "extract_answer"),
    "Extraction": ("cosmosqa_ptbr.evaluation", "Extraction"),
    "LETTER_ACCURACY": ("cosmosqa_ptbr.metrics", "LETTER_ACCURACY"),
    "evaluate_model": ("cosmosqa_ptbr.evaluation", "evaluate_model"),
    "EvaluationSettings": ("cosmosqa_ptbr.evaluation", "EvaluationSettings"),
    "compare": ("cosmosqa_ptbr.evaluation", "compare"),
    "load_model": ("cosmosqa_ptbr.evaluation", "load_model"),
    "LoadedModel": ("cosmosqa_ptbr.evaluation", "LoadedModel"),
    "EMBEDDED_MODEL": ("cosmosqa_ptbr.evaluation", "EMBEDDED_MODEL"),
    "answer_probabilities": ("cosmosqa_ptbr.evaluation", "answer_probabilities"),
    "stream_answer": ("cosmosqa_ptbr.evaluation", "stream_answer"),
    "translate": ("cosmosqa_ptbr.translation", "translate"),
    "train": ("cosmosqa_ptbr.training", "train"),
}

if TYPE_CHECKING:  # pragma: no cover
    from .data import load_dataset
    from .evaluation import (
        EMBEDDED_MODEL,
        EvaluationSettings,
        Extraction,
        LoadedModel,
        answer_probabilities,
        compare,
        evaluate_model,
        extract_answer,
        load_model,
        stream_answer,
    )
    from .metrics import LETTER_ACCURACY
    from .training import train
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


from .data.registration import register_builder  # noqa: E402

register_builder()

"""The reference models of the project, and the names that used to describe the default task's columns.

What a dataset is (columns, letters, prompt, data) lives in its task spec (:mod:`cosmosqa_ptbr.tasks`); every
command works on normalised items (``id``, ``context``, ``question``, ``options``, ``label``). The column names
of Cosmos QA Português that this module used to define (``CONTEXT``, ``LETTERS``, ``COLUMNS``...) are still
served, read from the default task's spec, with a ``DeprecationWarning``; they go in the next release.
"""

from __future__ import annotations

import warnings
from typing import Any, Final

__all__ = ["REFERENCE_ADAPTER", "REFERENCE_BASE_MODEL", "REFERENCE_RECIPE"]

#: The reference work's base model and the QLoRA adapter it trained on Cosmos QA Português.
REFERENCE_BASE_MODEL: Final = "HuggingFaceH4/zephyr-7b-beta"
REFERENCE_ADAPTER: Final = "heloisy/zephyr-7b-cosmosqa-ptbr_text"
#: The shipped training recipe (``cosmosqa-ptbr train --config <name>``) with the reference adapter's setting.
REFERENCE_RECIPE: Final = "zephyr-7b-beta/qlora-reference"


def _default() -> Any:
    from .tasks import get_task

    return get_task()


def _english() -> Any:
    from .tasks import get_task

    return get_task(_default().translation.source_task)


def _label_to_index(label: object) -> int:
    index = _default().label_index(label)
    if index is None:
        raise ValueError(f"label must be one of {', '.join(_default().letters)}, got {label!r}")
    return index


# Old name -> how the default task's spec says it now.
_DEPRECATED: Final = {
    "ID": lambda: _default().columns.id,
    "CONTEXT": lambda: _default().columns.context,
    "QUESTION": lambda: _default().columns.question,
    "LABEL": lambda: _default().columns.label,
    "LETTERS": lambda: _default().letters,
    "ANSWER_COLUMNS": lambda: _default().columns.option_columns,
    "TEXT_COLUMNS": lambda: _default().columns.text,
    "COLUMNS": lambda: _default().columns.published,
    "NO_LABEL": lambda: -1,
    "ENGLISH_COLUMNS": lambda: _english().columns.published,
    "ENGLISH_OPTION_COLUMNS": lambda: _english().columns.option_columns,
    "NONE_OF_THE_ABOVE_EN": lambda: _default().translation.fixed_options[0][0],
    "NONE_OF_THE_ABOVE_PT": lambda: _default().translation.fixed_options[0][1],
    "CITATION": lambda: _default().citation,
    "DEFAULT_REPO_ID": lambda: _default().data.hub_repo,
    "features": lambda: _default().features,
    "index_to_letter": lambda: _default().letters.__getitem__,
    "label_to_index": lambda: _label_to_index,
}


def __getattr__(name: str) -> Any:
    if name in _DEPRECATED:
        message = (
            f"cosmosqa_ptbr.schema.{name} is deprecated: read it from the task spec, "
            "cosmosqa_ptbr.tasks.get_task() (columns, letters, data, translation, citation)"
        )
        warnings.warn(message, DeprecationWarning, stacklevel=2)
        return _DEPRECATED[name]()
    raise AttributeError(f"module 'cosmosqa_ptbr.schema' has no attribute {name!r}")

"""Tasks: what a multiple-choice dataset is (columns, letters, prompt, data, translation rules), one spec each.

``get_task("cosmos_qa_ptbr")`` (the default), ``get_task("cosmos_qa_en")`` (the English original, same ids) or
``get_task("my_task.yaml")`` for a task of one's own; :meth:`TaskSpec.normalize` turns a dataset's row into the
:class:`Item` every command works on. See :mod:`cosmosqa_ptbr.tasks.spec`.
"""

from __future__ import annotations

from .spec import (
    BUILTIN_DIR,
    DEFAULT_TASK,
    MAX_OPTIONS,
    Columns,
    DataSpec,
    Item,
    PromptSpec,
    TaskSpec,
    TaskSpecError,
    TranslationSpec,
    builtin_tasks,
    get_task,
    gold_letter,
    item_letters,
    letters_for,
    read_task,
)

__all__ = [
    "BUILTIN_DIR",
    "DEFAULT_TASK",
    "MAX_OPTIONS",
    "Columns",
    "DataSpec",
    "Item",
    "PromptSpec",
    "TaskSpec",
    "TaskSpecError",
    "TranslationSpec",
    "builtin_tasks",
    "get_task",
    "gold_letter",
    "item_letters",
    "letters_for",
    "read_task",
]

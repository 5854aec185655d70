"""The two task specs of a translation run: the source read, the target written, and the item between them.

The source file is read in the source task's layout and normalised to :class:`SourceItem`; the model is asked for
a JSON object whose keys are the target's context and question column names and the option letters; the row
written is the target's published layout (:meth:`~cosmosqa_ptbr.tasks.TaskSpec.publish`), the id and gold label
copied from the source.

>>> pair = TaskPair.resolve()
>>> print(pair.source.name, "->", pair.target.name, "keys:", *pair.keys)
cosmos_qa_en -> cosmos_qa_ptbr keys: contexto pergunta A B C D
>>> item = SourceItem("q1", "It rained .", "Why ?", ("Clouds", "Sun", "Wind", "Rain"), 1)
>>> row = pair.row(item, dict(zip(pair.keys, ["Choveu.", "Por quê?", "Nuvens", "Sol", "Vento", "Chuva"])))
>>> print(*row.values())
q1 Choveu. Por quê? Nuvens Sol Vento Chuva B
"""

from __future__ import annotations

import functools
import re
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from ..cli.options import CommandError
from ..tasks import TaskSpec, get_task
from .languages import LanguageCheck

__all__ = ["SourceItem", "TaskMismatchError", "TaskPair"]


class TaskMismatchError(CommandError, ValueError):
    """The target task cannot be made from the source task: other option counts, no source named, clashing keys."""


@dataclass(frozen=True)
class SourceItem:
    """One item of the source task; ``label`` is the option index, or None for unlabelled (test) rows."""

    id: str
    context: str
    question: str
    options: tuple[str, ...]
    label: int | None


def _short(language_name: str) -> str:
    """``Brazilian Portuguese (pt-BR)`` -> ``Brazilian Portuguese``: the name as a sentence uses it."""
    return re.sub(r"\s*\([^)]*\)$", "", language_name)


@dataclass(frozen=True)
class TaskPair:
    """The source task a run reads and the target task it writes (same number of options)."""

    source: TaskSpec
    target: TaskSpec

    @classmethod
    def resolve(
        cls, task: str | Path | TaskSpec | None = None, source_task: str | Path | TaskSpec | None = None
    ) -> TaskPair:
        """The pair for ``--task`` (default: the default task) and ``--source-task`` (default: the target's
        ``translation.source_task``); a one-line :class:`TaskMismatchError` when they cannot form one."""
        if task is None and source_task is None:
            return _default_pair()
        return cls._checked(task, source_task)

    @classmethod
    def _checked(cls, task: str | Path | TaskSpec | None, source_task: str | Path | TaskSpec | None) -> TaskPair:
        target = get_task(task)
        if source_task is None:
            source_task = target.translation.source_task
            if source_task is None:
                message = (
                    f"task {target.name!r} names no source task (translation.source_task in its spec): pass "
                    "--source-task NAME|FILE.yaml, the task whose items are translated"
                )
                raise TaskMismatchError(message)
            if target.path is not None and Path(source_task).suffix.lower() in (".yaml", ".yml"):
                source_task = target.path.parent / source_task  # a spec file named relative to the spec naming it
        source = get_task(source_task)
        if source.n_options != target.n_options:
            message = (
                f"task {target.name!r} has {target.n_options} options ({', '.join(target.letters)}) but its source "
                f"{source.name!r} has {source.n_options} ({', '.join(source.letters)}): a translation keeps every "
                f"option, so translate into a task spec with {source.n_options} options"
            )
            raise TaskMismatchError(message)
        if source.columns.context and not target.columns.context:
            message = (
                f"source task {source.name!r} has a context column ({source.columns.context}) but task "
                f"{target.name!r} has none to write it to: add columns.context to its spec"
            )
            raise TaskMismatchError(message)
        if source.columns.label and not target.columns.label:
            message = (
                f"source task {source.name!r} has gold labels ({source.columns.label}) but task {target.name!r} has no "
                "label column to copy them to: add columns.label to its spec"
            )
            raise TaskMismatchError(message)
        pair = cls(source, target)
        clashing = [key for key in pair.text_keys if key in target.letters]
        if clashing:
            message = (
                f"task {target.name!r}: column {clashing[0]!r} is also an option letter, and a request names both by "
                "their keys: rename the column in the spec"
            )
            raise TaskMismatchError(message)
        return pair

    # ----------------------------------------------------------------------------------------- request keys

    @property
    def has_context(self) -> bool:
        """Whether items have a context to translate (the source task has a context column)."""
        return bool(self.source.columns.context)

    @property
    def text_keys(self) -> tuple[str, ...]:
        """The request's keys for the context (when there is one) and the question: the target's column names."""
        columns = self.target.columns
        return (*([columns.context] if self.has_context and columns.context else []), columns.question)

    @property
    def letters(self) -> tuple[str, ...]:
        """The option letters, the request's keys for the options."""
        return self.target.letters

    @property
    def keys(self) -> tuple[str, ...]:
        """Every key of a request and of its reply, in order: context, question, then the option letters."""
        return (*self.text_keys, *self.letters)

    def fields(self, item: SourceItem) -> dict[str, str]:
        """``item``'s source text under the request's keys (what the model is asked to translate)."""
        texts = (item.context, item.question) if self.has_context else (item.question,)
        return {**dict(zip(self.text_keys, texts, strict=True)), **dict(zip(self.letters, item.options, strict=True))}

    def row(self, item: SourceItem, texts: Mapping[str, str]) -> dict[str, Any]:
        """The target's published row for ``item`` from translated ``texts`` (by request key); id and label copied."""
        translated = [texts[key] for key in self.text_keys]
        context = translated.pop(0) if self.has_context else ""
        options = [texts[letter] for letter in self.letters]
        normalised = {"id": item.id, "context": context, "question": translated[0], "options": options}
        return self.target.publish({**normalised, "label": item.label})

    # ----------------------------------------------------------------------------------------- output

    @property
    def id_column(self) -> str:
        """The column of the target's rows holding the id."""
        return self.target.columns.id

    @property
    def output_keys(self) -> tuple[str, ...]:
        """The keys every output row has (the target's published columns but the label, which may be absent)."""
        label = self.target.columns.label
        return tuple(column for column in self.target.columns.published if column != label)

    # ----------------------------------------------------------------------------------------- language

    @property
    def language_check(self) -> LanguageCheck:
        """The check that a field is not left in the source language."""
        return LanguageCheck(self.source.language, self.target.language)

    @property
    def source_language(self) -> str:
        """The source language in words, as a sentence says it: ``English``."""
        return _short(self.source.language_name)

    @property
    def target_language(self) -> str:
        """The target language in words, as a sentence says it: ``Brazilian Portuguese``."""
        return _short(self.target.language_name)

    def describe(self) -> dict[str, Any]:
        """What a run's manifest records: both tasks (name, origin, language, letters, fingerprint)."""
        return {"task": self.target.describe(), "source_task": self.source.describe()}


@functools.cache
def _default_pair() -> TaskPair:
    return TaskPair._checked(None, None)

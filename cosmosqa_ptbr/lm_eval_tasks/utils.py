"""What the task YAML files call: a task's items through the package's loader, its prompt and the answer reader.

The harness imports this file by its path (``!function utils.load``), not as part of the package, so it imports
the package absolutely; ``cosmosqa-ptbr lm-eval-tasks --output-dir DIR`` copies it unchanged into every folder it
writes. Nothing here holds prompt text: it comes from the task spec that each task's ``dataset_kwargs`` names
(``cosmosqa_task``: a built-in task's name, or the file name of a spec copied beside this file).
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import Any

#: Columns that :func:`load` adds to every item; the tasks name them as ``description`` and ``gen_prefix``.
SYSTEM_PROMPT_COLUMN = "system_prompt"
ANSWER_PREFIX_COLUMN = "answer_prefix"
#: The column naming the item's task spec, so that :func:`doc_to_text` asks it in that task's words.
TASK_COLUMN = "cosmosqa_task"
#: What an unreadable generation becomes: never equal to a gold letter, so it counts wrong.
INVALID = "[invalid]"
_SPEC_SUFFIXES = (".yml", ".yaml")


def task_spec(reference: str) -> Any:
    """The :class:`~cosmosqa_ptbr.tasks.TaskSpec` a task names: a built-in name, or a spec file beside this file."""
    from cosmosqa_ptbr.tasks import get_task

    if reference.endswith(_SPEC_SUFFIXES):
        return get_task(Path(__file__).resolve().parent / reference)
    return get_task(reference)


def load(
    cosmosqa_task: str = "cosmos_qa_ptbr",
    cosmosqa_dataset_config: str = "sample",
    cosmosqa_split: str = "validation",
    cosmosqa_full: bool = False,
    data_files: Any = None,
    cosmosqa_config: str | None = None,
    **_harness_metadata: Any,
) -> Any:
    """Return ``{"validation": Dataset}``: one split of a task as normalised items, with the prompt's columns added.

    The ``cosmosqa_*`` arguments come from the task's ``dataset_kwargs``: the spec, the dataset config
    (``sample``: the embedded items; ``default``: the spec's files or Hub repo; ``cosmosqa_config`` is its name in
    the tasks of an earlier release) and the split to read. A ``_full``
    task (``cosmosqa_full``) also reads ``data_files`` given with ``--metadata '{"data_files": {...}}'``; the
    others refuse them. The harness also passes its metadata (model arguments, task version), which the data does
    not depend on.
    """
    import datasets

    from cosmosqa_ptbr.data import load_items

    spec = task_spec(cosmosqa_task)
    if data_files is not None and not cosmosqa_full:
        message = (
            f"data_files={data_files!r} was given to a task that reads the task's own data and would ignore it: use "
            f"the task {spec.harness_name}_full or {spec.harness_name}_gen_full to read local files"
        )
        raise ValueError(message)
    dataset_config = cosmosqa_config if cosmosqa_config is not None else cosmosqa_dataset_config
    items = load_items(dataset_config, cosmosqa_split, task=spec, data_files=data_files)
    unlabelled = [item["id"] for item in items if item["label"] is None]
    if unlabelled:
        message = (
            f"split {cosmosqa_split!r} of task {spec.name!r} has {len(unlabelled)} item(s) without a gold label "
            f"(first: {unlabelled[0]!r}); score a labelled split"
        )
        raise ValueError(message)
    rows = [
        {
            **item,
            SYSTEM_PROMPT_COLUMN: spec.prompt.system or "",
            ANSWER_PREFIX_COLUMN: spec.prompt.answer_prefix,
            TASK_COLUMN: cosmosqa_task,
        }
        for item in items
    ]
    return datasets.DatasetDict({"validation": datasets.Dataset.from_list(rows)})


def doc_to_text(doc: Mapping[str, Any]) -> str:
    """The user turn in the task's words: context, question and one line per option."""
    return task_spec(doc[TASK_COLUMN]).prompt.user_message(doc)


def doc_to_choice(doc: Mapping[str, Any]) -> list[str]:
    """The answer letters, one per option (``A``-``E`` for five), scored as continuations after the answer prefix."""
    from cosmosqa_ptbr.tasks import letters_for

    return list(letters_for(len(doc["options"])))


def doc_to_target(doc: Mapping[str, Any]) -> int:
    """The index of the gold letter among :func:`doc_to_choice`."""
    return int(doc["label"])


def gold_letter(doc: Mapping[str, Any]) -> str:
    """The gold letter, what a generation's extracted letter is compared with."""
    from cosmosqa_ptbr.tasks import gold_letter as letter

    return letter(doc)


def extract_letters(responses: Sequence[Sequence[str]], docs: Sequence[Mapping[str, Any]]) -> list[list[str]]:
    """Read each generation with :func:`cosmosqa_ptbr.extract_answer` and the item's options; unreadable ones become
    ``[invalid]``."""
    from cosmosqa_ptbr.evaluation.extraction import extract_answer

    read = []
    for generations, doc in zip(responses, docs, strict=True):
        options = [str(text) for text in doc["options"]]
        read.append([extract_answer(text, options).letter or INVALID for text in generations])
    return read

"""What the task YAML files call: the data through the package's loader, the prompt and the answer reader.

The harness imports this file by its path (``!function utils.load``), not as part of the package, so it
imports the package absolutely. Nothing here holds prompt text: it comes from :mod:`cosmosqa_ptbr.prompts`.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

#: Columns that :func:`load` adds to every row; the tasks name them as ``description`` and ``gen_prefix``.
SYSTEM_PROMPT_COLUMN = "system_prompt"
ANSWER_PREFIX_COLUMN = "answer_prefix"
#: What an unreadable generation becomes: never equal to a gold letter, so it counts wrong.
INVALID = "[invalid]"


def load(cosmosqa_config: str = "sample", data_files: Any = None, **_harness_metadata: Any) -> Any:
    """Return ``{"validation": Dataset}`` from :func:`cosmosqa_ptbr.load_dataset`, with the prompt's columns added.

    ``cosmosqa_config`` comes from the task's ``dataset_kwargs`` (``sample``: the embedded 400 items;
    ``default``: the full split from the Hub, or from ``data_files`` given with ``--metadata``). The harness
    also passes its metadata (model arguments, task version), which the data does not depend on.
    """
    import datasets

    from cosmosqa_ptbr.data import load_dataset
    from cosmosqa_ptbr.prompts import ANSWER_PREFIX, SYSTEM_PROMPT

    if data_files is not None and cosmosqa_config != "default":
        message = (
            f"data_files={data_files!r} was given to a task on the {cosmosqa_config!r} config, which ignores it: "
            "use the task cosmosqa_ptbr_full or cosmosqa_ptbr_gen_full to read local files"
        )
        raise ValueError(message)
    split = load_dataset(cosmosqa_config, split="validation", data_files=data_files)
    split = split.add_column(SYSTEM_PROMPT_COLUMN, [SYSTEM_PROMPT] * split.num_rows)
    split = split.add_column(ANSWER_PREFIX_COLUMN, [ANSWER_PREFIX] * split.num_rows)
    return datasets.DatasetDict({"validation": split})


def doc_to_text(doc: Mapping[str, Any]) -> str:
    """The user turn: context, question and the four ``Alternativa X) ...`` lines."""
    from cosmosqa_ptbr.prompts import user_message

    return user_message(doc)


def doc_to_choice(doc: Mapping[str, Any]) -> list[str]:
    """The answer letters, scored as continuations after the answer prefix."""
    from cosmosqa_ptbr.schema import LETTERS

    return list(LETTERS)


def doc_to_target(doc: Mapping[str, Any]) -> int:
    """The index of the gold letter among :func:`doc_to_choice`."""
    from cosmosqa_ptbr.schema import LABEL, label_to_index

    return label_to_index(doc[LABEL])


def gold_letter(doc: Mapping[str, Any]) -> str:
    """The gold letter, what a generation's extracted letter is compared with."""
    from cosmosqa_ptbr.prompts import gold_letter as letter

    return letter(doc)


def extract_letters(responses: Sequence[Sequence[str]], docs: Sequence[Mapping[str, Any]]) -> list[list[str]]:
    """Read each generation with :func:`cosmosqa_ptbr.extract_answer`; unreadable ones become ``[invalid]``."""
    from cosmosqa_ptbr.evaluation.extraction import extract_answer
    from cosmosqa_ptbr.schema import ANSWER_COLUMNS

    read = []
    for generations, doc in zip(responses, docs, strict=True):
        options = [str(doc[column]) for column in ANSWER_COLUMNS]
        read.append([extract_answer(text, options).letter or INVALID for text in generations])
    return read

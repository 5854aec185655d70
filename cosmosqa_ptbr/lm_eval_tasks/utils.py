"""What the task YAML files call: a task's items through the package's loader, its prompt and the answer reader.

The harness imports this file by its path (``!function utils.load``), not as part of the package, so it imports
the package absolutely; ``cosmosqa-ptbr lm-eval-tasks --output-dir DIR`` copies it unchanged into every folder it
writes. Nothing here holds prompt text: it comes from the task spec that each task's ``dataset_kwargs`` names
(``cosmosqa_task``: a built-in task's name, or the file name of a spec copied beside this file), and for the
``_leaderboard`` tasks from :mod:`cosmosqa_ptbr.protocols`, built from that spec.

A ``_leaderboard`` task runs as :class:`LeaderboardTask` with the shots of :class:`ItemShots` (both made when the
harness asks for them, so that reading this file needs no harness): the items, their shots and their contexts are
those of ``cosmosqa-ptbr evaluate --protocol leaderboard``, with ``--apply_chat_template`` (the model's chat
template) or without it (the plain prompt).
"""

from __future__ import annotations

import functools
from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import Any

#: Columns that :func:`load` adds to every item; the tasks name them as ``description`` and ``gen_prefix``.
SYSTEM_PROMPT_COLUMN = "system_prompt"
ANSWER_PREFIX_COLUMN = "answer_prefix"
#: The column naming the item's task spec, so that :func:`doc_to_text` asks it in that task's words.
TASK_COLUMN = "cosmosqa_task"
#: Columns :func:`load` adds for the leaderboard protocol: its description (closed by the blank line a plain prompt
#: needs) and the seed of the item's shot draw.
DESCRIPTION_COLUMN = "leaderboard_description"
SHOTS_SEED_COLUMN = "cosmosqa_shots_seed"
#: The split :func:`load` returns the leaderboard tasks' shot pool as.
SHOTS_SPLIT = "shots"
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
    cosmosqa_protocol: str = "package",
    cosmosqa_shots_seed: int = 0,
    **_harness_metadata: Any,
) -> Any:
    """Return ``{"validation": Dataset}``: one split of a task as normalised items, with the prompt's columns added.

    The ``cosmosqa_*`` arguments come from the task's ``dataset_kwargs``: the spec, the dataset config
    (``sample``: the embedded items; ``default``: the spec's files or Hub repo; ``cosmosqa_config`` is its name in
    the tasks of an earlier release) and the split to read. A ``_full``
    task (``cosmosqa_full``) also reads ``data_files`` given with ``--metadata '{"data_files": {...}}'``; the
    others refuse them. The harness also passes its metadata (model arguments, task version), which the data does
    not depend on.

    ``cosmosqa_protocol: leaderboard`` adds the leaderboard's description and the shot seed (``cosmosqa_shots_seed``,
    evaluate's ``--shots-seed``, default 0; ``--metadata '{"cosmosqa_shots_seed": 1}'`` changes it) to each item, and
    the split ``shots``: the labelled items shots are drawn from, as evaluate draws them (the source's train split
    when it has one, else the scored split).
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
    columns: dict[str, Any] = {
        SYSTEM_PROMPT_COLUMN: spec.prompt.system or "",
        ANSWER_PREFIX_COLUMN: spec.prompt.answer_prefix,
        TASK_COLUMN: cosmosqa_task,
    }
    if cosmosqa_protocol == "leaderboard":
        from cosmosqa_ptbr.protocols import LEADERBOARD_STOP, leaderboard_description

        columns[DESCRIPTION_COLUMN] = leaderboard_description(spec) + LEADERBOARD_STOP
        columns[SHOTS_SEED_COLUMN] = int(cosmosqa_shots_seed)
    elif cosmosqa_protocol != "package":
        raise ValueError(f"cosmosqa_protocol must be package or leaderboard, got {cosmosqa_protocol!r}")
    splits = {"validation": [{**item, **columns} for item in items]}
    if cosmosqa_protocol == "leaderboard":
        from cosmosqa_ptbr.data.source import DataSource
        from cosmosqa_ptbr.evaluation.runner import shot_pool

        source = DataSource(
            task=str(spec.path) if not spec.builtin else spec.name,
            dataset_config=dataset_config,
            data_files=data_files,
        )
        pool, _ = shot_pool(source, cosmosqa_split, items)
        splits[SHOTS_SPLIT] = [{**item, **columns} for item in pool]
    return datasets.DatasetDict({name: datasets.Dataset.from_list(rows) for name, rows in splits.items()})


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


# --------------------------------------------------------------------------------------------- the leaderboard tasks


def leaderboard_doc_to_text(doc: Mapping[str, Any]) -> str:
    """The question in the leaderboard's layout (:func:`cosmosqa_ptbr.protocols.leaderboard_question`)."""
    from cosmosqa_ptbr.protocols import leaderboard_question

    return leaderboard_question(doc, task_spec(doc[TASK_COLUMN]))


def leaderboard_letters(responses: Sequence[Sequence[str]], docs: Sequence[Mapping[str, Any]]) -> list[list[str]]:
    """Read each generation with the leaderboard's ``find_choices`` filter (normalize_spaces, remove_accents,
    find_choices over the item's letters); unreadable ones become ``[invalid]``."""
    from cosmosqa_ptbr.evaluation.extraction import read_generations

    read = []
    for generations, doc in zip(responses, docs, strict=True):
        options = [str(text) for text in doc["options"]]
        readings = read_generations(list(generations), [options] * len(generations), extractor="leaderboard")
        read.append([reading.letter or INVALID for reading in readings])
    return read


@functools.cache
def _item_shots() -> type:
    from lm_eval.api.samplers import ContextSampler

    from cosmosqa_ptbr.prompts import select_shots

    class ItemShots(ContextSampler):
        """Each item's shots drawn as ``evaluate`` draws them: seeded by the shot seed and the item's id, never the
        item itself (``select_shots``); :class:`LeaderboardTask` tells it which item is asked."""

        asking: Mapping[str, Any] | None = None

        def sample(self, n: int, eval_doc: Any = None, df: Any = None, **kwargs: Any) -> list[Any]:
            if df:
                self.df = df
            doc = eval_doc if eval_doc is not None else self.asking
            if doc is None:
                raise ValueError("ItemShots draws one item's shots: the task must say which item is asked")
            seed = f"{doc[SHOTS_SEED_COLUMN]}:{doc['id']}"
            return select_shots(self.fewshot_docs(), n, seed=seed, exclude_id=doc["id"])

    ItemShots.__qualname__ = ItemShots.__name__
    return ItemShots


@functools.cache
def _leaderboard_task() -> type:
    from lm_eval.api.task import ConfigurableTask

    from cosmosqa_ptbr.protocols import leaderboard_chat_type, render_leaderboard_prompt

    class LeaderboardTask(ConfigurableTask):
        """The harness's task with the contexts of the leaderboard's fork: under a chat template the description
        loses its closing blank line (the fork strips every turn; a plain prompt needs the line), and a template that
        refuses a system turn gets the fork's fallbacks (the description as a leading assistant turn, else in the
        first user turn, else the plain prompt) where the harness would drop the description."""

        def __init__(self, *args: Any, config: dict[str, Any] | None = None, **kwargs: Any) -> None:
            # The harness hands a task class its whole YAML, the `class` key naming it included.
            config = {key: value for key, value in (config or {}).items() if key != "class"}
            super().__init__(*args, config=config, **kwargs)

        def fewshot_context(self, doc: Any, num_fewshot: int, **kwargs: Any) -> Any:
            sampler = getattr(self, "sampler", None)
            if sampler is not None:
                sampler.asking = doc
            if not kwargs.get("apply_chat_template"):
                return super().fewshot_context(doc, num_fewshot=num_fewshot, **kwargs)
            doc = {**doc, DESCRIPTION_COLUMN: doc[DESCRIPTION_COLUMN].strip()}
            tokenizer = getattr(getattr(kwargs.get("chat_template"), "__self__", None), "tokenizer", None)
            chat_type = leaderboard_chat_type(tokenizer) if tokenizer is not None else "system_user_assistant"
            if chat_type == "system_user_assistant" or kwargs.get("system_instruction"):
                return super().fewshot_context(doc, num_fewshot=num_fewshot, **kwargs)
            shots = sampler.sample(n=num_fewshot, eval_doc=doc) if num_fewshot and sampler is not None else []
            prompt = render_leaderboard_prompt(
                tokenizer,
                doc,
                shots,
                task=task_spec(doc[TASK_COLUMN]),
                description=doc[DESCRIPTION_COLUMN],
                chat_type=chat_type,
            )
            return prompt.text

    LeaderboardTask.__qualname__ = LeaderboardTask.__name__
    return LeaderboardTask


def __getattr__(name: str) -> Any:
    # The harness's classes are made on first use: reading this file (the package's tests do) needs no harness.
    if name == "ItemShots":
        return _item_shots()
    if name == "LeaderboardTask":
        return _leaderboard_task()
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")

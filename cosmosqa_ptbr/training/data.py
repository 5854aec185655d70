"""Training data: a task's items from its loader, split, and tokenised so the loss falls on the answer only.

Each example is the chat prompt (rendered exactly as the scorer renders it) followed by the task's answer
(``"Alternativa X"``) and the end-of-turn token. ``completion_mask`` is 1 on the answer tokens and that one
token, 0 elsewhere; the ``labels`` column keeps those tokens and sets the rest to -100, which trl's collator pads
and passes on. Tokenising here rather than leaving it to trl's chat-template path keeps out the newline that
templates such as Zephyr's and ChatML put after the end-of-turn token.
"""

from __future__ import annotations

import random
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from ..cli.options import CommandError
from ..prompts import TaskLike, prompt_completion, render_prompt, turn_end_token
from ..tasks import Item, get_task
from .settings import RecipeError, ScriptArguments

__all__ = ["TrainData", "end_of_turn_token", "load_train_data", "tokenize_example"]


@dataclass
class TrainData:
    """The items to train on and the items to evaluate on, and where they came from."""

    train: list[Item]
    eval: list[Item]
    dataset_id: str
    dataset_config: str
    eval_split_name: str
    eval_subset: str | None = None


def _load_split(script: ScriptArguments, split: str) -> list[Item]:
    from ..data import load_items
    from ..data.source import resolve_source

    try:
        # A bare dataset_data_files path holds the training split, as a bare --data-files path holds the split read.
        kwargs = resolve_source(script.data_source(), script.dataset_train_split)
        config = kwargs.pop("config")
        return load_items(config, split=split, **kwargs)
    except (KeyError, ValueError, CommandError) as error:
        message = (
            f"cannot load split {split!r} of dataset config {script.dataset_config!r}: {error}. "
            "Check dataset_config, dataset_train_split and dataset_test_split (the sample has only 'validation')."
        )
        raise RecipeError(message) from error


def _labelled(rows: list[Item], split: str) -> list[Item]:
    unlabelled = [row for row in rows if row["label"] is None]
    if unlabelled:
        message = (
            f"split {split!r} has {len(unlabelled)} rows without a gold label (e.g. id {unlabelled[0]['id']!r}); "
            "train and evaluate on labelled splits (train, validation)"
        )
        raise RecipeError(message)
    return rows


def load_train_data(script: ScriptArguments) -> TrainData:
    """Load and split the rows the settings ask for; raise :class:`RecipeError` when they cannot be had."""
    spec = get_task(script.task)
    train_rows = _labelled(_load_split(script, script.dataset_train_split), script.dataset_train_split)
    if script.train_size is not None:
        if script.train_size >= len(train_rows):
            message = (
                f"train_size={script.train_size} leaves no held-out rows: split {script.dataset_train_split!r} has "
                f"{len(train_rows)} rows; set train_size below {len(train_rows)}"
            )
            raise RecipeError(message)
        order = list(range(len(train_rows)))
        random.Random(script.split_seed).shuffle(order)
        eval_rows = [train_rows[i] for i in order[script.train_size :]]
        train_rows = [train_rows[i] for i in order[: script.train_size]]
        eval_name = script.dataset_train_split
        held_out = f"{len(eval_rows)} rows of {script.dataset_train_split!r}"
        eval_subset = f"{held_out} held out of training (seed {script.split_seed})"
    elif script.dataset_test_split:
        eval_rows = _labelled(_load_split(script, script.dataset_test_split), script.dataset_test_split)
        eval_name, eval_subset = script.dataset_test_split, None
    else:
        eval_rows, eval_name, eval_subset = [], "", None
    if script.max_train_samples is not None:
        train_rows = train_rows[: script.max_train_samples]
    return TrainData(
        train=train_rows,
        eval=eval_rows,
        dataset_id=script.dataset_name or spec.data.hub_repo or spec.name,
        dataset_config=script.dataset_config,
        eval_split_name=eval_name,
        eval_subset=eval_subset,
    )


def end_of_turn_token(tokenizer: Any, eos_token: str | None = None, task: TaskLike = None) -> str:
    """Return the token that closes the assistant turn, checked against the chat template.

    That is ``eos_token`` when the recipe gives one, else the special token the chat template puts right after
    the answer (:func:`~cosmosqa_ptbr.prompts.turn_end_token`: the EOS for Zephyr, ``<|eot_id|>`` for Llama 3,
    ``<end_of_turn>`` for Gemma, ``<|end|>`` for Phi-3), else, for a plain prompt, the EOS. A model trained to emit
    it stops where the template says its turn ends.
    """
    token = eos_token or turn_end_token(tokenizer, task) or tokenizer.eos_token
    if token is None or token not in tokenizer.get_vocab():
        message = f"end-of-turn token {token!r} is not in the tokenizer's vocabulary: set `eos_token` in the recipe"
        raise RecipeError(message)
    if not getattr(tokenizer, "chat_template", None):
        return token  # a plain prompt: the answer is followed by the end-of-sequence token itself
    answer = get_task(task).prompt.target("A")
    probe = [{"role": "user", "content": "?"}, {"role": "assistant", "content": answer}]
    rendered = tokenizer.apply_chat_template(probe, tokenize=False)
    if answer + token not in rendered:
        message = (
            f"the chat template does not end the assistant turn with {token!r} (it renders {rendered[-60:]!r}): "
            "set `eos_token` in the recipe to the template's end-of-turn token"
        )
        raise RecipeError(message)
    return token


def tokenize_example(
    tokenizer: Any, item: Mapping[str, Any], eos_token: str, task: TaskLike = None
) -> dict[str, list[int]]:
    """Return ``input_ids`` and ``completion_mask`` for one labelled item (mask: answer + end-of-turn)."""
    pair = prompt_completion(item, task=task)
    answer = pair["completion"][0]["content"]
    prompt_text = render_prompt(tokenizer, item, task=task, answer_prefix=False)
    try:
        encoded = tokenizer(prompt_text + answer, add_special_tokens=False, return_offsets_mapping=True)
        offsets = encoded["offset_mapping"]
    except (NotImplementedError, KeyError, TypeError):  # a slow tokenizer has no offsets
        encoded, offsets = tokenizer(prompt_text + answer, add_special_tokens=False), None
    full_ids = encoded["input_ids"]
    if offsets:
        # The answer starts at the first token that ends past the prompt's text: a template's closing whitespace
        # ("\n\n" after Llama 3's header) can be tokenised apart from the answer and stays out of the loss.
        shared = next((i for i, (_, end) in enumerate(offsets) if end > len(prompt_text)), len(full_ids))
    else:
        prompt_ids = tokenizer(prompt_text, add_special_tokens=False)["input_ids"]
        shared = 0
        # full_ids is the longer one by design: the shared prefix is what the two tokenisations agree on.
        for a, b in zip(prompt_ids, full_ids, strict=False):
            if a != b:
                break
            shared += 1
    input_ids = [*full_ids, tokenizer.convert_tokens_to_ids(eos_token)]
    return {"input_ids": input_ids, "completion_mask": [0] * shared + [1] * (len(input_ids) - shared)}


def tokenize_rows(
    tokenizer: Any, rows: Sequence[Mapping[str, Any]], eos_token: str, max_length: int | None, task: TaskLike = None
) -> Any:
    """Tokenise ``rows`` into a ``datasets.Dataset`` of ``input_ids`` and ``labels`` (-100 outside the answer).

    Raises :class:`RecipeError` when an example would be cut before its answer.
    """
    import datasets

    spec = get_task(task)
    encoded = [tokenize_example(tokenizer, row, eos_token, spec) for row in rows]
    longest = max((len(e["input_ids"]) for e in encoded), default=0)
    if max_length is not None and longest > max_length:
        message = (
            f"the longest training example has {longest} tokens but max_length={max_length}: truncation would cut "
            f"the answer off; set max_length to at least {longest}"
        )
        raise RecipeError(message)
    # Labels are built here, not left to trl: it masks a pre-tokenised dataset's prompt only when told to.
    labels = [
        [token if keep else -100 for token, keep in zip(e["input_ids"], e["completion_mask"], strict=True)]
        for e in encoded
    ]
    return datasets.Dataset.from_dict({"input_ids": [e["input_ids"] for e in encoded], "labels": labels})

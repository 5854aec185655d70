"""One item at a time, for demos and notebooks: letter probabilities and a streamed answer.

Both take a :class:`~cosmosqa_ptbr.evaluation.LoadedModel` and one :class:`~cosmosqa_ptbr.tasks.Item` (``context``,
``question``, ``options``; an option left blank is not scored) or a row in the task's published layout; ``task``
gives the prompt's words (default Cosmos QA Português).
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping, Sequence
from typing import Any

from ..prompts import TaskLike, as_item
from ..tasks import get_task, item_letters, letters_for
from . import inference
from .models import LoadedModel

__all__ = ["answer_probabilities", "stream_answer"]


def answer_probabilities(
    loaded: LoadedModel, item: Mapping[str, Any], letters: Sequence[str] | None = None, *, task: TaskLike = None
) -> dict[str, float]:
    """Probability of each answer letter as the next token after the answer prefix, over ``letters`` only.

    ``letters`` defaults to the letters whose option the item gives (non-empty); the result sums to 1.
    """
    spec = get_task(task)
    item = as_item(item, spec)
    known = letters_for(len(item["options"]))
    chosen = list(letters) if letters is not None else list(item_letters(item))
    if not chosen or any(letter not in known for letter in chosen):
        message = f"letters must be a non-empty subset of {', '.join(known)}, got {chosen!r}"
        raise ValueError(message)
    logprobs = inference.letter_logprobs(loaded.model, loaded.tokenizer, [item], task=spec, progress=False)[0]
    columns = [known.index(letter) for letter in chosen]
    probabilities = inference.letter_probabilities(logprobs[columns])
    return {letter: float(p) for letter, p in zip(chosen, probabilities, strict=True)}


def stream_answer(
    loaded: LoadedModel,
    item: Mapping[str, Any],
    *,
    task: TaskLike = None,
    max_new_tokens: int = 64,
    shots: Sequence[Mapping[str, Any]] = (),
) -> Iterator[str]:
    """Generate the item's answer greedily (as ``evaluate --mode generate`` does), yielding the growing text."""
    spec = get_task(task)
    yield from inference.stream_answer(
        loaded.model, loaded.tokenizer, as_item(item, spec), task=spec, max_new_tokens=max_new_tokens, shots=shots
    )

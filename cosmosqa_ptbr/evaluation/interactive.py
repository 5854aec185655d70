"""One item at a time, for demos and notebooks: letter probabilities and a streamed answer.

Both take a :class:`~cosmosqa_ptbr.evaluation.LoadedModel` and one item in the schema's layout (``contexto``,
``pergunta`` and the options ``A``-``D``; an item may give fewer options, and only those are scored).
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping, Sequence
from typing import Any

from ..schema import LETTERS
from . import inference
from .models import LoadedModel

__all__ = ["answer_probabilities", "stream_answer"]


def answer_probabilities(
    loaded: LoadedModel, item: Mapping[str, Any], letters: Sequence[str] | None = None
) -> dict[str, float]:
    """Probability of each answer letter as the next token after "Alternativa", over ``letters`` only.

    ``letters`` defaults to the letters whose option the item gives (non-empty); the result sums to 1.
    """
    chosen = list(letters) if letters is not None else [x for x in LETTERS if str(item.get(x) or "").strip()]
    if not chosen or any(letter not in LETTERS for letter in chosen):
        message = f"letters must be a non-empty subset of {', '.join(LETTERS)}, got {chosen!r}"
        raise ValueError(message)
    logprobs = inference.letter_logprobs(loaded.model, loaded.tokenizer, [item], progress=False)[0]
    columns = [LETTERS.index(letter) for letter in chosen]
    probabilities = inference.letter_probabilities(logprobs[columns])
    return {letter: float(p) for letter, p in zip(chosen, probabilities, strict=True)}


def stream_answer(
    loaded: LoadedModel,
    item: Mapping[str, Any],
    *,
    max_new_tokens: int = 64,
    shots: Sequence[Mapping[str, Any]] = (),
) -> Iterator[str]:
    """Generate the item's answer greedily (as ``evaluate --mode generate`` does), yielding the growing text."""
    yield from inference.stream_answer(loaded.model, loaded.tokenizer, item, max_new_tokens=max_new_tokens, shots=shots)

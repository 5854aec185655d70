"""The one implementation of the scores: strict accuracy, lenient accuracy, invalid rate, rule counts.

>>> scores = score_generations(["Alternativa B", "Resposta: C", "pode ser A ou D"], ["B", 0, "D"])
>>> round(scores["accuracy"], 3), scores["lenient_accuracy"], round(scores["invalid_rate"], 3)
(0.333, 0.5, 0.333)
>>> scores["rules"]["keyword"], scores["rules"]["hedged"]
(2, 1)

Items may have any number of options; each item's letters come from its options or are given:

>>> scores = score_generations(["Alternativa E", "Alternativa E"], ["E", "D"], letters=["ABCDE", None])
>>> scores["accuracy"], scores["rules"]["invalid_letter"]
(0.5, 1)
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any, Final

from .leaderboard import LEADERBOARD_RULES, leaderboard_reading
from .reader import extract_answer
from .rules import RULES, Extraction, check_options, item_letters

__all__ = ["EXTRACTORS", "gold_letter", "read_generations", "rules_of", "score_extractions", "score_generations"]

#: The readers a generation can be scored with: this package's extractor, or the leaderboard's filter.
EXTRACTORS: Final[tuple[str, ...]] = ("ours", "leaderboard")


def rules_of(extractor: str) -> tuple[str, ...]:
    """The rule names an extractor reports."""
    if extractor not in EXTRACTORS:
        message = f"extractor must be one of {', '.join(EXTRACTORS)}, got {extractor!r}"
        raise ValueError(message)
    return RULES if extractor == "ours" else LEADERBOARD_RULES


def gold_letter(reference: Any, letters: Sequence[str]) -> str:
    """A gold label as a letter: a letter of the item (``"B"``, ``"b"``) or an index (``1``, ``"1"``).

    Raises ``ValueError`` naming the accepted forms for anything else (``"E"`` for a four-option item, ``None``).
    """
    if isinstance(reference, bool):
        pass
    elif isinstance(reference, int) and 0 <= reference < len(letters):
        return letters[reference]
    elif isinstance(reference, str):
        text = reference.strip()
        if text.upper() in letters:
            return text.upper()
        if text.isdigit() and 0 <= int(text) < len(letters):
            return letters[int(text)]
    message = f"label must be one of {', '.join(letters)} or an index 0-{len(letters) - 1}, got {reference!r}"
    raise ValueError(message)


def _per_item(name: str, value: Any, n: int) -> list[Any]:
    if value is None:
        return [None] * n
    if name == "letters" and isinstance(value, str):
        return [value] * n  # one letter set for every item: "ABCDE"
    value = list(value)
    if len(value) != n:
        message = f"got {len(value)} {name} lists for {n} predictions: give one per prediction (or None)"
        raise ValueError(message)
    return value


def _item_letters(options: Sequence[Sequence[str] | None], letters: Sequence[Any]) -> list[tuple[str, ...]]:
    resolved = []
    for index, (item_options, item_letter_set) in enumerate(zip(options, letters, strict=True)):
        try:
            checked = check_options(item_options) if item_options is not None else None
            resolved.append(item_letters(checked, item_letter_set))
        except ValueError as error:
            name = "options" if item_options is not None else "letters"
            raise ValueError(f"{name} {index}: {error}") from None
    return resolved


def read_generations(
    predictions: Sequence[str],
    options: Sequence[Sequence[str] | None] | None = None,
    *,
    letters: Sequence[Sequence[str] | str | None] | str | None = None,
    extractor: str = "ours",
) -> list[Extraction]:
    """Read each prediction with ``extractor`` (``"ours"`` or ``"leaderboard"``), with its item's options and
    letters. Raises ``ValueError`` naming the item for a prediction that is not a string or malformed options."""
    rules_of(extractor)
    predictions = list(predictions)
    per_options = _per_item("options", options, len(predictions))
    per_letters = _item_letters(per_options, _per_item("letters", letters, len(predictions)))
    readings = []
    for index, prediction in enumerate(predictions):
        if not isinstance(prediction, str):
            message = f"prediction {index} must be the generated text as a str, got {type(prediction).__name__}"
            raise ValueError(message)
        if extractor == "ours":
            readings.append(extract_answer(prediction, per_options[index], letters=per_letters[index]))
        else:
            readings.append(leaderboard_reading(prediction, per_letters[index]))
    return readings


def score_extractions(
    readings: Sequence[Extraction],
    references: Sequence[Any],
    letters: Sequence[Sequence[str]],
    rules: Sequence[str] = RULES,
) -> dict[str, Any]:
    """The scores of readings already made against gold ``references`` (letters or indices of each item)."""
    gold = []
    for index, (reference, item) in enumerate(zip(references, letters, strict=True)):
        try:
            gold.append(gold_letter(reference, item))
        except ValueError as error:
            raise ValueError(f"reference {index}: {error}") from None
    counts = dict.fromkeys(rules, 0)
    correct = valid = 0
    for reading, answer in zip(readings, gold, strict=True):
        counts[reading.rule] += 1
        valid += reading.valid
        correct += reading.letter == answer
    n = len(readings)
    return {
        "accuracy": correct / n,
        "lenient_accuracy": correct / valid if valid else 0.0,
        "invalid_rate": (n - valid) / n,
        "n": n,
        "n_valid": valid,
        "rules": counts,
    }


def score_generations(
    predictions: Sequence[str],
    references: Sequence[Any],
    options: Sequence[Sequence[str] | None] | None = None,
    *,
    letters: Sequence[Sequence[str] | str | None] | str | None = None,
    extractor: str = "ours",
) -> dict[str, Any]:
    """Score raw generations against gold labels (each item's letters, or indices from 0).

    ``options``: per item, its option texts (or ``None``); ``letters``: per item, its letters (``"ABCDE"``) or
    ``None``, or one string for all; by default an item's letters are the first ``len(options)`` of A-Z, or A-D.
    ``extractor``: ``"ours"`` (:func:`extract_answer`) or ``"leaderboard"`` (the leaderboard's filter).
    Returns ``accuracy`` (strict: unreadable answers count as wrong), ``lenient_accuracy`` (over the
    ``n_valid`` readable answers; 0.0 when there are none), ``invalid_rate``, ``n``, ``n_valid`` and
    ``rules`` (rule -> count, every rule of the extractor listed). Raises ``ValueError`` naming the item for a
    length mismatch, a reference outside the item's letters, a prediction that is not a string or malformed
    options.
    """
    predictions = list(predictions)
    references = list(references)
    if len(predictions) != len(references):
        message = (
            f"got {len(predictions)} predictions but {len(references)} references: give one reference per prediction"
        )
        raise ValueError(message)
    if not predictions:
        raise ValueError("no predictions to score: pass at least one prediction and its reference")
    rules = rules_of(extractor)
    per_options = _per_item("options", options, len(predictions))
    per_letters = _item_letters(per_options, _per_item("letters", letters, len(predictions)))
    # References are checked before any reading, so that a bad label fails fast.
    for index, (reference, item) in enumerate(zip(references, per_letters, strict=True)):
        try:
            gold_letter(reference, item)
        except ValueError as error:
            raise ValueError(f"reference {index}: {error}") from None
    readings = read_generations(predictions, per_options, letters=per_letters, extractor=extractor)
    return score_extractions(readings, references, per_letters, rules)

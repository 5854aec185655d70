"""What a reading returns: :class:`Extraction`, the rule names, and the letters an item's answer may take.

>>> item_letters(["Sol", "Chuva", "Vento"])
('A', 'B', 'C')
>>> item_letters(None), item_letters(None, "ABCDE")
(('A', 'B', 'C', 'D'), ('A', 'B', 'C', 'D', 'E'))
"""

from __future__ import annotations

import string
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Final

from ...tasks import letters_for

__all__ = [
    "DEFAULT_LETTERS",
    "INVALID_RULES",
    "RULES",
    "UNREADABLE",
    "VALID_RULES",
    "Extraction",
    "check_options",
    "item_letters",
]

#: Rules that yield a letter, in the order they are tried.
VALID_RULES: Final[tuple[str, ...]] = ("letter_only", "structured", "keyword", "final_answer", "ordinal", "option_text")
#: Rules that yield no letter: the answer counts as wrong in strict accuracy.
INVALID_RULES: Final[tuple[str, ...]] = ("invalid_letter", "hedged", "refusal", "empty", "no_answer")
RULES: Final[tuple[str, ...]] = VALID_RULES + INVALID_RULES
#: How tables and confusion matrices name an answer no letter could be read from.
UNREADABLE: Final = "invalid"
#: The letters of an item when neither its options nor its letters are given: Cosmos QA's four.
DEFAULT_LETTERS: Final[tuple[str, ...]] = letters_for(4)
_ALPHABET: Final = string.ascii_uppercase


@dataclass(frozen=True)
class Extraction:
    """What :func:`extract_answer` read: ``letter`` (one of the item's letters, or ``None``) and the ``rule`` that
    decided."""

    letter: str | None
    rule: str

    @property
    def valid(self) -> bool:
        """Whether a letter was read."""
        return self.letter is not None


def check_options(options: Sequence[str]) -> list[str]:
    """``options`` as a list, or ``ValueError``: two to 26 strings, in letter order."""
    if (
        isinstance(options, str)
        or not 2 <= len(options) <= len(_ALPHABET)
        or not all(isinstance(o, str) for o in options)
    ):
        message = f"options must be 2 to {len(_ALPHABET)} strings in letter order (A, B, C ...), got {options!r}"
        raise ValueError(message)
    return list(options)


def item_letters(options: Sequence[str] | None = None, letters: Sequence[str] | str | None = None) -> tuple[str, ...]:
    """The letters an item's answer may take: ``letters`` when given, else the first ``len(options)`` letters of
    A-Z, else A-D. Raises ``ValueError`` for letters that are not distinct single capitals or that do not match
    the number of options."""
    if letters is None:
        return tuple(_ALPHABET[: len(options)]) if options is not None else DEFAULT_LETTERS
    resolved = tuple(letters)
    if (
        len(resolved) < 2
        or len(set(resolved)) != len(resolved)
        or not all(isinstance(letter, str) and len(letter) == 1 and letter in _ALPHABET for letter in resolved)
    ):
        message = f"letters must be two or more distinct capitals A-Z, such as 'ABCDE', got {letters!r}"
        raise ValueError(message)
    if options is not None and len(options) != len(resolved):
        message = (
            f"got {len(options)} options but {len(resolved)} letters ({''.join(resolved)}): give one letter per option"
        )
        raise ValueError(message)
    return resolved

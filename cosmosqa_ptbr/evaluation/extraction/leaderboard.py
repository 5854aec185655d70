"""The Open Portuguese LLM Leaderboard's reading of a generation, as a pure function.

The leaderboard scores its multiple-choice tasks by greedy generation read by the filter chain
``normalize_spaces`` -> ``remove_accents`` -> ``find_choices`` of its lm-evaluation-harness fork. This module
reimplements that chain from https://github.com/eduagarcia/lm-evaluation-harness-pt at commit
ca07215614ee28353ac61e1d745943089b3fa4f8:

- ``lm_eval/filters/decontamination.py``, ``NormalizeSpacesFilter.remove_extra_spaces``: newlines, carriage
  returns and tabs become spaces, runs of spaces one space, then ``strip``;
- ``lm_eval/filters/extraction.py``, ``RemoveAccentsFilter``: ``unidecode`` (here for Latin text: accents off,
  the punctuation the leaderboard's replies hold mapped to ASCII as ``unidecode`` maps it, and symbols without
  an ASCII form, such as check marks and emoji, dropped);
- ``lm_eval/filters/custom.py``, ``ChoicesFilter.process_resp``: the stripped text when it is one of the
  choices, else the first group of the first pattern that matches (``re.search``, no flags), else the fallback
  ``"[invalid]"`` (here ``None``);
- the patterns of the task YAMLs, the same for four choices (``oab_exams.yaml``: ``[ABCD]``) and five
  (``enem.yaml``, ``bluex.yaml``: ``[ABCDE]``): the fork writes the item's letters into a character class,
  and :func:`leaderboard_patterns` does the same for any letters.

The harness hands the filters only the continuation, decoded without special tokens and stopped at the
end-of-sequence token; a whole decoded sequence is cut the same way first (:func:`continuation`).

>>> leaderboard_extract("Resposta correta: B")
'B'
>>> leaderboard_extract("Opção: C, não A.")  # accents go first, so the keyword pattern matches
'C'
>>> leaderboard_extract("Alternativa E", "ABCDE"), leaderboard_extract("Alternativa E")
('E', None)
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Sequence
from functools import cache
from typing import Final

from .rules import DEFAULT_LETTERS, Extraction

__all__ = ["LEADERBOARD_RULES", "continuation", "leaderboard_extract", "leaderboard_patterns", "leaderboard_reading"]

#: Rules of a leaderboard reading: a letter found by ``find_choices``, or its ``[invalid]`` fallback.
LEADERBOARD_RULES: Final[tuple[str, ...]] = ("find_choices", "fallback")

_ASSISTANT_MARKERS: Final = re.compile(
    r"<\|assistant\|>|<\|im_start\|>\s*assistant|\[/INST\]|<\|start_header_id\|>\s*assistant\s*<\|end_header_id\|>"
    r"|<start_of_turn>\s*model"
)
_END_OF_SEQUENCE: Final = re.compile(r"</s>|<\|im_end\|>|<\|endoftext\|>|<\|eot_id\|>|<end_of_turn>|<\|end_of_text\|>")
_SPECIAL_TOKEN: Final = re.compile(r"<\|[^|>]*\|>|<s>|<pad>|<bos>|<start_of_turn>|<end_of_turn>|\[/?INST\]")
# unidecode's output for the non-letter characters replies hold; unidecode drops symbols it has no ASCII for.
_UNIDECODE_PUNCTUATION: Final = {
    "\u2014": "--", "\u2013": "-", "\u2026": "...", "\u201c": '"', "\u201d": '"', "\u2018": "'", "\u2019": "'",
    "\u00ab": "<<", "\u00bb": ">>", "\u2192": "->", "\u00a0": " ", "\u00ba": "o", "\u00aa": "a",
}  # fmt: skip


def continuation(text: str) -> str:
    """What the harness hands the filters: the generated part, stopped at EOS, special tokens skipped."""
    last = None
    for last in _ASSISTANT_MARKERS.finditer(text):  # noqa: B007 - the last one is wanted
        pass
    if last is not None:
        text = text[last.end() :]
    end = _END_OF_SEQUENCE.search(text)
    text = text[: end.start()] if end else text
    return _SPECIAL_TOKEN.sub("", text)


def normalize_spaces(text: str) -> str:
    """``NormalizeSpacesFilter.remove_extra_spaces``."""
    text = text.replace("\n", " ").replace("\r", " ").replace("\t", " ")
    return re.sub(" +", " ", text).strip()


def remove_accents(text: str) -> str:
    """``RemoveAccentsFilter.remove_accents`` (``unidecode``) for Latin text: accents off, punctuation to ASCII."""
    out = []
    for char in text:
        if char in _UNIDECODE_PUNCTUATION:
            out.append(_UNIDECODE_PUNCTUATION[char])
            continue
        base = "".join(c for c in unicodedata.normalize("NFKD", char) if not unicodedata.combining(c))
        out.append(base if base.isascii() else "")
    return "".join(out)


@cache
def leaderboard_patterns(letters: tuple[str, ...]) -> tuple[re.Pattern[str], ...]:
    """The task YAMLs' ``regex_patterns`` for ``letters``, compiled without flags as ``ChoicesFilter`` does."""
    choices = "".join(letters)
    return tuple(
        re.compile(pattern)
        for pattern in (
            r"(?:[Ll]etra|[Aa]lternativa|[Rr]esposta|[Rr]esposta [Cc]orreta|[Rr]esposta [Cc]orreta e|[Oo]pcao)"
            rf":? ([{choices}])\b",
            rf"\b([{choices}])\.",
            rf"\b([{choices}]) ?[.):-]",
            rf"\b([{choices}])$",
            rf"\b([{choices}])\b",
        )
    )


def find_choices(text: str, letters: tuple[str, ...]) -> str | None:
    """``ChoicesFilter.process_resp``: an exact choice, else the first match of the first pattern that matches.

    ``None`` stands for its fallback, ``"[invalid]"``.
    """
    text = text.strip()
    if text in letters:
        return text
    for regex in leaderboard_patterns(letters):
        match = regex.search(text)
        if match:
            return match.group(1)
    return None


def leaderboard_extract(text: str, letters: Sequence[str] | str = DEFAULT_LETTERS) -> str | None:
    """The leaderboard's letter for ``text`` (``None`` for its ``[invalid]``): continuation, normalize_spaces,
    remove_accents, find_choices over ``letters``."""
    return find_choices(remove_accents(normalize_spaces(continuation(text))), tuple(letters))


def leaderboard_reading(text: str, letters: Sequence[str] | str = DEFAULT_LETTERS) -> Extraction:
    """:func:`leaderboard_extract` as an :class:`Extraction` (rule ``find_choices`` or ``fallback``)."""
    letter = leaderboard_extract(text, letters)
    return Extraction(letter, "find_choices" if letter else "fallback")

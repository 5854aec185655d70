"""Extraction on the public set: ``extract_answer`` beside the leaderboard's filter and the reference regex.

Three readers of the same outputs:

- **ours**: :func:`cosmosqa_ptbr.evaluation.extraction.extract_answer`.
- **leaderboard filter**: what the Open Portuguese LLM Leaderboard applies to generations, the filter chain
  ``normalize_spaces`` -> ``remove_accents`` -> ``find_choices`` of its lm-evaluation-harness fork, with the
  four-choice patterns of its ``oab_exams`` task. Reimplemented from
  https://github.com/eduagarcia/lm-evaluation-harness-pt at commit ca07215614ee28353ac61e1d745943089b3fa4f8:
  ``lm_eval/filters/decontamination.py`` (``NormalizeSpacesFilter``), ``lm_eval/filters/extraction.py``
  (``RemoveAccentsFilter``, which calls ``unidecode``), ``lm_eval/filters/custom.py`` (``ChoicesFilter``)
  and ``lm_eval/tasks/oab_exams/default/oab_exams.yaml`` (the patterns). The harness hands the filter only
  the continuation, decoded without special tokens and stopped at the end-of-sequence token; cases that
  hold a whole decoded sequence are cut the same way first.
- **reference regex**: the reference work's parser, the first line after the assistant marker matched
  against ``Alternativa\\s*([A-Z])``.

A case counts as read right when the letter returned equals the annotated one; for outputs annotated as
unreadable (``None``) that means returning no letter.

**The public set is a regression suite, not a test set.** ``extract_answer`` was changed until every case in
``tests/data/extraction_cases.jsonl`` passed, so its 100% there holds by construction and says nothing about
unseen outputs. What does say something is how each batch of cases scored when it was first written, before
the parser saw it: those figures are kept in ``tests/data/extraction_first_sight.json`` and printed below
the table. Run: ``python benchmarks/extraction_baseline.py``.
"""

from __future__ import annotations

import argparse
import json
import re
import unicodedata
from collections import defaultdict
from collections.abc import Callable
from pathlib import Path
from typing import Any

from cosmosqa_ptbr.evaluation.extraction import extract_answer
from cosmosqa_ptbr.prompts import ANSWER_PREFIX

DATA_DIR = Path(__file__).resolve().parents[1] / "tests" / "data"
CASES_FILE = DATA_DIR / "extraction_cases.jsonl"
FIRST_SIGHT_FILE = DATA_DIR / "extraction_first_sight.json"
_BASELINE = re.compile(rf"{ANSWER_PREFIX}\s*([A-Z])")


def baseline_letter(text: str, options: list[str] | None = None) -> str | None:
    """The reference parser: the first line after the assistant marker, then ``Alternativa\\s*([A-Z])``."""
    answer = text.split("<|assistant|>")[-1].strip()
    first_line = answer.split("\n")[0] if answer else ""
    match = _BASELINE.search(first_line)
    return match.group(1) if match else None


# ---------------------------------------------------------------------------------------------------------
# The leaderboard's filter chain (eduagarcia/lm-evaluation-harness-pt @ ca07215, see the module docstring)

_CHOICES = ("A", "B", "C", "D")
# oab_exams.yaml, the leaderboard's four-choice task; ChoicesFilter compiles them without flags.
_LEADERBOARD_PATTERNS = tuple(
    re.compile(pattern)
    for pattern in (
        r"(?:[Ll]etra|[Aa]lternativa|[Rr]esposta|[Rr]esposta [Cc]orreta|[Rr]esposta [Cc]orreta e|[Oo]pcao)"
        r":? ([ABCD])\b",
        r"\b([ABCD])\.",
        r"\b([ABCD]) ?[.):-]",
        r"\b([ABCD])$",
        r"\b([ABCD])\b",
    )
)
# unidecode's output for the non-letter characters the cases contain; unidecode drops symbols it has no
# ASCII for (check marks, emoji), and so does _unidecode.
_UNIDECODE_PUNCTUATION = {
    "\u2014": "--", "\u2013": "-", "\u2026": "...", "\u201c": '"', "\u201d": '"', "\u2018": "'", "\u2019": "'",
    "\u00ab": "<<", "\u00bb": ">>", "\u2192": "->", "\u00a0": " ", "\u00ba": "o", "\u00aa": "a",
}  # fmt: skip
_ASSISTANT_MARKERS = re.compile(
    r"<\|assistant\|>|<\|im_start\|>\s*assistant|\[/INST\]|<\|start_header_id\|>\s*assistant\s*<\|end_header_id\|>"
    r"|<start_of_turn>\s*model"
)
_END_OF_SEQUENCE = re.compile(r"</s>|<\|im_end\|>|<\|endoftext\|>|<\|eot_id\|>|<end_of_turn>|<\|end_of_text\|>")
_SPECIAL_TOKEN = re.compile(r"<\|[^|>]*\|>|<s>|<pad>|<bos>|<start_of_turn>|<end_of_turn>|\[/?INST\]")


def _continuation(text: str) -> str:
    """What the harness would hand the filters: the generated part, stopped at EOS, special tokens skipped."""
    marks = list(_ASSISTANT_MARKERS.finditer(text))
    text = text[marks[-1].end() :] if marks else text
    end = _END_OF_SEQUENCE.search(text)
    text = text[: end.start()] if end else text
    return _SPECIAL_TOKEN.sub("", text)


def _normalize_spaces(text: str) -> str:
    """``NormalizeSpacesFilter.remove_extra_spaces``."""
    text = text.replace("\n", " ").replace("\r", " ").replace("\t", " ")
    text = re.sub(" +", " ", text)
    return text.strip()


def _unidecode(text: str) -> str:
    """``RemoveAccentsFilter.remove_accents`` (``unidecode``) for Latin text: accents off, punctuation to ASCII."""
    out = []
    for char in text:
        if char in _UNIDECODE_PUNCTUATION:
            out.append(_UNIDECODE_PUNCTUATION[char])
            continue
        base = "".join(c for c in unicodedata.normalize("NFKD", char) if not unicodedata.combining(c))
        out.append(base if base.isascii() else "")
    return "".join(out)


def _find_choices(text: str) -> str | None:
    """``ChoicesFilter.process_resp``: an exact choice, else the first match of the first pattern that matches.

    ``None`` stands for its fallback, ``"[invalid]"``.
    """
    text = text.strip()
    if text in _CHOICES:
        return text
    for regex in _LEADERBOARD_PATTERNS:
        match = re.search(regex, text)
        if match:
            return match.group(1)
    return None


def leaderboard_letter(text: str, options: list[str] | None = None) -> str | None:
    """The Open Portuguese LLM Leaderboard's reading: normalize_spaces, remove_accents, find_choices."""
    return _find_choices(_unidecode(_normalize_spaces(_continuation(text))))


def ours_letter(text: str, options: list[str] | None = None) -> str | None:
    """This package's extractor."""
    return extract_answer(text, options).letter


PARSERS: dict[str, Callable[..., str | None]] = {
    "ours": ours_letter,
    "leaderboard filter": leaderboard_letter,
    "reference regex": baseline_letter,
}


def measure(cases: list[dict[str, Any]], parsers: dict[str, Callable[..., str | None]]) -> dict[str, dict[str, list]]:
    """Return, per category (and "all", "answerable", "unanswerable"), per parser, the hit/miss booleans."""
    hits: dict[str, dict[str, list]] = defaultdict(lambda: defaultdict(list))
    for case in cases:
        for name, parser in parsers.items():
            hit = parser(case["text"], case["options"]) == case["letter"]
            for key in (case["category"], "all"):
                hits[key][name].append(hit)
            hits["answerable" if case["letter"] else "unanswerable"][name].append(hit)
    return hits


def format_table(hits: dict[str, dict[str, list]], parsers: dict[str, Callable[..., str | None]]) -> str:
    """One row per category, then answerable / unanswerable / all; columns: each parser's accuracy, then n."""
    order = sorted(key for key in hits if key not in ("all", "answerable", "unanswerable"))
    header = f"{'category':<20}" + "".join(f"{name:>20}" for name in parsers) + f"{'n':>6}"
    lines = [header, "-" * len(header)]
    for key in [*order, "answerable", "unanswerable", "all"]:
        if key == "answerable":
            lines.append("-" * len(header))
        row = hits.get(key)
        if not row:
            continue
        n = len(next(iter(row.values())))
        cells = "".join(f"{sum(row[name]) / n:>20.1%}" for name in parsers)
        lines.append(f"{key:<20}{cells}{n:>6}")
    return "\n".join(lines)


def format_first_sight(batches: list[dict[str, Any]]) -> str:
    """The recorded first-sight accuracy of each batch: read before the parser was changed for it."""
    header = f"{'batch (first sight)':<34}{'date':>12}" + "".join(f"{name:>20}" for name in PARSERS) + f"{'n':>6}"
    lines = [header, "-" * len(header)]
    for batch in batches:
        cells = "".join(
            f"{batch[key]:>20.1%}" if batch.get(key) is not None else f"{'-':>20}"
            for key in ("ours", "leaderboard_filter", "reference_regex")
        )
        lines.append(f"{batch['batch']:<34}{batch['date']:>12}{cells}{batch['n']:>6}")
    return "\n".join(lines)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--cases", type=Path, default=CASES_FILE, help="JSONL of annotated outputs")
    args = parser.parse_args()
    cases = [json.loads(line) for line in args.cases.read_text(encoding="utf-8").splitlines() if line.strip()]
    print(format_table(measure(cases, PARSERS), PARSERS))
    print(
        "\n'ours' reads 100% of the public set by construction: the parser was changed until every case passed."
        "\nAccuracy on outputs it had not seen is the first-sight figure of each batch, recorded when the batch"
        "\nwas written and before the parser was changed for it:\n"
    )
    print(format_first_sight(json.loads(FIRST_SIGHT_FILE.read_text(encoding="utf-8"))["batches"]))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

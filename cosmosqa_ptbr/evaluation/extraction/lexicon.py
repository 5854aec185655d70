"""Meanings of content words in Portuguese and English, so that an option in Portuguese is recognised in an English
paraphrase ("She was nervous about the interview" for "Ela estava nervosa com a entrevista.") and in a Portuguese
one with other words ("O bicho" for "O animal").

Each line of :data:`~.bilingual.TABLE` is one meaning: Portuguese words, a bar, English words; a phrase is written
with underscores ("café_da_manhã", "lie_down"). A word may stand on several lines ("lie" is "mentir", and "lie down"
is "deitar"): it carries each of those meanings, and two words match when they share one. Lines are never merged, so
no chain of shared words joins unrelated meanings.

:func:`meanings` reads a text into its units of meaning, one per content word or phrase: the language of the text
is told by its function words, and each word is looked up in that language's half of the table first (a Portuguese
"saída" is not the English "said"), by its form, then by its stem (:func:`stem`, a light suffix stripper for both
languages: "precisar" covers "precisa", "precisava", "precisou"; "need" covers "needs", "needed"), then in the other
half. A word the table lacks keeps its stem as its meaning, and matches a word of the other text with the same stem
or a cognate (:func:`cognate`: "problems" and "problemas", "vivid" and "vívida"). Negations ("não", "nunca", "sem",
"never", "didn't", "without", and "no" in English only) are one meaning, :data:`NEGATION`; a phrase of the table that
opens with a negation may be split by the words it governs ("nunca tinha feito uma tatuagem antes" says "nunca_antes",
the first time, and no negation), and an excess before an infinitive ("too many people to see", "cansado demais para
ir") says a negation. Asked to (``opposites=True``), a negation before a word with an opposite (:mod:`.opposites`)
says the opposite: "não havia perigo" is "seguro".

>>> def same_meaning(a, b):
...     return match(meanings(a)[0], meanings(b)[0])
>>> same_meaning("needed", "precisava"), same_meaning("emprego", "job"), same_meaning("pela saída", "he said")
(True, True, False)
>>> same_meaning("problems", "problemas"), same_meaning("cat", "carro")
(True, False)
>>> [sorted(unit.senses) for unit in meanings("He did not lie down.")] == [[NEGATION], sorted(senses("deitar"))]
True
"""

from __future__ import annotations

import difflib
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from functools import cache
from typing import Final

from .bilingual import TABLE
from .clean import norm
from .opposites import OPPOSITES
from .vocabulary import EN, PT, fold

__all__ = [
    "NEGATION",
    "STOPWORDS",
    "Unit",
    "cognate",
    "content_stems",
    "english",
    "language_of",
    "match",
    "meanings",
    "senses",
    "sole_holder",
    "stem",
]

#: The meaning of a negation: "não", "nunca", "not", "never", "didn't".
NEGATION: Final = "<not>"
#: How a meaning of the table is told apart from the stem of a word the table lacks (only the latter have cognates).
_TABLE_KEY: Final = "="

_SUFFIXES: Final = tuple(
    sorted(
        (
            # Portuguese: nouns, adjectives, and verb endings (infinitive, past, imperfect, conditional, subjunctive)
            "amentos", "imentos", "amento", "imento", "adoras", "adores", "ações", "ação", "ções", "ção", "mente",
            "idades", "idade", "ância", "ência", "ismos", "ismo", "istas", "ista", "ável", "ível", "ássemos",
            "êssemos", "ariam", "eriam", "iriam", "assem", "essem", "issem", "aria", "eria", "iria", "avam", "iam",
            "aram", "eram", "iram", "arem", "erem", "irem", "asse", "esse", "isse", "amos", "emos", "imos", "arei",
            "erei", "irei", "ando", "endo", "indo", "ados", "adas", "idos", "idas", "ado", "ada", "ido", "ida", "ava",
            "ará", "erá", "irá", "ia", "ar", "er", "ir", "ou", "eu", "iu", "am", "em", "ei", "as", "es", "os", "is",
            "a", "e", "o", "s",
            # English
            "ations", "ation", "ness", "ments", "ment", "ings", "ing", "edly", "ied", "ies", "ed", "ly", "est",
        ),
        key=len,
        reverse=True,
    )
)  # fmt: skip
_PLURAL_ENDS: Final = (("gens", "gem"), ("mens", "mem"), ("vens", "vem"), ("ais", "al"), ("eis", "el"))
_FOLDED_SUFFIXES: Final = tuple(sorted({fold(suffix) for suffix in _SUFFIXES}, key=len, reverse=True))
# "Sem" and "without" deny what they govern: "ficou sem a camiseta" is "não tinha a camiseta".
_NEGATIONS: Final = {
    "pt": frozenset({"nao", "nunca", "nem", "jamais", "nenhum", "nenhuma", "sem"}),
    "en": frozenset({"not", "never", "no", "none", "nor", "neither", "without"}),
}
#: How far a phrase that opens with a negation may be split: "nunca tinha feito uma tatuagem antes" says
#: "nunca_antes", the first time.
_SPLIT_PHRASE_GAP: Final = 6
#: An excess before an infinitive denies it: "too many people to see them all" says they were not all seen,
#: "cansado demais para ir" that he did not go. (The excess word, the word that opens the infinitive, and how many
#: words may stand between them.)
_EXCESS: Final = {"pt": ("demais", "para", 0), "en": ("too", "to", 3)}
_STOPWORDS: Final = {
    "pt": frozenset(fold(word) for word in PT.stopwords),
    "en": frozenset(fold(word) for word in EN.stopwords),
}
#: The words of either language that carry no content, folded.
STOPWORDS: Final = _STOPWORDS["pt"] | _STOPWORDS["en"]
_PT_ONLY: Final = _STOPWORDS["pt"] - _STOPWORDS["en"]
_EN_ONLY: Final = _STOPWORDS["en"] - _STOPWORDS["pt"]
_CONTRACTION: Final = re.compile(r"n['’]t\b", re.IGNORECASE)
_TOKEN: Final = re.compile(r"[^\W_]+")
# An infinitive before a clitic pronoun loses its "r": "levá-la" is "levar" + "la", "comê-los" "comer" + "los".
_CLITIC: Final = re.compile(r"\b([^\W\d_]+[áéêíô])-(?:l[oa]s?)\b", re.IGNORECASE)


@cache
def stem(word: str) -> str:
    """A light stem for either language: folded, then one common suffix off."""
    folded = fold(word)
    if len(folded) <= 3 or folded.isdigit():
        return folded
    # Portuguese plurals that change the word's end: "jovens" is "jovem", "animais" "animal", "papéis" "papel" (not
    # the English "-ens" of "gardens" and "tokens").
    for plural, singular in _PLURAL_ENDS:
        if folded.endswith(plural) and len(folded) >= len(plural) + 2:
            folded = folded[: -len(plural)] + singular
            break
    for suffix in _FOLDED_SUFFIXES:
        # One vowel or "s" comes off only after four letters ("carro" -> "carr", but "caro" stays "caro", apart
        # from "car"); a longer ending after three ("parassem" -> "par").
        if folded.endswith(suffix) and len(folded) - len(suffix) >= (4 if len(suffix) == 1 else 3):
            return folded[: -len(suffix)]
    return folded


def content_stems(tokens: Iterable[str]) -> frozenset[str]:
    """The stems of the words of ``tokens`` that are not stopwords: what a short text says, for comparing its words
    with an option's ("medo de passar germes" -> med, pass, germ)."""
    return frozenset(stem(token) for token in tokens if fold(token) not in STOPWORDS)


@cache
def cognate(a: str, b: str) -> bool:
    """Whether two stems are cognates across the languages: five letters in common at the start, or spelt
    nearly alike ("problem"/"problem", "muscl"/"muscul")."""
    if a == b:
        return True
    if min(len(a), len(b)) < 4:
        return False
    if a[:5] == b[:5] and min(len(a), len(b)) >= 5:
        return True
    return min(len(a), len(b)) >= 5 and difflib.SequenceMatcher(None, a, b).ratio() >= 0.85


@dataclass(frozen=True)
class _Half:
    """One language's half of the table: line numbers by word form, by stem and by phrase (a tuple of stems)."""

    forms: dict[str, frozenset[str]]
    stems: dict[str, frozenset[str]]
    phrases: dict[tuple[str, ...], frozenset[str]]


def _build() -> dict[str, _Half]:
    found: dict[str, tuple[dict, dict, dict]] = {"pt": ({}, {}, {}), "en": ({}, {}, {})}
    for number, line in enumerate(TABLE.strip().splitlines()):
        portuguese, _, english = line.partition("|")
        key = f"{_TABLE_KEY}{number}"
        for language, side in (("pt", portuguese), ("en", english)):
            forms, stems, phrases = found[language]
            for word in side.replace("-", "_").split():
                if "_" in word:
                    parts = tuple(stem(part) for part in fold(word).split("_") if part)
                    phrases.setdefault(parts, set()).add(key)
                    continue
                forms.setdefault(fold(word), set()).add(key)
                stems.setdefault(stem(word), set()).add(key)
    return {
        language: _Half(*({k: frozenset(v) for k, v in table.items()} for table in tables))
        for language, tables in found.items()
    }


_HALVES: Final = _build()
_LONGEST_PHRASE: Final = max((len(parts) for half in _HALVES.values() for parts in half.phrases), default=1)


def _lookup(word: str, half: _Half) -> frozenset[str]:
    found = half.forms.get(word, frozenset()) | half.stems.get(stem(word), frozenset())
    if not found and word.endswith("s"):  # "likes": "-es" is no ending of "like"
        found = half.stems.get(stem(word[:-1]), frozenset())
    return found


def language_of(tokens: Sequence[str]) -> str | None:
    """ "pt" or "en", whichever language more of the folded ``tokens``' function words belong to; ``None`` for a tie
    (a word or two with no function word: "Overslept.")."""
    english = sum(token in _EN_ONLY for token in tokens)
    portuguese = sum(token in _PT_ONLY for token in tokens)
    return None if english == portuguese else "en" if english > portuguese else "pt"


def english(tokens: Sequence[str]) -> bool:
    """Whether folded ``tokens`` read as English rather than Portuguese: more of their function words are English."""
    return language_of(tokens) == "en"


def senses(word: str, language: str | None = None) -> frozenset[str]:
    """The meanings of one word: the lines of the table it stands on in its language's half, else in the other half
    (in both halves when the language is unknown), or its stem."""
    folded = fold(word)
    if language is None:
        found = _lookup(folded, _HALVES["pt"]) | _lookup(folded, _HALVES["en"])
    else:
        other = "en" if language == "pt" else "pt"
        found = _lookup(folded, _HALVES[language]) or _lookup(folded, _HALVES[other])
    return found or frozenset({stem(folded)})


@dataclass(frozen=True)
class Unit:
    """One unit of meaning of a text: a content word or phrase, its meanings and its stem."""

    senses: frozenset[str]
    stem: str

    @property
    def free(self) -> bool:
        """Whether the table lacks the word: it is matched by its stem and cognates."""
        return not any(sense.startswith(_TABLE_KEY) for sense in self.senses) and NEGATION not in self.senses


def meanings(text: str, *, opposites: bool = False) -> list[Unit]:
    """The units of meaning of ``text``, in order, each once (see the module docstring); ``opposites``: a negation
    before a word with an opposite is read as the opposite (:mod:`.opposites`)."""
    text = _CLITIC.sub(r"\1r", _CONTRACTION.sub(" not", text))
    tokens = _TOKEN.findall(fold(text))
    language = language_of(tokens)
    halves = [_HALVES[language or "pt"], _HALVES["en" if language == "pt" else "pt"]]
    stems = [stem(token) for token in tokens]
    units: list[Unit] = []
    skipped: set[int] = set()
    index = 0
    while index < len(tokens):
        if index in skipped:
            index += 1
            continue
        split = _split_phrase_at(tokens, stems, index, halves, language)
        if split is not None:
            end, found = split
            units.append(Unit(found, f"{stems[index]}_{stems[end]}"))
            skipped.add(end)
            index += 1
            continue
        phrase = _phrase_at(stems, index, halves)
        if phrase is not None:
            length, found = phrase
            units.append(Unit(found, "_".join(stems[index : index + length])))
            index += length
            continue
        token = tokens[index]
        index += 1
        if token in _NEGATIONS[language or "pt"] or (token != "no" and token in _NEGATIONS["en"]):
            units.append(Unit(frozenset({NEGATION}), NEGATION))
        elif token not in STOPWORDS and (len(token) > 2 or token.isdigit()):
            units.append(Unit(senses(token, language), stem(token)))
    # An excess denies the infinitive, not the word after it: it is no negation to fold into an opposite.
    excess = [Unit(frozenset({NEGATION}), NEGATION)] if _excess(tokens, language) else []
    unique: list[Unit] = []
    for unit in excess + (_negated_opposites(units) if opposites else units):
        if unit not in unique:
            unique.append(unit)
    return unique


@cache
def _opposite_senses() -> tuple[tuple[frozenset[str], frozenset[str]], ...]:
    """Each pair of :data:`~.opposites.OPPOSITES` as the meanings of its two sides, both ways round."""
    pairs = []
    for line in OPPOSITES.strip().splitlines():
        sides = [
            frozenset().union(*(senses(word.replace("_", " ")) for word in side.split())) for side in line.split("|")
        ]
        pairs += [(sides[0], sides[1]), (sides[1], sides[0])]
    return tuple(pairs)


def _negated_opposites(units: list[Unit]) -> list[Unit]:
    """A negation and the word it governs, where the word has an opposite, as one unit: the opposite's meanings and
    the negated word's (see :mod:`.opposites`)."""
    folded: list[Unit] = []
    index = 0
    while index < len(units):
        unit = units[index]
        governed = units[index + 1] if index + 1 < len(units) else None
        if unit.senses == {NEGATION} and governed is not None and NEGATION not in governed.senses:
            opposite = frozenset().union(*(other for side, other in _opposite_senses() if governed.senses & side))
            if opposite:
                negated = frozenset(f"{NEGATION}{sense}" for sense in governed.senses)
                folded.append(Unit(opposite | negated, f"{NEGATION}{governed.stem}"))
                index += 2
                continue
        folded.append(unit)
        index += 1
    return folded


def _excess(tokens: Sequence[str], language: str | None) -> bool:
    """Whether ``tokens`` say an excess before an infinitive ("too tired to go"), which denies it."""
    excess, opener, gap = _EXCESS[language or "pt"]
    return any(token == excess and opener in tokens[index + 1 : index + 2 + gap] for index, token in enumerate(tokens))


def _split_phrase_at(
    tokens: Sequence[str], stems: Sequence[str], index: int, halves: list[_Half], language: str | None
) -> tuple[int, frozenset[str]] | None:
    """A two-word phrase of the table that opens with the negation at ``index`` and closes a few words later
    ("nunca ... antes", "never ... before"): where it closes and its meanings."""
    if tokens[index] not in _NEGATIONS[language or "pt"] | _NEGATIONS["en"]:
        return None
    for end in range(index + 2, min(len(tokens), index + 2 + _SPLIT_PHRASE_GAP)):
        for half in halves:
            found = half.phrases.get((stems[index], stems[end]))
            if found:
                return end, found
    return None


def _phrase_at(stems: list[str], index: int, halves: list[_Half]) -> tuple[int, frozenset[str]] | None:
    for length in range(min(_LONGEST_PHRASE, len(stems) - index), 1, -1):
        parts = tuple(stems[index : index + length])
        for half in halves:
            found = half.phrases.get(parts)
            if found:
                return length, found
    return None


def match(a: Unit, b: Unit) -> bool:
    """Whether two units say the same: a meaning in common, or, where the table lacks one of the words, the same
    stem or a cognate."""
    if a.senses & b.senses:
        return True
    return (a.free or b.free) and NEGATION not in a.senses | b.senses and cognate(a.stem, b.stem)


#: A description of at most this many content words names an option holding them all, or the one holding any;
#: one of at most the larger number, the option holding all of them but one.
_FEW_DESCRIBING_WORDS: Final = 3
_MOST_DESCRIBING_WORDS: Final = 6


def sole_holder(said: str, options: Sequence[str], letters: Sequence[str]) -> str | None:
    """The letter of the one option that holds every content word of a short description ("aquela que fala de
    *companhia*", a table row "| insetos | ✔ |"): a description names its option by a word or two of it, too few to
    paraphrase it.

    >>> sole_holder("insetos", ["Não consigo acordar.", "Eles me protegem de insetos.", "Nenhuma."], "ABC")
    'B'
    """
    content = content_stems(norm(said).split())
    if not content or len(content) > _MOST_DESCRIBING_WORDS:
        return None
    stems = [{stem(word) for word in norm(option).split()} for option in options]
    if len(content) > _FEW_DESCRIBING_WORDS:
        # "a que fala da viagem por Flu acumulando fuligem": a longer description holds all its words but one in
        # its option, more than in any other
        shared = sorted((len(content & held), letter) for held, letter in zip(stems, letters, strict=True))
        (runner_up, _), (most, letter) = shared[-2], shared[-1]
        return letter if most >= len(content) - 1 and most > runner_up else None
    holders = [letter for option_stems, letter in zip(stems, letters, strict=True) if content <= option_stems]
    if not holders:
        # "a que fala dela ignorando o narrador": the one option that holds any of its words
        holders = [letter for option_stems, letter in zip(stems, letters, strict=True) if content & option_stems]
    return holders[0] if len(holders) == 1 else None

"""Telling whether a translated field is still in its source language: one table of function words per language.

Standard library only: the check runs on every reply.

A field is left untranslated when the source language's function words dominate it (at least two, and more than
twice the target language's), or when it repeats a source text of three or more words unchanged. The first test
needs a table for both languages; for a pair without one, only the second runs, and :attr:`LanguageCheck.note`
says so (the run writes it once to its log and manifest). Between two varieties of one language (``pt`` and
``pt-BR``) neither test means anything, and neither runs.

>>> looks_english("Why did he go to the store with his wife ?"), looks_english("Por que ele foi à loja?")
(True, False)
>>> check = LanguageCheck("pt-BR", "en")
>>> check.untranslated("Ele foi para casa porque estava com sono."), check.untranslated("He went home.")
(True, False)
>>> LanguageCheck("en", "de").note
'no function-word table for de: a field left in en is caught only when it copies its source unchanged'
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Final

__all__ = ["FUNCTION_WORDS", "LanguageCheck", "base_language", "looks_english"]


def _word_set(words: str) -> frozenset[str]:
    return frozenset(words.split())


# Frequent function words of each language, by base language tag; words spelled alike in English and Portuguese
# ("a", "as", "no", "do", "me", "so") are left out. On the shipped 400 reference pairs, no Portuguese field reaches
# two English hits with more than half as many Portuguese ones, and every English original has at least one field
# that does. A new language's table should leave out the words it shares with the others.
FUNCTION_WORDS: Final[Mapping[str, frozenset[str]]] = {
    "en": _word_set(
        """the and of to is was were are be been being it its i my he she his her him they them their we our you
        your that this these those with for on at by from have has had not but what which who whom would will could
        should did does don't wo nt n't i'm it's when where why how an or if than then just about into out up after
        before because some any all very really only also none above choices"""
    ),
    "pt": _word_set(
        """o os de da das dos que e em um uma uns umas para com não na nas nos por pela pelo pelas pelos mais como
        mas foi ao aos à às ele ela eles elas eu meu minha meus minhas seu sua seus suas você vocês nós nosso nossa
        isso isto esse essa este esta aquele aquela está estava estão era ser ter tem tinha já quando também porque
        muito muita há sobre até depois antes ou mesmo ainda então lhe te sem entre num numa pra nenhuma alternativas
        acima"""
    ),
}
_WORD: Final = re.compile(r"[^\W\d_]+(?:'[^\W\d_]+)?")
#: A source text this many words long or more, repeated unchanged, was not translated.
_COPY_WORDS: Final = 3


def _words(text: str) -> list[str]:
    return [word.lower() for word in _WORD.findall(text)]


def base_language(tag: str) -> str:
    """The language of a tag without its region or script: ``pt`` for ``pt-BR``."""
    return tag.split("-")[0].lower()


def _dominated(words: list[str], by: frozenset[str], over: frozenset[str]) -> bool:
    hits = sum(word in by for word in words)
    return hits >= 2 and hits > 2 * sum(word in over for word in words)


def _copies(words: list[str], source: str | None) -> bool:
    return source is not None and len(words) >= _COPY_WORDS and words == _words(source)


def looks_english(text: str, source: str | None = None) -> bool:
    """Whether ``text`` reads as English rather than Portuguese: English function words dominate, or it repeats a
    3+-word ``source`` unchanged."""
    words = _words(text)
    return _dominated(words, FUNCTION_WORDS["en"], FUNCTION_WORDS["pt"]) or _copies(words, source)


@dataclass(frozen=True)
class LanguageCheck:
    """Whether a field translated from ``source`` (a language tag) into ``target`` was left in ``source``."""

    source: str
    target: str

    @property
    def same_language(self) -> bool:
        """Source and target are varieties of one language: nothing can be told apart."""
        return base_language(self.source) == base_language(self.target)

    @property
    def missing_tables(self) -> tuple[str, ...]:
        """The languages of the pair without a function-word table."""
        languages = (base_language(self.source), base_language(self.target))
        return tuple(language for language in dict.fromkeys(languages) if language not in FUNCTION_WORDS)

    @property
    def note(self) -> str | None:
        """What the check cannot see for this pair, in one sentence; None when it runs in full."""
        if self.same_language:
            return (
                f"{self.source} and {self.target} are one language: no field is checked for being left in the source "
                "language"
            )
        if self.missing_tables:
            return (
                f"no function-word table for {' or '.join(self.missing_tables)}: a field left in {self.source} is "
                "caught only when it copies its source unchanged"
            )
        return None

    def describe(self) -> str:
        """The check as a run records it in its manifest."""
        return self.note or f"function words and unchanged copies: {self.source} -> {self.target}"

    def untranslated(self, text: str, source: str | None = None) -> bool:
        """Whether ``text`` (a translated field) still reads as the source language; ``source`` is its original."""
        if self.same_language:
            return False
        words = _words(text)
        if not self.missing_tables:
            tables = FUNCTION_WORDS[base_language(self.source)], FUNCTION_WORDS[base_language(self.target)]
            if _dominated(words, *tables):
                return True
        return _copies(words, source)

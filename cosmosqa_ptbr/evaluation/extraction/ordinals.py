"""Options named by position: "a segunda alternativa", "a 3ª opção", "opção número 4", "the last option".

:func:`name_ordinals` rewrites each such name as a letter name ("a alternativa B"), so that the commitment
stage reads it like any other (verdicts, negations and hedges apply to it alike), and returns where the
letters it wrote stand, so that an answer decided by one of them is reported under the rule ``ordinal``.
Positions come from the item's letters: "a última" is the last of them, "a penúltima" the one before it, "a
antepenúltima" the one before that, "a quinta" of a four-option item is E, a letter the item lacks (read as
``invalid_letter``).

What is rewritten: an ordinal before an option noun ("segunda alternativa", "third option", "the first one"); an
option noun before a number ("Alternativa 3", "opção número 4", "option #2", "Resposta: 2"); an ordinal that
completes a copula, a verb of choosing or an answer noun ("a correta é a segunda", "a última das quatro", "I pick
the third", "Resposta: a última."); one singled out ("só a terceira dá um motivo"); a number without its noun ("a de
número quatro"); the middle one of an odd number ("a do meio"); an answer that is an ordinal alone ("A quarta."),
opens with one ("A primeira, sem dúvida. ...") or closes with one ("... Terceira.", "...: a última."); and, once one
of those names an option or in a reply of a few words, a bare ordinal after an article ("nem a primeira nem a
segunda"). Ordinals in prose ("pela segunda vez", "a 2ª casa") are left alone.

>>> name_ordinals("A segunda alternativa.", ("A", "B", "C", "D"))
('A alternativa B.', (14,))
>>> name_ordinals("Opção número 4", ("A", "B", "C", "D"))[0]
'Opção D'
>>> name_ordinals("the last option", ("A", "B", "C"))[0]
'the alternativa C'
>>> name_ordinals("Pela segunda vez ele saiu.", ("A", "B", "C", "D"))
('Pela segunda vez ele saiu.', ())
"""

from __future__ import annotations

import re
import string
from collections.abc import Sequence
from functools import cache
from typing import Final

from .vocabulary import DENIED_DENIALS, alternation, fold, numbers, words

__all__ = ["name_ordinals"]

_ORDINAL: Final = alternation(
    [*numbers("ordinals"), *words("last_words"), *words("penultimate_words"), *words("antepenultimate_words")]
)
_NOUN: Final = alternation(words("ordinal_nouns"))
_NUMBER_NOUN: Final = alternation([*words("letter_words"), *words("answer_nouns"), "alternativa"])
_NUMBER: Final = rf"(?:\d{{1,2}}|{alternation(numbers('cardinals'))})"
_MARKER: Final = alternation(words("number_markers"))
_ARTICLE: Final = r"(?:a|o|the)"
_LAST: Final = frozenset(fold(word) for word in words("last_words"))
_PROSE_NOUNS: Final = frozenset({"item", "resposta", "answer", "one"})
_PENULTIMATE: Final = frozenset(fold(word) for word in words("penultimate_words"))
_ANTEPENULTIMATE: Final = frozenset(fold(word) for word in words("antepenultimate_words"))
# What may follow a number that names an option: the end, punctuation, or a connective ("Alternativa 3 é a
# correta", "opção 2 porque ..."); "resposta 2 horas depois" is no option.
_AFTER_NUMBER: Final = re.compile(
    rf"\s*(?:$|[^\w\s]|{alternation([*words('connectives'), *words('conjunctions'), *words('alternatives')])}\b"
    # counted among the options: "Opção 2 de 4", "option 3 of 4"
    rf"|(?:de|of)\s+{_NUMBER}\b)",
    re.IGNORECASE,
)
_BEFORE_NOUN: Final = re.compile(rf"\b(?P<ord>{_ORDINAL})(?!-)\s+(?P<noun>{_NOUN})\b", re.IGNORECASE)
_AFTER_NOUN: Final = re.compile(
    rf"\b(?P<noun>{_NUMBER_NOUN})\s*[:=]?\s*(?P<marker>(?:de\s+)?{_MARKER}\s*)?(?P<num>{_NUMBER})(?![\wª°º])",
    re.IGNORECASE,
)
# A number after its marker alone opening the answer, then a pause: "Número 1: acontecimentos militares.", "#2 — ...".
_NUMBER_OPENING: Final = re.compile(
    rf"^\W*?(?P<marker>{_MARKER})\s*(?P<num>{_NUMBER})(?![\wª°º])"
    rf"(?=\s*(?:(?:de|of)\s+{_NUMBER}\s*)?(?:[:.;!)—–]|\s-\s|\Z))",
    re.IGNORECASE,
)
_NUMBER_ALONE: Final = re.compile(r"[ \t]*[.)]?[ \t]*(?:\n|$)")
# "a segunda linha", "the third row": a row of the reply's table, whose rows are the options in order.
_TABLE_ROW: Final = re.compile(rf"\b(?P<ord>{_ORDINAL})\s+{alternation(words('table_rows'))}\b", re.IGNORECASE)
_TABLE_LINE: Final = re.compile(r"^[ \t]*\|.*\|[ \t]*$", re.MULTILINE)
_ALONE: Final = re.compile(rf"^\W*(?:{_ARTICLE}\s+)?(?P<ord>{_ORDINAL})\W*$", re.IGNORECASE)
# An article and an ordinal opening the answer, then a pause: "A primeira, sem dúvida. O autor ..."; or an ordinal
# alone as the first sentence: "Terceira. O número era novo pra ela."
# (after an adverb that affirms it too: "Obviamente a última: ...", "Honestamente, a penúltima."; or asked, to be
# judged: "a penúltima? não... a última.")
_OPENING: Final = re.compile(
    rf"^\W*(?:(?:[^\W\d_]+mente|{alternation(words('affirming'))}),?\s+)?"
    # (without its article, before a full stop or a dash: "Terceira.", "3ª — sonambulismo ...")
    # (and the last too: "A terceira e última: ...")
    rf"(?P<article>{_ARTICLE}\s+)?(?P<ord>{_ORDINAL})(?:\s+e\s+{alternation(words('last_words'))})?(?(article)(?=\s*(?:[,.;:!?—–]|\s-\s))|(?=[.!]|\s*[—–]|\s-\s))",
    re.IGNORECASE,
)
# An ordinal closing the reply as a sentence of its own or after a colon: "... Nervosa não tem nada a ver. Terceira.",
# "acho que é sobre melhorar de vida: a última."
# (after a comma too, with its article: "tá na cara q é a que fala isso, a terceira")
_CLOSING: Final = re.compile(
    # (or after a symbol or an emoji, which ends a sentence of chat: "... nas outras opções 😭😭 primeira")
    rf"(?:[.!?:;—–][ \t]*|\n\s*|(?<=[^\w\s\"'“”‘’()\[\]*_.,;:!?-])[ \t]+)"
    rf"(?:{_ARTICLE}\s+)?(?P<ord>{_ORDINAL})[\s.!)*]*\Z"
    rf"|,[ \t]*{_ARTICLE}\s+(?P<after_comma>{_ORDINAL})[\s.!)*]*\Z",
    re.IGNORECASE,
)
_OPINIONS: Final = ("acho que", "acho q", "creio que", "penso que", "I think", "I'd say", "I would say")
# An ordinal that completes "é a", "is the": "A opção correta é a segunda.", "The answer is the third."
# and after an answer noun and a colon: "Resposta: a última."
_AFTER_COPULA: Final = re.compile(
    # (and after a denial denied: "Não vejo como não ser a primeira.")
    # (and after an opinion: "Acho que a penúltima.")
    rf"(?:\b{alternation([*words('copulas'), *words('choosing'), *_OPINIONS, *DENIED_DENIALS])}\s+"
    rf"|\b{alternation(words('answer_nouns'))}\s*[:=]\s*)"
    rf"(?:{_ARTICLE}\s+)?(?P<ord>{_ORDINAL})(?![\w-])",
    re.IGNORECASE,
)
# "a do meio", "the middle one": the middle option of an odd number of them.
_MIDDLE: Final = re.compile(
    r"\b(?:(?:a|o)\s+(?:(?:alternativa|opção|opcao)\s+)?do\s+meio|the\s+middle\s+(?:one|option|answer))\b",
    re.IGNORECASE,
)
_ELLIPTIC: Final = re.compile(rf"\b{_ARTICLE}\s+(?P<ord>{_ORDINAL})(?![\w-])", re.IGNORECASE)
# "a última das quatro", "the last of the four", "a última da lista": an ordinal counted among the options.
_OF_THE_OPTIONS: Final = (
    rf"(?:das|dos|of\s+the)\s+(?:{alternation(numbers('cardinals'))}|{alternation(words('ordinal_nouns'))}s?|opções"
    rf"|options)|(?:da|of\s+the|on\s+the)\s+(?:lista|list)"
)
# Words after which an article and an ordinal still name an option: "nem a primeira *nem* ...".
_ELLIPTIC_NEXT: Final = re.compile(
    rf"\s*(?:$|[^\w\s-]|(?:{alternation([*words('connectives'), *words('conjunctions'), *words('alternatives')])}"
    rf"|{_ARTICLE}|{_ORDINAL}|{_OF_THE_OPTIONS})\b)",
    re.IGNORECASE,
)
# "a primeira da lista", "the last of the options": an ordinal counted among the options names one wherever it stands.
_COUNTED: Final = re.compile(rf"\b{_ARTICLE}\s+(?P<ord>{_ORDINAL})\s+(?:{_OF_THE_OPTIONS})\b", re.IGNORECASE)
_TOP_DOWN: Final = r"(?:de\s+cima\s+(?:pra|para)\s+baixo|from\s+the\s+top)"
_BOTTOM_UP_WORDS: Final = r"(?:de\s+baixo\s+(?:pra|para)\s+cima|from\s+the\s+bottom)"
# "Das quatro, a terceira ...", "of the options, the second": counted among the options before it is named.
_COUNTED_BEFORE: Final = re.compile(
    rf"\b(?:{_OF_THE_OPTIONS})\s*[,:]?\s+{_ARTICLE}\s+(?P<ord>{_ORDINAL})(?![\w-])", re.IGNORECASE
)
# An ordinal with its article after a colon, closing its sentence: "Com só três alternativas fica fácil: a primeira."
_AFTER_A_COLON: Final = re.compile(
    rf":[ \t]*{_ARTICLE}\s+(?P<ord>{_ORDINAL})(?=[ \t]*(?:[.!;—–]|\s-\s))", re.IGNORECASE
)
# "a terceira é a que faz sentido", "the second is the right one": an ordinal as the subject of a verdict of fit.
_SUBJECT: Final = re.compile(
    rf"\b{_ARTICLE}\s+(?P<ord>{_ORDINAL})\s+(?:é|seria|is)\s+(?:a|the)\s+"
    rf"(?:que|one|answer|{alternation([*words('right_words'), *words('best'), *words('answer_nouns')])})\b",
    re.IGNORECASE,
)
# "Contando de cima pra baixo, a segunda", "from the top, the second": counted from the first (or from the last).
_FROM_THE_TOP, _BOTTOM_UP = (
    re.compile(rf"\b{direction}[,:]?\s+(?:{_ARTICLE}\s+)?(?P<ord>{_ORDINAL})\b", re.IGNORECASE)
    for direction in (_TOP_DOWN, _BOTTOM_UP_WORDS)
)
# "a segunda de baixo pra cima", "the second from the bottom": counted from the last.
_FROM_THE_BOTTOM: Final = re.compile(rf"\b(?P<ord>{_ORDINAL})\s+{_BOTTOM_UP_WORDS}\b", re.IGNORECASE)
# "a de cima", "a de baixo", "the top one", "the bottom one": the first and the last option.
# (not a direction: "de cima pra baixo", "de cima a baixo")
_NOT_A_DIRECTION: Final = r"(?!\s+(?:pra|para|a|até)\s+(?:baixo|cima))"
# (and "a que abre a lista", "a que fecha a lista": the option that opens or closes the list)
_TOP: Final = re.compile(
    rf"\b(?:a|o|na|no|pela|pelo)\s+(?P<one>de\s+cima{_NOT_A_DIRECTION}|que\s+abre\s+a\s+lista)"
    r"|\bthe\s+(?P<en>top\s+one|one\s+that\s+opens\s+the\s+list)\b",
    re.IGNORECASE,
)
_BOTTOM: Final = re.compile(
    rf"\b(?:a|o|na|no|pela|pelo)\s+(?P<one>de\s+baixo{_NOT_A_DIRECTION}|que\s+fecha\s+a\s+lista)"
    r"|\bthe\s+(?P<en>bottom\s+one|one\s+that\s+closes\s+the\s+list)\b",
    re.IGNORECASE,
)
# "só a terceira dá um motivo", "only the second fits": an ordinal singled out names an option.
_ONLY: Final = re.compile(rf"\b(?:só|somente|apenas|only)\s+{_ARTICLE}\s+(?P<ord>{_ORDINAL})(?![\w-])", re.IGNORECASE)
# "a de número quatro": an option named by its number without its noun.
_OF_NUMBER: Final = re.compile(
    rf"\b(?P<article>a|o|na|no|pela|pelo)\s+de\s+(?:{_MARKER})\s*(?P<num>{_NUMBER})(?![\wª°º])", re.IGNORECASE
)


#: A reply of at most this many words is an answer to the question: an ordinal after an article in it names an option.
SHORT_REPLY_WORDS: Final = 12


@cache
def _position(word: str) -> int | None:
    folded = fold(word)
    if folded in _LAST:
        return -1
    if folded in _PENULTIMATE:
        return -2
    if folded in _ANTEPENULTIMATE:
        return -3
    if folded.isdigit():
        return int(folded)
    return numbers("ordinals").get(folded) or numbers("cardinals").get(folded)


def _letter(position: int | None, letters: Sequence[str]) -> str | None:
    if position is None or position == 0:
        return None
    if position < 0:
        return letters[position] if len(letters) >= -position else None
    if position <= len(letters):
        return letters[position - 1]
    return string.ascii_uppercase[position - 1] if position <= 26 else None


def name_ordinals(text: str, letters: Sequence[str]) -> tuple[str, tuple[int, ...]]:
    """Rewrite options named by position as letter names; return the text and the positions of those letters."""
    edits: list[tuple[int, int, str, int]] = []  # start, end, replacement, offset of the letter in it

    def add(start: int, end: int, replacement: str, offset: int) -> None:
        if all(end <= s or start >= e for s, e, _, _ in edits):
            edits.append((start, end, replacement, offset))

    for match in _BEFORE_NOUN.finditer(text):
        letter = _letter(_position(match["ord"]), letters)
        # A noun of prose too ("o último item da sua lista") names an option only where the phrase ends.
        if fold(match["noun"]) in _PROSE_NOUNS and not _ELLIPTIC_NEXT.match(text, match.end()):
            continue
        if letter:
            add(match.start(), match.end(), f"alternativa {letter}", len("alternativa "))
    for match in _AFTER_NOUN.finditer(text):
        letter = _letter(_position(match["num"]), letters)
        # "# Resposta\n\n1. O texto cita ...": a numbered list under a heading names no option.
        if "\n" in text[match.end("noun") : match.start("num")] and not _NUMBER_ALONE.match(text, match.end()):
            continue
        # (whatever follows a number its marker announces: "A opção número um me parece a mais lógica")
        if letter and (match["marker"] or _AFTER_NUMBER.match(text, match.end())):
            start = match.end("noun")
            add(start, match.end(), f" {letter}", 1)
    opening = _NUMBER_OPENING.match(text)
    if opening:
        letter = _letter(_position(opening["num"]), letters)
        if letter:
            add(opening.start("marker"), opening.end(), f"alternativa {letter}", len("alternativa "))
    if _TABLE_LINE.search(text):
        for match in _TABLE_ROW.finditer(text):
            letter = _letter(_position(match["ord"]), letters)
            if letter:
                add(match.start(), match.end(), f"alternativa {letter}", len("alternativa "))
    for match in _ONLY.finditer(text):
        letter = _letter(_position(match["ord"]), letters)
        if letter:
            add(match.start("ord"), match.end("ord"), f"alternativa {letter}", len("alternativa "))
    for match in _OF_NUMBER.finditer(text):
        letter = _letter(_position(match["num"]), letters)
        if letter:  # ("na de nº 3" keeps its "na": "Vou na alternativa C")
            start = match.end("article") + 1
            add(start, match.end(), f"alternativa {letter}", len("alternativa "))
    for match in _AFTER_COPULA.finditer(text):
        letter = _letter(_position(match["ord"]), letters)
        if letter and _ELLIPTIC_NEXT.match(text, match.end()):
            add(match.start("ord"), match.end("ord"), f"alternativa {letter}", len("alternativa "))
    for pattern in (_COUNTED_BEFORE, _SUBJECT, _AFTER_A_COLON):
        for match in pattern.finditer(text):
            letter = _letter(_position(match["ord"]), letters)
            if letter:
                add(match.start("ord"), match.end("ord"), f"alternativa {letter}", len("alternativa "))
    for match in _COUNTED.finditer(text):
        letter = _letter(_position(match["ord"]), letters)
        if letter:
            add(match.start("ord"), match.end("ord"), f"alternativa {letter}", len("alternativa "))
    for pattern, sign in ((_FROM_THE_TOP, 1), (_BOTTOM_UP, -1)):
        for match in pattern.finditer(text):
            position = _position(match["ord"])
            letter = _letter(sign * position, letters) if position and position > 0 else None
            if letter:
                add(match.start("ord"), match.end("ord"), f"alternativa {letter}", len("alternativa "))
    for match in _FROM_THE_BOTTOM.finditer(text):
        position = _position(match["ord"])
        letter = _letter(-position, letters) if position and position > 0 else None
        if letter:
            add(match.start(), match.end(), f"alternativa {letter}", len("alternativa "))
    for pattern, letter in ((_TOP, letters[0]), (_BOTTOM, letters[-1])):
        for match in pattern.finditer(text):
            named = "one" if match["one"] else "en"
            add(match.start(named), match.end(named), f"alternativa {letter}", len("alternativa "))
    if len(letters) % 2:
        for match in _MIDDLE.finditer(text):
            add(match.start(), match.end(), f"a alternativa {letters[len(letters) // 2]}", len("a alternativa "))
    # (The closing ordinal is looked for near the end only: the scan stays linear in a runaway reply.)
    alone = _ALONE.match(text) or _OPENING.match(text) or _CLOSING.search(text, max(0, len(text) - 80))
    if alone and not edits:
        ordinal = "ord" if alone["ord"] else "after_comma"
        letter = _letter(_position(alone[ordinal]), letters)
        if letter:
            add(alone.start(ordinal), alone.end(ordinal), f"alternativa {letter}", len("alternativa "))
    # Once an option is named by position, or in a reply of a few words, a bare ordinal after an article names one
    # too ("nem a primeira nem a segunda", "Nem a segunda nem a terceira: a primeira.").
    if edits or len(text.split()) <= SHORT_REPLY_WORDS:
        for match in _ELLIPTIC.finditer(text):
            letter = _letter(_position(match["ord"]), letters)
            if letter and _ELLIPTIC_NEXT.match(text, match.end()):
                add(match.start("ord"), match.end("ord"), f"alternativa {letter}", len("alternativa "))
    if not edits:
        return text, ()
    out: list[str] = []
    spots: list[int] = []
    cursor = 0
    length = 0
    for start, end, replacement, offset in sorted(edits):
        out.append(text[cursor:start])
        length += start - cursor
        spots.append(length + offset)
        out.append(replacement)
        length += len(replacement)
        cursor = end
    out.append(text[cursor:])
    return "".join(out), tuple(spots)

"""Stage 4, option text: an answer that gives an option's text instead of its letter.

:func:`quoted_letter` reads a quote: the text of exactly one option, whole or nearly (accents, case,
punctuation and a short preamble ignored), cut short, or opening the answer before it wanders off (a short option
said as the first sentence of a short answer: "Afeto. Ela descreve ..."); "Nenhuma
das alternativas acima" maps to that option. :func:`paraphrased_letter` reads a paraphrase, in Portuguese or
English: the answer's content words are mapped to meanings (:mod:`.lexicon`) and compared with each option's (an
answer that justifies itself is also read by its first clause, before a dash or a word of reason, when the rest does
not point to another option; a sentence that concludes, "Sobrou: ...", is read after its concluding words);
words every option shares weigh little, a negation counts as half a word ("não está" against "está"), and the
answer is read only when one option is clearly the closest and much of the answer is about it; an answer whose
polarity differs from an option's (a negation in one and not the other) is half as close to it, and one that
negates a word the option states ("eu não tinha" against "eu tinha") is no paraphrase of it; a negation alone
("A B, não a D.") is a paraphrase of nothing, and "no" turns the meaning over in English only (in Portuguese it is
"in the"). A name in an option that the answer does not say may stand for a pronoun ("ela" for "Nikki") or for a
description the options lack ("aquele programa" for "o Toonami"), unless the answer names someone else. A question
is never a quote or a paraphrase.

>>> options = ["Ela estava cansada.", "Ela estava nervosa com a entrevista.", "Ela estava entediada.",
...            "Nenhuma das alternativas acima."]
>>> quoted_letter("A resposta é: ela estava nervosa com a entrevista", options, ("A", "B", "C", "D"))
'B'
>>> paraphrased_letter("She was nervous about the interview.", options, ("A", "B", "C", "D"))
'B'
>>> paraphrased_letter("The story takes place in Lisbon.", options, ("A", "B", "C", "D")) is None
True
"""

from __future__ import annotations

import difflib
import re
from collections.abc import Collection, Sequence
from itertools import pairwise
from typing import Final

from .clean import norm
from .lexicon import NEGATION, STOPWORDS, Unit, content_stems, match, meanings, sole_holder, stem
from .vocabulary import CROSS_MARKS, alternation, fold, numbers, words

__all__ = [
    "looping",
    "name_descriptions",
    "name_neighbours",
    "none_of_the_above",
    "none_said_first",
    "paraphrased_letter",
    "quoted_letter",
    "survivor",
]

_NONE_WORDS: Final = alternation(words("none_of_the_above"))
# (an option is the item's "none of the above" when its whole text is one of these forms, a stricter test than the
# commitment stage's, which reads what a reply says of a letter)
_NONE_OPTIONS: Final = frozenset(norm(form) for form in words("none_of_the_above"))
_NONE_FORMS: Final = re.compile(rf"\b{_NONE_WORDS}\b", re.IGNORECASE)
# "None of the above." as the whole first sentence (also "Nenhuma das opções acima!").
_NONE_SENTENCE: Final = re.compile(
    rf"\s*{_NONE_WORDS}(?:[^\S\n]+{alternation(('acima', 'above', 'anteriores'))})?[^\S\n]*(?:[.!\n]|$)",
    re.IGNORECASE,
)
_FIT_VERBS: Final = (
    *(word for word in words("fits") if word not in ("melhor", "mais", "best", "most")),
    *("serve", "servem", "se aplica", "faz sentido", "se encaixa", "works", "applies", "makes sense"),
)
# "Nenhuma dessas serve", "nada do que está listado responde", "nenhum dos motivos listados explica": the reply says
# no option fits ("nenhuma das outras explica" and "nenhuma das duas serve" say that of some options only).
_NOT_ALL: Final = alternation([*words("other_ones"), *numbers("cardinals")])
_NONE_FITS: Final = re.compile(
    rf"\b(?:{alternation([*words('none_of_the_above'), *words('none_fit')])}"
    rf"|{alternation(words('none_of_them'))}\s+(?!{_NOT_ALL}\b)(?:[^\W\d_]+\s+){{1,2}}?)\s*"
    rf"(?:(?:realmente|really|de\s+fato)\s+)?(?:se\s+)?{alternation(_FIT_VERBS)}\b",
    re.IGNORECASE,
)
_NOUNS: Final = alternation([*words("answer_nouns"), *words("letter_words")])
_PREAMBLE: Final = re.compile(
    rf"^(?:{alternation(words('choosing'))}\s+)?(?:(?:a|the)\s+)?(?:(?:correct|right|best)\s+)?{_NOUNS}"
    rf"(?:\s+{alternation(words('answer_qualifiers'))})?\s*(?:{alternation(words('copulas'))})?\s*"
    rf"(?:(?:a\s+)?que\s+(?:diz|fala|afirma)\s+(?:que\s+)?|that\s+says\s+(?:that\s+)?|a\s+|that\s+)?[:\-–]?\s*"
    rf"|^{alternation(words('preambles'))}\s+",
    re.IGNORECASE,
)
_REASON_WORD: Final = re.compile(rf"^{alternation(norm(word) for word in words('reason_words'))}\s+")
_CONTRACTION: Final = re.compile(r"n['’]t\b", re.IGNORECASE)
_SENTENCE: Final = re.compile(r"(?<=[.!?;\n])\s+")
# A reply that opens with a sentence in quotes: '"São úmidos." O texto diz ...'.
_QUOTED_OPENING: Final = re.compile(r"[\"“]([^\"“”\n]{1,200})[\"”]")
# Words of choosing and of drawing a conclusion ("Sobrou:", "Portanto,"); not "então" nor "com certeza", which
# stories say too.
_CONCLUDING_WORDS: Final = alternation([*words("choosing"), *words("firm_conclusions")])
_CONCLUDING: Final = re.compile(
    rf"^\s*(?:(?:eu|I)\s+)?(?:(?:{_CONCLUDING_WORDS})\b[\s,:\-–—]*)+",
    re.IGNORECASE,
)
_MAX_SENTENCES: Final = 12
_CHAT_TAIL: Final = re.compile(rf"(?:\s+{alternation(norm(word) for word in words('chat_tails'))})+$")
_SHORT_OPTION: Final = 4
# Where an answer's justification begins: a dash, a colon or semicolon, or a comma before a word of reason.
_FIRST_CLAUSE: Final = re.compile(
    rf"(?<=[;:])\s+|(?<!\s)\s+[—–-]\s+"
    rf"|,\s+(?=(?:{alternation([*words('reason_words'), *words('justifying')])})\b)",
    re.IGNORECASE,
)


# Where a reply's closing clause begins: after a dash between spaces or a colon.
_LAST_CLAUSE: Final = re.compile(r"\s[—–-]\s|:\s")
_LAST_CLAUSE_WORDS: Final = 12
_DASH: Final = re.compile(r"\s[—–-]\s|[—–]")


def _long_enough(said: int, option: int) -> bool:
    return (said >= 5 and said * 3 >= option) or (said >= 3 and said * 2 >= option)


def _opens_with(line: str, option: str) -> bool:
    """Whether ``line`` opens with a long enough stretch of ``option`` and then wanders off.

    Small models state an option and then loop ("Eu não deixaria nenhuma visão negativa prevalecer, porque ao
    que não deixaria ..."), or turn its "Porque" into "Para que". A question ("...?") is an echo, not an answer.
    """
    if not option or line.rstrip().endswith("?"):
        return False
    said = _REASON_WORD.sub("", norm(line)).split()
    meant = _REASON_WORD.sub("", option).split()
    shared = 0
    while shared < min(len(said), len(meant)) and said[shared] == meant[shared]:
        shared += 1
    return shared >= 5 and _long_enough(shared, len(meant))


def none_of_the_above(options: Sequence[str], letters: Sequence[str]) -> str | None:
    """The letter of the item's "none of the above" option, if it has exactly one."""
    found = [letter for option, letter in zip(options, letters, strict=True) if norm(option) in _NONE_OPTIONS]
    return found[0] if len(found) == 1 else None


def none_said_first(text: str, options: Sequence[str], letters: Sequence[str]) -> str | None:
    """The letter of the item's "none of the above" option when ``text``'s first sentence is that and nothing else
    ("None of the above. She says ..."), or when it says no option fits ("Nenhuma dessas serve: ...", "então nada do
    que está listado responde a pergunta"), whatever letters its reasons go on to name."""
    none_letter = none_of_the_above(options, letters)
    return none_letter if none_letter and (_NONE_SENTENCE.match(text) or _NONE_FITS.search(text)) else None


_OPTIONS_LISTED: Final = re.compile(
    rf"\b{alternation(words('walk_through'))}\s+(?:são|sao|seriam|are|were)\b\s*:?", re.IGNORECASE
)


def _sentence_start(text: str, position: int) -> int:
    """Where the sentence that holds ``position`` begins."""
    return max((end.end() for end in _SENTENCE.finditer(text, 0, position)), default=0)


def _statements(text: str) -> str:
    """``text`` without its questions: a question restated ("Por que ela nadou até a praia?") quotes no option."""
    return "\n".join(line for line in text.splitlines() if not line.rstrip().endswith("?"))


def _other_option_run(text: str, normed: Sequence[str], chosen: int) -> bool:
    """Whether another option than ``chosen`` is stated in ``text`` too: four of its words in a row that are not
    words of ``chosen``, or, for a short option ("Um casamento"), every content word of it."""
    padded = f" {norm(text)} "
    own = f" {normed[chosen]} "
    said_words = set(padded.split())
    for index, option in enumerate(normed):
        words_ = option.split()
        if index == chosen or not words_:
            continue
        if len(words_) < 4:
            content = [word for word in words_ if len(word) >= 5 and word not in STOPWORDS]
            if content and all(word in said_words for word in content) and not all(word in own for word in content):
                return True
            continue
        for i in range(len(words_) - 3):
            run = f" {' '.join(words_[i : i + 4])} "
            if run in padded and run not in own:
                return True
    return False


def _longest_run(said: list[str], option: list[str]) -> int:
    """The most words in a row that ``said`` and ``option`` share."""
    best = 0
    previous = [0] * (len(option) + 1)
    for word in said:
        current = [0] * (len(option) + 1)
        for j, other in enumerate(option, start=1):
            if word == other:
                current[j] = previous[j - 1] + 1
                best = max(best, current[j])
        previous = current
    return best


def _has_negation(words_: Sequence[str]) -> bool:
    return any(word in _NEGATION_WORDS for word in words_)


def _denies(said: Sequence[str], option: Sequence[str]) -> bool:
    """Whether ``said`` holds a negation, or a "sem" before a word of ``option``: "sem relação com o texto" denies
    what "não têm relação com o texto" denies; the "sem" of "sem muita fé" denies nothing the option says."""
    return _has_negation(said) or any(word in _WITHOUT and following in option for word, following in pairwise(said))


def quoted_letter(text: str, options: Sequence[str], letters: Sequence[str]) -> str | None:
    """The letter of the one option ``text`` quotes, or ``None`` (see the module docstring).

    An answer that quotes one option and goes on to state another (four words of it in a row) quotes neither.
    """
    text = _statements(text)
    normed = [norm(option) for option in options]
    whole = norm(text)
    first_line = text.strip().splitlines()[0] if text.strip() else ""
    candidates = {whole, norm(first_line)}
    for piece in (text.strip(), first_line):
        candidates.add(norm(_PREAMBLE.sub("", piece, count=1)))
        head, colon, tail = piece.partition(":")
        if colon and len(head.split()) <= 8:
            candidates.add(norm(tail))
    # "Sobrou: provavelmente ela pensaria que ...", "Portanto, ela ficou sem a camiseta.": a sentence that concludes
    # may say the option after the words that conclude.
    for sentence in _SENTENCE.split(text.strip())[:_MAX_SENTENCES]:
        concluded = _CONCLUDING.match(sentence)
        if concluded and concluded.end() < len(sentence):
            candidates.add(norm(_PREAMBLE.sub("", sentence[concluded.end() :], count=1)))
    # "Pela cena — quarto de hotel, cabelo bagunçado — é minha namorada.": the clause after the last dash or colon.
    last_clause = _LAST_CLAUSE.split(text.strip())[-1]
    if len(last_clause.split()) <= _LAST_CLAUSE_WORDS:
        candidates.add(norm(last_clause))
    candidates.discard("")
    exact = {i for i, option in enumerate(normed) if option and option in candidates}
    if len(exact) == 1:
        return letters[exact.pop()]
    # A short option said first, its reasons after ("Afeto. Ela descreve a companheira ..."), in a short answer that
    # states no other option.
    # (A word of chat may close it: "orgulhosa né kkkk ela msm fala ...")
    quoted_first = _QUOTED_OPENING.match(text.strip())
    first_sentence = quoted_first[1] if quoted_first else _SENTENCE.split(text.strip(), maxsplit=1)[0]
    # (or its first clause: "A gravata — 'minha gravata rica e modesta ...'")
    first_clauses = (first_sentence, first_sentence.split(",")[0], _DASH.split(first_sentence, maxsplit=1)[0])
    openings = {_CHAT_TAIL.sub("", norm(clause)) for clause in first_clauses}
    said_first = [i for i, option in enumerate(normed) if option in openings and len(option.split()) <= _SHORT_OPTION]
    if len(said_first) == 1 and len(whole.split()) <= 40 and not _other_option_run(text, normed, said_first[0]):
        return letters[said_first[0]]
    padded = f" {whole} "
    if all(f" {option} " in padded for option in normed if option):
        return None  # "Opções: Irritada, Interessada, Nenhuma das alternativas acima, Grata": a list, not a quote
    none_letter = none_of_the_above(options, letters)
    none_form = _NONE_FORMS.search(text) if none_letter else None
    # (not one item of the options listed: "As opções são: ..., nenhuma das alternativas, ou ...")
    if none_letter and none_form and not _OPTIONS_LISTED.search(text, _sentence_start(text, none_form.start())):
        return none_letter
    contained = [i for i, option in enumerate(normed) if len(option.split()) >= 3 and f" {option} " in padded]
    contained = [i for i in contained if not any(i != j and normed[i] in normed[j] for j in contained)]
    if len(contained) == 1:
        return None if _other_option_run(text, normed, contained[0]) else letters[contained[0]]
    if contained:
        return None
    # A truncated quote inside exactly one option: five words and a third of it, or three words and half.
    partial = {
        i
        for candidate in candidates
        for i, option in enumerate(normed)
        if _long_enough(len(candidate.split()), len(option.split())) and f" {candidate} " in f" {option} "
    }
    if len(partial) == 1:
        return letters[partial.pop()]
    opening = {i for i, option in enumerate(normed) if _opens_with(first_line, option)}
    if len(opening) == 1 and not _other_option_run(text, normed, next(iter(opening))):
        return letters[opening.pop()]
    # A garbled copy: most of one option's words in a row ("Perezos e tarefas menos sérios à medida que minha
    # experiência estagna"), more of them than of any other option's, and no other option stated.
    line_words = norm(first_line).split()[:200]
    runs = [_longest_run(line_words, option.split()) if option else 0 for option in normed]
    ranked = sorted(range(len(runs)), key=lambda i: -runs[i])
    top = ranked[0]
    if (
        runs[top] >= 5
        and runs[top] * 2 >= len(normed[top].split())
        and all(runs[top] > runs[i] for i in ranked[1:])
        and not first_line.rstrip().endswith("?")
        and not looping(first_line)
        and not _other_option_run(text, normed, top)
        and _has_negation(line_words) == _has_negation(normed[top].split())
        and not _contradicts(first_line, options[top])
    ):
        return letters[top]
    best: tuple[float, int] = (0.0, -1)
    second = 0.0
    for candidate in candidates:
        for i, option in enumerate(normed):
            if not option or len(candidate) > 2 * len(option) + 20:
                continue
            if _denies(candidate.split(), option.split()) != _has_negation(option.split()):
                continue  # "ela não tem valor" is no near copy of "ela tem valor"
            ratio = difflib.SequenceMatcher(None, candidate, option, autojunk=False).ratio()
            if ratio > best[0]:
                if best[1] != i:
                    second = max(second, best[0])
                best = (ratio, i)
            elif i != best[1]:
                second = max(second, ratio)
    if best[0] >= 0.8 and best[0] - second >= 0.1:
        return letters[best[1]]
    return None


# ---------------------------------------------------------------------------------------------------------
# Paraphrases


def _matched(said: Sequence[Unit], option: Sequence[Unit]) -> list[Unit]:
    """The option's units the answer expresses (:func:`.lexicon.match`)."""
    return [unit for unit in option if any(match(unit, other) for other in said)]


def _negated(units: Sequence[Unit]) -> bool:
    return any(NEGATION in unit.senses for unit in units)


_WORD: Final = re.compile(r"[^\W\d_]+")
_DESCRIBED: Final = re.compile(rf"\b{alternation(words('demonstratives'))}\s+([^\W\d_]+)", re.IGNORECASE)


def _names(option: str) -> frozenset[str]:
    """The stems of the names in ``option``: capitalised words that neither open it nor open a sentence
    ("Porque o *Toonami* fazia parte da infância dele")."""
    found = set()
    for word in _WORD.finditer(option):
        before = option[: word.start()].rstrip()
        if word.group()[0].isupper() and before and before[-1] not in ".!?:;\"'“(":
            found.add(stem(word.group()))
    return frozenset(found)


def _weights(meanings_: Sequence[Sequence[Unit]]) -> list[list[float]]:
    """A unit's weight in its option: one over the number of options that say it too (a meaning every option shares
    tells them apart less); a negation counts :data:`NEGATION_WEIGHT`, however many options say one."""

    def weight(unit: Unit) -> float:
        if NEGATION in unit.senses:
            return NEGATION_WEIGHT
        return 1 / sum(any(match(unit, other) for other in units) for units in meanings_)

    return [[weight(unit) for unit in units] for units in meanings_]


def _said(meaning: Sequence[Unit], said: Sequence[Unit]) -> list[bool]:
    """Which of an option's meanings a text says."""
    return [any(match(unit, other) for other in said) for unit in meaning]


def _recall(hit: Sequence[bool], weight: Sequence[float]) -> float:
    """The weighted share of an option's meanings a text says."""
    total = sum(weight)
    return sum(w for w, h in zip(weight, hit, strict=True) if h) / total if total else 0.0


#: How much of an option's (weighted) meaning a paraphrase must express, and by how much closer to it than to any
#: other option it must be. (A paraphrase says the option in words of its own, which the table may lack: the English
#: original of an option, read as a reply, reads as that option more often at 0.4 than at 0.5, and never as another.)
MIN_RECALL: Final = 0.4
MIN_MARGIN: Final = 0.1
#: The weight of a negation in an option's meaning, whatever other options share it: it tells options apart ("não
#: está" against "está") but says little alone, and many options of an item and of others have one.
NEGATION_WEIGHT: Final = 0.5
#: How much of a second option a longer text may say and still paraphrase one: one that says most of two is a story.
STORY_RECALL: Final = 0.5
#: How much of the answer must be about the option: rambling that happens to share words is no paraphrase (an answer
#: also gives its reasons, in words no option has).
MIN_PRECISION: Final = 0.3
#: The same of an answer of more words than :data:`SHORT_ANSWER_WORDS` (a few sentences: a story shares words with
#: its options), and of the first sentence of an answer of more than 40 words, which is read alone.
SHORT_ANSWER_WORDS: Final = 25
LONGER_ANSWER_PRECISION: Final = 0.4
FIRST_SENTENCE_PRECISION: Final = 0.8
#: The same of a short answer's first sentence read alone.
SENTENCE_PRECISION: Final = 0.6
#: The longest answer read as a paraphrase, in words.
MAX_WORDS: Final = 60


def looping(text: str) -> bool:
    """Whether ``text`` runs in a loop, as small models do ("que ao cadeiro, que ao cadeiro, que ao ..."): some
    three words in a row come back three times or more. A loop is no paraphrase, whatever words it shares."""
    tokens = norm(text).split()
    seen: dict[tuple[str, ...], int] = {}
    for index in range(len(tokens) - 2):
        gram = tuple(tokens[index : index + 3])
        seen[gram] = seen.get(gram, 0) + 1
        if seen[gram] >= 3:
            return True
    return False


_NEGATION_WORDS: Final = frozenset(fold(word) for word in (*words("negations"), "não", "nao", "not", "never", "nunca"))
_WITHOUT: Final = frozenset({"sem", "without"})


def _contradicts(said: str, option: str) -> bool:
    """Whether ``said`` negates a word ``option`` states: "eu *não tinha* muito trabalho" against "eu tinha muito
    trabalho". A negation governs the word right after it."""
    said_words = norm(_CONTRACTION.sub(" not", said)).split()
    option_words = norm(option).split()
    for index, word in enumerate(said_words[:-1]):
        if word not in _NEGATION_WORDS:
            continue
        governed = said_words[index + 1]
        positions = [i for i, other in enumerate(option_words) if other == governed]
        if positions and all(i == 0 or option_words[i - 1] not in _NEGATION_WORDS for i in positions):
            return True
    return False


def paraphrased_letter(
    text: str, options: Sequence[str], letters: Sequence[str], *, letters_named: bool = False
) -> str | None:
    """The letter of the one option ``text`` paraphrases, or ``None`` (see the module docstring).

    An answer of 40 words or fewer is read whole; a longer one by its first sentence, held to a higher precision;
    an answer longer than :data:`MAX_WORDS` words is no paraphrase. A negation is read as it is written first; only
    when that names no option is a negation before a word with an opposite read as the opposite ("não havia perigo"
    for "seria seguro"): the two languages put a negation on different words ("couldn't cool me down", "não
    conseguia me refrescar"), so the opposite is the second reading, not the first. A short answer about one option
    only (:data:`SOLE_RECALL`) names it, unless ``letters_named``: an answer that goes through the letters is read
    by them, not by the words it shares with one option.
    """
    if looping(text):
        return None
    return _paraphrased(text, options, letters, opposites=False, sole=not letters_named) or _paraphrased(
        text, options, letters, opposites=True, sole=not letters_named
    )


def _paraphrased(
    text: str, options: Sequence[str], letters: Sequence[str], *, opposites: bool, sole: bool
) -> str | None:
    none_letter = none_of_the_above(options, letters)
    normed = [norm(option) for option in options]
    meanings_ = [
        [] if letter == none_letter else meanings(option, opposites=opposites)
        for option, letter in zip(options, letters, strict=True)
    ]
    weights = _weights(meanings_)
    option_names = [_names(option) for option in options]
    stripped = _statements(text).strip()
    if len(stripped.split()) > MAX_WORDS:
        return None  # a paraphrase is a sentence or two; a long text that shares some words is no answer
    # A short answer is read whole; a longer one by its first sentence, which must then be all about the option.
    if len(stripped.split()) <= 40:
        precision = MIN_PRECISION if len(stripped.split()) <= SHORT_ANSWER_WORDS else LONGER_ANSWER_PRECISION
        pieces = [(stripped, precision, 20, True)]
    else:
        pieces = [(_SENTENCE.split(stripped, maxsplit=1)[0], FIRST_SENTENCE_PRECISION, 20, True)]
    # An answer that goes on to justify itself ("Because he fixed the boat — he tied the masts down, so the owner
    # paid him") says the option in its first clause: the justification would dilute it.
    clause = _FIRST_CLAUSE.split(stripped, maxsplit=1)[0].strip()
    if clause != pieces[0][0] and len(clause.split()) >= 3 and len(stripped.split()) <= 40:
        pieces.append((clause, pieces[0][1], 10, False))
    # So does a short answer's first sentence, when the next ones give its reasons ("Simplesmente acharam que ia ser
    # um passeio gostoso. Não tem nada a ver com a hora do dia.").
    sentence = _SENTENCE.split(stripped, maxsplit=1)[0].strip()
    if sentence not in (pieces[0][0], clause) and len(sentence.split()) >= 3 and len(stripped.split()) <= 40:
        pieces.append((sentence, SENTENCE_PRECISION, 10, False))
    # (text, the precision it needs, the most words it may have and still say most of two options, whether it is
    # the whole answer or its first sentence: a clause must say two of the option's meanings)
    closest_whole = -1
    for piece, min_precision, short, whole in pieces:
        if piece.rstrip().endswith("?"):
            continue
        said = meanings(_PREAMBLE.sub("", piece, count=1), opposites=opposites)
        if not said:
            continue
        # A description the options lack ("aquele programa") may stand for an option's name, unless the answer
        # names someone of its own.
        described = {stem(word) for word in _DESCRIBED.findall(piece) if fold(word) not in STOPWORDS}
        own_names = _names(piece) - {unit.stem for units in meanings_ for unit in units}
        unplaced = (
            0
            if own_names
            else sum(
                unit.stem in described and not any(match(unit, other) for units in meanings_ for other in units)
                for unit in said
            )
        )
        scores = []
        for meaning, weight, names in zip(meanings_, weights, option_names, strict=True):
            if not meaning:
                scores.append((0.0, 0.0, 0))
                continue
            hit = _said(meaning, said)
            weight, stood_for = list(weight), 0
            # A name the answer does not say is said by a description the options lack ("aquele programa" for
            # "o Toonami"), or by a pronoun ("ela" for "Nikki"): it then weighs nothing.
            for index, unit in enumerate(meaning):
                if not own_names and not hit[index] and unit.free and unit.stem in names:
                    if stood_for < unplaced:
                        hit[index], stood_for = True, stood_for + 1
                    else:
                        weight[index] = 0.0
            recall = _recall(hit, weight)
            if _negated(said) != _negated(meaning):
                recall /= 2  # "has back problems" is not "does not have back problems"
            said_of_it = sum(any(match(unit, other) for other in meaning) for unit in said) + stood_for
            scores.append((recall, said_of_it / len(said), sum(hit)))
        # The closest option: most of its meaning said, and most of what is said about it (F-measure).
        closeness = [2 * r * p / (r + p) if r + p else 0.0 for r, p, _ in scores]
        order = sorted(range(len(scores)), key=lambda i: -closeness[i])
        best, runner_up = order[0], (order[1] if len(order) > 1 else None)
        if whole:
            closest_whole = best
        elif best != closest_whole:
            continue  # the rest of the answer is about another option: a story, not a justification
        if _contradicts(piece, options[best]) or _other_option_run(stripped, normed, best):
            continue
        recall, precision, count = scores[best]
        margin = closeness[best] - (closeness[runner_up] if runner_up is not None else 0.0)
        other_recall = scores[runner_up][0] if runner_up is not None else 0.0
        if (
            recall >= MIN_RECALL
            # A longer text that says most of two options (a story, not an answer) names neither.
            and (other_recall < STORY_RECALL or len(piece.split()) <= short)
            and margin >= MIN_MARGIN
            and precision >= min_precision
            # Two meanings in common, or the whole of a short answer ("ele estava atrasado" for "atrasado para o
            # trabalho").
            and (count >= min(2, len(meanings_[best])) or (precision == 1.0 and whole))
            # A negation alone ("A B, não a D.") says nothing of any option.
            and any(NEGATION not in unit.senses for unit in _matched(said, meanings_[best]))
        ):
            return letters[best]
        # The one option in play: a short answer that says half of one option's meaning and nothing of any other's,
        # with more reasons of its own than a paraphrase is allowed.
        if (
            sole
            and whole
            and len(stripped.split()) <= SOLE_WORDS
            and precision >= SOLE_PRECISION
            and count >= SOLE_COUNT
            and recall >= SOLE_RECALL
            and all(scores[index][2] == 0 for index in range(len(scores)) if index != best)
            and any(NEGATION not in unit.senses for unit in _matched(said, meanings_[best]))
        ):
            return letters[best]
    return None


#: A reply of at most :data:`SOLE_WORDS` words that says :data:`SOLE_RECALL` of one option's meaning, in two meanings
#: or more, and nothing of any other option's, paraphrases that option, also with reasons of its own around it (down to
#: :data:`SOLE_PRECISION` of what it says).
SOLE_WORDS: Final = 35
SOLE_RECALL: Final = 0.5
SOLE_PRECISION: Final = 0.2
SOLE_COUNT: Final = 2


# ---------------------------------------------------------------------------------------------------------
# Options chosen by a description

# A word of choosing or concluding, then an option described by what it says, up to the end of its clause: "Sobra a
# que diz que eu e a B somos unha e carne.", "That leaves the one about the neighbour damaging the car."
# What a description says: the rest of its clause.
_CLAUSE_REST: Final = r"(?P<said>[^.!?;:\n—–(]+?)(?=\s*(?:[.!?;:\n—–(]|\s-\s|$))"
_DESCRIPTION: Final = re.compile(
    # (after a word that narrows it too: "Sobra apenas a opção que diz que ...", "Only leaves the one about ...")
    rf"(?:\b{alternation([*words('choosing'), *words('firm_conclusions')])}\s+"
    rf"(?:(?:apenas|só|somente|only|just|[^\W\d_]+mente)\s+)?(?:com\s+|with\s+|é\s+|is\s+)?"
    # "The answer is the one about having been really busy lately", "a resposta é a que fala do cansaço"
    rf"|\b{alternation(words('answer_nouns'))}(?:\s+{alternation(words('answer_qualifiers'))})?"
    # ("Resposta: a que fala da viagem por Flu")
    rf"(?:\s+{alternation(words('copulas'))}\s+|\s*:\s*))"
    rf"(?P<described>{alternation(words('descriptions'))}\s+{_CLAUSE_REST})",
    re.IGNORECASE,
)
# "uma delas serve: ela teve o bebê", "one of them fits: she had the baby": the survivor, described after a colon.
_ONE_OF_THEM: Final = re.compile(
    rf"\b{alternation(words('one_of_them'))}(?:\s+[^\W\d_]+){{1,3}}:\s+(?P<described>{_CLAUSE_REST})",
    re.IGNORECASE,
)


# What a reply quotes of an option: '"nenhuma das alternativas acima"'.
_QUOTE_SAID: Final = r"[\"“](?P<said>[^\"“”\n]{3,160})[\"”]"
# A word of choosing, then an option quoted: 'Vou mudar: fico com "nenhuma das alternativas acima".'
_CHOSEN_QUOTE: Final = re.compile(
    rf"\b{alternation(words('choosing'))}\s+(?:com\s+|with\s+)?(?:(?:a|o|the)\s+)?(?:{_NOUNS}\s+)?"
    rf"(?P<described>{_QUOTE_SAID})",
    re.IGNORECASE,
)


# An option named by the one next to it: 'a que vem logo depois de "Nenhuma das alternativas acima"', "a que vem antes
# da D", "the one right after B".
_NEXT_TO: Final = re.compile(
    r"\b(?:(?:a|o|aquela|aquele)\s+que\s+vem|the\s+one)\s+(?:logo\s+|bem\s+|right\s+|just\s+)?"
    r"(?P<side>depois|antes|after|before)\s+(?:d[aeo]s?\s+|of\s+)?(?:(?:a|o|the)\s+)?"
    rf"(?:{_NOUNS}\s+)?(?:(?P<letter>(?-i:[A-Z]))(?![^\W_])|{_QUOTE_SAID})",
    re.IGNORECASE,
)


def name_neighbours(text: str, options: Sequence[str] | None, letters: Sequence[str]) -> str:
    """Rewrite an option named by the one next to it as a letter name: "Marco a que vem logo antes da D." becomes
    "Marco a alternativa C."; the option beside may be quoted ('a que vem depois de "Nenhuma das alternativas"').

    >>> name_neighbours("I'd pick the one right after B.", None, ("A", "B", "C", "D"))
    "I'd pick a alternativa C."
    """
    for spot in reversed(list(_NEXT_TO.finditer(text))):
        if spot["letter"]:
            named: str | None = spot["letter"]
        else:
            named = quoted_letter(spot["said"], options, letters) if options is not None else None
        if named not in letters:
            continue
        index = letters.index(named) + (1 if fold(spot["side"]) in ("depois", "after") else -1)
        if 0 <= index < len(letters):
            text = f"{text[: spot.start()]}a alternativa {letters[index]}{text[spot.end() :]}"
    return text


def name_descriptions(text: str, options: Sequence[str], letters: Sequence[str]) -> str:
    """Rewrite an option chosen by a description of what it says as a letter name ("Sobra a que diz que eu e a B
    somos unha e carne." becomes "Sobra a alternativa A."), and so an elimination's survivor described after a colon
    ("uma delas serve: ela teve o bebê"), where the description quotes or paraphrases exactly one option, so that
    the commitment stage weighs it like any letter the answer names.

    >>> options = ["Significa que B e eu somos unha e carne.", "Significa que B e eu somos o time dos sonhos.",
    ...            "Nenhuma das alternativas acima."]
    >>> name_descriptions("A B não. Sobra a que diz que eu e a B somos unha e carne.", options, ("A", "B", "C"))
    'A B não. Sobra a alternativa A.'
    """
    found = sorted(
        [*_DESCRIPTION.finditer(text), *_ONE_OF_THEM.finditer(text), *_CHOSEN_QUOTE.finditer(text)],
        key=lambda spot: spot.start(),
    )
    rewritten_from = len(text)
    for spot in reversed(found):
        if spot.end("described") > rewritten_from:
            continue
        said = spot["said"]
        letter = (
            quoted_letter(said, options, letters)
            or paraphrased_letter(said, options, letters)
            or sole_holder(said, options, letters)
        )
        if letter is not None:
            text = f"{text[: spot.start('described')]}a alternativa {letter}{text[spot.end('described') :]}"
            rewritten_from = spot.start("described")
    return text


# ---------------------------------------------------------------------------------------------------------
# The survivor of an elimination by description

_LEFTOVER: Final = re.compile(rf"\b{alternation(words('leftovers'))}\b|^\s*fica\b", re.IGNORECASE)
_RULING_OUT_WORDS: Final = alternation(
    [
        *words("negations"),
        *words("no_words"),
        *words("wrong_words"),
        *words("dismissal"),
        *words("striking"),
        *words("ruling_out"),
    ]
)
_RULING_OUT: Final = re.compile(rf"\b{_RULING_OUT_WORDS}\b|[{CROSS_MARKS}]", re.IGNORECASE)
# "Nenhuma das opções" também não cabe', '"Nenhuma" não faz sentido': the "none" option ruled out by its first word.
_NONE_OPENING: Final = re.compile(
    # (and "Nenhuma das acima?", the option's words cut short)
    rf"^[\s*(•-]*(?:(?:e|and|also|também)\s+)?(?:[\"'“‘]\s*(?:nenhuma|none)\b|{_NONE_WORDS}\b|(?:nenhuma|none)\s*\?"
    r"|nenhuma\s+das\s+acima\b)",
    re.IGNORECASE,
)
# (or said in other words: "dizer que não há resposta também não procede")
_NONE_QUOTED: Final = re.compile(
    r"[\"“‘']\s*(?:nenhuma|none)\b|\bn[ãa]o\s+h[áa]\s+resposta\b|\bnenhuma\s+(?:serve|se\s+aplica)\b", re.IGNORECASE
)
_PIECE_END: Final = re.compile(r"(?<=[.!?;:\n])\s+")
# "Voltar para a escola ou ir à biblioteca ...?": a question about two options.
_EITHER: Final = re.compile(rf"\s+(?:{alternation(words('alternatives'))})\s+", re.IGNORECASE)
#: How much of an option's (weighted) meaning a sentence of an elimination must say to be about it, and by how much
#: more than of any other option: a sentence that rules an option out names it in a few words ("Basta malhar?").
DESCRIBED_RECALL: Final = 0.34
DESCRIBED_MARGIN: Final = 0.25
#: ... or of one option and of no other.
DESCRIBED_ALONE_RECALL: Final = 0.25


def _described(
    piece: str,
    meanings_: Sequence[Sequence[Unit]],
    weights: Sequence[Sequence[float]],
    option_stems: Sequence[frozenset[str]] = (),
) -> int | None:
    """The index of the one option ``piece`` is about, or ``None``; with ``option_stems``, also the one option whose
    own word (one no other option has) it says, when it says nothing of the others ("Spectrums no lixo não é
    motivo")."""
    said = meanings(piece)
    if not said:
        return None
    recalls = [_recall(_said(meaning, said), weight) for meaning, weight in zip(meanings_, weights, strict=True)]
    order = sorted(range(len(recalls)), key=lambda index: -recalls[index])
    second = recalls[order[1]] if len(order) > 1 else 0.0
    best = order[0]
    if second == 0.0 and recalls[best] >= DESCRIBED_ALONE_RECALL and option_stems:
        others = frozenset().union(*(stems for index, stems in enumerate(option_stems) if index != best))
        if {stem(word) for word in norm(piece).split()} & (option_stems[best] - others - STOPWORDS):
            return best
    return best if recalls[best] >= DESCRIBED_RECALL and recalls[best] - second >= DESCRIBED_MARGIN else None


#: The most words of a closing sentence of assent after an elimination's survivor: "É essa.", "Só pode ser ela."
_ASSENT_WORDS: Final = 4
# "A que fala de remar rio abaixo não tem nada a ver": an option named by a description, its verdict after it.
_DESCRIBED_IN_PIECE: Final = re.compile(
    rf"\b{alternation(words('descriptions'))}\s+(?P<said>[^\W\d_][^.!?;:\n]*)", re.I
)
#: The most words of a description tried, from its first, for the one option that holds them all.
_MOST_PREFIX_WORDS: Final = 5


def _named_by_its_words(piece: str, option_stems: Sequence[frozenset[str]]) -> int | None:
    """The index of the one option that holds every word of the shortest start of a description in ``piece`` that
    only one option holds ("a que fala de remar rio abaixo não tem nada a ver": "remar rio abaixo")."""
    described = _DESCRIBED_IN_PIECE.search(piece)
    if described is None:
        return None
    said = norm(described["said"]).split()
    for length in range(1, min(len(said), _MOST_PREFIX_WORDS) + 1):
        content = content_stems(said[:length])
        holders = [index for index, stems in enumerate(option_stems) if content and content <= stems]
        if len(holders) == 1:
            return holders[0]
        if not holders:
            return None
    return None


_QUOTED_PIECE: Final = re.compile(r"[\"“]([^\"“”\n]{3,120})[\"”]")
# A verdict that opens the sentence after a question and keeps the option: "Sim.", "Exato, ...".
# (a word of its own, not the subject of a sentence: "Isso explica a frustração, não ..." judges, "Isso mesmo." keeps)
_KEPT: Final = re.compile(rf"^\W*{alternation(words('keeping'))}\b(?![ \t]+[^\W\d_])", re.IGNORECASE)
#: The least share of a quote's words an option must hold to be the one it quotes, and the lead over the next.
QUOTE_SHARE: Final = 0.6
QUOTE_MARGIN: Final = 0.25


def _worded_option(said_text: str, option_stems: Sequence[frozenset[str]]) -> int | None:
    """The index of the one option whose words ``said_text`` shortens ("Porque fez muita coisa", "Quebrar alguma
    coisa"), by the share of its words the option holds, or ``None``."""
    said = {stem(word) for word in norm(said_text).split()}
    if len(said) < 2:
        return None
    shares = sorted(
        ((len(said & option) / len(said), index) for index, option in enumerate(option_stems)), reverse=True
    )
    if shares[0][0] >= QUOTE_SHARE and shares[0][0] - (shares[1][0] if len(shares) > 1 else 0.0) >= QUOTE_MARGIN:
        return shares[0][1]
    return None


def _quoted_options(piece: str, option_stems: Sequence[frozenset[str]]) -> list[int]:
    """The indexes of the options the quotes in ``piece`` shorten ('"Porque fez muita coisa" → não tem relação', '"Eu
    venho do Edward" e "eu venho da Cheryl" falam de outras pessoas'); a question about an option ("Quebrar alguma
    coisa?") may say its words without quotes."""
    quotes = _QUOTED_PIECE.findall(piece)
    asked = piece.rstrip()
    if asked.endswith("?") and _QUOTED_PIECE.fullmatch(f'"{asked.rstrip("?")}"'):
        quotes.append(asked.rstrip("?"))
    found = [index for quote in quotes if (index := _worded_option(quote, option_stems)) is not None]
    return list(dict.fromkeys(found))


def survivor(
    text: str,
    options: Sequence[str],
    letters: Sequence[str],
    named: Sequence[tuple[int, str]],
    rejected: Collection[int] = (),
) -> str | None:
    """The option an elimination leaves when it closes without naming it ("Fica a única restante.", "Sobra a de que
    ele foi mandado embora"), having ruled out every other one by letter or by what it says ("Começar num emprego
    novo? O texto diz o contrário.", '"Porque fez muita coisa" → não tem relação. Fora.'). A question about an option
    ("México?"), or a label ('- "Estava descendo a escada":'), is judged by the sentence after it: it is ruled out
    unless that sentence keeps it ("Sim, ...").

    ``named``: the positions and letters of the options the commitment stage found named and not chosen. A letter
    named in the closing sentences leaves the reading to the other stages, unless it is ruled out there (its
    position in ``rejected``: '"Nenhuma" (C) também não, porque ainda sobra uma que se encaixa: ...'). A sentence
    that names a letter is about that option, whatever words of another it uses; a question about two options ("A
    escola ou a biblioteca? Não.") is about both.

    >>> options = ["Ele foi demitido.", "Nenhuma das alternativas acima.", "Ele ia começar num emprego novo.",
    ...            "Ele entregava material para uma faculdade de medicina."]
    >>> survivor("Entregar material para a faculdade? Nada indica isso. Emprego novo? Também não. E 'nenhuma' não "
    ...          "cabe. Sobra a outra.", options, ("A", "B", "C", "D"), [])
    'A'
    """
    body = text.strip()
    starts = [0, *(end.end() for end in _PIECE_END.finditer(body))]
    pieces = _PIECE_END.split(body)
    closing = next((index for index in range(len(pieces) - 1, -1, -1) if _LEFTOVER.search(pieces[index])), None)
    # (short words of assent after it close nothing new: "Mas sobra: a pessoa passou o fim de semana acampada. É essa.")
    last = len(pieces)
    while last > 1 and len(pieces[last - 1].split()) <= _ASSENT_WORDS and not _LEFTOVER.search(pieces[last - 1]):
        last -= 1
    if closing is None or closing < last - 2:
        return None
    offset = len(text) - len(text.lstrip())
    closing_start = offset + starts[closing]
    if any(start >= closing_start and start not in rejected for start, _ in named):
        return None
    none_letter = none_of_the_above(options, letters)
    meanings_ = [
        [] if letter == none_letter else meanings(option) for option, letter in zip(options, letters, strict=True)
    ]
    weights = _weights(meanings_)
    option_stems = [
        frozenset() if letter == none_letter else frozenset(stem(word) for word in norm(option).split())
        for option, letter in zip(options, letters, strict=True)
    ]
    ruled = {letter for _, letter in named}
    answered = False  # the sentence that judges a question or a label is about no option of its own
    for index, piece in enumerate(pieces[:closing]):
        if answered and not piece.rstrip().endswith("?"):  # ("Táxi? Ônibus? Carona?": questions in a row)
            answered = False
            continue
        answered = False
        piece_start = offset + starts[index]
        if any(piece_start <= start < piece_start + len(piece) for start, _ in named):
            # "a A trata de ... não tem relação com os vídeos": about A, not about the videos' option; and the
            # sentence that answers a question about a letter ("Ganhou uma peruca (D)? Não, ...") judges that letter
            answered = piece.rstrip().endswith(("?", ":")) and index + 1 < closing
            continue
        if none_letter is not None and _NONE_OPENING.match(piece):
            chosen = [letters.index(none_letter)]
        else:
            parts = _EITHER.split(piece) if piece.rstrip().endswith("?") else [piece]
            chosen = []
            for part in parts:
                found = _described(part, meanings_, weights, option_stems)
                found = _named_by_its_words(part, option_stems) if found is None else found
                chosen.extend([found] if found is not None else _quoted_options(part, option_stems))
            # 'E não faz sentido marcar "nenhuma" quando ainda resta uma opção': the "none" option quoted
            if none_letter is not None and _NONE_QUOTED.search(piece):
                chosen.append(letters.index(none_letter))
        if not chosen:
            continue
        judged_after = piece.rstrip().endswith(("?", ":"))
        answered = judged_after and index + 1 < closing
        following = pieces[index + 1]  # (the closing one at the latest)
        if judged_after:
            if not _KEPT.match(following):
                ruled.update(letters[one] for one in chosen)
        elif _RULING_OUT.search(piece) or (len(following.split()) <= 3 and _RULING_OUT.search(following)):
            ruled.update(letters[one] for one in chosen)  # '"Porque tem que passar o dia em aula" → ... Fora.'
    left = set(letters) - ruled
    if len(left) == 1 and ruled <= set(letters):
        return left.pop()
    # The closing describes the one option left: "O que sobra é a que fala dela dar uma relaxada", or the sentence
    # after its colon does ("ainda sobra uma que se encaixa: os vinte e cinco centímetros foram para a doação").
    # (from its word of what is left on: in '"Nenhuma" só valeria se nada servisse — mas sobra uma que serve: ...' the
    # option quoted before "sobra" is not the one left)
    leftover = _LEFTOVER.search(pieces[closing])
    closing_text = pieces[closing][leftover.start() if leftover else 0 :]
    if closing_text.rstrip().endswith(":"):
        closing_text = " ".join([closing_text, *pieces[closing + 1 : closing + 2]])
    described = _described(closing_text, meanings_, weights) if closing else None  # (after an elimination)
    return letters[described] if described is not None and letters[described] in left else None

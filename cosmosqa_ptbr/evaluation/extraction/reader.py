"""The extractor: the stages in order, and stage 5, the outcomes that yield no letter.

:func:`extract_answer` runs :func:`~.clean.clean`, then :func:`~.structured.structured_answer`, then
:func:`read_answer` on what is left: a lone letter, then options named by the option beside them
(:func:`~.option_text.name_neighbours`), by position (:mod:`.ordinals`) or by a description of what they say
(:func:`~.option_text.name_descriptions`), then
commitments (:mod:`.commitments`; "None of the above." opening the reply names the "none" option whatever letters
its reasons name), then the survivor of an elimination closed on "the one left" (:func:`~.option_text.survivor`),
then option text (:mod:`.option_text`; in an elimination, not what is said of a rejected letter;
under option labels listed on lines of their own, only what stands before them), then the invalid outcomes.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from itertools import pairwise
from typing import Final

from .clean import clean, norm, strip_markup, unwrap
from .commitments import (
    Mention,
    goes_through_the_options,
    hedge_ends,
    indecision_ends,
    loose_letters,
    mentions,
    patterns,
    rival_verdicts,
)
from .option_text import (
    name_descriptions,
    name_neighbours,
    none_of_the_above,
    none_said_first,
    paraphrased_letter,
    quoted_letter,
    survivor,
)
from .ordinals import name_ordinals
from .rules import Extraction, check_options, item_letters
from .structured import structured_answer
from .vocabulary import alternation, fold, numbers, words

__all__ = ["extract_answer", "read_answer"]

_LETTER_ONLY: Final = re.compile(r"^(?:[\s(\[\"'*→➡⇒]|[-=]>)*(?P<l>[A-Za-z])[\s)\]\"'*.:;!,\-–]*$")
# "não consigo afirmar", "não dá para saber", "I cannot tell": saying one cannot decide.
# (not a double negation: "Não há como não marcar a que diz que nenhuma serve" chooses)
_UNABLE_TO_DECIDE: Final = (
    rf"\b{alternation(words('unable'))}\s+(?!(?:não|nao|not)\b)(?:\w+\s+){{0,2}}?{alternation(words('decide_verbs'))}"
)
_REFUSAL: Final = re.compile(
    rf"{_UNABLE_TO_DECIDE}"
    rf"|\b{alternation(words('refusals'))}\b"
    rf"|\b{alternation(words('none_of_the_above'))}\s+(?:\w+\s+)?{alternation(words('none_correct'))}",
    re.IGNORECASE,
)
# "Por isso, prefiro não escolher nenhuma das alternativas": every option refused, not "none of the above" chosen.
_EVERY_OPTION_REFUSED: Final = re.compile(
    rf"{_UNABLE_TO_DECIDE}\s+{alternation(words('none_of_the_above'))}", re.IGNORECASE
)
_OPENS_REFUSING: Final = re.compile(rf"^\W*{alternation(words('refusals'))}\b", re.IGNORECASE)
_ELIMINATING_OPENING: Final = re.compile(rf"^\W*{alternation(words('eliminating'))}\s*[:,—–-]", re.IGNORECASE)
_LEFT_OVER: Final = re.compile(rf"\b{alternation(words('leftovers'))}\b", re.IGNORECASE)
# "C, porque ...\n\nHmm, na verdade, relendo: ... então talvez ele tenha achado o aparelho e aí o": a correction
# opened after the last choice, in a reply broken off before it names another.
_RECONSIDERING: Final = re.compile(
    rf"^[ \t]*(?:hmm+[\s,.]*)?{alternation(words('corrections'))}\b", re.IGNORECASE | re.MULTILINE
)
_CUT_AFTER_A_CONTRAST: Final = re.compile(
    rf"\b{alternation(words('contrasts'))}\b[ \t,]*(?:(?:a|o|the)[ \t]+)?(?-i:[A-Z])\Z", re.IGNORECASE
)
# "Ah, vou de D, sei lá, com pouca confiança": a shrug right after the letter chosen keeps it, tentatively.
_SHRUG_AFTER_A_LETTER: Final = re.compile(
    rf"(?<![\w'’])(?-i:[A-Z])[ \t]*,[ \t]*{alternation(words('shrugs'))}\Z", re.IGNORECASE
)
# A shrug that closes the reasons of the reply's letter, a filler: "... letra A. tipo o amor cresce e tem cheiro bom
# sei lá rs".
_SHRUG_CLOSING_REASONS: Final = re.compile(
    rf"[^\W\d_]{{2,}}[ \t,]+{alternation(words('shrugs'))}[ \t.!]*(?:rs+|k{{2,}})?[ \t.!]*\Z", re.IGNORECASE
)
_SET_ASIDE_COUNTED: Final = re.compile(
    rf"\b{alternation(words('set_aside_counted'))}\s+(?P<count>{alternation(numbers('cardinals'))}|\d)\b",
    re.IGNORECASE,
)
# Letters set aside in a list, each with its reasons in brackets, before the words of what is left: "Tirando A (...),
# C (...) e D (...), só resta uma."
_ASIDE_ITEM: Final = r"(?:(?:a|o|the)\s+)?(?-i:[A-Z])\b(?:\s*\([^()\n]{0,200}\))?"
_SET_ASIDE_LIST: Final = re.compile(
    rf"\b{alternation(words('setting_aside'))}\s+(?P<list>{_ASIDE_ITEM}"
    rf"(?:\s*(?:,|\b{alternation(words('conjunctions'))}\b)\s*{_ASIDE_ITEM})*)\s*[,;:—–]",
    re.IGNORECASE,
)
_BRACKETED: Final = re.compile(r"\([^()]*\)")
# The question said again: "Para que ...", "Por que ...", "Qual ..." (not "Porque ...", which answers it).
_RESTATED_QUESTION: Final = re.compile(
    rf"^\W*{alternation(w for w in words('question_words') if fold(w) != 'porque')}\b", re.IGNORECASE
)
_TWO_WEIGHED: Final = re.compile(
    r"\b(?:entre\s+)?(?:essas|estas|as)\s+duas\b|\bambas\b|\b(?:these|the)\s+two\b", re.IGNORECASE
)
_TEXT_UNCLEAR: Final = re.compile(
    r"\b(?:o\s+texto|the\s+(?:text|passage))\s+(?:não|nao|doesn['’]t|does\s+not)\b|\bn[ãa]o\s+d[áa]\s+(?:pra|para)\s+saber\b",
    re.IGNORECASE,
)
_UNABLE: Final = re.compile(rf"{_UNABLE_TO_DECIDE}\b", re.IGNORECASE)
_WORD: Final = re.compile(r"[^\W_]")
_CLAUSE_END: Final = re.compile(r"[.!?;\n]")
_BROKEN_OFF_IN_A_LIST: Final = re.compile(r"(?<![^\W_])[A-Z][ \t]*(?:,|[ \t](?:e|ou|and|or))[ \t]*\Z")
# A reply broken off while it weighs two letters or more: after a word that needs more ("..., então"), or at a
# letter joined to the one before ("... a A diria que nenhuma serve, e a C").
_NEEDS_MORE: Final = alternation(
    [*words("connectives"), *words("conjunctions"), *words("alternatives"), *words("conclusions")]
)
_BROKEN_OFF: Final = re.compile(
    # (or at "se", "whether": "A questão é se '...' conta como inferência válida ou se")
    rf"(?:\b(?:{_NEEDS_MORE}|se|whether|if)"
    # (or at a letter it was about to weigh: "I want to double-check whether B")
    r"|\b(?:e|ou|and|or|whether|if|se)[ \t]+(?:(?:a|o|the)[ \t]+)?[A-Z])[ \t]*\Z"
)
# Two options left by an elimination ("Restam C e D", "Sobram a B e a C"), and a reply that ends a sentence.
_TWO_LEFT: Final = re.compile(
    rf"\b{alternation(words('leftovers'))}\s+(?:(?:a|o|as|os|the)\s+)?(?-i:[A-Z])\s*(?:,|\be\b|\band\b|\bou\b|\bor\b)\s*"
    r"(?:(?:a|o|the)\s+)?(?-i:[A-Z])\b",
    re.IGNORECASE,
)
_ENDS_A_SENTENCE: Final = re.compile(r"[.!?)\]\"'”*`]\s*\Z")
# A reply broken off in a word, mid-sentence ("... A — perceber o quanto gosta de casa foi consequência, não").
_BROKEN_OFF_IN_A_WORD: Final = re.compile(r"[^\W\d_]\Z")
# A contrast opened after the letter chosen, in a reply broken off before it says what it sets against it: "A D diz
# que bolinhas claras aparecem melhor contra o branco, mas isso".
_CONTRAST_OPENED: Final = re.compile(
    rf"[^.!?;\n]*\b{alternation(words('contrasts'))}\b[^.!?;\n]{{0,60}}\Z", re.IGNORECASE
)
# A guess ("Acho que é a A, ..."), and another letter granted in the conditional after it ("... a C também poderia
# ser."), which leaves the guess the choice.
_GUESSED_BEFORE: Final = re.compile(
    rf"\b{alternation(words('preambles'))}\s+{alternation(words('doubt_verbs'))}\s+"
    rf"(?:{alternation(words('letter_articles'))}\s+)?\Z",
    re.IGNORECASE,
)
_GRANTED_ALSO: Final = re.compile(rf"\b{alternation(words('granted_also'))}\s*[.!]?\s*\Z", re.IGNORECASE)
_TABLE_ROW: Final = re.compile(r"^[ \t]*\|.*\|[ \t]*$", re.MULTILINE)
# An option's text judged on its own line: "A) Fica longe de Issaquah — falso, fica a menos de 10 milhas."
_JUDGED_WRONG: Final = re.compile(rf"(?:[—–:(]|\s-)\s*{alternation(words('wrong_words'))}\b", re.IGNORECASE)
_LINE_START: Final = re.compile(r"(?:^|\n)[ \t]*(?:[-*•][ \t]*)?[(\[*]*\Z")
# A reply broken off where it was to give its answer: "Pesando tudo, a resposta correta é a", "The answer is".
_BROKEN_OFF_AT_THE_ANSWER: Final = re.compile(
    rf"(?:\b{alternation(words('answer_nouns'))}(?:\s+{alternation(words('answer_qualifiers'))})?"
    # (or at "o certo seria", "a correta é")
    rf"|\b{alternation(words('the_right_one'))})\s+"
    # (a copula in doubt too: "Então talvez a resposta certa seja")
    # (or between two it never names: "Então a resposta fica entre")
    rf"{alternation([*words('copulas'), *words('doubt_verbs')])}"
    rf"(?:\s+{alternation([*words('letter_articles'), *words('between')])})?\s*\Z"
    # (or at what is left: "Então o que sobra é")
    rf"|\b{alternation(words('leftovers'))}\s+{alternation(words('copulas'))}"
    rf"(?:\s+{alternation(words('letter_articles'))})?\s*\Z"
    # (or as it took a letter back for another: "Então não é a C, é")
    rf"|\bn[ãa]o\s+(?:é|seria)\s+(?:{alternation(words('letter_articles'))}\s+)?[A-Z][ \t]*,[ \t]*(?:é|seria|mas)"
    r"[ \t]*\Z"
    # (or at the answer's key, its value never written: '{"raciocinio": "...",\n  "resposta":')
    rf"|\b{alternation(words('answer_nouns'))}[\"']?\s*:\s*[\"']?\s*\Z",
    re.IGNORECASE,
)


def _without_clauses(text: str, starts: Sequence[int]) -> str:
    """``text`` without the sentences (or lines) that hold the positions ``starts``."""
    kept: list[str] = []
    begin = 0
    for end in [m.end() for m in _CLAUSE_END.finditer(text)] + [len(text)]:
        if begin < end and not any(begin <= start < end for start in starts):
            kept.append(text[begin:end])
        begin = end
    return "".join(kept).strip()


#: How many options said whole, without their letters, make a reply an echo of the list.
ECHOED_OPTIONS: Final = 3


def _echoes_the_options(text: str, options: Sequence[str]) -> bool:
    """Whether ``text`` says :data:`ECHOED_OPTIONS` or more of the options whole, as a small model repeats the list
    without its labels ("Ele vai assistir? Nenhuma das alternativas acima. Não, ele não gosta ... Sim, ...")."""
    said = f" {norm(text)} "
    normed = [norm(option) for option in options]
    whole = [f" {option} " for option in normed if len(option.split()) >= 2]
    return sum(option in said for option in whole) >= min(ECHOED_OPTIONS, len(options))


def _rejected(found: Sequence[Mention]) -> set[int]:
    """Where the letters ruled out stand."""
    return {m.start for m in found if m.kind == "reject"}


def _in_an_option(text: str, end: int, options: Sequence[str] | None) -> bool:
    """Whether the words before ``end`` are an option's own ("Porque estava em cima do muro com o O."), not the
    reply's."""
    said = " ".join(norm(text[max(0, end - 60) : end]).split()[-4:])
    return bool(said) and options is not None and any(f" {said} " in f" {norm(option)} " for option in options)


def _last_sentence(text: str) -> int:
    """Where the last sentence (or line) of ``text`` begins."""
    return max((m.end() for m in _CLAUSE_END.finditer(text.rstrip(" \t\n.!?"))), default=0)


def _one_weighed_is_ruled_out_after(end: int, found: Sequence[Mention]) -> bool:
    """Whether the two letters a hedge ending at ``end`` weighs are settled after it, one of them ruled out ("Entre C
    e D, ... então a C também cai"): what is left is no longer in doubt."""
    weighed = {m.letter for m in found if end - 30 <= m.start < end}
    ruled_out = {m.letter for m in found if m.start >= end and m.kind == "reject"}
    return len(weighed) == 2 and len(weighed & ruled_out) == 1


def read_answer(
    answer: str, options: Sequence[str] | None, letters: tuple[str, ...], *, invented: bool = False
) -> Extraction:
    """Read a cleaned answer: a lone letter, commitments, option text, then the invalid outcomes.

    ``invented``: an echoed list had letters beyond ``letters`` (read as ``invalid_letter`` when nothing
    else is found).
    """
    if not _WORD.search(answer):  # only an echo of the prompt, or options of its own
        return Extraction(None, "invalid_letter" if invented else "no_answer")
    only = _LETTER_ONLY.match(answer)
    if only:
        letter = only["l"].upper()
        return Extraction(letter, "letter_only") if letter in letters else Extraction(None, "invalid_letter")

    p = patterns(letters)
    described = name_neighbours(answer, options, letters)
    described = name_descriptions(described, options, letters) if options is not None else described
    text, ordinal_spots = name_ordinals(described, letters)
    found = mentions(text, options, p)
    hedges = [end for end in hedge_ends(text, p) if not _one_weighed_is_ruled_out_after(end, found)]
    named = {m.letter for m in found} | loose_letters(text, p)
    if not named and options is not None and _echoes_the_options(text, options):
        return Extraction(None, "no_answer")  # the options said one after the other, without their letters
    # Indecision said of two letters is a hedge, and so is indecision said after the one letter named ("A resposta é
    # C. Não, espera... não sei qual é."); before it, it is the doubt the letter settles ("Não dá para saber — E.").
    first_named = min((m.start for m in found), default=len(text))
    # Without any letter, indecision in the last sentence leaves the options the reply weighed in words open
    # ("... até o 'nenhuma' poderia servir. Não consigo escolher com segurança."), and so does indecision between two
    # in the last sentence, one of them a letter or not ("... fico dividido entre essas duas e não sei qual").
    last_sentence = _last_sentence(text)
    # That the text does not tell is the reason for "none of the above", not doubt about it: "Resposta: C (Nenhuma das
    # alternativas acima). O texto não deixa claro o motivo do beijo".
    none_letter = none_of_the_above(options, letters) if options is not None else None
    hedges += [
        end
        for end in indecision_ends(text)
        if not (named == {none_letter} and _TEXT_UNCLEAR.search(text, max(0, end - 60), end))
        and not _in_an_option(text, end, options)
        and not (
            (_SHRUG_AFTER_A_LETTER.search(text, max(0, end - 20), end) or _SHRUG_CLOSING_REASONS.search(text, end - 20))
            and all(m.start < end for m in found)
        )
        and (
            len(named) >= 2
            or end > first_named
            or (
                end > last_sentence
                and (_TWO_WEIGHED.search(text, last_sentence) or not (named or _REFUSAL.search(text)))
            )
        )
    ]
    commits = [m for m in found if m.kind == "commit"]
    if _BROKEN_OFF_AT_THE_ANSWER.search(text[-120:]):
        return Extraction(None, "no_answer")  # the answer it was about to give is not there
    # "Restam C e D; "gosta de passear pelo shopping" tem": broken off while two options are left, before a choice
    # (or while it weighed one of them against something: "Restam C e D. A D diz que ... melhor, mas isso")
    broken_off = _BROKEN_OFF_IN_A_WORD.search(text) is not None
    left = _TWO_LEFT.search(text, max(0, len(text) - 300))
    chosen_after = [m for m in commits if left and m.start >= left.end()]
    if chosen_after and broken_off and _CONTRAST_OPENED.match(text, chosen_after[-1].start):
        chosen_after = []
    if chosen_after and broken_off and _CUT_AFTER_A_CONTRAST.search(text, max(0, len(text) - 40)):
        chosen_after = []  # "Sobram A e D. A afirma que ... Por outro lado, D": cut as it turned to the other one
    if left and not _ENDS_A_SENTENCE.search(text) and not chosen_after:
        return Extraction(None, "no_answer")
    # Broken off while it went on ruling letters out line by line ("C — não eram férias ...\nA — perceber o quanto
    # gosta de casa foi, não"): no choice.
    last = found[-1] if found else None
    if (
        broken_off
        and len(named) >= 2
        and not commits
        and last is not None
        and last.kind == "reject"
        and last.start > text.rfind("\n")
        and _LINE_START.search(text, 0, last.start)
    ):
        return Extraction(None, "no_answer")
    # A reply broken off in a list of letters ("Então ficamos entre a A e") never made the choice it began.
    if commits and _BROKEN_OFF_IN_A_LIST.search(text) and commits[-1].start >= len(text.rstrip()) - 8:
        return Extraction(None, "no_answer")
    # An elimination that closes on the one option left ("A: ... já se conheciam. C: ... D: ... Sobrou uma só.")
    # chose no letter it opened a line with.
    if commits and options is not None and all(m.by == "position" for m in commits):
        left = survivor(text, options, letters, [(m.start, m.letter) for m in found], _rejected(found))
        if left is not None:
            return Extraction(left, "final_answer")
    if _reconsidered_then_broken_off(text, commits, found, broken_off=broken_off):
        return Extraction(None, "no_answer")
    if commits:
        final = commits[-1]
        ruled_out_before = {m.letter for m in found if m.kind == "reject" and m.start < final.start} & set(letters)
        if (
            final.letter in ruled_out_before
            and len(ruled_out_before) == len(letters) - 1
            and final.start >= last_sentence
            and _LEFT_OVER.search(text, last_sentence)
        ):
            # "A não ...; C não ...; D inverte quem viu o celular de quem. Então o que sobra é a que diz que a pessoa
            # viu a mensagem no celular do amigo": what is left is the letter never ruled out, whichever option
            # the words of its description resemble most.
            (left,) = set(letters) - ruled_out_before
            return Extraction(left, "final_answer")
        # "Acho que é a A, mas honestamente a C também poderia ser": a choice said to be a guess, the other letter
        # granted in the conditional, stays the choice.
        granted = _GUESSED_BEFORE.search(text, max(0, final.start - 40), final.start) is not None
        if any(
            end > final.start and not (granted and _GRANTED_ALSO.search(text, max(0, end - 40), end + 30))
            for end in hedges
        ) or rival_verdicts(text, commits):
            return Extraction(None, "hedged")
        if final.letter not in letters:
            return Extraction(None, "invalid_letter")
        if final.start in ordinal_spots:
            return Extraction(final.letter, "ordinal")
        return Extraction(final.letter, "keyword" if len(named) == 1 else "final_answer")
    if hedges:
        return Extraction(None, "hedged")
    if options is not None:
        left = survivor(text, options, letters, [(m.start, m.letter) for m in found], _rejected(found))
        if left is not None:
            return Extraction(left, "final_answer")

    none_first = none_said_first(text, options, letters) if options is not None else None
    if none_first is not None:
        return Extraction(none_first, "option_text")

    rejected = {m.letter for m in found if m.kind == "reject"}
    if _ELIMINATING_OPENING.match(text) and _LEFT_OVER.search(text, last_sentence):
        # "Eliminando: a B diz ... A C ... A A fala de ... Só fica a que não risquei.": every letter the elimination
        # names before its closing sentence is one it rules out.
        rejected |= {m.letter for m in found if m.kind == "neutral" and m.start < last_sentence}
    rejected |= _counted_and_set_aside(text, found) | _set_aside_before_what_is_left(text, last_sentence)
    # A bare capital in passing ("tirou nota A no teste") is no answer; a named one is ("acho que a letra B").
    neutral = [m for m in found if m.kind == "neutral" and not m.bare and m.letter not in rejected]
    neutral_letters = {m.letter for m in neutral}
    in_range = neutral_letters & set(letters)
    single = len(in_range) == 1 and not (neutral_letters - in_range)
    # A reply going through the options, cut off at the next one's label or before any verdict, made no choice.
    walking = single and goes_through_the_options(text, letters, neutral[0].start)
    # (so is a letter only weighed, "A) Nenhuma das alternativas acima — só seria correta se ...", at a step of one)
    considered = [m for m in found if m.kind == "considered"]
    if not neutral and considered and len(considered) == len(found):
        walking = goes_through_the_options(text, letters, considered[0].start)
    step = neutral[0] if single else considered[0] if walking else None
    if single and not walking and len(named) >= 2 and _BROKEN_OFF.search(text):
        return Extraction(None, "no_answer")  # "Eliminando: ... D) ... o texto diz 'vai ficar tudo bem', então"
    if single and not walking:
        letter = in_range.pop()
        if any(m.start in ordinal_spots for m in neutral):
            return Extraction(letter, "ordinal")
        return Extraction(letter, "final_answer" if rejected else "keyword")
    if neutral_letters and not in_range:
        return Extraction(None, "invalid_letter")
    if (
        not neutral_letters
        and rejected
        and len(rejected & set(letters)) == len(letters) - 1
        and not _BROKEN_OFF.search(text)  # ("D também não, porque": cut off before it said what is left)
    ):
        # Every letter but one was ruled out, and the survivor is never named.
        (letter,) = set(letters) - rejected
        return Extraction(letter, "final_answer")

    if walking and step is not None:  # only what stands before the walk may state an answer, not its option lines
        text = answer = text[: text.rfind("\n", 0, step.start) + 1].strip()
        if not answer:
            return Extraction(None, "no_answer")
    labels = [m.start for m in found if m.kind == "listed" and m.by == "lines"]
    if len({m.letter for m in found if m.start in labels}) >= 2:
        # Option lines for several letters, each with a text under it, are a list whose texts are not the answer;
        # only what stands before it may state one ("Perem deixar que ... \n\nAlternativa A)\n...").
        text = answer = text[: text.rfind("\n", 0, min(labels)) + 1].strip()
        # (unless it is the question said again, as small models do before the list: "Para que estava fazendo ...")
        if not answer or (len(set(labels)) >= 3 and _RESTATED_QUESTION.match(answer)):
            return Extraction(None, "invalid_letter" if invented else "no_answer")
    if _walks_every_letter(text, found, letters):
        # "... alternativa A é o processo correu longe de mim.\n\n... alternativa B é ...": every letter in turn, a
        # line each and no verdict, is the list said in words of its own; only what stands around it may answer.
        before = text[: text.rfind("\n", 0, found[0].start) + 1]
        after = text.find("\n", found[-1].start)
        text = answer = (before + (text[after:] if after >= 0 else "")).strip()
        if not answer:
            return Extraction(None, "no_answer")
    # A reply that closes saying it cannot tell ("... Não consigo escolher com segurança.") refuses, whatever option
    # it quoted on the way.
    # (Not when that sentence is an option: "Não é possível saber pelo texto." may be the answer.) The text may have
    # been cut short above: its last sentence is found again.
    last_sentence = _last_sentence(text)
    if (
        not named
        and _UNABLE.search(text, last_sentence)
        and (
            options is None
            or quoted_letter(text[last_sentence:], options, letters) is None
            or _EVERY_OPTION_REFUSED.search(text, last_sentence)
        )
    ):
        return Extraction(None, "refusal")
    if not named and _OPENS_REFUSING.match(answer):
        return Extraction(None, "refusal")  # "Desculpe, mas não consigo responder ... nenhuma das opções parece bater"
    if options is not None:
        # In an elimination, what is said of a rejected letter ("A: não, ... C: não, eles tomaram café.") is no
        # statement of the answer.
        eliminated = [m.start for m in found if m.kind == "reject"] if len(named) >= 2 else []
        said = _without_clauses(text, eliminated) if eliminated else answer
        # A table that chose nothing leaves the choice to the prose around it: "... Coluna vencedora: a do velho amigo."
        said = _TABLE_ROW.sub("", said).strip() or said
        letter = quoted_letter(said, options, letters)
        if letter is not None and not _quoted_to_be_judged_wrong(said, letter, options, letters):
            return Extraction(letter, "option_text")
    # A refusal said outright outweighs the words it shares with an option ("Não é possível saber o que ele fez").
    if _REFUSAL.search(answer):
        return Extraction(None, "refusal")
    if options is not None:
        letter = paraphrased_letter(said, options, letters, letters_named=bool(named))
        if letter is not None:
            return Extraction(letter, "option_text")
    if invented:
        return Extraction(None, "invalid_letter")
    return Extraction(None, "no_answer")


def _closes_undecided(answer: str) -> bool:
    """Whether the last sentence of ``answer`` says it cannot decide ("Não consigo desempatar com segurança.")."""
    last_sentence = _last_sentence(answer)
    return any(end > last_sentence for end in indecision_ends(answer))


def _quoted_to_be_judged_wrong(said: str, letter: str, options: Sequence[str], letters: tuple[str, ...]) -> bool:
    """Whether every line that quotes ``letter``'s option judges it wrong ("A) Fica longe de Issaquah — falso"): the
    walk through the options that quotes it was cut before it chose, and the quote is no answer."""
    lines = [line for line in said.splitlines() if quoted_letter(line, options, letters) == letter]
    return bool(lines) and all(_JUDGED_WRONG.search(line) for line in lines)


def _walks_every_letter(text: str, found: Sequence[Mention], letters: Sequence[str]) -> bool:
    """Whether ``text`` names every letter once, in order, each on a line of its own, and judges none."""
    return (
        len(found) == len(letters) >= 2
        and [m.letter for m in found] == list(letters)
        and all(m.kind == "neutral" for m in found)
        and all("\n" in text[a.start : b.start] for a, b in pairwise(found))
    )


def _reconsidered_then_broken_off(
    text: str, commits: Sequence[Mention], found: Sequence[Mention], *, broken_off: bool
) -> bool:
    """Whether a line after the last choice opens a correction ("Hmm, na verdade, relendo: ...") and the reply breaks
    off in it before it names another letter: the choice was taken back and no other made."""
    if not commits or not broken_off or any(m.start > commits[-1].start for m in found):
        return False
    next_line = text.find("\n", commits[-1].start)
    return next_line >= 0 and _RECONSIDERING.search(text, next_line) is not None


def _set_aside_before_what_is_left(text: str, last_sentence: int) -> set[str]:
    """The letters a list sets aside in the sentence that closes on what is left ("Tirando A (...), C (...) e D (...),
    só resta uma."): the reply rules them out."""
    for aside in _SET_ASIDE_LIST.finditer(text, max(0, last_sentence - 1)):
        if _LEFT_OVER.search(text, aside.end()):
            return set(re.findall(r"(?-i:[A-Z])", _BRACKETED.sub("", aside["list"])))
    return set()


def _counted_and_set_aside(text: str, found: Sequence[Mention]) -> set[str]:
    """The letters listed together right before "tirando essas três" ("B, C e D são só trechos copiados do texto.
    Tirando essas três, ..."), when the count is theirs: the reply rules them out."""
    aside = _SET_ASIDE_COUNTED.search(text)
    if aside is None:
        return set()
    count = aside["count"]
    wanted = int(count) if count.isdigit() else numbers("cardinals")[fold(count.casefold())]
    listed: list[Mention] = []
    for mention in reversed([m for m in found if m.start < aside.start()]):
        if mention.kind != "listed":
            break
        listed.insert(0, mention)
    letters = {m.letter for m in listed}
    return letters if len(letters) == wanted == len(listed) else set()


def extract_answer(
    text: str, options: Sequence[str] | None = None, *, letters: Sequence[str] | str | None = None
) -> Extraction:
    """Read the answer letter from a model's output; see the package docstring for the rules.

    ``text``: the generated answer, or the whole decoded sequence (prompt included). ``options``: the item's
    option texts in letter order, to read answers given as text; ``None`` when unknown. ``letters``: the
    item's letters ("ABCDE"); by default the first ``len(options)`` letters of A-Z, or A-D without options.
    Raises ``TypeError`` when ``text`` is not a string and ``ValueError`` for malformed options or letters.
    """
    if not isinstance(text, str):
        message = f"extract_answer expects the generated text as a str, got {type(text).__name__}"
        raise TypeError(message)
    if options is not None:
        options = check_options(options)
    resolved = item_letters(options, letters)
    cleaned = clean(text, options, resolved)
    if not cleaned.wrote:
        return Extraction(None, "empty")

    def read_value(value: str) -> Extraction:
        return read_answer(strip_markup(unwrap(value)).strip(), options, resolved)

    structured = structured_answer(cleaned.reply, resolved, read_value, options)
    if structured is not None and structured.letter is not None and _closes_undecided(cleaned.answer):
        return Extraction(None, "hedged")  # a table, then "A e D ficaram empatadas ... Não consigo desempatar."
    if structured is not None and structured.rule != "hedged":
        return structured
    # A structure that marks two options (a table weighing them) leaves the choice to the text, which may make it.
    read = read_answer(cleaned.answer, options, resolved, invented=cleaned.invented)
    return structured if structured is not None and read.letter is None else read

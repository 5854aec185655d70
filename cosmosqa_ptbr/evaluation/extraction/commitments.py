"""Stage 3, commitments and verdicts: which letter the answer commits to.

Letters named by a letter word (``Alternativa``, ``Letra``, ``Opção``, ``Option``), by an answer keyword
(``Resposta:``, ``The answer is``, ``escolho``), decorated (``(B)``, ``B)``) or opening the answer are
*mentions*; :func:`mentions` judges each one:

- a mention followed by a verdict (``é a correta`` / ``está incorreta``), introduced by an answer keyword or a
  conclusion (``Portanto``, ``Therefore``, and tentative ones: ``Provavelmente B, porque ...``, ``acho q é a C``:
  one choice however unsure), or opening the answer (after a mark or an emoji too: ``✅ A``) is a *commitment*;
  the last commitment wins, so self-corrections and explanations that discuss every letter and then conclude are
  read right.
- A verdict belongs to the clause that names its letter: it runs to where the next letter's phrase begins, so
  in "A: errada. B: errada. C: correta." or "A ✗ B ✓" each verdict judges one letter. A verdict made
  conditional ("A seria correta *se* ...") or apparent only ("B *parece* correta à primeira vista, *mas* ...")
  is none.
- A negation rejects the letter it governs and no other ("Fico com a D, não com a A", "C rather than B"); a
  negated rejection is a verdict of right ("A D não está incorreta", "D isn't wrong"), and a negated rejecting verb
  rejects nothing ("Não descartaria a A"). A sentence that refers back ("; é a que faz mais sentido", ". It's the
  one") goes on judging the letter before it. A correction ("ou melhor",
  "quer dizer", "or rather") ends the clause of the letter before it and commits to the letter after it.
- An option noun with a relative clause of fit is an answer keyword: "a opção que melhor descreve o texto é a A",
  "the option that best fits the passage is B" (not "a alternativa que fala do trabalho é a C").
- Letters listed together ("A, B, C e D", "Alternativa A\\nAlternativa B", "B e C só repetem ...") share the
  verdict said of the whole list; without one, listing is no commitment. "Cada opção: A ..." goes through the
  options and names no answer.
- The Portuguese article *a/A* is not a letter: a lower-case letter counts only after a letter word or before
  punctuation, and "A" followed by a noun is the article. A bare capital said in passing is no answer; it
  counts when it opens the answer, closes it ("Na minha opinião, B."), or follows a conclusion. An option
  label the reply breaks off at ("... B) errada.\\nC) ") is no mention.

:func:`hedge_ends` finds where the answer weighs letters without choosing: "pode ser A ou C", "Alternativa C...
ou seria a A?", "B. Mas talvez seja a D", "A could also work", "tanto A quanto B", "entre B e C"; not letters a
quantifier of none governs ("nenhuma das alternativas A, C ou D menciona isso").
:func:`indecision_ends` finds "não sei dizer", "hard to tell": a hedge once two letters are named.

Every pattern is built from :mod:`.vocabulary` for the item's letters (:func:`patterns`), so nothing here
assumes A-D.

>>> [(m.letter, m.kind) for m in mentions("A: errada. B: correta.", None, patterns(("A", "B", "C", "D")))]
[('A', 'reject'), ('B', 'commit')]
>>> [(m.letter, m.kind) for m in mentions("Fico com a D, não com a A.", None, patterns(("A", "B", "C", "D")))]
[('D', 'commit'), ('A', 'reject')]
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from functools import cache
from typing import Final

from ...tasks import builtin_tasks, get_task
from .clean import under_elimination_header
from .vocabulary import (
    CROSS_MARKS,
    DENIED_DENIALS,
    EN,
    PT,
    TICK_MARKS,
    alternation,
    fold,
    gendered,
    is_none_of_the_above,
    words,
)

__all__ = [
    "Mention",
    "Patterns",
    "goes_through_the_options",
    "hedge_ends",
    "indecision_ends",
    "letter_class",
    "mentions",
    "patterns",
]

# The answer prefix each shipped task trains a model to write ("Alternativa B", "Option B") names a letter too.
_PREFIXES: Final = tuple(get_task(name).prompt.answer_prefix.lower() for name in builtin_tasks())
_STEMS: Final = alternation([*words("letter_words"), *_PREFIXES])
_LETTER_WORDS: Final = rf"{_STEMS}\b"
_ARTICLES: Final = alternation(words("letter_articles"))
_LIST_ARTICLES: Final = alternation(("a", "as", "o", "os", "the"))
_CONJUNCTIONS: Final = alternation(words("conjunctions"))
_COPULAS: Final = alternation(words("copulas"))
_RIGHT: Final = alternation(words("right_words"))
_WRONG: Final = alternation(words("wrong_words"))
_NEGATIVE_WORDS: Final = alternation([*words("wrong_words"), *words("dismissal")])

# What a relative clause of fit may open on besides an option's noun: "a que melhor descreve", "tem uma que explica".
_SUBJECTS_OF_A_FIT: Final = ("a", "o", "aquela", "aquilo", "the one", "uma")
# A verb of fit right after a letter ("B capta isso", "a A se apoia no texto"), and one that says nothing but fit.
_FIT_AFTER: Final = rf"[ \t]+(?:se[ \t]+)?{alternation(words('fits'))}\b"
_FIT_OUTRIGHT_AFTER: Final = rf"[ \t]+(?:se[ \t]+)?{alternation(words('fits_outright'))}\b"
# The words of what is left, of one option only ("sobra", not "sobram": "restam a B e a D" chooses neither).
_LEFT_ONE: Final = alternation(word for word in PT.leftovers if not word.endswith("m"))
# What may follow "só a C" without being a deed of its own: a negation, a copula, a list.
_ONLY_NOT_A_DEED: Final = alternation(
    [*words("plain_negations"), *words("copulas"), *words("conjunctions"), *words("after_only")]
)
# The qualifiers that make a superlative of any noun: "the most likely reason", "o motivo mais provável".
_SUPERLATIVE_EN: Final = tuple(q for q in EN.answer_qualifiers if q.startswith("most ") or q in ("best", "closest"))
_SUPERLATIVE_PT: Final = tuple(q for q in PT.answer_qualifiers if q.startswith(("mais ", "más ")))
_ANSWER_KEYWORD_HEAD: Final = (
    rf"(?<!each\s)(?<!every\s)\b(?:the\s+)?(?:{alternation(EN.answer_qualifiers)}\s+)?"
    rf"{alternation([*EN.answer_nouns, *EN.letter_words])}"
    # "the best option *here* is A"
    rf"(?:\s+(?:here|then|now))?(?:\s+{alternation(EN.copulas)}|\s*[:=]|\s*->)"
    # (not before a relative clause, read below: "A resposta que faz sentido é B")
    rf"|\b(?:minha\s+)?{alternation(PT.answer_nouns)}(?:\s+{alternation(PT.answer_qualifiers)})?(?!\s+(?:que|q)\s)"
    # (an adverb may follow the copula: "A resposta é claramente a C", "está justamente na 3ª alternativa")
    # "a resposta e a C", "resposta eh B": the copula of chat, unaccented, before a letter
    # (or the English one, in a reply that drifts: "A resposta is C — the temperature dropped")
    rf"(?:\s+(?:{alternation([*PT.copulas, 'is'])}\b|{alternation(PT.located_in)}(?=\s+(?:[^\W\d_]+mente\s+)?"
    rf"{alternation(PT.in_articles)}\s))(?:\s+[^\W\d_]+mente)?(?:\s+{alternation(PT.in_articles)})?"
    rf"|\s+(?:e|eh)(?=\s+(?:a\s+)?[A-Za-z](?![^\W_]))|\s*[:=]|\s*->|\s+-)?"
    # (or as a heading of its own, the letter on a line below: "### Alternativa correta\n\n`B` — é um documento ...")
    rf"|\b{_STEMS}s?\s+{alternation([*PT.answer_qualifiers, 'correct', 'right'])}"
    rf"(?:\s+{_COPULAS}|\s*[:=]|\s*->|[ \t]*(?=\n\s*(?-i:[A-Z])(?![^\W_])))"
    rf"|\b{alternation(words('the_right_one'))}\s+{alternation(('é', 'seria', 'is'))}"
    # any noun the likeliest: "The most likely reason is C — ...", "O motivo mais provável é C"
    rf"|\bthe\s+{alternation(_SUPERLATIVE_EN)}\s+[^\W\d_]+\s+{alternation(EN.copulas)}"
    rf"|\b(?:o|a)\s+[^\W\d_]+\s+{alternation(_SUPERLATIVE_PT)}\s+{alternation(PT.copulas)}"
    # "Opção: B" (or "alternativa ....... C") names the answer; "Analisando cada opção: A diz ..." goes through them
    rf"|(?<!cada\s)(?<!each\s)(?<!toda\s)(?<!every\s)\b{_LETTER_WORDS}\s*(?:[:=]|\.{{3,}}|…+)"
    rf"|\b(?:a\s+)?{alternation(PT.best)}\s+(?:{_STEMS}|{alternation(PT.answer_nouns)}|escolha)\s+{_COPULAS}"
    # a word of choosing whole: "boto", not the "Boto" of "Botox"
    rf"|\b{alternation(words('choosing'), adverb=True)}\b"
    # "a opção que melhor descreve o texto é a A", "the option that best fits the passage is B", "O que explica a
    # surpresa é a A: ..."
    # (or "uma": "C some porque tem uma que explica bem: a D, ...")
    rf"|\b{alternation([*words('letter_words'), *words('answer_nouns'), *_SUBJECTS_OF_A_FIT])}\s+"
    rf"{alternation(words('relatives'))}\s+"
    rf"(?=(?:[^\W\d_]+\s+){{0,3}}?{alternation(words('fits'))}\b)"
    # (or a colon after its last word: "há uma alternativa que bate exatamente com o relato: a E, ...")
    rf"(?:(?:[^\W\d_]+[ \t]+){{1,8}}?{alternation([*PT.copulas, *EN.copulas])}(?=\s)"
    rf"|(?:[^\W\d_]+[ \t]+){{0,8}}?[^\W\d_]+[ \t]*:(?=[ \t]))"
    # "É a B.", "so it's C", "gente é a D né", "... ué 🍫 é a B" (a symbol or an emoji ends a sentence of chat)
    rf"|(?:^|(?<=[.!?,;:\n—–])|(?<=[^\w\s\"'“”‘’()\[\]*_-]\s))\s*"
    rf"(?:(?:and|but|so|e|mas|então|{alternation(words('interjections'))})[\s,]+)?"
    # (an adverb may follow: "é claramente a A, elas quase nunca pegam sol")
    # (or "it's obviously C", not "it's hardly C")
    rf"{alternation(words('sentence_copulas'))}"
    rf"(?:[ \t]+(?:[^\W\d_]+mente|(?!(?:hardly|barely|scarcely)\b)[^\W\d_]+ly))?(?=\s)"
    # "team building msm kkkk é a C fácil": "é a" before a lone capital names the answer after any words of its own
    # sentence, but not after a relative clause ("a que fala da casa é a A", "o que é a A") or a negation
    rf"|(?:^|(?<=[.!?,;:\n—–]))(?:(?!\bque\b)[^.!?,;:\n]){{0,60}}?"
    # (an adverb after it too: "pô isso é claramente a A, vírus passa ...")
    rf"(?<![^\W\d_])(?<!não\s)(?<!nao\s)(?<!nem\s)é(?:[ \t]+[^\W\d_]+mente)?"
    rf"(?=\s+a\s+(?-i:[A-Z])(?![^\W_])(?!\s+(?:e|ou|and|or)\s))"
    # and a lower-case letter that is no Portuguese word, closing its clause or followed by its reason: "kkkkk obv q é a
    # d, relatable demais", "essa é a c pq ela n consegue"
    rf"|(?<![^\W\d_])(?<!não\s)(?<!nao\s)(?<!nem\s)(?<!que\s)é(?=\s+a\s+(?-i:[b-df-np-z])"
    rf"(?:[ \t]+{alternation(words('chat_tags'))})?"
    rf"(?:[ \t]*(?:[,.!?\n]|\Z)|[ \t]+{alternation(words('reason_words'))}\b))"
    # "Mais provável B do que C", "more likely C than D", and the label of a verdict: "Mais provável: A"
    rf"|\b(?:mais\s+(?:prov[áa]vel|plaus[íi]vel)|more\s+likely|more\s+plausible)(?=\s+[A-Z]\s+(?:do\s+que|than)\b)"
    rf"|(?:^|(?<=\n))[ \t]*(?:(?:a|o|the)\s+)?(?:mais\s+(?:prov[áa]vel|plaus[íi]vel)|most\s+likely|most\s+plausible)"
    rf"(?=[ \t]*:)"
    # a superlative said of an option without its noun: "A mais simples e fiel ao texto é a D", and the only one:
    # "A única que conversa com o apelido é a B", "The only one that fits the story is C"
    rf"|(?:^|(?<=[.!?,;:\n]))\s*(?:a|o)\s+mais\s+(?:[^\W\d_]+[ \t]+){{1,6}}?{alternation(words('copulas'))}(?=\s)"
    rf"|(?:^|(?<=[.!?,;:\n]))\s*(?:(?:a|o)\s+únic[ao]|the\s+only\s+one)\s+(?:que|that|which)\s+"
    rf"(?:[^\W\d_\s]+[ \t,\"“”-]+){{1,10}}?(?:é|seria|is)(?=\s)"
    # the letter that opens its clause with a verb of fit, or said to be the only one that fits: "B capta isso; C e D,
    # não.", "Só a A se apoia no que está escrito", "Only C fits the ending"
    rf"|(?:^|(?<=[.!?\n]))[ \t]*(?=(?-i:[B-D]){_FIT_AFTER})"
    rf"|(?<=[,;—–])[ \t]*(?=(?:a|o|the)[ \t]+(?-i:[A-E]){_FIT_OUTRIGHT_AFTER})"
    # (after a comma too, and whatever it does that the others do not: "Das três, só a C encara o problema de frente")
    rf"|(?:^|(?<=[.!?;:,\n—–(]))[ \t]*(?:só|somente|apenas|only)[ \t]+"
    rf"(?=(?:(?:a|o|the)[ \t]+)?(?-i:[A-E])(?:{_FIT_AFTER}|[ \t]+(?!{_ONLY_NOT_A_DEED}\b)[^\W\d_]{{3,}}\b))"
    rf"|[→➡⇒]|=>"
    # what is left, said of one letter: "O que sobra é a C — sem a corrida, ...", "Sobra a B, que ..."
    rf"|\b{_LEFT_ONE}(?:\s+{alternation(PT.copulas)})?(?=\s+(?:a|o)\s+(?-i:[A-E])(?![^\W_]))"
)
_ANSWER_KEYWORD: Final = re.compile(
    rf"(?:{_ANSWER_KEYWORD_HEAD})\s*[:,\-–]?\s*"
    # ("se for pra escolher uma, D: ...")
    rf"(?:(?:uma|one)[ \t]*,[ \t]*)?"
    # An article only before a letter word or a lone letter on its line: in "I'd go with A instead" the "A" is the
    # letter, and so is the "A" of "Resposta: A\n\nO livro ...".
    # (Not before a lower-case "e", "a" or "o": in "Vou com A e não com D" the "A" is the letter, "e" a conjunction.)
    rf"(?:{_ARTICLES}[^\S\n]+(?={_LETTER_WORDS}|[(\[\"']?(?-i:(?![aeo][^\w(\[]))[A-Za-z](?![^\W_])))?"
    # ("a afirmativa correspondente à D", "a opção de letra C")
    rf"(?P<word>{_LETTER_WORDS}\s*[:\-]?\s*(?:(?:correspondente|referente)\s+(?:à|a|ao)\s+|de\s+)?(?:letra\s+)?)?"
    rf"(?P<open>[(\[\"'])?"
    rf"(?P<l>[A-Za-z])",
    re.IGNORECASE,
)
# Not the "errado" of "dar errado", "to go wrong": "com tanta coisa dando errado no parque".
_NOT_GOING_WRONG: Final = "".join(rf"(?<!{form}\s)" for form in ("dando", "deu", "dar", "dá", "deram", "dava", "daria"))
# Group 1: a word of rejection, which a negation before it undoes ("não contradiz", "not wrong").
_NEGATIVE: Final = re.compile(
    rf"\b{_NOT_GOING_WRONG}({_NEGATIVE_WORDS})\b|\b{alternation(words('negative_predicates'))}\b"
    rf"|\b{alternation(words('no_words'))}\s*(?:[.,;:!]|$)|[{CROSS_MARKS}]",
    re.IGNORECASE,
)
_NEGATED_BEFORE: Final = re.compile(
    rf"\b(?:{alternation(words('negations'))}|isn['’]?t|doesn['’]?t|don['’]?t)(?:\s+(?:é|está|is|are|be))?\s*\Z",
    re.IGNORECASE,
)
# "a C é a que o texto sustenta", "B is the one that fits": the letter called the one that fits, right after it
# (not "a que mais erra", nor a fit denied or lessened: "a que não sustenta", "a que menos faz sentido").
_CALLED_THE_FIT: Final = re.compile(
    rf"^[ \t]*(?:é|seria|is)[ \t]+(?:a|o|the)[ \t]+(?:que|one[ \t]+that)[ \t]+"
    rf"(?:(?!{alternation([*words('plain_negations'), 'menos', 'not', 'least'])}\b)[^\W\d_]+[ \t]+){{0,3}}?"
    rf"{alternation([fit for fit in words('fits') if fit not in ('mais', 'most')])}\b",
    re.IGNORECASE,
)
# "D é a minha resposta", "B is my answer": the letter called the answer right after it.
_CALLED_THE_ANSWER: Final = re.compile(
    rf"^[ \t]*(?:é|seria|is|will\s+be)[ \t]+(?:(?:a|the)[ \t]+)?(?:(?:minha|my)[ \t]+)?"
    rf"{alternation([*words('answer_nouns'), 'answer', 'choice'])}\b(?![ \t]+(?:errada|incorreta|wrong))",
    re.IGNORECASE,
)
_WRONG_AFTER: Final = re.compile(rf"\s+(?:{_NEGATIVE_WORDS})\b", re.IGNORECASE)
_NEGATION_NEAR: Final = re.compile(rf"\b(?:{alternation(words('negations'))}|{_WRONG})\b|\bisn'?t\b", re.IGNORECASE)
# (not the "certo" of "dar certo", "to work out": "a B é outra tarefa, que nem deu certo")
_POSITIVE: Final = re.compile(
    rf"\b{_NOT_GOING_WRONG}{alternation([*words('right_words'), *words('praise')])}\b|[{TICK_MARKS}]", re.IGNORECASE
)
_CONCLUSION: Final = re.compile(rf"\b{alternation(words('conclusions'))}\b", re.IGNORECASE)
# "então não pode ter sido o motivo da ida (C)": a conclusion that denies the letter it names.
_NEGATED_COPULA: Final = re.compile(
    r"\b(?:não|nao)\s+(?:pode\s+(?:ter\s+sido|ser)|poderia\s+ser|é|seria|foi|era)\b"
    r"|\b(?:cannot|can't|can\s+not|couldn't|isn't|wasn't)\s+(?:have\s+been\s+|be\s+)?"
    r"|\b(?:is|was|would|could)\s+not\b",
    re.IGNORECASE,
)
_NEGATING_PREFIX: Final = re.compile(
    rf"\b{alternation(words('rejecting'))}\s+(?:(?:a|o|the)\s+)?(?:\w+\s+)?$",
    re.IGNORECASE,
)
# A rejecting word right before a letter opens its phrase: "Resposta: C — descartadas A e D" does not judge C.
_REJECTING_BEFORE: Final = re.compile(
    rf"\b{alternation(words('rejecting'))}[ \t]+(?:(?:a|o|as|os|the)[ \t]+)?\Z", re.IGNORECASE
)


def _rejected_by_verb(before: str) -> bool:
    """Whether the clause before a letter ends in a verb that rejects it ("descartamos a D"); a negated one ("não
    descartaria a A", "I would not rule out C") rejects nothing."""
    match = _NEGATING_PREFIX.search(before)
    return match is not None and not _NEGATED_BEFORE.search(before, 0, match.start())


# A verdict made conditional ("seria correta se ...", "would only be right if") or apparent only ("parece
# correta à primeira vista, mas ..."): no verdict at all.
_IF: Final = alternation(("se", "caso", "if"))
_CONDITIONAL: Final = re.compile(
    rf"\b(?:{_RIGHT}|{alternation(words('praise'))})\s+(?:\w+\s+){{0,2}}?{alternation(words('conditionals'))}\b"
    rf"|\bs[óo]\s+(?:seria|estaria|valeria)\b|\bwould\s+only\s+be\b",
    re.IGNORECASE,
)
_APPEARANCE: Final = re.compile(rf"\b{alternation(words('appearance'))}\b", re.IGNORECASE)
_CONTRAST: Final = re.compile(rf"\b{alternation(words('contrasts'))}\b", re.IGNORECASE)
_CLAUSE_SPLIT: Final = re.compile(
    rf"[(,;]?\s*\b{alternation(words('others'))}\b"
    rf"|,\s*(?:{alternation(words('contrasts'))}|{_CONJUNCTIONS}|{alternation(words('reason_words'))}|enquanto|while|já"
    rf"|{alternation(words('reported'))})\b"
    rf"|\s+{alternation(('mas', 'but'))}\s+"
    # a colon after the clause's own words opens its reasons: "A B não está errada: não querer pagar ..."
    rf"|(?<=[^\W\d_]{{2}}):\s+",
    re.IGNORECASE,
)
_SENTENCE_END: Final = re.compile(r"[.!?;\n](?:\s|$)|\n")
# A face closes the clause of chat that judges a letter: in "Resposta: C 😈 nível Angelus não é brincadeira" the
# negation is said of something else (a tick or a cross after the letter is its verdict, read before).
_VERDICT_END: Final = re.compile(
    rf"[.!?;\n](?:\s|$)|\n|(?<=\s)(?![{TICK_MARKS}{CROSS_MARKS}])[\U0001F600-\U0001F64F\U0001F910-\U0001F92F\U0001F970-\U0001F97A]"
)
# "é essa", "é ela", "é isso": a phrase that points back at the letter named before it.
_IS_THE_ONE: Final = r"(?:é|eh)[ \t]+(?:essa|esta|ela|isso)"
# A sentence that only points back at the letter before it: "... a E, formatura. É essa.", "C. É ela mesmo!".
_POINTED_AT: Final = re.compile(
    rf"[ \t]*{_IS_THE_ONE}(?:[ \t]+(?:mesmo|msm|aí|aqui))?(?:[.!]+(?=\s|\Z)|[ \t]*(?:\n|\Z))", re.IGNORECASE
)
# The sentence after a letter's that names no letter and closes on pointing back at it: "... a D. Aliás, nem deveria
# cogitar descartar: é ela." (a sentence or reasons naming none may follow: "... a D... na verdade, é ela. Não vejo
# outra.", "... é ela: começaria a ler e largaria no meio.")
_NAMING_NO_LETTER: Final = r"(?:(?!(?-i:[A-E])(?![\w'’]))[^\n])"
_POINTED_AT_LATER: Final = re.compile(
    rf"(?:(?!(?-i:[A-E])(?![\w'’]))[^\n.!?]){{0,100}}?[:—–,][ \t]*{_IS_THE_ONE}(?:[ \t]+mesmo)?"
    rf"[ \t]*(?:[.!:—–]+{_NAMING_NO_LETTER}{{0,80}})?[ \t]*(?:\n|\Z)",
    re.IGNORECASE,
)
# The sentence after a letter asked that closes on saying it is the one: "D? o cara dirige suave, é isso."
_CONFIRMED_AFTER_THE_QUESTION: Final = re.compile(
    rf"[^.!?\n]{{0,80}}?(?:,[ \t]*|[ \t]+){_IS_THE_ONE}(?:[ \t]+(?:mesmo|msm|aí))?[ \t]*(?:[.!,;\n]|\Z)",
    re.IGNORECASE,
)
_REFERRING_BACK: Final = re.compile(rf"[ \t]*{alternation(words('referring_back'))}\b", re.IGNORECASE)
# (without the comma too when the words are many: "B sem dúvida", "La C, sin duda"; not before a negation)
_AFFIRMED_AFTER: Final = re.compile(
    rf"[ \t]*(?:,[ \t]*{alternation(words('affirming'))}|{alternation(w for w in words('affirming') if ' ' in w)})\b"
    r"(?![ \t,]+(?:não|nao|not)\b)"
    # "So it focuses only on some — D it is.", "n tem como ser a C. B facinho"
    r"|[ \t]+it[ \t]+is(?=[ \t]*(?:[.!,;]|$))"
    rf"|[ \t]+{alternation(words('sure_tails'))}(?=[ \t]*(?:[.!,;]|$))"
    # an adverb of certainty before a pause: "D obviamente, e ainda com gato acordando ..."
    rf"|[ \t]+{alternation(words('sure_adverbs'))}(?=[ \t]*(?:[.!,;]|$))"
    # "C, então." closing the reply
    r"|[ \t]*,[ \t]*(?:então|entao|then)(?=[ \t]*[.!]*[ \t]*$)",
    re.IGNORECASE,
)
# "Não descarto a B, fico com ela.", "B; I'll go with it.": the letter chosen by a pronoun right after it.
_CHOSEN_AFTER: Final = re.compile(
    # (or after the rest of the letter's own sentence, where no other letter is named: "Já a B repete quase
    # literalmente o 'titia'. Fico com ela.")
    rf"(?:(?!(?<![\w'’])(?-i:[A-Z])(?![\w'’]))[^.!?\n]){{0,160}}?"
    rf"[ \t]*(?:[,;]|\.+|…)[ \t]*(?:e[ \t]+|and[ \t]+)?"
    # (or a denial denied, after an aside: "Eu não descartaria a C; pra falar a verdade, não vejo como não ser ela.")
    rf"(?:(?:{alternation(words('choosing'))}"
    rf"|(?:(?:[^\W\d_]+[ \t]+){{0,4}}[^\W\d_]+,[ \t]*)?{alternation(DENIED_DENIALS)})"
    rf"[ \t]+"
    rf"{alternation(words('option_pronouns'))}\b"
    # (or said to be the very one, after an aside: "Não descartaria a A... Pensando bem, é ela mesma: ...")
    rf"|(?:(?:[^\W\d_]+[ \t]+){{0,4}}[^\W\d_]+,[ \t]*)?é[ \t]+(?:ela|essa|esta)[ \t]+(?:mesma|mesmo|msm)\b)"
    # "Eu não descartaria a B, não — é nela que eu fico."
    rf"|[^.!?\n]{{0,20}}?\bé[ \t]+(?:nela|com[ \t]+ela|essa|esta|ela)[ \t]+(?:que[ \t]+)?(?:eu[ \t]+)?"
    rf"(?:fico|vou|marco|escolho|aposto)\b",
    re.IGNORECASE,
)
_MARK_AFTER: Final = re.compile(rf"[ \t)\]:.\-–—*]*(?P<mark>[{TICK_MARKS}{CROSS_MARKS}])")
_IN_PART_AFTER: Final = re.compile(rf"[\ufe0f \t]*[(\[—–-]?[ \t]*{alternation(words('in_part'))}\b", re.IGNORECASE)
# A verb that goes on to describe the letter that opens the reply: "A B fala do trabalho, mas ...", "A D é a
# pegadinha": the letter is discussed, not given as the answer.
_DESCRIBED_AFTER: Final = re.compile(rf"[ \t]+{alternation(words('describing'))}\b", re.IGNORECASE)
# ("Trocar a lâmpada? Não, ele arrombou a porta.": a "no" before a comma answers too; "Sim, mas ..." does not.)
_SHORT_REPLY: Final = re.compile(
    rf"[ \t]*[^\W\d_]+(?:[ \t]+[^\W\d_]+)?[ \t]*[.!]|[ \t]*{alternation(words('no_words'))}[ \t]*,",
    re.IGNORECASE,
)
_BEFORE_SPLIT: Final = re.compile(
    rf"\b(?:{alternation(('mas', 'but', 'embora', 'although', 'though', 'porém'))}"
    rf"|(?:ou|or)(?!\s+(?:melhor|rather|seja)\b))\b",
    re.IGNORECASE,
)
# Between two letters judged correct, these make the second a correction rather than a second answer.
_CORRECTION: Final = re.compile(rf"\b{alternation(words('corrections'))}\b", re.IGNORECASE)
# A correction opening a clause ("Letra C. Na verdade, letra A.", "A... espera, B"), not an adverb inside one ("None of
# the options actually gives a cause").
_CORRECTION_OPENING: Final = re.compile(
    rf"(?:^|[.,;:!?…—–-])\s*(?:(?:e|mas|and|but|hmm+)[\s,]+)?{alternation(words('corrections'))}\b", re.IGNORECASE
)
# Another letter joined to the one just named: "a D *e a C*", "B *or C*".
_JOINED_LETTER_AFTER: Final = re.compile(rf"\s+{_CONJUNCTIONS}\s+(?:{_LIST_ARTICLES}\s+)?[A-Z]\b")
# A verdict label right before the letters it judges: "Correta: A", "Incorretas: A, B e D".
# (a label, not a predicate: not the "fraca" of "ou seja, está fraca: alternativa B")
_VERDICT_LABEL: Final = re.compile(
    rf"(?:^|(?<=[\s.;(]))(?<!\best[áa]\s)(?<!\bé\s)(?<!\bseria\s)(?<!\bera\s)(?<!\bfica\s)(?<!\bficou\s)"
    rf"(?<!\bis\s)(?<!\bwas\s)(?:(?P<bad>{_NEGATIVE_WORDS})|(?P<good>{_RIGHT}))\s*[:=]\s*(?:{_LIST_ARTICLES}\s+)?"
    rf"(?:{_STEMS}s?\s*)?[(\[]?\Z",
    re.IGNORECASE,
)
# A negation governs the letter right after it, across articles and letter words only: "não com a A",
# "e não B", "nem a alternativa C", "not option B", "rather than C", "em vez da D"; never across a line break.
_GOVERNING_NEGATION: Final = re.compile(
    # "than" too, as "do que" is among the Portuguese negations: "more likely C than B" rules B out
    rf"\b{alternation([*words('negations'), 'than'])}"
    rf"(?:[ \t]+(?:{alternation(words('negation_fillers'))}|(?-i:a|o|as|os|da|do|na|no|la|el)|the|{_STEMS}))*"
    r"[ \t]*[(\[]?[ \t]*\Z",
    re.IGNORECASE,
)
# An option denied by a description of it, its letter in brackets after: "Não foi o tédio (C), que só veio depois".
_DENIED_DESCRIPTION_BEFORE: Final = re.compile(
    # (or "de jeito nenhum": "Nervosa, D — de jeito nenhum relaxada (B)")
    rf"(?:\b{alternation(words('plain_negations'))}[ \t]+(?:foi|é|era|seria|is|was)|\bde[ \t]+jeito[ \t]+nenhum)[ \t]+"
    r"(?:[^\W\d_]+[ \t]+){0,4}?"
    r"[^\W\d_]+[ \t]*\([ \t]*\Z",
    re.IGNORECASE,
)
# What may stand between two letters of one list: "A, B e C", "a A e a C", "Alternativa A\nAlternativa B".
# (A short description in brackets may follow each letter, "A (usar as frutas) e C (ganhar dinheiro)", and letters
# may be joined by slashes, "não B/C/D".)
_OR_CLOSING_A_LIST: Final = re.compile(
    rf"[)\].:]?\s+(?:ou|or)\s+(?:{_LIST_ARTICLES}\s+)?(?:{_STEMS}s?\s*)?[(\[]?", re.IGNORECASE
)
_LIST_GAP: Final = re.compile(
    rf"(?:[ \t]*\([^()\n]{{1,80}}\))?"
    rf"[)\].:]?(?:\s*[,&/]\s*(?:{_CONJUNCTIONS}\s+)?|\s+{_CONJUNCTIONS}\s+)"
    rf"(?:{_LIST_ARTICLES}\s+)?(?:{_STEMS}s?\s*)?[(\[]?"
    rf"|[)\].:]?[ \t]*\n[ \t]*(?:[-*•][ \t]*)?(?:{_STEMS}\s*)?[(\[]?"
    # (or a short description before each bracketed letter: "Digitar com precisão (B) ou com rapidez (C) também não")
    rf"|[)\]][ \t]+(?:{_CONJUNCTIONS}|ou|or|nem)[ \t]+(?:[^\W\d_]+[ \t]+){{1,5}}[(\[]",
    re.IGNORECASE,
)
_AFTER_LETTER: Final = re.compile(r"\s*(?P<next>[^\W\d_]+)?")
# What prefers one letter to the letter after it: "B do que C", "C em vez de A", "A over D", "D rather than A".
_PREFERRED_TO: Final = (
    r"(?:do\s+que|than|à(?=\s+[A-Z](?![^\W_]))|em\s+vez\s+d[aeo]s?|ao\s+invés\s+d[aeo]s?|no\s+lugar\s+d[aeo]s?"
    r"|rather\s+than|instead\s+of|over"
    # a ranking: "C > D > A > B"
    r"|>)"
)
_COMPARED: Final = re.compile(rf"\s+{_PREFERRED_TO}\s+(?:(?:a|o|the)\s+)?(?-i:[A-Z])(?![^\W_])", re.IGNORECASE)
# After a letter: the end of its line, punctuation, or a symbol or emoji ("Resposta: A 🧰"); not a table's "|", nor a
# sign that joins it to more ("A + B", "A & C").
_QUOTED_WORD_AFTER: Final = re.compile(r"[ \t]+[\"“‘«][^\W\d_]{2}")
_QUOTE_AFTER: Final = re.compile(r"\s*[\"“‘«]([^\"”’»\n]{1,80})")
_TERMINATOR: Final = re.compile(r"[ \t]*\n|\s*(?:$|[^\w\s|+&=%#@$])")
# "So, A.": an English "so" that opens a sentence of one letter concludes (not "so" anywhere: "not so", "so much").
# (after a symbol or an emoji too, which ends a sentence of chat: "abs getting destroyed 😅 So A, mano, ...")
_SO_BEFORE: Final = re.compile(
    r"(?:^|[.!?:;][ \t]+|(?<=[^\w\s\"'“”‘’()\[\]*_.,;:!?-])[ \t]+)so,?[ \t]+\Z", re.IGNORECASE
)
# "a D a certa", "B the right one": the letter called the right one right after it.
_CALLED_RIGHT_AFTER: Final = re.compile(rf"[ \t]+(?:a|o|the)[ \t]+{_RIGHT}\b", re.IGNORECASE)
# "a C de jeito nenhum": an emphatic phrase closes the letter's phrase.
_EMPHATIC_AFTER: Final = re.compile(rf"\s+{alternation(words('emphatics'))}\b", re.IGNORECASE)
# "Eu não descartaria a B de jeito nenhum", "I wouldn't rule out C at all": a ruling-out denied with emphasis keeps
# the letter (without the emphasis, "não descarto a B" leaves it possible, no more).
_DENIED_RULING_OUT_BEFORE: Final = re.compile(
    rf"\b(?:n[ãa]o|nunca|jamais|never|wouldn['’]?t|would\s+not|don['’]?t|do\s+not)[ \t]+"
    rf"{alternation(words('rule_out_verbs'))}[ \t]+(?:(?:a|o|the)[ \t]+)?\Z",
    re.IGNORECASE,
)
_CONNECTIVES: Final = frozenset(word.casefold() for word in words("connectives"))
_LINE_ENDS: Final = re.compile(r"[)\].:\-–]*[ \t]*(?:\n|\Z)")
_ELLIPSIS: Final = re.compile(rf"[\s,]*{alternation(words('ellipsis'))}\s*(?:[.;!\n]|$)", re.IGNORECASE)
_LABEL_BEFORE: Final = re.compile(rf"\b{_LETTER_WORDS}\s*[(\[]?\Z", re.IGNORECASE)
_GARBLED_LABEL: Final = re.compile(r"[^\W\d_]{4,14}")
# A number and an article before a letter that is the subject of its line: "1. A alternativa A ...", "2. A B trata ...".
_SUBJECT_OF_ITS_LINE: Final = re.compile(r"\d{1,2}[.)][ \t]*(?:(?:a|o|the)\b)?", re.IGNORECASE)
_OPTION_LINE_TAIL: Final = re.compile(r"[ \t]*(?:[)\].:\-–—]|\n|$)")
_OPTION_LABEL_LINE: Final = re.compile(r"[)\]][ \t]*\n")
_DANGLING: Final = re.compile(r"[ \t]*[)\].:\-–—][ \t]*$")
_WALK_THROUGH: Final = re.compile(rf"\b{alternation(words('walk_through'))}[ \t]*:?[ \t]*\n", re.IGNORECASE)
_LAST_LINE_LABEL: Final = re.compile(r"\n[ \t>*•-]*[(\[]?(?P<l>[A-Za-z])[)\]][ \t]*\Z")
# (after a word of chat too: "... B mesmo.")
_CHAT_TAILS: Final = alternation(words("chat_tails"))
_CLOSING_END: Final = re.compile(rf"(?:[\s)\]*]|\b{_CHAT_TAILS}\b)*[.!][\s.!)\]*]*$", re.IGNORECASE)
# (Words of chat may follow it: "... tipo a C né", "... vai na A sem medo".)
_SPELT_BY_A_WORD: Final = re.compile(r"[ \t]+de[ \t]+(?P<word>[^\W\d_]+)", re.IGNORECASE)


def _spelt_by_a_word(text: str, end: int, letter: str) -> int | None:
    """Where "de" and a word that begins with ``letter`` end, right after it at ``end`` ("B de bebum"), if they do."""
    spelt = _SPELT_BY_A_WORD.match(text, end)
    return spelt.end() if spelt and fold(spelt["word"])[:1].upper() == letter else None


_CLOSING_TAIL: Final = re.compile(rf"(?:[\s.!)\]*]|\b{_CHAT_TAILS}\b)*[^\w\s]*\s*", re.IGNORECASE)
# Words that join the letter after them to what came before: "e a C", "and C", "ou B", "de A", "ou da D", "a D à C".
_JOINERS: Final = alternation(
    [*words("conjunctions"), *words("alternatives"), "nem", "nor", "de", "à", "com", "of", "with"]
)
# ("ou da D": a joining word before "da" too; "é a da C" joins nothing.)
# A letter the reply trails off on, and the clauses before it in its sentence that each open on another letter ("A é
# genérica demais, D é só o lugar onde ela estava, C...").
_TRAILS_OFF: Final = re.compile(r"[ \t]*(?:\.{2,}|…)\s*\Z")
_NEXT_IN_A_WALK: Final = re.compile(r"(?<![\w'’])(?-i:[A-E])[ \t]+[^\W\d_][^,\n]*,[ \t]*\Z", re.IGNORECASE)
_JOINING_WORD: Final = re.compile(rf"\b(?:{_JOINERS})(?:\s+(?:da|do|das|dos))?$", re.IGNORECASE)
# A letter set off by commas, then called the one that fits: "O cenário de karaokê, B, é o que encaixa", "A, com a
# pressão voltando ao controle, é a consequência natural".
_VERDICT_AFTER_AN_ASIDE: Final = re.compile(
    r"[ \t]*,(?:[^.;:!?\n,]{1,80},)?[ \t]*(?:é|seria)[ \t]+(?:o|a)[ \t]+"
    r"(?:que[ \t]+(?:(?:mais|melhor)[ \t]+)?(?:encaixa|se[ \t]+encaixa|bate|serve|faz[ \t]+sentido|cabe)"
    r"|(?:certa|correta|resposta|consequência[ \t]+natural|explicação))\b",
    re.IGNORECASE,
)
# An adverb that affirms, opening the answer before its letter: "Pretty clearly B.", "Obviamente C, ...".
_AFFIRMED_OPENING: Final = re.compile(
    # (after words of chat too: "mano claramente a A né, ...")
    rf"[\W_]*(?:{alternation(words('interjections'))}[\s,!.]+)*(?:(?:pretty|very|quite|bem|muito)\s+)?"
    # (the options as a whole too: "Das três, a C. ...", "Of these, B.")
    rf"(?:{alternation([*words('affirming'), *words('of_the_options')])}|[^\W\d_]+mente|[^\W\d_]+ly)"
    # (asked of itself too: "Honestly? B.", "Sinceramente? B.")
    r"[\s,:?]*(?:(?:a|o|the|la|el)\s+)?",
    re.IGNORECASE,
)
# (marks and emoji too: "✅ A", "🛌 D"; the Spanish article too: "La C, claramente: ...")
_OPENING_GAP: Final = re.compile(r"[\W_]*(?:(?:a|o|the|la|el)\s+)?$", re.IGNORECASE)
# (through a copula too: "Acredito que seja a alternativa C — ...")
_CONCLUDED_BEFORE: Final = re.compile(
    rf"\b{alternation(words('conclusions'))}[\s,:]+(?:(?:seja|é|seria|it['’]?s|it\s+is)\s+)?"
    rf"(?:{alternation(words('letter_articles'))}\s+)?"
    rf"(?:{_STEMS}\s+)?\Z",
    re.IGNORECASE,
)
# "C, não D", "C e não D", "C, not D", "C em vez de A", "A over D": the letter before is the one chosen over the other
# (not after "menos", "less": "menos B do que C" prefers C).
_CHOSEN_OVER: Final = re.compile(
    rf"[ \t]*(?:,|[—–]|[ \t]-)?[ \t]*(?:(?:e[ \t]+|and[ \t]+)?(?:não|nao|not)|{_PREFERRED_TO})[ \t]+"
    r"(?:(?:a|o|the)[ \t]+)?"
    r"(?-i:[A-Z])(?![^\W_])",
    re.IGNORECASE,
)
_STRIKING: Final = re.compile(rf"{alternation(words('striking'))}[.!]*", re.IGNORECASE)
_QUOTED: Final = re.compile(r'"[^"\n]{1,200}"|“[^”\n]{1,200}”')
_LOWER_ARTICLE_BEFORE: Final = re.compile(r"(?<![\w])(?:a|da|na|pela)[ \t]\Z")
_DENIED_DOUBT: Final = (
    r"(?:\bn[ãa]o\s+(?:(?:diria|acho|creio|penso|(?:d[áa]|daria)\s+(?:pra|para)\s+dizer|(?:posso|poderia|consigo)\s+dizer)"
    r"\s+que|(?:vejo|consigo\s+ver)\s+(?:como|por\s*que))"
    # "Ninguém me convence de que a A não é a certa."
    r"|\bningu[ée]m\s+me\s+convence\s+(?:de\s+)?que)"
)
# "Eu não diria que a A não é a certa": a rejection under a denied doubt is a double negation.
_DENIED_DOUBT_BEFORE: Final = re.compile(
    rf"(?:{_DENIED_DOUBT}|\bI\s+wouldn['’]?t\s+say(?:\s+that)?)\s+(?:(?:a|o|the)\s+)?\Z", re.IGNORECASE
)
# A denial denied before the letter: "não diria que não é a C", "não vejo por que não seria a B", "não diria que a
# resposta não é a A", "não é outra que não a B", "none other than B".
_DENIED_DENIAL_BEFORE: Final = re.compile(
    rf"(?:{_DENIED_DOUBT}\s+(?:(?:a\s+)?(?:{alternation(PT.answer_nouns)})(?:\s+certa|\s+correta)?\s+)?"
    rf"n[ãa]o\s+(?:é|seja|seria|ser)"
    r"|\boutra\b[^.!?\n]{0,30}?\bque\s+n[ãa]o|\bnone\s+other\s+than|\bno\s+other\s+than"
    # "Nunca que não seria a C."
    r"|\b(?:nunca|jamais)\s+que\s+n[ãa]o\s+(?:é|seja|seria|ser|ia\s+ser)"
    # "Impossível não marcar a B."
    r"|\bimposs[íi]vel\s+n[ãa]o\s+(?:ser|marcar|escolher|ficar\s+com|ir\s+(?:de|na|no))"
    # "não consigo deixar de ver a B como a resposta"
    r"|\bn[ãa]o\s+(?:consigo|d[áa]\s+(?:pra|para))\s+deixar\s+de\s+(?:ver|marcar|escolher)"
    # "não é que eu não ache a D a certa"
    r"|\bn[ãa]o\s+é\s+que\s+(?:eu\s+)?n[ãa]o\s+(?:ache|acho|considere|veja|goste\s+d[ae])"
    # "Ninguém vai me convencer de que não é a A"
    r"|\bningu[ée]m\s+(?:vai\s+)?me\s+convence(?:r)?\s+(?:de\s+)?que\s+n[ãa]o\s+(?:é|seja)"
    r")\s+(?:(?:a|o|the)\s+)?\Z",
    re.IGNORECASE,
)
# "não é que a D não seja a resposta": a denial of the letter's denial, around it.
# (also "não tem como a D não ser a certa", "não vejo como a A não ser a resposta")
_DENIAL_DENIED_AROUND: Final = re.compile(
    r"\bn[ãa]o\s+(?:(?:é\s+)?que|(?:tem|há|vejo|consigo\s+ver)\s+como)\s+(?:(?:a|o)\s+)?\Z", re.IGNORECASE
)
# (or a verb of fit: "Não é que a A não faça sentido — faz")
_DENIED_AFTER: Final = re.compile(
    r"\s+n[ãa]o\s+(?:seja|fosse|é|era|ser|faça|faz|sirva|serve|caiba|cabe)\b", re.IGNORECASE
)
# A letter asked and answered "não" before the letter that opens the next sentence: "C?? não. E — a primeira ...".
_NO_SENTENCE_BEFORE: Final = re.compile(
    rf"(?-i:[A-E])[ \t]*\?+[ \t]*{alternation(words('no_words'))}[ \t]*[.!]+[ \t]+\Z", re.IGNORECASE
)
_GRADE_ARTICLE_BEFORE: Final = re.compile(r"\bum[ \t]+\Z", re.IGNORECASE)
# The line before opens on a letter struck out ("~~A~~ – ...", rewritten "não A; – ..."), this one on a letter of its
# own: in a list of struck letters, the one left standing.
_AFTER_A_STRUCK_LINE: Final = re.compile(r"(?:^|\n)[ \t*•-]*não (?-i:[A-E]);[^\n]*\n[ \t*•-]*\Z")
_NEGATED_VERB_AFTER: Final = re.compile(r"[ \t]+n[ãa]o[ \t]+[^\W\d_]+", re.IGNORECASE)
_FAULTS: Final = alternation([*PT.wrong_words, *PT.dismissal, *gendered("absurdo")])
# A fault denied under a denied doubt is granted: "Não acho que a C não seja absurda".
_FAULT_DENIED_AFTER: Final = re.compile(
    rf"[ \t]+n[ãa]o[ \t]+(?:seja|é|era|fosse|esteja|está)[ \t]+(?:{alternation(words('degrees'))}[ \t]+)?"
    rf"{_FAULTS}\b",
    re.IGNORECASE,
)
# A fault said after "não é que" is denied: "Não é que a C seja improvável — não tem como não ser ela."
_FAULT_AFTER: Final = re.compile(
    rf"[ \t]+(?:seja|fosse|esteja)[ \t]+(?:{alternation(words('degrees'))}[ \t]+)?{_FAULTS}\b", re.IGNORECASE
)
# "A opção C não é uma que eu descartaria": a rejection denied after the letter.
_NOT_DISCARDED_AFTER: Final = re.compile(
    rf"[ \t]+n[ãa]o[ \t]+é[ \t]+(?:uma|a)[ \t]+que[ \t]+(?:eu[ \t]+)?{alternation(PT.rejecting)}\b", re.IGNORECASE
)
_SENTENCE_THEN_LETTER: Final = re.compile(r"[.!?][ \t]+\Z")
_CONCLUDING_COLON_LINE: Final = re.compile(
    rf"\b{alternation([*words('conclusions'), *words('answer_nouns')])}[ \t]*:[ \t]*\n\s*(?:[-*•>][ \t]*)?\Z",
    re.IGNORECASE,
)
# A letter after a dash that closes a sentence of choosing: "So I'd say it'd give her a place to sleep — D."
_DASH_BEFORE: Final = re.compile(r"[ \t][—–-][ \t]*(?:(?:a|o|the)[ \t]+)?\Z", re.IGNORECASE)
_SUPERLATIVE_SAID: Final = re.compile(
    r"\b(?:o|a|the)\s+(?:mais|most)\s+[^\W\d_]+\s+(?:é|seria|would\s+be|is)\b", re.IGNORECASE
)
_CHOOSING_OPENING: Final = re.compile(
    rf"^\W*(?:(?:so|então|entao|e|and|logo)[\s,]+)?(?:{alternation(words('choosing'))})\b", re.IGNORECASE
)
# The label of a phrase set aside in favour of another: "... tentaria de novo, em vez de desistir de cara (E)."
# So is the label of a phrase a negation opens after a pause: "... reduzir a frequência — não mantê-la igual (C),
# nem garantir um ciclo mensal (B)".
_SET_ASIDE_LABEL: Final = re.compile(
    r"(?:\b(?:em\s+vez\s+de|ao\s+invés\s+de|no\s+lugar\s+de|rather\s+than|instead\s+of|nem|nor)"
    r"|(?:[,;—–]|\s-)\s*(?:e\s+|and\s+)?(?:n[ãa]o|not))\s+[^,.;:!?\n()]{1,60}\(\s*\Z",
    re.IGNORECASE,
)
# A heading that is only a word of answer or verdict, the letter on the next line: "### Veredito\n> **Alternativa A**".
# A tick that opens the line of the letter it marks: "✔ Alternativa C" closing a reasoning.
_TICKED_LINE_BEFORE: Final = re.compile(rf"(?:^|\n)[ \t]*[{TICK_MARKS}]\ufe0f?[ \t]*\Z")
_VERDICT_HEADING: Final = re.compile(
    # (after a tick too: "### ✅ Resposta\n**C) Queríamos encontrar uma caverna**")
    rf"(?:^|\n)[ \t]*(?:[{TICK_MARKS}]\ufe0f?[ \t]*)?{alternation([*words('answer_nouns'), *words('verdict_nouns')])}"
    rf"(?:[ \t]+{alternation(words('answer_qualifiers'))})?[ \t]*:?[ \t]*\n\s*(?:[-*•>][ \t]*)?\Z",
    re.IGNORECASE,
)
_NEGATED_CHOICE: Final = re.compile(
    rf"\b(?:n[ãa]o|nunca|never|wouldn['’]?t|would\s+not)[ \t]+{alternation(words('choosing'))}[ \t]+"
    rf"(?:(?:{alternation(words('letter_articles'))})[ \t]+)?(?:{_STEMS}[ \t]*)?\Z",
    re.IGNORECASE,
)
# Someone else's choice: "Muita gente iria na B", "Most people would pick C".
_OTHERS_CHOOSE: Final = re.compile(
    r"\b(?:muita\s+gente|muitas\s+pessoas|muitos|alguns|algumas\s+pessoas|a\s+maioria|quem\s+\w+|outros"
    r"|many\s+people|most\s+people|some\s+people|many|someone)\s+"
    r"(?:(?:\w+\s+){0,2}?)(?:iria|iriam|escolheria|escolheriam|marcaria|marcariam|vai|vão|would\s+\w+|\w+s)\s+"
    r"(?:(?:n[ao]|pel[ao]|com|de|for|with)\s+)?(?:(?:a|o|the)\s+)?(?:\w+\s+)?\Z",
    re.IGNORECASE,
)
_CHAT_WORDS: Final = frozenset(word.casefold() for word in (*words("interjections"), "tipo"))
# "Escolho C, não A, B ou D": the "B ou D" closes a list a negation governs.
# The plain negations of every language but English "no", which is Portuguese for "in" ("no B").
_PLAIN_NEGATIONS: Final = (*PT.plain_negations, "not", "never")
_NEGATED_LIST_BEFORE: Final = re.compile(
    # ("fico com B, não com A, C ou D")
    rf"\b{alternation([*_PLAIN_NEGATIONS, 'nor'])}[ \t]+(?:{alternation(words('negation_fillers'))}[ \t]+)?"
    r"(?:(?:a|o|the)[ \t]+)?[A-E]"
    r"(?:[ \t]*,[ \t]*(?:(?:a|o|the)[ \t]+)?[A-E])*[ \t]*,[ \t]*\Z"
)
# (the reasons may open with a quote: "I think it's A — \"ela talvez esteja mais interessada\", so ...")
_REASONS_AFTER_A_PAUSE: Final = re.compile(r"[ \t]*(?::|[—–]|[ \t]-)[ \t]*(?:[\"“'‘]?[^\W\d_]+[\"”'’]?[ \t,]+){3}")
# Two lines that open with the same word, then that word's capital alone on the last line: a generation broken off in
# a loop as it began the word again.
_CUT_IN_A_REPEATED_WORD: Final = re.compile(
    r"^[ \t]*(?P<word>(?P<c>[A-Z])[a-zà-ú]{2,})\b[^\n]*\n\s*(?P=word)\b[^\n]*\n\s*(?P=c)[ \t]*\Z", re.MULTILINE
)
_LETTERED_NOUN_BEFORE: Final = re.compile(rf"\b{alternation(words('lettered_nouns'))}[ \t]+\Z", re.IGNORECASE)
# A verb in the singular right after a letter: the letter is the subject of a clause of its own.
_OWN_PREDICATE: Final = re.compile(r"[ \t]+(?:é|está|seria|fica|não|nem|is|isn't|was)\b", re.IGNORECASE)
_FITS_OUTRIGHT_AFTER: Final = re.compile(_FIT_OUTRIGHT_AFTER, re.IGNORECASE)
# A second choice named after the first: "se eu tivesse que escolher uma segunda, seria a D", "my second pick is B".
_SECOND_CHOICE_BEFORE: Final = re.compile(
    r"\b(?:(?:uma|a|minha)\s+segunda(?:\s+(?:opção|escolha|alternativa|colocada))?|(?:my\s+|a\s+|the\s+)?second"
    r"\s+(?:choice|pick|option|best))\b[^.!?\n]{0,20}\Z",
    re.IGNORECASE,
)
# A sentence that opens with "Não" and goes on (not "A) Não." nor "A) Não, ..."): "A) Não é o que é o motivo".
_SENTENCE_OF_NO_AFTER: Final = re.compile(r"[ \t]*[)\].:\-–—]?[ \t]*(?:não|nao)[ \t]+[^\W\d_]+[ \t]+[^\W\d_]+", re.I)
_CAPITAL_LETTER: Final = re.compile(r"(?<![\w'’])(?-i:[A-Z])(?![\w'’])")
# A capital alone that is no article before a word: "A" of "A lama cobria tudo" is one, the "B" of "a B diz" is not.
_LETTER_NOT_AN_ARTICLE: Final = re.compile(r"(?<![\w'’])(?-i:[A-Z])(?![\w'’])(?![ \t]+(?-i:[a-zà-ú]))")
# A tag of chat after a letter, then a pause: "a D né, ...", "B lol."
_TAG_THEN_PAUSE: Final = re.compile(rf"[ \t]+{alternation(words('chat_tags'))}[ \t]*(?:[,.!?;\n]|\Z)", re.IGNORECASE)
_ONE_OF_THEM_SAID: Final = re.compile(rf"\b{alternation(words('one_of_them'))}\b", re.IGNORECASE)
_CONCESSION_AFTER: Final = re.compile(rf"[ \t]*,[ \t]*{alternation(words('concessions'))}\b", re.IGNORECASE)
_OTHER_LETTER: Final = re.compile(r"(?<![\w'’])[B-E](?![\w'’])")
_SYMBOL: Final = re.compile(r"[^\w\s\"'“”‘’()\[\]*_.,;:!?-]")
# How far back an option line's elimination header is looked for.
_HEADER_REACH: Final = 2000
# A bare letter that closes a sentence after a colon and a word of prose: "... em geral: C."
# (Not the options listed after their noun, "Opções: A. ... B. ...".)
_SAID_AFTER_A_COLON: Final = re.compile(
    rf"(?<![^\W\d_])(?!(?:{_STEMS}|{alternation(words('letter_words'))})s?\b)[^\W\d_]{{2,}}[ \t]*:[ \t]*\Z",
    re.IGNORECASE,
)
# A bare letter after a word of chat and a comma: "... o q sobrou né, A. a comida ...".
_SAID_AFTER_A_CHAT_WORD: Final = re.compile(
    rf"(?<![^\W\d_]){alternation([*words('interjections'), 'né', 'ne', 'então', 'entao'])}[ \t]*,[ \t]*(?:a[ \t]+)?\Z",
    re.IGNORECASE,
)
# A letter settled on after a word of assent and a comma, its reasons after a colon: "... Ok, B: seguiu em frente".
_SETTLED_ON: Final = re.compile(
    r"(?:^|[.!?\n][ \t]*)(?:ok|okay|beleza|pronto|certo|tá|ta)[ \t]*,[ \t]*\Z", re.IGNORECASE
)
_REASONS_AFTER_A_COLON: Final = re.compile(r"[ \t]*:[ \t]+[^\W\d_]")
# A verb of chat that opens a sentence and goes to the letter: "... entao nenhuma explica. vai D", "bora C".
_GOES_TO_BEFORE: Final = re.compile(r"(?:^|[.!?,;\n][ \t]*)(?:vai|vou|bora|fecho)[ \t]+\Z", re.IGNORECASE)
_CLOSES_THE_REPLY: Final = re.compile(r"[ \t]*[.!]*[ \t]*\Z")
# A comma after the letter, then its reasons, not another letter: "enfim, A, os adultos ficaram descansando".
_REASON_AFTER_A_COMMA: Final = re.compile(
    r"[ \t]*,[ \t]+(?!(?:e|ou|and|or|nem)\b)(?!(?:(?:a|o)[ \t]+)?(?-i:[A-Z])(?![\w'’]))[^\W\d_]{2,}", re.IGNORECASE
)
# Reasons after a comma that run to the reply's end without naming another letter: "... lembrar disso... A, ficamos
# vendo o jornal o dia inteiro" (not "A, por exemplo, ...", which goes through the options).
_LAST_REASONS_AFTER_A_COMMA: Final = re.compile(
    r"[ \t]*,[ \t]+(?!(?:e|ou|and|or|nem|por|for|como|tipo)\b)(?!(?:(?:a|o)[ \t]+)?(?-i:[A-Z])(?![\w'’]))[^\W\d_]{2,}"
    r"(?:(?!(?-i:[A-Z])(?![\w'’]))[^\n])*\Z",
    re.IGNORECASE,
)
# Sentences that name no letter (nor open on the article "A"), right before one: the reply's first letter.
_SENTENCES_WITHOUT_A_LETTER: Final = re.compile(r"\A(?:(?!(?-i:[A-E])(?![\w'’]))[\s\S])*[.!?][ \t]+\Z")
_ENDS_ITS_SENTENCE: Final = re.compile(r"[ \t]*[.!](?:\s*\Z|\s+(?![A-Za-z][.)]))")
# What the answer rests on, opening the reply, then its letter: "Com base no texto, A: no sonho ela ...".
_ACCORDING_OPENING: Final = re.compile(
    rf"^\W*{alternation(words('according_to'))}[ \t]*,[ \t]*(?:(?:a|o|the)[ \t]+)?\Z", re.IGNORECASE
)
# An option described in a few words, its letter in brackets, opening the reply as a sentence of its own: "Cadete (D).
# Oficial (C) e comandante (B) são patentes altas demais".
_DESCRIBED_OPENING: Final = re.compile(r"^\W*(?:[^\W\d_]+[ \t]+){0,5}[^\W\d_]+[ \t]*\Z")
_CLOSED_SENTENCE_AFTER: Final = re.compile(r"[ \t]*\)[ \t]*(?:[.:!—–]|\s-\s|\Z)")
# A letter after "nem A nem B" and a pause: "Nem A nem E; C, o inimigo em comum.", "Neither B nor D: A."
_AFTER_NEITHER_NOR: Final = re.compile(
    # (or "Não é E nem A. D: ...", "It's not A or B. C — ...")
    r"(?:^|[.!?\n][ \t]*)(?:nem|neither|ni|não[ \t]+(?:é|foi|seria)|it['’]?s[ \t]+not|not)[ \t]+"
    r"(?:(?:a|o|the|la)[ \t]+)?(?-i:[A-Z])[ \t]*,?[ \t]+(?:nem|nor|ni|or)[ \t]+"
    r"(?:(?:a|o|the|la)[ \t]+)?(?-i:[A-Z])[ \t]*[.;:—–][ \t]*(?:(?:a|o|é|é[ \t]+a|is)[ \t]+)?\Z",
    re.IGNORECASE,
)
# A letter after "mas" that follows a denied one: "Não a B, mas a C: era turnê promocional", "Not A but C — ...".
_BUT_AFTER_A_DENIAL: Final = re.compile(
    rf"(?:^|[.!?\n][ \t]*)(?:não|nao|not|nem)[ \t]+(?:(?:é|is|foi|was)[ \t]+)?(?:(?:a|o|the)[ \t]+)?(?:{_STEMS}[ \t]+)?"
    r"(?-i:[A-Z])(?![\w'’])[^.!?\n]{0,40}?,?[ \t]+(?:mas|but|e[ \t]+sim|mas[ \t]+sim)[ \t]+"
    rf"(?:(?:a|o|the)[ \t]+)?(?:{_STEMS}[ \t]+)?\Z",
    re.IGNORECASE,
)
_OPEN_ASIDE: Final = re.compile(r"\([^()]*\Z")
_NEGATION_RIGHT_BEFORE: Final = re.compile(r"\b(?:não|nao|not|don['’]t)[ \t]+\Z", re.IGNORECASE)
# The reply's first words, an option's in a word or a few, then a comma and the letter: "Nervosa, D — de jeito ...".
_WORDS_THEN_COMMA: Final = re.compile(r"^\W*(?:[^\W\d_]+[ \t]+){0,3}[^\W\d_]+[ \t]*,[ \t]*\Z")
_DASH_OR_STOP_AFTER: Final = re.compile(r"[ \t]*(?:[.!—–]|\s-\s|\Z)")
# A sentence of chat ended by an emoji, then the letter: "... numa segunda de manhã 😩 A, condicionadas, ...".
_EMOJI_THEN_LETTER: Final = re.compile(r"[^\w\s\"'“”‘’()\[\]*_.,;:!?<>/\\|=+#@$%&~`^-][ \t]+\Z")
_CONCEDED_AFTER: Final = re.compile(
    r"\b(?:ainda\s+que|embora|mesmo\s+que|apesar\s+de|although|even\s+though)\s+(?:(?:a|o|the)\s+)?\Z", re.IGNORECASE
)
# A letter named with its word as a sentence of its own after the reply's reasons: "... Letra A; o teleférico ...".
# (on a line of its own too: "... uma autocorreção por prejulgar.\n\nAlternativa A.")
_NAMED_AS_A_SENTENCE: Final = re.compile(rf"[.!?]\s+{_LETTER_WORDS}[ \t]+\Z", re.IGNORECASE)
_SENTENCE_CLOSED_AFTER: Final = re.compile(r"[ \t]*(?:[.;!](?:\s|\Z)|\Z)")
_LETTERS_NAMED_AS_SENTENCES: Final = re.compile(
    rf"(?:^|[.!?\n])[ \t]*{_LETTER_WORDS}[ \t]+(?-i:[A-Z])[ \t]*(?:[.;!](?:\s|\Z)|\Z)", re.IGNORECASE
)
_LETTER_THEN_PAUSE: Final = re.compile(r"[ \t]*(?:[.!,;:—–]|\s-\s|\Z)")
# A letter said as a sentence of its own, then a sentence that rules another out: "... bebeu demais. A. Not C, ...".
# (or a sentence that goes on to another letter: "... que era o que ela imaginava. B. A C ela mesma nega.")
_ALONE_THEN_NOT: Final = re.compile(
    # (in brackets too: "... sair do emprego. B. (a D seria crime né gente kkkk)")
    r"[ \t]*[.!;][ \t]+\(?"
    r"(?:(?:não|nao|not|nem)[ \t]+(?:(?:a|o|the)[ \t]+)?|(?:(?:já|as\s+for)[ \t]+)?(?:a|o|the)[ \t]+)"
    r"(?-i:[A-Z])\b"
    # (or to the rest of them: "pouso de emergência né gente. D. o resto é viagem")
    r"|[ \t]*[.!][ \t]+(?:o[ \t]+resto|as[ \t]+outras|os[ \t]+outros|the[ \t]+rest|the[ \t]+others)\b",
    re.IGNORECASE,
)
# "D, não as outras", "C and not the others": one letter chosen over all the rest.
_OVER_THE_OTHERS: Final = re.compile(
    r"[ \t]*,?[ \t]*(?:(?:e[ \t]+|and[ \t]+)?(?:não|nao|not)|over|rather[ \t]+than|instead[ \t]+of"
    rf"|em[ \t]+vez[ \t]+d[ae]s?)[ \t]+{alternation(words('others'))}\b",
    re.IGNORECASE,
)
# A letter that wins a comparison with another: "D ganha de C", "C vence B", "B beats D".
_WINS_OVER: Final = re.compile(
    r"[ \t]+(?:ganha|vence|bate|supera|derrota|leva[ \t]+vantagem|beats|wins|outweighs|trumps)"
    r"(?:[ \t]+(?:de|da|do|sobre|over|against))?[ \t]+(?:(?:a|o|the)[ \t]+)?(?-i:[A-Z])(?![^\W_])"
    # and without a rival: "A C vence porque ...", "A A leva fácil", "B wins hands down"
    r"|[ \t]+(?:vence|ganha|leva[ \t]+fácil|leva[ \t]+a[ \t]+melhor|leva[ \t]+essa|wins)"
    r"(?=[ \t]*(?:[,.;:!—–]|porque|pois|because|fácil|hands|easily|$))",
    re.IGNORECASE,
)
# The letter a comparison is lost to: the "C" of "D ganha de C", "D é melhor que C", "B is better than D".
_BEATEN_BEFORE: Final = re.compile(
    r"\b(?:(?:melhor|pior)[ \t]+(?:do[ \t]+)?que|do[ \t]+que|than|ganha[ \t]+d[aeo]|vence|bate|supera|derrota"
    # "prefiro a C à B", "C em vez da B"
    r"|(?<=(?-i:[A-Z])[ \t])à|em[ \t]+vez[ \t]+d[aeo]s?|ao[ \t]+invés[ \t]+d[aeo]s?"
    r"|leva[ \t]+vantagem[ \t]+sobre|beats|wins[ \t]+over|outweighs|trumps)[ \t]+(?:(?:a|o|the)[ \t]+)?\Z"
    r"|(?<![\w'’])(?-i:[A-Z])[ \t]*>[ \t]*\Z",
    re.IGNORECASE,
)
# "entre A e B", "entre as alternativas (C": the letters weighed between, not judged one by one.
_BETWEEN_BEFORE: Final = re.compile(
    rf"\b{alternation(words('between'))}[ \t]+(?:(?:as|os|a|o|the)[ \t]+)?(?:{_STEMS}s?[ \t]+)?[(\[]?\Z", re.IGNORECASE
)
# Two letters weighed, then one of them named at once: "Entre a A e a C, a C." (the letter's check is the caller's).
_PICKED_OF_TWO_BEFORE: Final = re.compile(
    rf"\b{alternation(words('between'))}[ \t]+(?:{_ARTICLES}[ \t]+)?(?:{_STEMS}s?[ \t]+)?(?P<first>[A-E])[ \t]+"
    rf"{_CONJUNCTIONS}[ \t]+(?:{_ARTICLES}[ \t]+)?(?P<second>[A-E])[ \t]*[,:;—–][ \t]*(?:{_ARTICLES}[ \t]+)?\Z",
    re.IGNORECASE,
)
_PICK_CLOSED: Final = re.compile(r"[ \t]*(?:[.!;\n]|[,:—–][ \t]|\Z)")
# A named letter closing the reply after a pause: "É por estar sem emprego, alternativa B."
_AFTER_A_PAUSE: Final = re.compile(r"[,:;—–]\s*\Z")
_LESS_BEFORE: Final = re.compile(r"\b(?:menos|less)\s+\Z", re.IGNORECASE)
# "Menos B e mais C: ...", "less B, more C": the letter after "mais" is the one chosen.
_LESS_THEN_MORE_BEFORE: Final = re.compile(
    rf"\b(?:menos|less)\s+(?:{_ARTICLES}\s+)?[A-E]\s*(?:,\s*|\s+{_CONJUNCTIONS}\s+)(?:mais|more)\s+(?:{_ARTICLES}\s+)?\Z",
    re.IGNORECASE,
)
_LETTER_REF_FILLERS: Final = alternation(("a", "the"))
_NONE_BEFORE: Final = re.compile(
    rf"\b(?:{alternation([*words('none_of_the_above'), *words('none_words')])})\b"
    # (a word of doubt opens a clause of its own: "nenhuma opção explica direito, talvez C ou D" weighs C and D)
    rf"(?:(?!\b{alternation(words('doubt'))}\b)[^.!?;\n]){{0,40}}$",
    re.IGNORECASE,
)
_OWN_LAST_LINE: Final = re.compile(r"\n[ \t]*\n[ \t]*$")
_LISTED_AFTER: Final = re.compile(rf"(?<![\w'’])[A-Z][)\]]?\s*(?:,|\b{_CONJUNCTIONS}\b)\s*$")
_INDECISION: Final = re.compile(
    rf"\b{alternation(words('indecision'))}\b"
    # "Talvez a B, então? Sinceramente, não sei.": not knowing, said last and alone
    rf"|(?:^|(?<=[.!?,;:\n]))\s*(?:\w+,\s*)?{alternation(words('dont_know'))}(?=[\s.!…]*\Z)",
    re.IGNORECASE,
)
_EITHER: Final = re.compile(
    r"\b(?:ou|either)[ \t]+(?:(?:é|seria|será|is)[ \t]+)?(?:(?:a|o)[ \t]+)?(?-i:[A-E])(?![^\W_])[^.!?\n]{0,20}?"
    r"\b(?:ou|or)[ \t]+(?:(?:é|seria|será|is)[ \t]+)?(?:(?:a|o)[ \t]+)?(?-i:[A-E])(?![^\W_])",
    re.IGNORECASE,
)


def letter_class(letters: Sequence[str]) -> str:
    """A character class of ``letters``: ``[ABCD]``."""
    return "[" + "".join(letters) + "]"


@dataclass(frozen=True)
class Patterns:
    """The patterns that depend on the item's letters."""

    letters: tuple[str, ...]
    named_letter: re.Pattern[str]
    hedge: re.Pattern[str]
    loose_letter: re.Pattern[str]


@cache
def patterns(letters: tuple[str, ...]) -> Patterns:
    """Compile the letter-dependent patterns for ``letters`` (cached per letter set)."""
    cls = letter_class(letters)
    upper = f"(?-i:{cls})"  # in a hedge a lower-case "a" is the article: "entre a C e a"
    ref = rf"(?:{_LETTER_WORDS}\s+)?[(\[]?(?:{upper})[)\]]?"
    article = rf"(?:{_LETTER_REF_FILLERS}\s+)?"
    doubt_verb = rf"(?:{alternation(words('doubt_verbs'))}\s+)?"
    negative_after = rf"(?!\s+(?:\w+\s+){{0,2}}?(?:{_NEGATIVE_WORDS}|{alternation(words('negations'))})\b)"
    named_letter = re.compile(
        rf"\b{_LETTER_WORDS}\s*(?P<open>[(\[])?(?P<l>[A-Za-z])(?![^\W_])|(?P<open2>[(\[])(?P<l2>[A-Za-z])[)\]]"
        rf"|(?<![^\s\"'(:,])(?P<l3>[A-Za-z])\)|(?<![\w'’:;=])(?P<l4>{cls})(?![\w'’])",
        re.IGNORECASE,
    )
    hedge = re.compile(
        # "A ou C", "C... ou seria a A?", "D? Ou B?", "A — or is it C?", "A (ou talvez B)"
        # (not two letters set aside together: "C, no lugar de B ou D", "A rather than B or C")
        rf"(?<![\w])(?<!lugar de )(?<!vez de )(?<!não )(?<!nem )(?<!than )(?<!instead of )"
        rf"[(\[]?(?P<a>{upper})[)\]]?[\s.…,?!—–(-]*\s(?:{alternation(words('alternatives'))})\s+"
        rf"(?:{alternation(words('alternative_fillers'))}\s+)?{article}(?:{_LETTER_WORDS}\s+)?"
        rf"[(\[]?(?P<b>{upper})[)\]]?(?![\w])"
        # "tanto A quanto B", "both A and B"
        rf"|\b{alternation(words('both'))}\s+{article}{ref}\s+{alternation(words('both_and'))}\s+{article}{ref}"
        # "entre A e B", "between A and B"
        rf"|\b{alternation(words('between'))}\s+(?:(?:as\s+)?{_STEMS}s\s+)?{article}{ref}\s+{_CONJUNCTIONS}\s+"
        rf"{article}{ref}"
        # "A e B estão corretas", "B and D are both possible" (not "A e B estão erradas")
        rf"|(?<![\w])[(\[]?{upper}[)\]]?\s+{_CONJUNCTIONS}\s+(?:a\s+)?[(\[]?{upper}[)\]]?\s+"
        rf"{alternation(words('plural_predicates'))}\s+(?:\w+\s+){{0,2}}?{alternation(words('plausible'))}\b"
        # "pode ser B, pode ser C"
        # (and on: "pode ser B, pode ser D, pode ser A")
        rf"|\b{alternation(words('possible'))}\s+{article}{ref}(?:\s*[,;]\s*{alternation(words('possible'))}\s+{article}{ref})+"
        # "talvez A, talvez B", "talvez seja C, talvez D"
        rf"|\b{alternation(words('doubt'))}\s+{doubt_verb}{article}{ref}\s*[,;]\s*{alternation(words('doubt'))}\s+"
        rf"{doubt_verb}{article}{ref}"
        # "não tenho certeza se", "not sure whether"
        rf"|\b{alternation(words('unsure'))}\b"
        # "também pode ser (a) B", "could also be B", "could just as well be B"
        rf"|\b{alternation(words('also_possible'))}\b{negative_after}(?:\s+{article}{ref}(?![\w]))?"
        # "a C também pudesse estar certa", "A could also work"
        rf"|(?<![\w])[(\[]?{upper}[)\]]?\s+{alternation(words('also_possible'))}\b{negative_after}"
        # "pode ser a B também"
        rf"|\b{alternation(words('possible'))}\s+{article}{ref}\s+{alternation(words('too'))}\b"
        # "Se for só um comentário, é a A; mas se for uma crítica, seria a C": each letter under a condition of its own
        rf"|\b{_IF}\s[^.;!?\n]{{1,150}}?,\s*(?:[\w'’]+\s+){{0,3}}?{article}(?:{_LETTER_WORDS}\s+)?[(\[]?(?P<c1>{upper})"
        rf"[)\]]?(?![\w])[^.!?\n]{{0,80}}?[;,.]\s*(?:\w+\s+){{0,2}}?{_IF}\s[^.;!?\n]{{1,150}}?,\s*(?:[\w'’]+\s+){{0,3}}?"
        rf"{article}"
        rf"(?:{_LETTER_WORDS}\s+)?[(\[]?(?!(?P=c1))(?P<c2>{upper})[)\]]?(?![\w])"
        # "mas talvez seja a D", "or maybe C" (a second guess: a hedge only after another letter)
        rf"|(?P<second_guess>\b(?:{alternation([*words('contrasts'), *words('alternatives')])})\s+"
        rf"{alternation(words('doubt'))}\s+(?:{alternation(words('doubt_verbs'))}\s+)?{article}(?:{_LETTER_WORDS}\s+)?"
        rf"[(\[]?{upper}[)\]]?(?![\w]))",
        re.IGNORECASE,
    )
    loose = [letter for letter in letters if letter not in "AEIO"]
    loose_class = letter_class(loose) if loose else "(?!)"
    articles_a = "".join(rf"|(?<=\b{article}\s)A" for article in ("a", "o", "da", "the")) if "A" in letters else ""
    loose_letter = re.compile(rf"(?<![\w'’])(?:{loose_class}{articles_a})(?![\w'’])")
    return Patterns(tuple(letters), named_letter, hedge, loose_letter)


@dataclass(frozen=True)
class _Candidate:
    """A place where a letter is named, before any verdict is passed on it."""

    start: int  # the letter itself
    lead: int  # where its phrase begins: the letter word, the bracket or the answer keyword
    letter: str
    keyword: bool  # introduced by an answer keyword: "Resposta:", "escolho", "The answer is"
    bare: bool  # a capital with no letter word or bracket: "Então B."


@dataclass(frozen=True)
class Mention:
    """A letter named in the answer and what the answer says of it."""

    start: int
    letter: str
    kind: str  # "commit", "reject", "considered", "neutral" or "listed" (one of several letters listed together)
    bare: bool = False  # a capital letter with no letter word or bracket: "Então B."
    by: str = ""  # what made it a commitment: "keyword", "verdict" or "position"; "lines" for option lines listed


_TAGS: Final = frozenset(word.casefold() for word in words("chat_tags"))
# (not "isso": "A isso se soma ..." opens on the preposition)
_KEPT_WORDS: Final = frozenset(word.casefold() for word in words("keeping") if " " not in word and word != "isso")
# A header that rules out the letters listed after its colon, in the same sentence: "Riscando: A (...), B (...)"
# (not a conclusion, "Por eliminação: C.").
_LISTED_UNDER_A_RULING_OUT: Final = re.compile(
    rf"\b{alternation(w for w in words('eliminating') if 'elimination' not in w and 'eliminação' not in w)}\b"
    r"[^\n:.!?]{0,30}:[^\n.!?]*\Z",
    re.IGNORECASE,
)
# A few words after a letter and a comma that end its sentence: "B, all in."
_RESTATED_AFTER_A_COMMA: Final = re.compile(r"[ \t]*,[ \t]*(?P<words>[^.!?\n,;:]{2,60}?)[ \t]*[.!](?:\s|\Z)")
# Participles that rule the capital before them out when they close its clause: "— A descartada." ("A descartada
# voltou" would be an article and its noun).
_RULED_OUT_PARTICIPLES: Final = frozenset(fold(word) for word in words("ruled_out_participles"))
_CLAUSE_CLOSES: Final = re.compile(r"[ \t]*(?:[.;,!]|\n|\Z)")


def _is_letter(text: str, start: int, explicit: bool) -> bool:
    """Whether the single character at ``start`` is an answer letter and not a word or an article.

    ``explicit``: a letter word ("alternativa", "letra", "option") or a bracket comes right before it.
    """
    char = text[start]
    end = start + 1
    if end < len(text) and (text[end].isalnum() or text[end] in "'’"):
        return False  # part of a word: "Ele", "A's"
    if char in "xX" and text[start - 1 : start] == "[" and text[end : end + 1] == "]":
        return False  # a ticked box: "- [x] Li o texto"
    if not explicit and _GRADE_ARTICLE_BEFORE.search(text, max(0, start - 8), start):
        return False  # a grade, masculine where an option is feminine: "é um A baixo, mas ainda assim um A"
    if _COMPARED.match(text, end):
        return True  # "B do que C", "C than D"
    if _EMPHATIC_AFTER.match(text, end):
        return True  # "não descarto a C de jeito nenhum"
    if _CALLED_RIGHT_AFTER.match(text, end):
        return True  # "não é que eu não ache a D a certa"
    if _WINS_OVER.match(text, end):
        return True  # "D ganha de C"
    if char.isupper() and _spelt_by_a_word(text, end, char) is not None:
        return True  # "B de bebum", "C de casa": the letter spelt by a word that begins with it
    if char in "aeo" and not explicit and _QUOTE_NEXT.match(text, end):
        return False  # the article of a quoted phrase: 'é o "foi incrível"'
    if _TERMINATOR.match(text, end) or _AFFIRMED_AFTER.match(text, end) or _OVER_THE_OTHERS.match(text, end):
        return True  # "D com ctz, o cara ..."
    after = _AFTER_LETTER.match(text, end)
    following = after["next"] or ""
    if char in "AO" and len(following) == 1 and following.isupper():
        return False  # the article of the letter after it: "A E cobre melhor esse ponto"
    if following.casefold() in _TAGS:
        return True  # "é a A neh, ..."
    if char.isupper() and following.casefold() in _KEPT_WORDS:
        return True  # "A não; B sim."
    if char.isupper() and fold(following) in _RULED_OUT_PARTICIPLES and _CLAUSE_CLOSES.match(text, after.end()):
        return True  # "Cansaço do cérebro não faz dedo sarar — A descartada."
    # (A lower-case "a", "e" or "o" before a word is the article or the conjunction: "é a mesma coisa".)
    if following.casefold() in _CONNECTIVES and not (char in "aeo" and not explicit):
        return True
    if char.islower():
        return False  # "a seguir", "e depois": article, preposition, conjunction
    # "Alternativa A fala de ...", "(B) Ele ..." are letters; a bare "A Molly", "A mulher", "B somos" is not.
    return explicit


def _option_opens_at(text: str, start: int, options: Sequence[str] | None) -> bool:
    """Whether an option's text, three words of it or more, begins at ``start`` ("A Emma precisava ...")."""
    if not options:
        return False
    said = fold(text[start : start + 200]).split()[:3]
    return any(len(words_) >= 3 and words_[:3] == said for words_ in (fold(option).split() for option in options))


def _quotes_an_option(text: str, end: int, options: Sequence[str] | None) -> bool:
    """Whether a quote right after ``end`` opens with an option's first words ('A "nenhuma das alternativas"')."""
    quoted = _QUOTE_AFTER.match(text, end)
    if not quoted or not options:
        return False
    said = fold(quoted[1]).split()[:3]
    return any(fold(option).split()[: len(said)] == said for option in options)


def _candidates(text: str, p: Patterns, options: Sequence[str] | None = None) -> list[_Candidate]:
    """Every place a letter is named, in order; articles, words and prose enumerations are left out."""
    found: dict[int, _Candidate] = {}
    position = 0
    while (match := _ANSWER_KEYWORD.search(text, position)) is not None:
        start = match.start("l")
        # After a keyword "B em vez da C" is a letter, but "A", "E" and "O" before a word are the Portuguese
        # article or conjunction ("Resposta: O avião ...") unless a letter word or a bracket comes first.
        explicit = bool(match["word"] or match["open"]) or match["l"] not in "AEOaeo"
        # (and so is a capital after a lower-case article: "Só a A se apoia no texto")
        explicit = explicit or (match["l"].isupper() and bool(_LOWER_ARTICLE_BEFORE.search(text, match.start(), start)))
        # "... a resposta correta é a": a reply broken off after the article, its letter never written.
        # (not after "de", where the article would be "da": "vai de a" closes on the letter)
        broken_off = (
            not explicit
            and match["l"].islower()
            and not text[start + 1 :].strip()
            and text[:start].rstrip()[-1:].isalpha()
            and not _DE_BEFORE.search(text, match.start(), start)
        )
        # 'a resposta é: "A Emma precisava de sapatos novos."': the quote is an option's text, its "A" an article
        quoted_option = match["open"] in ('"', "'") and _option_opens_at(text, start, options)
        if not broken_off and not quoted_option and _is_letter(text, start, explicit=explicit):
            found[start] = _Candidate(start, match.start(), match["l"].upper(), keyword=True, bare=False)
            position = match.end()
        else:
            # The article of "Resposta: A alternativa correta é a C" is no letter, and the keyword phrase that
            # begins inside this match ("alternativa correta é a C") must still be found.
            position = match.start() + 1
    for match in p.named_letter.finditer(text):
        group = next(g for g in ("l", "l2", "l3", "l4") if match[g])
        start = match.start(group)
        if start in found:
            continue
        # A capital listed after another letter ("B e C só repetem ...") is a letter, not a word, and so is an "A"
        # after a lower-case article ("acho a A mais provável": an article is not followed by another).
        # (the list looked for right before the letter only: the work per letter stays bounded)
        explicit = group != "l4" or (
            text[start] not in "AEO" and bool(_LISTED_AFTER.search(text, max(0, start - 80), start))
        )
        # (and so is any capital after one: "Já a B repete quase literalmente o texto")
        explicit = explicit or bool(_LOWER_ARTICLE_BEFORE.search(text, max(0, start - 6), start))
        # A lower-case bare letter counts only opening the reply ("d né, ela vai morrer"), and never "a", "e", "o".
        if group == "l4" and not text[start].isupper():
            if text[start] in "aeo" or not (
                _OPENING_GAP.fullmatch(text, 0, start) or _concluded_in_lower_case(text, start)
            ):
                continue
            explicit = True
        if (
            group == "l4"
            and text[start] in "AEO"
            and _QUOTED_WORD_AFTER.match(text, start + 1)
            and not _quotes_an_option(text, start + 1, options)
        ):
            continue  # the article of a quoted word: 'A "musa" is most likely her girlfriend', not 'A "Nenhuma ..."'
        if group == "l4" and _LETTERED_NOUN_BEFORE.search(text, max(0, start - 20), start):
            continue  # "o show era o plano B", "vitamina C": a kind the capital names, not an option
        line_start = text.rfind("\n", max(0, start - 400), start) + 1
        line_before = text[line_start:start]
        if group == "l3" and (
            line_before.count("(") > line_before.count(")") or (text[start].islower() and line_before.strip(" -*•"))
        ):
            continue  # "(NYSE: A)" closes a parenthesis; "porque a) ... e b) ..." enumerates in prose
        if group == "l" and text[start].islower() and not _is_letter(text, start, explicit=True):
            continue
        if not _is_letter(text, start, explicit=explicit):
            continue
        found[start] = _Candidate(start, match.start(), text[start].upper(), keyword=False, bare=group == "l4")
    candidates = sorted(found.values(), key=lambda c: c.start)
    # An option label the reply breaks off at ("B) errada.\nC) ") names nothing; after another option's label on a
    # line of its own ("Alternativa A)\n\n...\n\nAlternativa B)") it goes on a list the reply was echoing.
    if candidates and _is_dangling(text, candidates[-1]):
        echoing = any(
            _on_option_line(text, other) and _OPTION_LABEL_LINE.match(text, other.start + 1)
            for other in candidates[:-1]
        )
        if not echoing:
            candidates.pop()
    return candidates


_LETTER_LABEL: Final = re.compile(rf"(?:(?:a|o|the)\s+)?{_LETTER_WORDS}", re.IGNORECASE)


def goes_through_the_options(text: str, letters: Sequence[str], start: int) -> bool:
    """Whether the letter at ``start`` is one step of a walk through the options, not a choice: the reply breaks off
    at the next option's label ("Analisando as alternativas:\n\nA) ... não explica.\n\nB)"), or the letter heads
    its line after the reply announced it would go through them ("Vamos ver cada alternativa:\n\nA) ...")."""
    label = _LAST_LINE_LABEL.search(text[-40:])
    if label and label["l"].upper() in letters:
        return True
    line_start = text.rfind("\n", 0, start) + 1
    # (after its letter word too: "- A alternativa B fala em criar um clima para ler, mas")
    label = text[line_start:start].strip(" \t-*•#>([")
    heads_its_line = not label or bool(_LETTER_LABEL.fullmatch(label))
    return heads_its_line and bool(_WALK_THROUGH.search(text, 0, line_start))


_QUOTE_NEXT: Final = re.compile(r"[ \t]*[\"“'‘]")
_DE_BEFORE: Final = re.compile(r"(?<![^\W\d_])de[ \t]+\Z", re.IGNORECASE)
# A double negation said of the letter before it: "A C não tem como não ser a certa" (the conclusions "não tem como
# não ser", "não há como não ser" after their subject).
_CANNOT_BUT_BE: Final = re.compile(
    rf"[ \t,]*{alternation([phrase for phrase in words('conclusions') if phrase.endswith('não ser')])}\b",
    re.IGNORECASE,
)
# What may follow a letter that closes the reply in lower case: "... né. b com ctz".
_AFFIRMING_REST: Final = re.compile(
    rf"{alternation([*words('affirming'), *words('chat_tails')])}[\s.!]*", re.IGNORECASE
)


def _concluded_in_lower_case(text: str, start: int) -> bool:
    """Whether a lower-case letter closes the reply after a word of conclusion ("... entao a d", "logo, c") or as a
    sentence of its own ("... por isso é interessante né. c", "... né. b com ctz")."""
    rest = text[start + 1 :].strip(" \t\n.!)")
    if (rest and not _AFFIRMING_REST.fullmatch(rest)) or start == 0:
        return False
    return bool(
        _CONCLUDED_BEFORE.search(text, max(0, start - 40), start)
        or _SENTENCE_THEN_LETTER.search(text, max(0, start - 4), start)
    )


def _is_dangling(text: str, candidate: _Candidate) -> bool:
    if candidate.keyword or not text[: candidate.lead].strip():
        return False
    if candidate.lead < candidate.start and text[candidate.start + 1 :].strip() in (".", "!"):
        return False  # "... não deixariam ninguém desse jeito.\n\nAlternativa A.": a sentence that names the answer
    return bool(_DANGLING.match(text, candidate.start + 1)) and _on_option_line(text, candidate)


def _lists(text: str, candidates: list[_Candidate]) -> list[list[int]]:
    """Indices of the candidates that form lists: runs joined only by commas, "e"/"and" or line breaks,
    naming at least two different letters ("As alternativas são A, B, C e D", "Alternativa A\\nAlternativa B")."""
    runs: list[list[int]] = []
    for index in range(len(candidates)):
        previous = candidates[index - 1] if index else None
        current = candidates[index]
        joined = previous is not None and bool(_LIST_GAP.fullmatch(text, previous.start + 1, current.start))
        if joined and "\n" in text[previous.start : current.start] and not _LINE_ENDS.match(text, current.start + 1):
            joined = False  # "C)\nA: não": a line that judges its own letter is not a list item
        elif joined and "\n" not in text[previous.start : current.start]:
            # A list names each letter once: "Entre A e B, a A faz mais sentido" names A again to judge it; and a
            # letter chosen is no list with the one judged on its own after it: "vai na A, a C é mto genérica".
            # (nor is a letter said to fit after the letters it differs from: "Diferente da C, a B capta ...")
            joined = (
                current.letter not in {candidates[i].letter for i in runs[-1]}
                and not (previous.keyword and _OWN_PREDICATE.match(text, current.start + 1))
                and not (current.keyword and _FITS_OUTRIGHT_AFTER.match(text, current.start + 1))
            )
        if (
            not joined
            and previous is not None
            and len(runs[-1]) >= 2
            and current.letter not in {candidates[i].letter for i in runs[-1]}
        ):
            # "ou" closes a list of three or more as "e" does: "jamais B, C ou D" ("C ou D" alone weighs two)
            joined = bool(_OR_CLOSING_A_LIST.fullmatch(text, previous.start + 1, current.start))
        if joined:
            runs[-1].append(index)
        else:
            runs.append([index])
    return [run for run in runs if len({candidates[i].letter for i in run}) >= 2]


def _skip_option_text(text: str, end: int, options: Sequence[str] | None) -> int:
    """Skip a quoted option after its letter ("D) Sei que, se eu não estiver lá ..."): it is no verdict."""
    if not options:
        return end
    lead = re.compile(r"[\s)\].:\-–]*").match(text, end)
    start = lead.end()
    for option in options:
        body = option.strip().rstrip(".")
        if body and text[start : start + len(body)].casefold() == body.casefold():
            return start + len(body)
    return end


# (after a colon or a dash too: "Opção 2: porque concordo com ..., não só no café")
_REASON_FIRST: Final = re.compile(rf"[ \t]*[:—–-]?[ \t]+{alternation(words('reason_words'))}[ \t]", re.IGNORECASE)
# An option that opens with "Não,", and a "no" after its letter that goes on as the option does.
_OPENING_NO: Final = re.compile(rf"[\s)\].:\-–—]*{alternation(words('no_words'))},(?=[^\S\n]*\w)", re.IGNORECASE)
_PLAIN_NEGATION: Final = re.compile(rf"\b{alternation(words('plain_negations'))}\b|n['’]t\b", re.IGNORECASE)


def _restates_own_no(text: str, end: int, letter: str, options: Sequence[str] | None) -> bool:
    """Whether the "no" right after a letter is its own option's opening "Não," said again, in either language ("C —
    no, he's not going to watch it" for "Não, ele não assiste muito TV."): the negations that follow are the option's,
    not a verdict on it, when both go on to a negation. A bare "C: não." is still a verdict, and so is "C: não, o texto
    diz que ele vê"."""
    index = ord(letter) - ord("A")
    if not options or not 0 <= index < len(options):
        return False
    own, said = _OPENING_NO.match(options[index].strip()), _OPENING_NO.match(text, end)
    if not own or not said:
        return False
    stop = _SENTENCE_END.search(text, said.end())
    rest = text[said.end() : stop.start() if stop else len(text)]
    return bool(_PLAIN_NEGATION.search(options[index].strip(), own.end()) and _PLAIN_NEGATION.search(rest))


def _verdict(text: str, end: int, options: Sequence[str] | None, limit: int | None = None) -> str | None:
    """The verdict the clause after a letter passes on it: "commit", "reject", "considered" (right only under a
    condition, or only at first sight) or ``None``.

    The clause runs from ``end`` (just after the letter) to the end of the sentence or to ``limit``, where
    the next letter's phrase begins: in "A ✗ B ✗ C ✓" each mark judges the letter before it only.
    """
    end = _skip_option_text(text, end, options)
    # A mark right after the letter judges it, whatever the words after it say ("letra C ✅ ele fala que não ...").
    mark = _MARK_AFTER.match(text, end)
    if mark:
        if mark["mark"] in TICK_MARKS and _IN_PART_AFTER.match(text, mark.end()):
            return "considered"  # "A ✔ (parcialmente)": a tick taken back in part
        return "commit" if mark["mark"] in TICK_MARKS else "reject"
    stop = _VERDICT_END.search(text, end, end + 600)
    if stop and text[stop.start()] in ".;!" and _POINTED_AT.match(text, stop.end()):
        return "commit"  # "ah, tem a E, formatura. É essa."
    if stop and text[stop.start()] in ".;!" and _POINTED_AT_LATER.match(text, stop.end()):
        return "commit"  # "Não descartaria a D. Aliás, nem deveria cogitar descartar: é ela."
    if stop and text[stop.start()] in ".;" and _REFERRING_BACK.match(text, stop.end()):
        stop = _VERDICT_END.search(text, stop.end(), end + 600)  # "a A; é a que faz mais sentido"
    stop_at = stop.start() if stop else min(len(text), end + 600)
    if stop and text[stop.start()] == "?" and _CONFIRMED_AFTER_THE_QUESTION.match(text, stop.end()):
        return "commit"  # "sla, D? o cara dirige suave, é isso. as outras falam do atraso"
    if stop and text[stop.start()] == "?":  # "Alternativa B? Não." "C? Sim!": a short reply to the question
        reply = _SHORT_REPLY.match(text, stop.end())
        if reply:
            stop_at = reply.end()
    sentence = text[end : min(stop_at, limit) if limit is not None else stop_at]
    # Only the clause right after the letter: "A está errada, mas B está certa" judges A as wrong.
    after = _CLAUSE_SPLIT.split(sentence, maxsplit=1)[0]
    after = _CORRECTION.split(after, maxsplit=1)[0]  # "A, ou melhor, C": what follows corrects, it judges nothing
    if _REASON_FIRST.match(after):
        return None  # "letra B pq ele é bixo do 1º ano ... tava no lugar errado": the reasons for the letter
    # What the clause quotes is said by someone else: 'B: o comentário dele, "Não é muito sutil, né?"'.
    after = _QUOTED.sub(" ", after)
    if _CANNOT_BUT_BE.match(after):
        return "commit"  # "A C não tem como não ser a certa"
    if _CALLED_THE_FIT.match(after) or _CALLED_THE_ANSWER.match(after):
        return "commit"  # "a C é a que o texto sustenta", "`D` é a minha resposta."
    if _rejects(after[:80], _own_option_words(text, end, options)):
        return "reject"
    if _denies_rejection(after[:80]):
        # "A D não está incorreta", "D isn't wrong"; not "A opção A não está errada, mas é genérica demais"
        return "considered" if _CONTRAST.search(text, end + len(after), stop_at) else "commit"
    if _praises(after[:80], _own_option_words(text, end, options)):
        # "B e C são opostas, então uma delas é a certa": said of a pair, the praise chooses neither yet
        if _ONE_OF_THEM_SAID.search(after[:80]):
            return "considered"
        if _CONDITIONAL.search(after[:120]):
            return "considered"
        if _APPEARANCE.search(after[:80]) and _CONTRAST.search(text, end + len(after), stop_at):
            return "considered"
        return "commit"
    return None


_PAUSE_THEN_REASONS: Final = re.compile(r"[ \t]*(?:[—–:]|\s-\s)[ \t]*[^\W\d_]")
_REASONS_AFTER_A_COMMA: Final = re.compile(r"[ \t]*,[ \t]*(?:[^\W\d_]+[ \t,]+){3}")
_DASH_THEN_REASONS: Final = re.compile(r"[ \t]*(?:[—–]|\s-\s)[ \t]*[^\W\d_]")


_ANSWERABLE: Final = re.compile(
    rf"(?P<negated>\b(?:{alternation(_PLAIN_NEGATIONS)})[ \t]+)?"
    rf"\b{alternation(words('answerable'))}\b",
    re.IGNORECASE,
)


_SENTENCE_STOP: Final = re.compile(r"[.!?\n]")


def _says_answerable(text: str, start: int, end: int) -> bool:
    """Whether the sentence from ``start`` (no further than ``end``) says, unnegated, that the question has an
    answer."""
    stop = _SENTENCE_STOP.search(text, start, end)
    found = _ANSWERABLE.search(text, start, stop.start() if stop else end)
    return found is not None and not found["negated"]


def _is_the_none_option(options: Sequence[str] | None, letter: str) -> bool:
    """Whether ``letter``'s option is "none of the above"."""
    index = ord(letter) - ord("A")
    return bool(options) and 0 <= index < len(options) and is_none_of_the_above(options[index])


@dataclass(frozen=True)
class _Placement:
    """Where a letter stands that makes it the answer: what comes right before it (within ``reach`` characters of its
    phrase, or from the reply's start when ``reach`` is ``None``) and one of the things that may come right after it."""

    before: re.Pattern[str]
    reach: int | None
    after: tuple[re.Pattern[str], ...]
    bare_only: bool = True

    def holds(self, text: str, candidate: _Candidate) -> bool:
        if self.bare_only and not candidate.bare:
            return False
        floor = 0 if self.reach is None else max(0, candidate.lead - self.reach)
        if not self.before.search(text, floor, candidate.lead):
            return False
        return any(pattern.match(text, candidate.start + 1) for pattern in self.after)


_PLACEMENTS: Final = (
    # "... é ela cuidar de doentes em geral: C. A B nem aparece."
    _Placement(_SAID_AFTER_A_COLON, 40, (_ENDS_ITS_SENTENCE,)),
    # "Classic case of bebeu demais. A. Not C, ...", "... que ela imaginava. B. A C ela mesma nega."
    _Placement(_SENTENCE_THEN_LETTER, 4, (_ALONE_THEN_NOT,)),
    # "nossa q triste lembrar disso... A, ficamos vendo o jornal o dia inteiro"
    _Placement(_SENTENCES_WITHOUT_A_LETTER, None, (_LAST_REASONS_AFTER_A_COMMA,)),
    # "... gêmeos surpresa socorro. C ne, ela nem sabia q eram dois"
    _Placement(_SENTENCE_THEN_LETTER, 4, (_TAG_THEN_PAUSE,)),
    # "ahh eu ia marcar a A ... pera nao kkk ... entao nenhuma explica. vai D"
    _Placement(_GOES_TO_BEFORE, 12, (_CLOSES_THE_REPLY,)),
    # "Será C? Não, ... Ok, B: seguiu em frente e terminou a apresentação"
    _Placement(_SETTLED_ON, 12, (_REASONS_AFTER_A_COLON, _ENDS_ITS_SENTENCE)),
    # "... pediu pra embrulhar o q sobrou né, A. a comida nem tava boa", "enfim, A, os adultos ficaram descansando"
    _Placement(_SAID_AFTER_A_CHAT_WORD, 20, (_ENDS_ITS_SENTENCE, _REASON_AFTER_A_COMMA)),
    # "Nervosa, D — de jeito nenhum relaxada (B), ..."
    _Placement(_WORDS_THEN_COMMA, None, (_DASH_OR_STOP_AFTER,)),
    # "... numa segunda de manhã 😩 A, condicionadas, tipo lavagem cerebral msm"
    _Placement(_EMOJI_THEN_LETTER, 4, (_REASON_AFTER_A_COMMA, _ENDS_ITS_SENTENCE)),
    # "Não a B, mas a C: era turnê promocional, não turnê musical."
    _Placement(_BUT_AFTER_A_DENIAL, 80, (_LETTER_THEN_PAUSE,), bare_only=False),
    # "Com base no texto, A: no sonho ela estava na casa da tia"
    _Placement(_ACCORDING_OPENING, None, (_LETTER_THEN_PAUSE,), bare_only=False),
    # "Nem A nem E; C, o inimigo em comum."
    _Placement(_AFTER_NEITHER_NOR, 40, (_LETTER_THEN_PAUSE,), bare_only=False),
)


def _named_in_a_sentence_of_its_own(text: str, candidate: _Candidate) -> bool:
    """Whether the letter closes a few words that open the reply, in brackets ("Cadete (D). Oficial (C) e comandante
    (B) são patentes altas demais"), or is named with its word as the only sentence of its own after the reasons ("...
    queriam mostrar o show dos golfinhos. Letra A; o teleférico (C) foi só ..."; not "Alternativa A. Fala de sono.
    Alternativa B. Fala de saída.", which goes through them)."""
    if (
        text[candidate.lead : candidate.start].strip() == "("
        and _DESCRIBED_OPENING.match(text[: candidate.lead])
        and _CLOSED_SENTENCE_AFTER.match(text, candidate.start + 1)
    ):
        return True
    return (
        not candidate.bare
        and _NAMED_AS_A_SENTENCE.search(text, max(0, candidate.start - 40), candidate.start) is not None
        and _SENTENCE_CLOSED_AFTER.match(text, candidate.start + 1) is not None
        and len(_LETTERS_NAMED_AS_SENTENCES.findall(text)) == 1
    )


def _restated_in_a_sentence_of_its_own(text: str, candidate: _Candidate, options: Sequence[str] | None) -> bool:
    """Whether a bare letter opens a sentence of its own (the reply's, or one after a question or a statement) and a
    few of its own option's words close it after a comma: "... num flop desses? B, all in." for "Posso ter ido all
    in."."""
    if not candidate.bare or not (
        _OPENING_GAP.fullmatch(text, 0, candidate.lead)
        or _SENTENCE_THEN_LETTER.search(text, max(0, candidate.lead - 4), candidate.lead)
    ):
        return False
    restated = _RESTATED_AFTER_A_COMMA.match(text, candidate.start + 1)
    if not restated:
        return False
    said = _words_of(restated["words"])
    return bool(said) and said <= _own_option_words(text, candidate.start + 1, options)


def _own_option_words(text: str, end: int, options: Sequence[str] | None) -> frozenset[str]:
    """The words of the option whose letter ends at ``end``: "a C, jeito errado" says its own option's "errado"."""
    index = ord(text[end - 1 : end].upper() or "@") - ord("A")
    if not options or not 0 <= index < len(options):
        return frozenset()
    return _words_of(options[index])


@cache
def _words_of(text: str) -> frozenset[str]:
    """The folded words of ``text`` (an option's, read once however many verdicts consult it)."""
    return frozenset(re.findall(r"[^\W\d_]+", fold(text)))


def _praises(clause: str, own: frozenset[str] = frozenset()) -> bool:
    """Whether ``clause`` praises its letter; not by a word its own option says ("A C diz que era para manter a
    postura correta")."""
    # (a mark has no words to share with its option: "D: 9 ← escolho essa")
    return any(
        not (own and _words_of(match.group()) and _words_of(match.group()) <= own)
        for match in _POSITIVE.finditer(clause)
    )


def _rejects(clause: str, own: frozenset[str] = frozenset()) -> bool:
    """Whether ``clause`` rejects its letter; a rejection negated ("não contradiz o texto", "não está errada") does
    not, and neither does a word the letter's own option says (``own``: "a C, jeito errado")."""
    for match in _NEGATIVE.finditer(clause):
        if own and match.group(1) is not None and _words_of(match.group(1)) <= own:
            continue
        if match.group(1) is None:
            if _WRONG_AFTER.match(clause, match.end()):
                continue  # "não está incorreta": the wrong word after it is negated, read below
            return True
        if not _NEGATED_BEFORE.search(clause, 0, match.start()):
            return True
    return False


def _denies_rejection(clause: str) -> bool:
    """Whether ``clause`` says its letter is not wrong: "não está incorreta", "isn't wrong" (a double negation)."""
    return any(
        match.group(1) is not None and _NEGATED_BEFORE.search(clause, 0, match.start())
        for match in _NEGATIVE.finditer(clause)
    )


def _sentence_up_to(text: str, start: int, marks: str = ".!?\n") -> str:
    """The sentence that holds ``start`` (ended by one of ``marks``, 400 characters at most), up to it."""
    floor = max(0, start - 400)
    cut = max(text.rfind(mark, floor, start) for mark in marks)
    return text[max(cut + 1, floor) : start]


def _sentence_before(text: str, start: int) -> str:
    """The clause before ``start``: "I think it is B, but it could be C" gives C only "but it could be"."""
    return _BEFORE_SPLIT.split(_sentence_up_to(text, start, ".!?\n;"))[-1]


def _judge(text: str, candidate: _Candidate, limit: int, options: Sequence[str] | None) -> tuple[str, str]:
    """The kind of one named letter and what made it a commitment: ("commit", "keyword"), ("reject", "") ..."""
    window = max(0, candidate.start - 80)
    after_letter = _closing(text, candidate.start + 1)
    # (the option restated after its own "Não," judges nothing: "C — no, he's not going to watch it")
    restated = _restates_own_no(text, after_letter, candidate.letter, options)
    verdict = None if restated else _verdict(text, after_letter, options, limit)
    if (
        candidate.bare
        and text[candidate.start + 1 :].strip(
            " \t.…"
        )  # (not the letter a reply is cut off at: "...; a B também não; a C")
        and _LISTED_UNDER_A_RULING_OUT.search(text, max(0, candidate.lead - 300), candidate.lead)
    ):
        return "reject", ""  # "Riscando: A (ele tocou, estava abraçado), B (eram amigos próximos), D (...)."
    if (verdict == "reject" or _NEGATED_VERB_AFTER.match(text, candidate.start + 1)) and _DENIED_DOUBT_BEFORE.search(
        text, window, candidate.start
    ):
        # "Eu não diria que a A não é a certa", "Não dá pra dizer que a C não descreve ..."; but "Não acho que a D
        # esteja totalmente descartada, mas ..." only keeps it in play
        if _FAULT_DENIED_AFTER.match(text, candidate.start + 1):
            return "reject", ""
        sentence_end = _SENTENCE_END.search(text, candidate.start + 1)
        if _CONTRAST.search(text, candidate.start + 1, sentence_end.start() if sentence_end else len(text)):
            return "considered", ""
        return "commit", "verdict"
    if _NOT_DISCARDED_AFTER.match(text, candidate.start + 1):
        return "commit", "verdict"  # "A opção C não é uma que eu descartaria"
    if _DENIED_RULING_OUT_BEFORE.search(text, window, candidate.start) and _EMPHATIC_AFTER.match(
        text, candidate.start + 1
    ):
        return "commit", "keyword"  # "Eu não descartaria a B de jeito nenhum."
    if _DENIED_DENIAL_BEFORE.search(text, window, candidate.start) or (
        _DENIAL_DENIED_AROUND.search(text, window, candidate.start)
        and (_DENIED_AFTER.match(text, candidate.start + 1) or _FAULT_AFTER.match(text, candidate.start + 1))
    ):
        return "commit", "keyword"  # "Eu não diria que não é a C", "Não é outra que não a B", "não é que a D não seja"
    if _LESS_THEN_MORE_BEFORE.search(text, window, candidate.lead):
        return "commit", "verdict"
    picked = _PICKED_OF_TWO_BEFORE.search(text, window, candidate.lead)
    # (not the subject of a clause after it: "Entre B e C, a C só inverte o raciocínio")
    if (
        picked
        and candidate.letter in (picked["first"].upper(), picked["second"].upper())
        and _PICK_CLOSED.match(text, candidate.start + 1)
    ):
        return "commit", "verdict"
    if (
        candidate.bare
        and _NO_SENTENCE_BEFORE.search(text, max(0, candidate.lead - 16), candidate.lead)
        and _DASH_THEN_REASONS.match(text, candidate.start + 1)
    ):
        return "commit", "position"  # "C?? não. E — a primeira coisa que fizemos foi ligar pra família."
    if (
        candidate.bare
        and _AFTER_A_STRUCK_LINE.search(text, max(0, candidate.lead - 300), candidate.lead)
        # (with its reasons, or alone closing the reply: "**~~D~~** — ...\n\n# B")
        and (_PAUSE_THEN_REASONS.match(text, candidate.start + 1) or not text[candidate.start + 1 :].strip(" \t.!"))
    ):
        return "commit", "position"  # "<li><s>D</s> – ...</li><li><strong>C</strong> – queria fazer parte ...</li>"
    if _BETWEEN_BEFORE.search(text, window, candidate.start):
        return "considered", ""  # "Então fica entre C e...": one of two weighed, the reply cut before the other
    if _DENIED_DESCRIPTION_BEFORE.search(text, window, candidate.start):
        return "reject", ""  # "Não foi o tédio (C), que só veio depois"
    if _GOVERNING_NEGATION.search(text, window, candidate.start) or _SET_ASIDE_LABEL.search(
        text, window, candidate.start
    ):
        return "reject", ""
    if candidate.keyword and _NEGATED_CHOICE.search(text, window, candidate.start):
        return "reject", ""  # "Não escolheria B nem C de jeito nenhum."
    if _SECOND_CHOICE_BEFORE.search(text, window, candidate.start):
        return "considered", ""  # "Isso é a A. Se eu tivesse que escolher uma segunda, seria a D, mas não é ela."
    if candidate.keyword and _OTHERS_CHOOSE.search(text, window, candidate.start):
        return "neutral", ""  # "Muita gente iria na B por achar que ...": someone else's choice
    if candidate.keyword:
        # After a colon come the reasons: "a que faz mais sentido é a alternativa D: não tem pra onde ir ..."
        reasons = _REASONS_AFTER_A_PAUSE.match(text, candidate.start + 1)
        # ("não tenho como não marcar a A, mesmo achando 'nenhum dos alunos' exagerado": a fault granted, kept)
        conceded = _CONCESSION_AFTER.match(text, candidate.start + 1)
        return ("reject", "") if verdict == "reject" and not reasons and not conceded else ("commit", "keyword")
    label = _VERDICT_LABEL.search(text, window, candidate.start)
    if label:
        return ("reject", "") if label["bad"] else ("commit", "keyword")
    if _OVER_THE_OTHERS.match(text, after_letter) or _WINS_OVER.match(text, candidate.start + 1):
        return "commit", "verdict"
    if _CHOSEN_AFTER.match(text, candidate.start + 1):
        return "commit", "verdict"  # "Já a B repete o 'titia - segunda mãe'. Fico com ela.": chosen, whatever is said
    if _BEATEN_BEFORE.search(text, window, candidate.lead):
        return "considered", ""  # the "C" of "D ganha de C": weighed and lost, whatever closes the reply
    before = _sentence_before(text, candidate.lead)
    if (
        verdict is None
        and _SO_BEFORE.search(text, window, candidate.lead)
        and _TERMINATOR.match(text, candidate.start + 1)
    ):
        return "commit", "keyword"  # "... are the classic remedies for that. So, A. The fever options ..."
    if (
        verdict == "reject"
        and _CONCLUDED_BEFORE.search(text, window, candidate.lead)
        and (
            _REASONS_AFTER_A_PAUSE.match(text, candidate.start + 1)
            or _CONCESSION_AFTER.match(text, candidate.start + 1)
        )
    ):
        return "commit", "keyword"  # "Portanto A — o motivo real, o Nick pedir, não está entre as opções."
    if (
        verdict == "reject"
        and _is_the_none_option(options, candidate.letter)
        and _CONCLUDED_BEFORE.search(text, window, candidate.lead)
        and _REASONS_AFTER_A_COMMA.match(text, candidate.start + 1)
    ):
        return "commit", "keyword"  # "acho q A, nao tem nada sobre acordar no texto": what the text lacks is its reason
    if (
        verdict == "reject"
        and not candidate.bare
        and _OPENING_GAP.fullmatch(text, 0, candidate.lead)
        and _SENTENCE_OF_NO_AFTER.match(text, candidate.start + 1)
        and "\n" not in text[candidate.start :].strip()
        and not any(other != candidate.letter for other in _CAPITAL_LETTER.findall(text, candidate.start + 1))
    ):
        # "Alternativa A) Não é o que é o motivo de você, e não é o que ...": the reply's one letter, opening it; the
        # sentence after its label is what a small model wrote for it, not a verdict on it
        return "commit", "position"
    if (
        verdict == "reject"
        and _is_the_none_option(options, candidate.letter)
        and _OPENING_GAP.fullmatch(text, 0, candidate.lead)
        and _PAUSE_THEN_REASONS.match(text, candidate.start + 1)
    ):
        # "B — o texto não explica por que a energia voltou; ...": the reasons of "none of the above" deny the others
        return "commit", "position"
    if verdict == "reject" or _rejected_by_verb(before):  # "descartamos a D, pois o texto dá a resposta"
        return "reject", ""
    if _is_the_none_option(options, candidate.letter) and _says_answerable(text, candidate.start + 1, limit):
        return "reject", ""  # "B: dá pra responder pelo texto, sim.": "none of the above" is ruled out
    if verdict == "commit":
        # (the word closing an option's line outranks a word of assent on the way: "D: o texto dá, sim, uma pista do
        # motivo. Fora.")
        if _on_option_line(text, candidate) and _line_verdict(text, candidate, limit) == ("reject", ""):
            return "reject", ""
        return "commit", "verdict"
    if verdict == "considered":
        return "considered", ""
    if _CHOSEN_OVER.match(text, candidate.start + 1) and not _LESS_BEFORE.search(text, 0, candidate.start):
        return "commit", "verdict"
    if _AFFIRMED_AFTER.match(text, candidate.start + 1) or _CHOSEN_AFTER.match(text, candidate.start + 1):
        return "commit", "verdict"  # "D, portanto — não A nem C."
    if any(placement.holds(text, candidate) for placement in _PLACEMENTS) or _named_in_a_sentence_of_its_own(
        text, candidate
    ):
        return "commit", "position"
    if _restated_in_a_sentence_of_its_own(text, candidate, options):
        return "commit", "position"  # "Com trinca de 8 num flop desses? B, all in. Largar a mão ... seria loucura."
    on_option_line = _on_option_line(text, candidate)
    if verdict is None and (on_option_line or _SUBJECT_OF_ITS_LINE.fullmatch(_label_before(text, candidate))):
        # (also the subject of a numbered line: "1. A alternativa A fala de 'seiche' — nem aparece. Fora.")
        line_verdict = _line_verdict(text, candidate, limit)
        if line_verdict is not None:
            return line_verdict
    line_start = text.rfind("\n", 0, candidate.lead) + 1
    if (
        verdict is None
        and (on_option_line or not text[line_start : candidate.lead].strip(" \t-*•"))
        # (Not the last line when the reply breaks off in it: "D — espírito" was cut before its reason.)
        and not (text.find("\n", candidate.start) < 0 and not text.rstrip().endswith((".", "!", "?", ")")))
        and under_elimination_header(text[max(0, line_start - _HEADER_REACH) : line_start].split("\n")[:-1])
    ):
        return "reject", ""  # "Vamos eliminar:\n- C) o local da luta não explica", "Descartando:\nA... é inferência"
    # (not a conclusion denied: "Não acho que ele negaria a doença (C).")
    concluded = [
        match.end()
        for match in _CONCLUSION.finditer(before)
        if not _NEGATION_RIGHT_BEFORE.search(before, max(0, match.start() - 8), match.start())
    ]
    # The negation of "não tem como não ser a C" is the conclusion's own; one after it rejects ("logo, não a C").
    if (
        concluded
        and not _NEGATION_NEAR.search(before[concluded[-1] :][-12:])
        and not _NEGATED_COPULA.search(before, concluded[-1])
        # (nor a letter granted in a concession after it: "talvez ela tenha dado banana demais —, ainda que a D ...")
        and not _CONCEDED_AFTER.search(before, concluded[-1])
        # (nor one in an aside after the letter it concluded on: "então, pra mim é a A, ... 😢 (a B nem faz sentido)")
        and not _OPEN_ASIDE.search(before, concluded[-1])
    ):
        return "commit", "keyword"
    # "Letra C. Na verdade, letra A.", "Opção A... espera, opção B."; not two letters at once ("na verdade a D e a C
    # descrevem o estado dele"), which the reply goes on to weigh
    if _CORRECTION_OPENING.search(before) and not _JOINED_LETTER_AFTER.match(text, candidate.start + 1):
        return "commit", "keyword"
    if candidate.bare and _CONCLUDING_COLON_LINE.search(text, max(0, candidate.lead - 200), candidate.lead):
        return "commit", "position"  # "... Ou seja:\n\nA → não tenho ninguém para cuidar de mim"
    if (
        _DASH_BEFORE.search(text, max(0, candidate.lead - 12), candidate.lead)
        and (
            _CHOOSING_OPENING.match(_sentence_up_to(text, candidate.lead))
            # or a superlative of fit: "Depois do café, o mais natural é que tenham voltado para casa — A."
            or _SUPERLATIVE_SAID.search(_sentence_up_to(text, candidate.lead))
        )
        # (the letter closing its sentence: in "Fico com a C — a D extrapola." the D is judged, not chosen)
        and _TERMINATOR.match(text, candidate.start + 1)
    ):
        return "commit", "keyword"  # "So I'd say it'd give her a place for her son to sleep — D."
    if (
        candidate.bare
        and _DASH_BEFORE.search(text, max(0, candidate.lead - 12), candidate.lead)
        and _TERMINATOR.match(text, candidate.start + 1)
        and not _SENTENCE_END.search(text, 0, candidate.lead)
        and not _LETTER_NOT_AN_ARTICLE.search(text, 0, candidate.lead)
    ):
        # "Com as lentes cobertas de lama não dava pra enxergar nada — A. A B é o que ela tentava fazer": the reply's
        # first sentence gives its reasons, then the letter they lead to
        return "commit", "position"
    if _TICKED_LINE_BEFORE.search(text, max(0, candidate.lead - 8), candidate.lead):
        return "commit", "verdict"  # "... Logo, o motivo provável é que precisavam consertar algo.\n\n✔ Alternativa C"
    if _VERDICT_HEADING.search(text, max(0, candidate.lead - 80), candidate.lead):
        return "commit", "keyword"  # "### Veredito\n> **Alternativa A** — a luz estava acabando."
    if _OPENING_GAP.fullmatch(text, 0, candidate.lead) and not _DESCRIBED_AFTER.match(text, candidate.start + 1):
        return "commit", "position"  # the answer opens with it: "B) ...", "Alternativa C, pois ..."
    if _VERDICT_AFTER_AN_ASIDE.match(text, candidate.start + 1):
        # "O cenário de karaokê, B, é o que encaixa", "A, com a pressão ..., é a consequência"
        return "commit", "verdict"
    if _AFFIRMED_OPENING.fullmatch(text, 0, candidate.lead) and (
        _TERMINATOR.match(text, candidate.start + 1) or _TAG_THEN_PAUSE.match(text, candidate.start + 1)
    ):
        return "commit", "position"  # "Pretty clearly B.", "Obviamente C.", "obviamente a D né, ..."
    if candidate.bare and _TAG_THEN_PAUSE.match(text, candidate.start + 1) and len(_CAPITAL_LETTER.findall(text)) == 1:
        return "commit", "verdict"  # "kkkkk essa é fácil, A né, a pessoa tava lisa": the reply's one letter, tagged
    if candidate.start == len(text.rstrip()) - 1 and _CUT_IN_A_REPEATED_WORD.search(text, max(0, candidate.lead - 200)):
        return "neutral", ""  # "Demonstrarão:\n\nDemonstrarão:\n\nD": a loop broken off in its word, not a letter
    if _closes_the_answer(text, candidate) and (
        candidate.bare
        or _AFTER_A_PAUSE.search(text, 0, candidate.lead)
        or _SENTENCE_THEN_LETTER.search(text, max(0, candidate.lead - 4), candidate.lead)
    ):
        return "commit", "position"  # the answer ends with it: "Na minha opinião, B.", "... o carro. Alternativa B."
    return "neutral", ""


_DASHED: Final = re.compile(r"\s[—–-]\s")


def _line_verdict(text: str, candidate: _Candidate, limit: int) -> tuple[str, str] | None:
    """The verdict of a word or two closing an option's line ("D) Ficar agitado ... — ele é craque nisso.
    Descartada."), after the reasons the line gives."""
    line_end = text.find("\n", candidate.start)
    line = text[candidate.start + 1 : min(limit, line_end if line_end >= 0 else len(text))]
    last = [sentence for sentence in _SENTENCE_END.split(line) if sentence.strip()][-1:]
    # (or after a dash that closes the reasons: "A: ... ela chorava na cama, não que fugia disso — fora.")
    last = [_DASHED.split(last[0])[-1]] if last else last
    if not last or len(last[0].split()) > 2:
        return None
    if _rejects(last[0]) or _STRIKING.fullmatch(last[0].strip(" \t*_")):
        return "reject", ""
    return ("commit", "verdict") if _POSITIVE.search(last[0]) else None


def _no_other_letter_since_a_correction(text: str, end: int) -> bool:
    """Whether ``text`` names no letter but A before ``end``, or none after a correction that takes them back."""
    last_end = None
    for other in _OTHER_LETTER.finditer(text, 0, end):
        last_end = other.end()
    return last_end is None or bool(_CORRECTION.search(text, last_end, end))


def _closes_the_answer(text: str, candidate: _Candidate) -> bool:
    """Whether a bare letter closes the answer: last, and either ending a sentence ("Certamente a C.") or
    right after a pause ("Resposta: não A; C"). A letter inside a phrase the reply breaks off in ("... e a C",
    "A B é incorreta. A C") closes nothing."""
    # (after the word that spells it: "... pra ir provar os vinhos kkkk 🍷🍷 B de bebum")
    tail = _spelt_by_a_word(text, candidate.start + 1, candidate.letter) or candidate.start + 1
    if not _CLOSING_TAIL.fullmatch(text, tail):
        return False
    if _TRAILS_OFF.match(text, candidate.start + 1) and _NEXT_IN_A_WALK.search(
        _sentence_up_to(text, candidate.lead, ".!?\n")
    ):
        # "Vamos eliminar: A é genérica demais, D é só o lugar onde ela estava, C...": the next step of a walk through
        # the letters, broken off
        return False
    before = text[max(0, candidate.lead - 40) : candidate.lead].rstrip()
    bare_article = re.search(rf"\b{_LIST_ARTICLES}$", before, flags=re.IGNORECASE)
    words_before = re.sub(rf"\b{_LIST_ARTICLES}$", "", before, flags=re.IGNORECASE).rstrip()
    if _JOINING_WORD.search(words_before):
        return False
    if _CLOSING_END.match(text, candidate.start + 1):
        return True
    if _OWN_LAST_LINE.search(text, 0, candidate.lead):
        return True  # "... Kentucky?\n\nA": a letter alone on the last line, after a blank line
    if (
        not bare_article
        and _SENTENCE_THEN_LETTER.search(text, max(0, candidate.lead - 4), candidate.lead)
        and _no_other_letter_since_a_correction(text, candidate.lead)
    ):
        # "... eram as bebum do trem. C": the reply's only letter, alone, closes it as a sentence of its own (after
        # other letters it may be the next step of an elimination the reply broke off in, unless a correction took
        # them back: "C? nao pera kkkk ... entraram no primeiro lugar q viram. A")
        return True
    last_word = words_before.rsplit(maxsplit=1)[-1:]
    if bare_article and last_word and last_word[0].casefold() in _CHAT_WORDS:
        return True  # "... pra bancar pesquisa, filme, divulgação, tudo... tipo a C né"
    if words_before and _SYMBOL.fullmatch(words_before[-1]):
        return True  # "... curtiu o show 🤯🤯 a C", "... ja era o emprego 😬 C": an emoji ends a sentence of chat
    return not bare_article and (not before or before[-1] in ",:;—–-\n")


def _judge_list(
    text: str, candidates: list[_Candidate], run: list[int], limit: int, options: Sequence[str] | None
) -> tuple[str, str]:
    """One verdict for a whole list: the clause after its last letter or a negation or label before its first
    ("As alternativas A, B e C não têm relação", "Incorretas: A, B e D"). Without one, listing is no commitment."""
    first, last = candidates[run[0]], candidates[run[-1]]
    window = max(0, first.start - 80)
    if _BETWEEN_BEFORE.search(text, window, first.lead):
        return "listed", ""  # "Entre A e B, a A faz mais sentido": the letters weighed, not judged
    label = _VERDICT_LABEL.search(text, window, first.start)
    verdict = _verdict(text, _closing(text, last.start + 1), options, limit)
    if (
        _GOVERNING_NEGATION.search(text, window, first.start)
        or (label and label["bad"])
        or _rejected_by_verb(_sentence_before(text, first.lead))
        or verdict == "reject"
        # "Riscando: A (ele tocou, estava abraçado), B (eram amigos próximos), D (dá pra responder sim)."
        or _LISTED_UNDER_A_RULING_OUT.search(text, max(0, first.lead - 300), first.lead)
    ):
        return "reject", ""
    if verdict == "commit" or label:
        return "commit", "verdict"  # "A e C estão corretas": two answers, read as a hedge
    return "listed", ""


def _phrase_start(text: str, candidate: _Candidate) -> int:
    """Where the phrase naming a letter begins, its negation or verdict label included."""
    window = max(0, candidate.start - 80)
    starts = [candidate.lead]
    for pattern in (_GOVERNING_NEGATION, _VERDICT_LABEL, _REJECTING_BEFORE):
        match = pattern.search(text, window, candidate.start)
        if match:
            starts.append(match.start())
    return min(starts)


_NEUTRAL: Final = ("neutral", "")
_OPENING: Final = ("commit", "position")  # the answer opens or ends with the letter


def mentions(text: str, options: Sequence[str] | None, p: Patterns) -> list[Mention]:
    """Every letter the answer names, judged: committed to, rejected, listed or said in passing."""
    candidates = _candidates(text, p, options)
    # Each letter's clause ends where the next letter's phrase begins.
    limits = [_phrase_start(text, c) for c in candidates[1:]] + [len(text)]
    judged: dict[int, tuple[str, str]] = {}
    for run in _lists(text, candidates):
        kind = _judge_list(text, candidates, run, limits[run[-1]], options)
        judged.update(dict.fromkeys(run, kind))
    for index, candidate in enumerate(candidates):
        if index not in judged:
            judged[index] = _judge(text, candidate, limits[index], options)
    # Option lines for two or more letters ("Alternativa A)\n...\nAlternativa B)\n..."), none of them judged,
    # are a list even with other text between them: the first one opens the answer but is not chosen.
    unjudged = [
        index
        for index, candidate in enumerate(candidates)
        if not candidate.keyword and _on_option_line(text, candidate) and judged[index] in (_NEUTRAL, _OPENING)
    ]
    # An opening option line labelled otherwise than all the others ("D) ..." before "Alternativa A)",
    # "Alternativa B)" ...) is the answer, and the others an echo after it.
    # Not when the others go on from it ("Alternativa A) ...", "Pergumina B) ...", "Pergumina C) ..."): one list.
    if len(unjudged) >= 2 and judged[unjudged[0]] == _OPENING:
        kinds = [_labelled(text, candidates[index]) for index in unjudged]
        opening, following = candidates[unjudged[0]].letter, candidates[unjudged[1]].letter
        goes_on = ord(following) == ord(opening) + 1
        if all(kind != kinds[0] for kind in kinds[1:]) and not goes_on:
            unjudged = unjudged[1:]
    if len({candidates[index].letter for index in unjudged}) >= 2:
        judged.update(dict.fromkeys(unjudged, ("listed", "lines")))
    # "A está errada. B também.": a clause that only says "the same" takes the verdict of the letter before it.
    for index in range(1, len(candidates)):
        if judged[index] in (_NEUTRAL, _OPENING) and _ELLIPSIS.match(text, _closing(text, candidates[index].start + 1)):
            earlier = [
                judged[i] for i in range(index) if judged[i][0] in ("commit", "reject") and judged[i][1] != "position"
            ]
            if earlier:
                judged[index] = ("reject", "") if earlier[-1][0] == "reject" else ("commit", "verdict")
    found = []
    for index, candidate in enumerate(candidates):
        kind, by = judged[index]
        found.append(Mention(candidate.start, candidate.letter, kind, candidate.bare, by))
    return found


def _labelled(text: str, candidate: _Candidate) -> bool:
    """Whether a letter word labels the letter: "Alternativa B)" rather than "B)"."""
    return bool(_LABEL_BEFORE.search(text, max(0, candidate.start - 20), candidate.start))


def _label_before(text: str, candidate: _Candidate) -> str:
    """What stands on the letter's line before its phrase."""
    line_start = text.rfind("\n", max(0, candidate.lead - 400), candidate.lead) + 1
    return text[line_start : candidate.lead].strip(" \t-*•")


def _on_option_line(text: str, candidate: _Candidate) -> bool:
    """Whether the letter heads a line of its own, as an option does: "Alternativa B) ...", "(C)", "D.", or under
    one garbled label word, "Pergumina C)"."""
    label = _label_before(text, candidate)
    if label:
        return bool(_GARBLED_LABEL.fullmatch(label)) and text[candidate.start + 1 : candidate.start + 2] == ")"
    return bool(_OPTION_LINE_TAIL.match(text, candidate.start + 1))


def _closing(text: str, end: int) -> int:
    while end < len(text) and text[end] in ")]\"'*":
        end += 1
    return end


# Letters given as examples of what a negation sets aside: "..., não de um único fator como A ou C".
_NEGATED_EXAMPLES_BEFORE: Final = re.compile(
    r"(?:[,;—–]|\s-)\s*(?:e\s+|and\s+)?(?:n[ãa]o|not|nem|nor)\s+[^,.;:!?\n()]{0,60}?\b(?:como|tipo|such\s+as|like)\s+"
    r"(?:(?:a|o|as|os|the)\s+)?\Z",
    re.IGNORECASE,
)


def hedge_ends(text: str, p: Patterns) -> list[int]:
    """Where each hedge in ``text`` ends (see the module docstring); letters a quantifier of none or a negation
    governs ("nenhuma das alternativas A, C ou D menciona isso", "neither A nor C", "D, e não A ou C") are ruled
    out, not weighed."""
    return [
        match.end()
        for match in p.hedge.finditer(text)
        # ("Não tenho muita certeza, mas talvez seja a B?": a tentative choice, the only letter named)
        if not (match["second_guess"] and not p.named_letter.search(text, 0, match.start()))
        and not _NONE_BEFORE.search(_sentence_before(text, match.start()))
        and not _GOVERNING_NEGATION.search(text, max(0, match.start() - 80), match.start())
        and not _NEGATED_EXAMPLES_BEFORE.search(text, max(0, match.start() - 80), match.start())
        and not _NEGATED_LIST_BEFORE.search(text, max(0, match.start() - 40), match.start())
    ]


def indecision_ends(text: str) -> list[int]:
    """Where each statement of indecision ("não sei dizer", "hard to tell") ends, and each "ou é a C ou é a D",
    "either C or D"."""
    # (not in a quote of the text: the narrator is "em sei lá que país")
    quoted = [match.span() for match in _QUOTED.finditer(text)]
    return sorted(
        match.end()
        for pattern in (_INDECISION, _EITHER)
        for match in pattern.finditer(text)
        if not any(start < match.start() < end for start, end in quoted)
    )


def rival_verdicts(text: str, commits: list[Mention]) -> bool:
    """Whether the last commitments are verdicts that call two different letters correct, with no answer
    keyword or correction after the first ("A: errada. B: correta. C: correta."); a conclusion right before the last
    settles them ("A D é quase certa, mas ... Então C, e não D.")."""
    tail: list[Mention] = []
    for mention in reversed(commits):
        if mention.by != "verdict":
            break
        tail.insert(0, mention)
    first = next((m for m in tail if m.letter != tail[-1].letter), None)
    if first is None or _CONCLUDED_BEFORE.search(text, max(0, tail[-1].start - 40), tail[-1].start):
        return False
    return not _CORRECTION.search(text, first.start, tail[-1].start)


def loose_letters(text: str, p: Patterns) -> set[str]:
    """Capitals that name a letter even where they are not read as a mention ("because C ignores the context",
    "a A supõe"): they only decide whether an answer discussed several letters."""
    return set(p.loose_letter.findall(text))

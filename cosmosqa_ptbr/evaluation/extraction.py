"""Read the answer letter out of whatever a model wrote, and score generations with it.

:func:`extract_answer` is a pure function (no model, no state): ``extract_answer(text, options)`` returns
an :class:`Extraction` with the letter (``"A"``-``"D"``) or ``None``, and the rule that decided. Outcomes
that cannot be read are explicit (``letter`` is ``None``) and never guessed.

How a text is read, in order:

1. **Cleaning.** When the text is a whole decoded sequence, only what follows the *last* assistant marker
   counts (``<|assistant|>``, ``<|im_start|>assistant``, ``[/INST]``, Llama-3 and Gemma headers), so the
   prompt's own ``Alternativa A) ...`` lines are never read as an answer. The answer ends at the first
   end-of-turn token or new turn (``</s>``, ``<|im_end|>``, ``<|user|>`` ...) or at a new
   ``Contexto:`` block the model goes on to invent. Echoed prompt lines (context, question, a list of
   options), Markdown emphasis, LaTeX wrappers (``\\boxed{\\mathrm{A}}``, ``$\\textbf{D}$``) and tags
   (``<answer>B</answer>``) are dropped; struck-out text (``~~A~~``) reads as withdrawn.
2. ``empty``: nothing is left.
3. ``letter_only``: the answer is one letter, bare or decorated (``B``, ``b``, ``(B)``, ``[B]``, ``**B**``,
   ``B)``, ``B.``).
4. Letters named by a keyword (``Alternativa``, ``Letra``, ``Opção``, ``Resposta``, ``Gabarito``,
   ``Resposta correta``, ``The answer is``, ``Answer``, ``Option``) or decorated (``(B)``, ``B)``), or
   opening the answer, are *mentions*; a mention followed by a verdict (``é a correta`` / ``está
   incorreta``), introduced by an answer keyword or a conclusion (``Portanto``, ``Therefore``, ``escolho``)
   or opening the answer is a *commitment*. The last commitment wins, so self-corrections and
   explanations that discuss every letter and then conclude are read right. The rule is ``keyword`` when
   one letter is named, ``final_answer`` when several are discussed.
   A verdict belongs to the clause that names its letter: it runs to where the next letter's phrase begins,
   so in "A: errada. B: errada. C: correta." or "A ✗ B ✓" each verdict judges one letter, and in
   "Alternativa B, porque a A ..." the reasons given for A are no verdict on B. A negation rejects the letter
   it governs and no other ("Fico com a D, não com a A", "Alternativa C — e não B", "C rather than B",
   "nem B nem C", "em vez da C"), so a commitment is not undone by the letters its justification rules
   out. Letters listed together ("A, B, C e D", "Alternativa A\\nAlternativa B") share the verdict said of
   the whole list ("As alternativas A, B e C não têm relação"); without one, listing is no commitment,
   whichever letter comes first or last. The Portuguese article *a/A* is not
   a letter: a lower-case letter counts only after a letter word or before punctuation, and "A" followed
   by a noun ("A alternativa correta ...", "A Molly ...") is the article. A bare capital said in passing
   ("tirou nota A na prova") is no answer; it counts when it opens or ends the answer or follows a
   conclusion ("Portanto, D.").
5. ``hedged``: the answer weighs letters without choosing ("pode ser A ou C", "either B or D", "talvez B,
   talvez C"), or calls two letters correct ("A: errada. B: correta. C: correta.").
6. ``invalid_letter``: the committed letter is outside A-D ("Alternativa E"), or the model lists options of
   its own (E, F, G ...) and commits to none of A-D.
7. ``option_text``: with ``options``, the answer quotes one option's text, exactly or nearly (accents,
   case, punctuation and a short preamble ignored); "Nenhuma das alternativas acima" maps to that option.
8. ``refusal``: the model declines ("Não é possível determinar ...", "I cannot answer ...").
9. ``no_answer``: anything else.

>>> extract_answer("Alternativa B")
Extraction(letter='B', rule='keyword')
>>> extract_answer(" **c**")
Extraction(letter='C', rule='letter_only')
>>> extract_answer("A alternativa correta é a C, pois o texto diz que ele voltou.")
Extraction(letter='C', rule='keyword')
>>> extract_answer("a resposta é a letra b")
Extraction(letter='B', rule='keyword')
>>> extract_answer("The answer is (D).")
Extraction(letter='D', rule='keyword')
>>> extract_answer("A alternativa A é incorreta, pois ... Portanto, a alternativa B é a correta.")
Extraction(letter='B', rule='final_answer')
>>> extract_answer("Resposta: A. Na verdade, relendo o texto, a resposta correta é C.")
Extraction(letter='C', rule='final_answer')
>>> extract_answer("Fico com a D, não com a A.")
Extraction(letter='D', rule='final_answer')
>>> extract_answer("Correta: A, já que a B contradiz o texto.")
Extraction(letter='A', rule='final_answer')
>>> extract_answer(r"Logo, a resposta é \\boxed{\\mathrm{A}}.")
Extraction(letter='A', rule='keyword')
>>> extract_answer("A: errada. B: errada. C: correta.")
Extraction(letter='C', rule='final_answer')
>>> extract_answer("As alternativas são A, B, C e D.")
Extraction(letter=None, rule='no_answer')
>>> extract_answer("<|user|>\\nAlternativa A) Sol\\nAlternativa B) Chuva</s>\\n<|assistant|>\\nAlternativa B</s>")
Extraction(letter='B', rule='keyword')
>>> options = ["Ele estava cansado", "Ele queria dormir", "Ele foi ao mercado", "Nenhuma das alternativas acima."]
>>> extract_answer("A alternativa correta é: ele foi ao mercado.", options)
Extraction(letter='C', rule='option_text')
>>> extract_answer("Nenhuma das alternativas acima", options)
Extraction(letter='D', rule='option_text')
>>> extract_answer("Pode ser A ou C, o texto não deixa claro.")
Extraction(letter=None, rule='hedged')
>>> extract_answer("Alternativa E")
Extraction(letter=None, rule='invalid_letter')
>>> extract_answer("Desculpe, mas não é possível determinar a resposta com as informações do texto.")
Extraction(letter=None, rule='refusal')
>>> extract_answer("   </s>")
Extraction(letter=None, rule='empty')

:func:`score_generations` is the one implementation of the scores: strict accuracy (an unreadable answer
counts as wrong; the headline), lenient accuracy (over readable answers only), the invalid rate and the
count of each rule.

>>> scores = score_generations(["Alternativa B", "Resposta: C", "pode ser A ou D"], ["B", 0, "D"])
>>> round(scores["accuracy"], 3), scores["lenient_accuracy"], round(scores["invalid_rate"], 3)
(0.333, 0.5, 0.333)
>>> scores["rules"]["keyword"], scores["rules"]["hedged"]
(2, 1)
"""

from __future__ import annotations

import difflib
import re
import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any, Final

from ..prompts import ANSWER_PREFIX
from ..schema import LETTERS, NONE_OF_THE_ABOVE_EN, NONE_OF_THE_ABOVE_PT, label_to_index

__all__ = ["INVALID_RULES", "RULES", "UNREADABLE", "VALID_RULES", "Extraction", "extract_answer", "score_generations"]

#: Rules that yield a letter, in the order they are tried.
VALID_RULES: Final[tuple[str, ...]] = ("letter_only", "keyword", "final_answer", "option_text")
#: Rules that yield no letter: the answer counts as wrong in strict accuracy.
#: How tables and confusion matrices name an answer no letter could be read from.
UNREADABLE: Final = "invalid"
INVALID_RULES: Final[tuple[str, ...]] = ("invalid_letter", "hedged", "refusal", "empty", "no_answer")
RULES: Final[tuple[str, ...]] = VALID_RULES + INVALID_RULES


@dataclass(frozen=True)
class Extraction:
    """What :func:`extract_answer` read: ``letter`` ("A"-"D", or ``None``) and the ``rule`` that decided."""

    letter: str | None
    rule: str

    @property
    def valid(self) -> bool:
        """Whether a letter was read."""
        return self.letter is not None


# ---------------------------------------------------------------------------------------------------------
# Cleaning

_ASSISTANT_MARKERS: Final = re.compile(
    r"<\|assistant\|>|<\|im_start\|>\s*assistant|\[/INST\]|<\|start_header_id\|>\s*assistant\s*<\|end_header_id\|>"
    r"|<start_of_turn>\s*model|<\|start_of_role\|>\s*assistant\s*<\|end_of_role\|>",
    re.IGNORECASE,
)
_END_OF_TURN: Final = re.compile(
    r"</s>|<\|im_end\|>|<\|endoftext\|>|<\|eot_id\|>|<\|end\|>|<end_of_turn>|<\|end_of_text\|>|<\|user\|>"
    r"|<\|system\|>|<\|im_start\|>|\[INST\]|<\|start_header_id\|>|<\|end_of_role\|>|<pad>"
    r"|^\s*(?:<\|?)?(?:user|usu[áa]rio|human|humano)(?:\|>)?\s*:",
    re.IGNORECASE | re.MULTILINE,
)
_LEADING_TOKENS: Final = re.compile(r"^(?:\s|<s>|<\|begin_of_text\|>|<bos>)+")
_MARKDOWN: Final = re.compile(r"\*\*|__|`+|^\s*#+\s*|^\s*>\s*", re.MULTILINE)
_PROMPT_LINE: Final = re.compile(r"^\s*(?:contexto|context|pergunta|question|quest[ãa]o)\s*:", re.IGNORECASE)
# A numbered item the model invents in place of lettered options: "Perguntas 1: ...", "Opção 2) ...".
_NUMBERED_LINE: Final = re.compile(
    r"^\s*(?:perguntas?|quest[ãa]o|quest[õo]es|op[çc][ãa]o|op[çc][õo]es|alternativas?|items?|options?|choices?"
    r"|questions?)\s*\d+\s*[:.)\-]",
    re.IGNORECASE,
)
_ANSWER_ON_LINE: Final = re.compile(r"\b(?:resposta|gabarito|answer)\s*:", re.IGNORECASE)
_NEW_BLOCK: Final = re.compile(r"^\s*(?:contexto|context)\s*:", re.IGNORECASE | re.MULTILINE)

_LETTER_STEMS: Final = rf"(?:{re.escape(ANSWER_PREFIX)}|alternativa|op[çc][ãa]o|letra|item|option|choice|letter)"
_LETTER_WORDS: Final = rf"{_LETTER_STEMS}\b"
_VERDICT_WORDS: Final = re.compile(
    r"\b(?:in)?corret[ao]s?\b|\bcert[ao]\b|\berrad[ao]\b|\bfals[ao]\b|\bverdadeir[ao]\b|\bincorrect\b|\bcorrect\b"
    r"|\bwrong\b|\btrue\b|\bfalse\b|[✓✔✗✘❌✅]",
    re.IGNORECASE,
)
# One line of an options list: "Alternativa A) ...", "(B) ...", "c. ...".
_LIST_LINE: Final = re.compile(
    rf"^\s*(?:[-*•]\s*)?(?:(?:{_LETTER_WORDS}\s*)?[(\[]?(?P<l>[A-Za-z])\s*(?:[)\].:]|\s[-–])\s*(?P<text>\S)"
    rf"|{_LETTER_WORDS}\s*(?P<bare>[A-Za-z])\s*[.:)\]]?\s*$)",
    re.IGNORECASE,
)


def _after_last_assistant(text: str) -> str:
    marks = list(_ASSISTANT_MARKERS.finditer(text))
    return text[marks[-1].end() :] if marks else text


def _cut_end_of_turn(text: str) -> str:
    text = _LEADING_TOKENS.sub("", text)
    end = _END_OF_TURN.search(text)
    return text[: end.start()] if end else text


def _cut_new_block(text: str) -> str:
    """Keep the answer, not a new question the model goes on to invent after it."""
    starts = [m.start() for m in _NEW_BLOCK.finditer(text)]
    if starts and text[: starts[0]].strip():
        return text[: starts[0]]
    if len(starts) >= 2:  # echoed prompt first, then the answer, then an invented question
        return text[: starts[1]]
    return text


def _strip_lists(text: str, options: Sequence[str] | None) -> tuple[str, bool]:
    """Drop echoed prompt lines and option lists; say whether a list had letters beyond A-D.

    A list is two or more consecutive option lines with different letters. Lines that pass a verdict
    ("B) Correta") are kept: they are part of the answer, not an echo.
    """
    lines = text.splitlines()
    keep = [not _PROMPT_LINE.match(line) or bool(_ANSWER_ON_LINE.search(line)) for line in lines]
    numbered = [i for i, line in enumerate(lines) if _NUMBERED_LINE.match(line)]
    if len(numbered) >= 2:  # a numbered list of its own is an echo of the options, however it is worded
        for i in numbered:
            keep[i] = False
    invented = False
    index = 0
    while index < len(lines):
        if not _LIST_LINE.match(lines[index]):
            index += 1
            continue
        shape = _LIST_LINE.match(lines[index])["text"] is None
        end = index
        while end < len(lines) and (_same_shape(lines[end], shape) or not lines[end].strip()):
            end += 1
        block = [i for i in range(index, end) if lines[i].strip()]
        letters = {_list_letter(lines[i]) for i in block}
        with_text = any(_LIST_LINE.match(lines[i])["text"] for i in block)
        if len(block) >= 2 and len(letters) >= (2 if with_text else 3):
            for i in block:
                echoed = options is not None and _matches_an_option(lines[i], options)
                if echoed or not _VERDICT_WORDS.search(lines[i]):
                    keep[i] = False
                    invented = invented or _list_letter(lines[i]) not in LETTERS
        index = end
    for index, line in enumerate(lines):
        inline = {letter.upper() for letter in _INLINE_OPTION.findall(line)}
        if len(inline) >= 3 and not _VERDICT_WORDS.search(line):  # "A) ... B) ... C) ... D) ..." on one line
            keep[index] = False
            invented = invented or bool(inline - set(LETTERS))
    return "\n".join(line for line, kept in zip(lines, keep, strict=True) if kept), invented


_INLINE_OPTION: Final = re.compile(rf"(?:^|(?<=\s))(?:{_LETTER_WORDS}\s*)?([A-Za-z])\)", re.IGNORECASE)


def _same_shape(line: str, bare: bool) -> bool:
    """A list is all "Alternativa X) text" lines or all bare "Alternativa X" lines, not a mix."""
    match = _LIST_LINE.match(line)
    return bool(match) and (match["text"] is None) == bare


def _list_letter(line: str) -> str:
    match = _LIST_LINE.match(line)
    return (match["l"] or match["bare"]).upper()


def _matches_an_option(line: str, options: Sequence[str]) -> bool:
    body = _norm(re.sub(r"^[^)\].:]*[)\].:]", "", line, count=1))
    return bool(body) and any(body == _norm(option) for option in options if option)


# Wrappers around an answer: LaTeX ("\boxed{\mathrm{A}}", "$\textbf{D}$", "\(C\)") and tags ("<answer>B</answer>").
_LATEX_COMMAND: Final = re.compile(
    r"\\(?:boxed|fbox|text|textbf|textit|textrm|textsf|texttt|mathrm|mathbf|mathit|mathsf|mathtt|operatorname|emph"
    r"|underline)\s*\{([^{}]*)\}"
)
_LATEX_DELIMITER: Final = re.compile(r"\\[()\[\]]|\$+")
_TAG: Final = re.compile(r"</?[A-Za-z][\w-]*\s*/?>")
_STRUCK: Final = re.compile(r"~~(.+?)~~")


def _unwrap(text: str) -> str:
    """Take the answer out of LaTeX and tag wrappers; struck-out Markdown ("~~A~~ C") reads as withdrawn."""
    previous = None
    while previous != text:  # nested: \boxed{\textbf{(D)}}
        previous, text = text, _LATEX_COMMAND.sub(r"\1", text)
    text = _LATEX_DELIMITER.sub("", text)
    text = _STRUCK.sub(r"não \1;", text)
    return _TAG.sub(" ", text)


def _clean(text: str, options: Sequence[str] | None) -> tuple[str, bool, bool]:
    """Return the answer, whether the model wrote anything at all, and whether it invented options."""
    text = _cut_end_of_turn(_after_last_assistant(text))
    text = _MARKDOWN.sub("", _unwrap(text))
    wrote = bool(re.search(r"[^\W_]", text))
    text = _cut_new_block(text)
    text, invented = _strip_lists(text, options)
    return text.strip(), wrote, invented


# ---------------------------------------------------------------------------------------------------------
# Letters

_LETTER_ONLY: Final = re.compile(r"^[\s(\[\"'*]*(?P<l>[A-Za-z])[\s)\]\"'*.:;!,\-–]*$")
# Words after which a capital "A" is still a letter ("A é a correta", "A because ..."), not an article.
_CONNECTIVES: Final = frozenset(
    "é e está seria será parece porque pois já como pode poderia diz afirma fala menciona descreve indica "
    "mostra sugere faz também tambem is was because since as and seems would could says states describes "
    "indicates shows suggests makes also best não nem not mas but rather instead".split()
)
_AFTER_LETTER: Final = re.compile(r"\s*(?P<next>[^\W\d_]+)?", re.UNICODE)
_TERMINATOR: Final = re.compile(r"\s*(?:$|[)\].:;,!?\"'*\-–—/\n✓✔✗✘❌✅])")


def _is_letter(text: str, start: int, explicit: bool) -> bool:
    """Whether the single character at ``start`` is an answer letter and not a word or an article.

    ``explicit``: a letter word ("alternativa", "letra", "option") or a bracket comes right before it.
    """
    char = text[start]
    end = start + 1
    if end < len(text) and (text[end].isalnum() or text[end] in "'’"):
        return False  # part of a word: "Ele", "A's"
    if _TERMINATOR.match(text, end):
        return True
    following = _AFTER_LETTER.match(text, end)["next"] or ""
    if following.lower() in _CONNECTIVES:
        return True
    if char.islower():
        return False  # "a seguir", "e depois": article, preposition, conjunction
    # "Alternativa A fala de ...", "(B) Ele ..." are letters; a bare "A Molly", "A mulher", "B somos" is not.
    return explicit


_ANSWER_KEYWORD: Final = re.compile(
    rf"(?:\b(?:the\s+)?(?:(?:correct|right|best|final|my)\s+)?(?:answer|option|choice|letter)"
    rf"(?:\s+(?:is|would\s+be|should\s+be|must\s+be|will\s+be|seems\s+to\s+be)|\s*[:=]|\s*->)"
    rf"|\b(?:minha\s+)?(?:resposta|gabarito|solu[çc][ãa]o)(?:\s+(?:correta|certa|final|adequada|mais\s+adequada|"
    rf"mais\s+prov[áa]vel|esperada))?(?:\s+(?:é|seria|será|fica|parece\s+ser|deve\s+ser)|\s*[:=]|\s*->|\s+-)?"
    rf"|\b{_LETTER_STEMS}s?\s+(?:correta|certa|verdadeira|adequada|mais\s+adequada|mais\s+prov[áa]vel|"
    rf"escolhida|correct|right)(?:\s+(?:é|seria|será|parece\s+ser|deve\s+ser|is)|\s*[:=]|\s*->)"
    rf"|\b(?:a|o|the)\s+(?:corret[ao]|cert[ao]|correct\s+one|right\s+one)\s+(?:é|seria|is)"
    rf"|\b{_LETTER_WORDS}\s*[:=]"
    rf"|\b(?:a\s+)?melhor\s+(?:{_LETTER_STEMS}|resposta|escolha)\s+(?:é|seria)"
    rf"|\b(?:escolho|escolheria|marco|marcaria|fico\s+com|opto\s+por|opto\s+pela|vou\s+com|sobra|resta|fica|"
    rf"I(?:\s+would|\s+will|['’]d|['’]ll)?\s+(?:choose|pick|select|go\s+with))"
    rf"|(?:^|(?<=[.!?,\n]))\s*(?:é|seria|it'?s|it\s+is)(?=\s)"
    # An article only before a letter word or a lone letter: in "I'd go with A instead" the "A" is the letter.
    rf")\s*[:\-–]?\s*(?:(?:a|the|pela|pelo|com\s+a|o)\s+(?={_LETTER_WORDS}|[(\[\"']?[A-Za-z](?![^\W_])))?"
    rf"(?P<word>{_LETTER_WORDS}\s*[:\-]?\s*)?(?P<open>[(\[\"'])?"
    rf"(?P<l>[A-Za-z])",
    re.IGNORECASE,
)
_NAMED_LETTER: Final = re.compile(
    rf"\b{_LETTER_WORDS}\s*(?P<open>[(\[])?(?P<l>[A-Za-z])(?![^\W_])|(?P<open2>[(\[])(?P<l2>[A-Za-z])[)\]]"
    rf"|(?<![^\s\"'(:,])(?P<l3>[A-Za-z])\)|(?<![\w'’:;=])(?P<l4>[A-D])(?![\w'’])",
    re.IGNORECASE,
)
_NEGATIVE: Final = re.compile(
    r"\bincorret[ao]s?\b|\berrad[ao]s?\b|\bfals[ao]s?\b|\bincorrect\b|\bwrong\b|\bfalse\b|"
    r"\bn[ãa]o\s+(?:é|est[áa]|parece|faz|se|tem|t[êe]m|combina|condiz|corresponde|responde|pode|seria|foi|h[áa]|"
    r"menciona|apoia|bate|procede|tem)\b|\bn[ãa]o\s*(?:[.,;:!]|$)|\b(?:is|does|do|are|seems)\s+not\b|"
    r"\b(?:isn'?t|doesn'?t|don'?t|aren'?t)\b|\bnot\s+(?:correct|right|supported|mentioned|the)\b|\bdescartad[ao]|\beliminad[ao]|\bexclu[íi]d[ao]|\bimprov[áa]vel\b|\bunlikely\b|"
    r"\bruled\s+out\b|[✗✘❌]",
    re.IGNORECASE,
)
_CORRECT_WORD: Final = re.compile(r"\bincorret|\bn[ãa]o\b|\bnot\b|\bisn'?t\b", re.IGNORECASE)
_POSITIVE: Final = re.compile(
    r"\bcorret[ao]\b|\bcert[ao]\b|\bverdadeir[ao]\b|\bcorrect\b|\bright\b|\btrue\b|\ba\s+resposta\b|"
    r"\bthe\s+answer\b|\bmais\s+(?:adequad|prov[áa]vel|coerente|plaus[íi]vel|apropriad)|\bmelhor\b|"
    r"\bbest\b|\bmost\s+(?:likely|appropriate|suitable|plausible|reasonable|accurate|fitting)\b|\bsim\b|\byes\b"
    r"|[✓✔✅]",
    re.IGNORECASE,
)
_CONCLUSION: Final = re.compile(
    r"\b(?:portanto|logo|ent[ãa]o|assim\s+sendo|por\s+isso|dessa\s+forma|desta\s+forma|conclus[ãa]o|concluindo|"
    r"acredito\s+que|creio\s+que|acho\s+que|penso\s+que|na\s+minha\s+opini[ãa]o|therefore|thus|hence|"
    r"in\s+conclusion|"
    r"I\s+think|I\s+believe)\b",
    re.IGNORECASE,
)
_NEGATING_PREFIX: Final = re.compile(
    r"\b(?:n[ãa]o\s+(?:é|seria|pode\s+ser)|descart\w*|elimin\w*|exclu\w*|not|isn'?t|rule\s+out)\s+"
    r"(?:(?:a|o|the)\s+)?(?:\w+\s+)?$",
    re.IGNORECASE,
)
_SENTENCE_END: Final = re.compile(r"[.!?;\n](?:\s|$)|\n")
_LETTER_REF: Final = rf"(?:{_LETTER_WORDS}\s+)?[(\[]?(?:[A-D])[)\]]?"
_HEDGE: Final = re.compile(
    rf"(?<![\w])[(\[]?(?P<a>[A-D])[)\]]?\s*[.…,]*\s+(?:ou|or|e/ou|and/or)\s+(?:talvez\s+|maybe\s+|perhaps\s+)?"
    rf"(?:(?:a|the)\s+)?(?:{_LETTER_WORDS}\s+)?"
    rf"[(\[]?(?P<b>[A-D])[)\]]?(?![\w])"
    rf"|\b(?:tanto|both)\s+(?:a\s+)?{_LETTER_REF}\s+(?:quanto|como|and)\s+(?:a\s+)?{_LETTER_REF}"
    rf"|\bentre\s+(?:as\s+alternativas\s+)?(?:a\s+)?{_LETTER_REF}\s+e\s+(?:a\s+)?{_LETTER_REF}"
    rf"|\bbetween\s+(?:options\s+)?{_LETTER_REF}\s+and\s+{_LETTER_REF}"
    rf"|(?<![\w])[(\[]?[A-D][)\]]?\s+(?:e|and)\s+(?:a\s+)?[(\[]?[A-D][)\]]?\s+(?:est[ãa]o|s[ãa]o|parecem|podem|are|seem)\b"
    rf"(?!\s+(?:\w+\s+){{0,2}}?(?:incorret|errad|fals|wrong|incorrect|not\b|n[ãa]o\b|descartad|eliminad|improv[áa]v|unlikely))"
    rf"|\b(?:talvez|maybe|perhaps)\s+(?:a\s+|the\s+)?{_LETTER_REF}\s*[,;]\s*(?:talvez|maybe|perhaps)\s+"
    rf"(?:a\s+|the\s+)?{_LETTER_REF}"
    rf"|\bn[ãa]o\s+(?:tenho|h[áa])\s+(?:certeza|como\s+saber)\s+(?:se|entre)\b"
    rf"|\b(?:(?:could|might|may)\s+also\s+be|tamb[ée]m\s+(?:pode|poderia)\s+ser)\b(?:\s+(?:a|the)\b)?"
    rf"(?:\s*{_LETTER_REF}(?![\w]))?"
    rf"|\b(?:pode|poderia|could|might|may)\s+(?:ser|be)\s+(?:a\s+|the\s+)?{_LETTER_REF}\s+(?:tamb[ée]m|too|as\s+well)\b",
    re.IGNORECASE,
)
# A negation governs the letter right after it, across articles and letter words only: "não com a A",
# "e não B", "nem a alternativa C", "not option B", "rather than C", "em vez da D". It rejects that letter
# and no other: in "Fico com a D, não com a A" the "não" says nothing about D.
_GOVERNING_NEGATION: Final = re.compile(
    rf"(?:\bn[ãa]o|\bnem|\bnot|\bnever|\bover|\brather\s+than|\binstead\s+of|\bem\s+vez\s+d[aeo]s?|\bao\s+inv[ée]s\s+d[aeo]s?"
    rf"|\bno\s+lugar\s+d[aeo]s?)"
    rf"(?:\s+(?:é|seria|com|pela|pelo|por|de|is|it'?s|certainly|definitely|surely|certamente|(?-i:a|o|as|os|da|do)"
    rf"|the|{_LETTER_STEMS}))*\s*[(\[]?\s*$",
    re.IGNORECASE,
)
# A verdict label right before the letters it judges: "Correta: A", "Incorretas: A, B e D".
_VERDICT_LABEL: Final = re.compile(
    r"(?:^|(?<=[\s.;(]))(?:(?P<bad>incorret[ao]s?|errad[ao]s?|fals[ao]s?|incorrect|wrong|false)"
    r"|(?P<good>corret[ao]s?|cert[ao]s?|verdadeir[ao]s?|correct|right|true))\s*[:=]\s*(?:(?:a|as|the)\s+)?"
    rf"(?:{_LETTER_STEMS}s?\s*)?[(\[]?$",
    re.IGNORECASE,
)
# What may stand between two letters of one list: "A, B e C", "a A e a C", "Alternativa A\nAlternativa B".
# A blank line, a verdict or any other word ends the list.
_LIST_GAP: Final = re.compile(
    rf"[)\].:]?(?:\s*[,&]\s*(?:(?:e|and)\s+)?|\s+(?:e|and)\s+)(?:(?:a|as|o|os|the)\s+)?(?:{_LETTER_STEMS}s?\s*)?[(\[]?"
    rf"|[)\].:]?[ \t]*\n[ \t]*(?:[-*•][ \t]*)?(?:{_LETTER_STEMS}\s*)?[(\[]?",
    re.IGNORECASE,
)
# Between two letters judged correct, these make the second a correction rather than a second answer.
_CORRECTION: Final = re.compile(
    r"\b(?:na\s+verdade|pensando\s+(?:melhor|bem)|relendo|corrigindo|me\s+enganei|ops|opa|espera|actually|wait"
    r"|on\s+(?:second\s+thought|reflection)|correction)\b",
    re.IGNORECASE,
)
# Capitals that name a letter even where they are not read as a mention ("because C ignores the context",
# "a A supõe"): they only decide whether an answer discussed several letters.
_LOOSE_LETTER: Final = re.compile(r"(?<![\w'’])(?:[B-D]|(?<=\ba\s)A|(?<=\bo\s)A|(?<=\bda\s)A|(?<=\bthe\s)A)(?![\w'’])")


@dataclass(frozen=True)
class _Candidate:
    """A place where a letter is named, before any verdict is passed on it."""

    start: int  # the letter itself
    lead: int  # where its phrase begins: the letter word, the bracket or the answer keyword
    letter: str
    keyword: bool  # introduced by an answer keyword: "Resposta:", "escolho", "The answer is"
    bare: bool  # a capital with no letter word or bracket: "Então B."


@dataclass(frozen=True)
class _Mention:
    start: int
    letter: str
    kind: str  # "commit", "reject", "neutral" or "listed" (one of several letters listed together)
    bare: bool = False  # a capital letter with no letter word or bracket: "Então B."
    by: str = ""  # what made it a commitment: "keyword", "verdict" or "position"


def _verdict(text: str, end: int, options: Sequence[str] | None, limit: int | None = None) -> str | None:
    """The verdict the clause after a letter passes on it: "commit", "reject" or ``None``.

    The clause runs from ``end`` (just after the letter) to the end of the sentence or to ``limit``, where
    the next letter's phrase begins: in "A ✗ B ✗ C ✓" each mark judges the letter before it only.
    """
    end = _skip_option_text(text, end, options)
    stop = _SENTENCE_END.search(text, end)
    stop_at = stop.start() if stop else len(text)
    after = text[end : min(stop_at, limit) if limit is not None else stop_at]
    # Only the clause right after the letter: "A está errada, mas B está certa" judges A as wrong.
    after = re.split(r",\s*(?:mas|but|e|and|enquanto|while|já)\b|\s+(?:mas|but)\s+", after, maxsplit=1)[0]
    if _NEGATIVE.search(after[:80]):
        return "reject"
    if _POSITIVE.search(after[:80]):
        return "commit"
    return None


def _skip_option_text(text: str, end: int, options: Sequence[str] | None) -> int:
    """Skip a quoted option after its letter ("D) Sei que, se eu não estiver lá ..."): it is no verdict."""
    if not options:
        return end
    lead = re.match(r"[\s)\].:\-–]*", text[end:])
    start = end + lead.end()
    for option in options:
        body = option.strip().rstrip(".")
        if body and text[start : start + len(body)].casefold() == body.casefold():
            return start + len(body)
    return end


def _sentence_before(text: str, start: int) -> str:
    """The clause before ``start``: "I think it is B, but it could be C" gives C only "but it could be"."""
    cut = max(text.rfind(mark, 0, start) for mark in (".", "!", "?", "\n", ";"))
    clause = text[cut + 1 : start]
    return re.split(r"\b(?:mas|but|embora|although|though|por[ée]m|ou|or)\b", clause, flags=re.IGNORECASE)[-1]


def _candidates(text: str) -> list[_Candidate]:
    """Every place a letter is named, in order; articles, words and prose enumerations are left out."""
    found: dict[int, _Candidate] = {}
    for match in _ANSWER_KEYWORD.finditer(text):
        start = match.start("l")
        # After a keyword "B em vez da C" is a letter, but "A", "E" and "O" before a word are the Portuguese
        # article or conjunction ("Resposta: O avião ...") unless a letter word or a bracket comes first.
        explicit = bool(match["word"] or match["open"]) or match["l"] not in "AEOaeo"
        if _is_letter(text, start, explicit=explicit):
            found[start] = _Candidate(start, match.start(), match["l"].upper(), keyword=True, bare=False)
    for match in _NAMED_LETTER.finditer(text):
        group = next(g for g in ("l", "l2", "l3", "l4") if match[g])
        start = match.start(group)
        if start in found:
            continue
        explicit = group != "l4"
        if group == "l4" and not text[start].isupper():
            continue
        line_before = text[text.rfind("\n", 0, start) + 1 : start]
        if group == "l3" and (
            line_before.count("(") > line_before.count(")") or (text[start].islower() and line_before.strip(" -*•"))
        ):
            continue  # "(NYSE: A)" closes a parenthesis; "porque a) ... e b) ..." enumerates in prose
        if group == "l" and text[start].islower() and not _is_letter(text, start, explicit=True):
            continue
        if not _is_letter(text, start, explicit=explicit):
            continue
        found[start] = _Candidate(start, match.start(), text[start].upper(), keyword=False, bare=group == "l4")
    return sorted(found.values(), key=lambda c: c.start)


def _lists(text: str, candidates: list[_Candidate]) -> list[list[int]]:
    """Indices of the candidates that form lists: runs joined only by commas, "e"/"and" or line breaks,
    naming at least two different letters ("As alternativas são A, B, C e D", "Alternativa A\\nAlternativa B")."""
    runs: list[list[int]] = []
    for index in range(len(candidates)):
        previous = candidates[index - 1] if index else None
        if previous and _LIST_GAP.fullmatch(text, previous.start + 1, candidates[index].start):
            runs[-1].append(index)
        else:
            runs.append([index])
    return [run for run in runs if len({candidates[i].letter for i in run}) >= 2]


def _judge(text: str, candidate: _Candidate, limit: int, options: Sequence[str] | None) -> tuple[str, str]:
    """The kind of one named letter and what made it a commitment: ("commit", "keyword"), ("reject", "") ..."""
    window = max(0, candidate.start - 80)
    if _GOVERNING_NEGATION.search(text, window, candidate.start):
        return "reject", ""
    verdict = _verdict(text, _closing(text, candidate.start + 1), options, limit)
    if candidate.keyword:
        return ("reject", "") if verdict == "reject" else ("commit", "keyword")
    label = _VERDICT_LABEL.search(text, window, candidate.start)
    if label:
        return ("reject", "") if label["bad"] else ("commit", "keyword")
    if verdict == "reject":
        return "reject", ""
    if verdict == "commit":
        return "commit", "verdict"
    before = _sentence_before(text, candidate.lead)
    if _NEGATING_PREFIX.search(before):
        return "reject", ""
    if _CONCLUSION.search(before) and not _CORRECT_WORD.search(before[-12:]):
        return "commit", "keyword"
    if not text[: candidate.lead].strip():
        return "commit", "position"  # the answer opens with it: "B) ...", "Alternativa C, pois ..."
    if candidate.bare and re.fullmatch(r"[\s.!)\]*]*", text[candidate.start + 1 :]):
        return "commit", "position"  # the answer ends with it: "Na minha opinião, B."
    return "neutral", ""


def _judge_list(
    text: str, candidates: list[_Candidate], run: list[int], limit: int, options: Sequence[str] | None
) -> tuple[str, str]:
    """One verdict for a whole list: the clause after its last letter or a negation or label before its first
    ("As alternativas A, B e C não têm relação", "Incorretas: A, B e D"). Without one, listing is no commitment."""
    first, last = candidates[run[0]], candidates[run[-1]]
    window = max(0, first.start - 80)
    label = _VERDICT_LABEL.search(text, window, first.start)
    verdict = _verdict(text, _closing(text, last.start + 1), options, limit)
    if (
        _GOVERNING_NEGATION.search(text, window, first.start)
        or (label and label["bad"])
        or _NEGATING_PREFIX.search(_sentence_before(text, first.lead))
        or verdict == "reject"
    ):
        return "reject", ""
    if verdict == "commit" or label:
        return "commit", "verdict"  # "A e C estão corretas": two answers, read as a hedge
    return "listed", ""


def _phrase_start(text: str, candidate: _Candidate) -> int:
    """Where the phrase naming a letter begins, its negation or verdict label included."""
    window = max(0, candidate.start - 80)
    starts = [candidate.lead]
    for pattern in (_GOVERNING_NEGATION, _VERDICT_LABEL):
        match = pattern.search(text, window, candidate.start)
        if match:
            starts.append(match.start())
    return min(starts)


_NEUTRAL: Final = ("neutral", "")
_OPENING: Final = ("commit", "position")  # the answer opens or ends with the letter


def _mentions(text: str, options: Sequence[str] | None) -> list[_Mention]:
    candidates = _candidates(text)
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
    if len({candidates[index].letter for index in unjudged}) >= 2:
        judged.update(dict.fromkeys(unjudged, ("listed", "")))
    mentions = []
    for index, candidate in enumerate(candidates):
        kind, by = judged[index]
        mentions.append(_Mention(candidate.start, candidate.letter, kind, candidate.bare, by))
    return mentions


def _on_option_line(text: str, candidate: _Candidate) -> bool:
    """Whether the letter heads a line of its own, as an option does: "Alternativa B) ...", "(C)", "D."."""
    line_start = text.rfind("\n", 0, candidate.lead) + 1
    if text[line_start : candidate.lead].strip(" \t-*•"):
        return False
    return bool(re.match(r"[ \t]*(?:[)\].:\-–]|\n|$)", text[candidate.start + 1 :]))


def _closing(text: str, end: int) -> int:
    while end < len(text) and text[end] in ")]\"'*":
        end += 1
    return end


# ---------------------------------------------------------------------------------------------------------
# Option text

_NONE_FORMS: Final = re.compile(
    r"\b(?:nenhuma\s+das\s+(?:alternativas|op[çc][õo]es|respostas|anteriores)|nenhuma\s+delas|nenhuma\s+acima"
    r"|none\s+of\s+the\s+(?:above|options|choices|answers))\b",
    re.IGNORECASE,
)
_PREAMBLE: Final = re.compile(
    r"^(?:(?:a|the)\s+)?(?:(?:correct|right|best)\s+)?(?:resposta|alternativa|op[çc][ãa]o|answer|option|gabarito)"
    r"(?:\s+(?:correta|certa|final|mais\s+adequada|correct))?\s*(?:é|seria|is|would\s+be)?\s*(?:a\s+(?:que\s+diz\s+)?"
    r"(?:que\s+)?|that\s+)?[:\-–]?\s*|^(?:acredito|creio|acho|penso)\s+que\s+|^I\s+think\s+(?:that\s+)?",
    re.IGNORECASE,
)


def _norm(text: str) -> str:
    decomposed = unicodedata.normalize("NFKD", text.casefold())
    plain = "".join(char for char in decomposed if not unicodedata.combining(char))
    return " ".join(re.sub(r"[^\w]+|_", " ", plain).split())


def _long_enough(words: int, option_words: int) -> bool:
    return (words >= 5 and words * 3 >= option_words) or (words >= 3 and words * 2 >= option_words)


_REASON_WORD: Final = re.compile(r"^(?:porque|por que|para que|pois|because|since)\s+")


def _opens_with(line: str, option: str) -> bool:
    """Whether ``line`` opens with a long enough stretch of ``option`` and then wanders off.

    Small models state an option and then loop ("Eu não deixaria nenhuma visão negativa prevalecer, porque ao
    que não deixaria ..."), or turn its "Porque" into "Para que". A question ("...?") is an echo, not an answer.
    """
    if not option or line.rstrip().endswith("?"):
        return False
    said = _REASON_WORD.sub("", _norm(line)).split()
    meant = _REASON_WORD.sub("", option).split()
    shared = 0
    while shared < min(len(said), len(meant)) and said[shared] == meant[shared]:
        shared += 1
    return shared >= 5 and _long_enough(shared, len(meant))


def _option_letter(text: str, options: Sequence[str]) -> str | None:
    normed = [_norm(option) if isinstance(option, str) else "" for option in options]
    none_forms = {_norm(NONE_OF_THE_ABOVE_PT), _norm(NONE_OF_THE_ABOVE_EN), "none of the above"}
    whole = _norm(text)
    first_line = text.strip().splitlines()[0] if text.strip() else ""
    candidates = {whole, _norm(first_line)}
    for piece in (text.strip(), first_line):
        candidates.add(_norm(_PREAMBLE.sub("", piece, count=1)))
        head, colon, tail = piece.partition(":")
        if colon and len(head.split()) <= 8:
            candidates.add(_norm(tail))
    candidates.discard("")
    exact = {i for i, option in enumerate(normed) if option and option in candidates}
    if len(exact) == 1:
        return LETTERS[exact.pop()]
    none_option = [i for i, option in enumerate(normed) if option in none_forms]
    if len(none_option) == 1 and _NONE_FORMS.search(text):
        return LETTERS[none_option[0]]
    padded = f" {whole} "
    contained = [i for i, option in enumerate(normed) if len(option.split()) >= 3 and f" {option} " in padded]
    contained = [i for i in contained if not any(i != j and normed[i] in normed[j] for j in contained)]
    if len(contained) == 1:
        return LETTERS[contained[0]]
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
        return LETTERS[partial.pop()]
    opening = {i for i, option in enumerate(normed) if _opens_with(first_line, option)}
    if len(opening) == 1:
        return LETTERS[opening.pop()]
    best: tuple[float, int] = (0.0, -1)
    second = 0.0
    for candidate in candidates:
        for i, option in enumerate(normed):
            if not option or len(candidate) > 2 * len(option) + 20:
                continue
            ratio = difflib.SequenceMatcher(None, candidate, option, autojunk=False).ratio()
            if ratio > best[0]:
                if best[1] != i:
                    second = max(second, best[0])
                best = (ratio, i)
            elif i != best[1]:
                second = max(second, ratio)
    if best[0] >= 0.8 and best[0] - second >= 0.1:
        return LETTERS[best[1]]
    return None


# ---------------------------------------------------------------------------------------------------------
# Refusals

_REFUSAL: Final = re.compile(
    r"\bn[ãa]o\s+(?:é\s+poss[íi]vel|posso|consigo|h[áa]\s+como|tenho\s+como|sou\s+capaz\s+de|d[áa]\s+para)\s+"
    r"(?:\w+\s+){0,2}?(?:determinar|responder|saber|afirmar|escolher|identificar|inferir|concluir|dizer)"
    r"|\bn[ãa]o\s+h[áa]\s+(?:informa[çc](?:ões|ão)|dados|contexto|elementos)\s+(?:suficientes?|para)"
    r"|\binforma[çc](?:ões|ão)\s+insuficientes?|\b(?:desculpe|sinto\s+muito|lamento)\b"
    r"|\bcomo\s+(?:um\s+)?(?:modelo\s+de\s+linguagem|assistente|IA|intelig[êe]ncia\s+artificial)\b"
    r"|\bnenhuma\s+das\s+(?:alternativas|op[çc][õo]es|respostas)\s+(?:\w+\s+)?(?:est[áa]|é|parece)\s+corret"
    r"|\bI\s+(?:cannot|can't|can\s+not|am\s+unable\s+to|'m\s+unable\s+to|am\s+not\s+able\s+to)\s+"
    r"(?:\w+\s+){0,2}?(?:determine|answer|say|tell|choose|know|infer)"
    r"|\b(?:not\s+enough|insufficient)\s+(?:information|context)|\bas\s+an\s+AI\b|\bI'm\s+sorry\b"
    r"|\bnone\s+of\s+the\s+(?:options|choices|answers)\s+(?:is|are|seems?)\s+correct",
    re.IGNORECASE,
)


# ---------------------------------------------------------------------------------------------------------
# The extractor


def extract_answer(text: str, options: Sequence[str] | None = None) -> Extraction:
    """Read the answer letter from a model's output; see the module docstring for the rules.

    ``text``: the generated answer, or the whole decoded sequence (prompt included). ``options``: the four
    option texts in A-D order, to read answers given as text; ``None`` when unknown.
    Raises ``TypeError`` when ``text`` is not a string and ``ValueError`` when ``options`` is not four items.
    """
    if not isinstance(text, str):
        message = f"extract_answer expects the generated text as a str, got {type(text).__name__}"
        raise TypeError(message)
    if options is not None:
        options = _check_options(options)
    answer, wrote, invented = _clean(text, options)
    if not wrote:
        return Extraction(None, "empty")
    if not re.search(r"[^\W_]", answer):  # only an echo of the prompt, or options of its own
        return Extraction(None, "invalid_letter" if invented else "no_answer")

    only = _LETTER_ONLY.match(answer)
    if only:
        letter = only["l"].upper()
        return Extraction(letter, "letter_only") if letter in LETTERS else Extraction(None, "invalid_letter")

    mentions = _mentions(answer, options)
    hedges = [match.end() for match in _HEDGE.finditer(answer)]
    commits = [m for m in mentions if m.kind == "commit"]
    if commits:
        final = commits[-1]
        if any(end > final.start for end in hedges) or _rival_verdicts(answer, commits):
            return Extraction(None, "hedged")
        if final.letter not in LETTERS:
            return Extraction(None, "invalid_letter")
        named = {m.letter for m in mentions} | set(_LOOSE_LETTER.findall(answer))
        return Extraction(final.letter, "keyword" if len(named) == 1 else "final_answer")
    if hedges:
        return Extraction(None, "hedged")

    rejected = {m.letter for m in mentions if m.kind == "reject"}
    # A bare capital in passing ("tirou nota A no teste") is no answer; a named one is ("acho que a letra B").
    neutral = {m.letter for m in mentions if m.kind == "neutral" and not m.bare} - rejected
    in_range = neutral & set(LETTERS)
    if len(in_range) == 1 and not (neutral - in_range):
        letter = in_range.pop()
        return Extraction(letter, "final_answer" if rejected else "keyword")
    if neutral and not in_range:
        return Extraction(None, "invalid_letter")
    if not neutral and rejected and len(rejected & set(LETTERS)) == len(LETTERS) - 1:
        # Every letter but one was ruled out, and the survivor is never named.
        (letter,) = set(LETTERS) - rejected
        return Extraction(letter, "final_answer")

    if options is not None:
        letter = _option_letter(answer, options)
        if letter is not None:
            return Extraction(letter, "option_text")
    if _REFUSAL.search(answer):
        return Extraction(None, "refusal")
    if invented:
        return Extraction(None, "invalid_letter")
    return Extraction(None, "no_answer")


def _rival_verdicts(answer: str, commits: list[_Mention]) -> bool:
    """Whether the last commitments are verdicts that call two different letters correct, with no answer
    keyword or correction after the first ("A: errada. B: correta. C: correta.")."""
    tail = []
    for mention in reversed(commits):
        if mention.by != "verdict":
            break
        tail.insert(0, mention)
    first = next((m for m in tail if m.letter != tail[-1].letter), None)
    return first is not None and not _CORRECTION.search(answer, first.start, tail[-1].start)


def _check_options(options: Sequence[str]) -> list[str]:
    if isinstance(options, str) or len(options) != len(LETTERS) or not all(isinstance(o, str) for o in options):
        message = (
            f"options must be {len(LETTERS)} strings in {'-'.join((LETTERS[0], LETTERS[-1]))} order, got {options!r}"
        )
        raise ValueError(message)
    return list(options)


# ---------------------------------------------------------------------------------------------------------
# Scores


def score_generations(
    predictions: Sequence[str],
    references: Sequence[Any],
    options: Sequence[Sequence[str] | None] | None = None,
) -> dict[str, Any]:
    """Score raw generations against gold labels (letters "A"-"D" or indices 0-3).

    Returns ``accuracy`` (strict: unreadable answers count as wrong), ``lenient_accuracy`` (over the
    ``n_valid`` readable answers; 0.0 when there are none), ``invalid_rate``, ``n``, ``n_valid`` and
    ``rules`` (rule -> count, every rule listed). Raises ``ValueError`` naming the item for a length
    mismatch, a reference outside A-D / 0-3, a prediction that is not a string or malformed options.
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
    if options is not None:
        options = list(options)
        if len(options) != len(predictions):
            message = (
                f"got {len(options)} option lists for {len(predictions)} predictions: give one per prediction (or None)"
            )
            raise ValueError(message)
    gold = []
    for index, reference in enumerate(references):
        try:
            gold.append(LETTERS[label_to_index(reference)])
        except ValueError as error:
            raise ValueError(f"reference {index}: {error}") from None
    rules = dict.fromkeys(RULES, 0)
    correct = valid = 0
    for index, prediction in enumerate(predictions):
        if not isinstance(prediction, str):
            message = f"prediction {index} must be the generated text as a str, got {type(prediction).__name__}"
            raise ValueError(message)
        item_options = options[index] if options is not None else None
        try:
            extraction = extract_answer(prediction, item_options)
        except ValueError as error:
            raise ValueError(f"options {index}: {error}") from None
        rules[extraction.rule] += 1
        valid += extraction.valid
        correct += extraction.letter == gold[index]
    n = len(predictions)
    return {
        "accuracy": correct / n,
        "lenient_accuracy": correct / valid if valid else 0.0,
        "invalid_rate": (n - valid) / n,
        "n": n,
        "n_valid": valid,
        "rules": rules,
    }

"""Stage 1, cleaning: from whatever a model wrote to the text of its answer.

Each step is a pure function of a string:

- :func:`assistant_turn`: a whole decoded sequence keeps only what follows the *last* assistant marker
  (``<|assistant|>``, ``<|im_start|>assistant``, ``[/INST]``, Llama-3, Gemma, Granite and gpt-oss headers), up to
  the first end-of-turn token or new turn, so that the prompt's own option lines are never read (a ``</s>`` that
  closes an HTML strikethrough on its line, ``<s>A</s>``, ends no turn).
- :func:`drop_reasoning`: the reasoning of a reasoning model (``<think> ... </think>``, ``<thinking>``,
  ``<reasoning>``, gpt-oss's analysis channel) is not the answer: only what follows the last closed block
  counts, and a block never closed (the model ran out of tokens while thinking) leaves no answer.
- :func:`reading_window`: the work per reply is bounded. A reply longer than :data:`MAX_CHARS` is read
  through its first :data:`HEAD_CHARS` and last :data:`TAIL_CHARS` characters only: an answer opens or closes
  a reply, and what lies between in a runaway generation of megabytes is repetition. Every later stage sees
  at most ``MAX_CHARS`` characters, so reading takes the same bounded time whatever the length; the steps
  before it are single linear scans.
- :func:`unfence`, :func:`unwrap`, :func:`strip_markup`: code fences, LaTeX (``\\boxed{\\mathrm{A}}``), tags
  (``<answer>B</answer>``) and Markdown emphasis go; struck-out text (``~~A~~``, ``<s>A</s>``) reads as withdrawn,
  a box after text (a derivation closed by ``\\boxed{D}``) reads as "Resposta: D", the words of a YAML key
  joined by underscores are parted ("opcao_mais_proxima: A"), and a letter spelt as its name after an article or a
  letter word is that letter ("é a bê", "letra cê").
- :func:`cut_new_block` and :func:`strip_echoes`: echoes of the prompt are not answers. A question the model
  goes on to invent is cut; prompt lines (``Contexto:``, ``Pergunta:``, garbled: "Pergumina:"), lists of
  options (two or more option lines, labelled, numbered or garbled: "Alternatva B)", "Percírio A) ...
  Percírio B)", three lines all labelled "A)", a last label cut off), a line of three options, and lines that
  repeat two or more options' texts are dropped, so that neither the last line of an echo nor an option's text
  inside one is read as the answer. What stands apart from the echo stays: a letter given after it, after a
  blank line ("... Alternativa D) ...\n\nAlternativa C"), a line before it in another style ("C) ...\n\n
  Alternativa A) ... Alternativa B) ..."), or a line before a blank line after which the list starts over at A
  ("Alternativa D) ...\n\nAlternativa A) ...\nAlternativa B) ...", or its "A" line alone, cut short by the token
  limit: "Alternativa D) ...\n\nAlternativa A) ..."). One answer line said again, the last time cut
  short by the token limit, is no list; but an echo that loops (the line before the list, then the list's first
  line again, cut short) is all echo. Option lines under a header of elimination ("Vamos eliminar:", "Ruling out:")
  judge their options, whatever reasons they give (:func:`under_elimination_header`): they are no echo.

>>> assistant_turn("<|user|>\\nAlternativa A) Sol</s>\\n<|assistant|>\\nAlternativa B</s>")
'Alternativa B'
>>> drop_reasoning("<think>A? Não, B.</think>\\n\\nAlternativa C")
'\\n\\nAlternativa C'
>>> drop_reasoning("<think>Vejamos: a alternativa A")
''
>>> len(reading_window("A B C D " * 100_000)) <= MAX_CHARS
True
>>> strip_echoes("Pergunta: Por quê?\\nA) Sol\\nB) Chuva\\nResposta: B", None, ("A", "B", "C", "D"))
('Resposta: B', False)
"""

from __future__ import annotations

import difflib
import html
import re
from collections.abc import Sequence
from dataclasses import dataclass
from functools import cache
from typing import Final

from .vocabulary import CROSS_MARKS, LANGUAGES, TICK_MARKS, alternation, fold, words

__all__ = [
    "HEAD_CHARS",
    "MAX_CHARS",
    "TAIL_CHARS",
    "Cleaned",
    "assistant_turn",
    "clean",
    "cut_new_block",
    "drop_reasoning",
    "norm",
    "reading_window",
    "strip_echoes",
    "strip_markup",
    "under_elimination_header",
    "unfence",
    "unwrap",
]

#: Replies longer than this are read through their head and tail only (see the module docstring).
MAX_CHARS: Final = 8000
HEAD_CHARS: Final = 5500
TAIL_CHARS: Final = 2000

_ASSISTANT_MARKERS: Final = re.compile(
    r"<\|assistant\|>|<\|im_start\|>\s*assistant|\[/INST\]|<\|start_header_id\|>\s*assistant\s*<\|end_header_id\|>"
    r"|<start_of_turn>\s*model|<\|start_of_role\|>\s*assistant\s*<\|end_of_role\|>"
    r"|<\|channel\|>\s*final\s*<\|message\|>|assistantfinal"
)
# Each marker begins with one of these: they are found with str.rfind, which is much faster than a regex scan.
_MARKER_ANCHORS: Final = (
    "<|assistant|>", "<|im_start|>", "[/INST]", "<|start_header_id|>", "<start_of_turn>", "<|start_of_role|>",
    "<|channel|>", "assistantfinal",
)  # fmt: skip
_END_TOKENS: Final = re.compile(
    r"</s>|<\|im_end\|>|<\|endoftext\|>|<\|eot_id\|>|<\|end\|>|<end_of_turn>|<\|end_of_text\|>|<\|user\|>"
    r"|<\|system\|>|<\|im_start\|>|\[INST\]|<\|start_header_id\|>|<\|end_of_role\|>|<pad>|<\|return\|>"
)
# A new turn a model writes as plain text ("User: ..."), at the start of a line.
_ROLE_LINE: Final = r"[ \t]*(?:<\|?)?(?:user|usu[áa]rio|human|humano)(?:\|>)?[ \t]*:"
_ROLE_AT_START: Final = re.compile(_ROLE_LINE, re.IGNORECASE)
_ROLE_AFTER_BREAK: Final = re.compile(rf"\n{_ROLE_LINE}", re.IGNORECASE)
_LEADING_TOKENS: Final = re.compile(r"^(?:\s|<s>|<\|begin_of_text\|>|<bos>)+")
_REASONING_TAGS: Final = ("think", "thinking", "reasoning", "thought", "reflection", "scratchpad")
_REASONING_CLOSE: Final = re.compile(rf"</(?:{'|'.join(_REASONING_TAGS)})\s*>", re.IGNORECASE)
_REASONING_OPEN: Final = re.compile(
    rf"<(?:{'|'.join(_REASONING_TAGS)})\s*>|<\|channel\|>\s*analysis\s*<\|message\|>", re.IGNORECASE
)
_ANALYSIS_END: Final = re.compile(r"<\|end\|>")


def _last_marker_end(text: str) -> int:
    """Where the last assistant marker ends, or 0: a few ``rfind`` scans, then a match at each candidate."""
    best_start, best_end = -1, 0
    for anchor in _MARKER_ANCHORS:
        end = len(text)
        while True:
            at = text.rfind(anchor, 0, end)
            if at <= best_start:
                break
            match = _ASSISTANT_MARKERS.match(text, at)
            if match:
                best_start, best_end = at, match.end()
                break
            end = at
    return best_end


def _closes_a_strikethrough(text: str, token: re.Match[str]) -> bool:
    """Whether a "</s>" closes an HTML strikethrough on its line ("<s>A</s> — contradiz o texto"), not a turn."""
    if token[0] != "</s>":
        return False
    opener = text.rfind("<s>", max(0, token.start() - _MAX_STRUCK), token.start())
    return opener >= 0 and bool(_HTML_STRUCK.fullmatch(text, opener, token.end()))


def _end_of_turn(text: str) -> int:
    """Where the turn ends: the first end-of-turn token or new turn, else the end of ``text``."""
    ends = [len(text)]
    for token in _END_TOKENS.finditer(text):
        if not _closes_a_strikethrough(text, token):
            ends.append(token.start())
            break
    role = _ROLE_AT_START.match(text) or _ROLE_AFTER_BREAK.search(text)
    if role:
        ends.append(role.start())
    return min(ends)


def assistant_turn(text: str) -> str:
    """The text after the last assistant marker, up to the end of that turn (see the module docstring).

    Reasoning blocks are kept: :func:`drop_reasoning` takes them out. Every step is a linear scan.
    """
    text = text[_last_marker_end(text) :]
    text = _LEADING_TOKENS.sub("", text)
    return text[: _end_of_turn(text)]


def drop_reasoning(text: str) -> str:
    """Drop reasoning blocks: keep what follows the last closing tag; an unclosed block leaves what preceded it.

    A closing tag without an opening one counts too: some chat templates put ``<think>`` in the prompt.
    gpt-oss's analysis channel ends at its ``<|end|>``.
    """
    close = None
    for close in _REASONING_CLOSE.finditer(text):  # noqa: B007 - the last one is wanted
        pass
    if close is not None:
        text = text[close.end() :]
    opening = _REASONING_OPEN.search(text)
    if opening is None:
        return text
    if opening.group().startswith("<|"):
        end = _ANALYSIS_END.search(text, opening.end())
        return text[: opening.start()] + (drop_reasoning(text[end.end() :]) if end else "")
    return text[: opening.start()]


def reading_window(text: str) -> str:
    """At most :data:`MAX_CHARS` characters of ``text``: all of it, or its head and tail (module docstring)."""
    if len(text) <= MAX_CHARS:
        return text
    head = text[:HEAD_CHARS]
    tail = text[-TAIL_CHARS:]
    # Cut at a line or word boundary near the limits, so that no half word is read as a letter.
    for separator in ("\n", " "):
        at = head.rfind(separator, HEAD_CHARS - 200)
        if at > 0:
            head = head[:at]
            break
    for separator in ("\n", " "):
        at = tail.find(separator, 0, 200)
        if at >= 0:
            tail = tail[at + 1 :]
            break
    return f"{head}\n\n{tail}"


_WORD: Final = re.compile(r"[^\W_]")
_FENCE: Final = re.compile(r"^[ \t]*(?:```+|~~~+)[ \t]*[\w+-]*[ \t]*$", re.MULTILINE)
_INLINE_TICKS: Final = re.compile(r"`+")


# A diff block adds the option it keeps and removes the others: "+ D: não vai ter que fazer tanta pesquisa".
_DIFF_BLOCK: Final = re.compile(
    r"^[ \t]*```+[ \t]*diff[ \t]*\n(?P<body>.{0,3000}?)^[ \t]*```+[ \t]*$", re.MULTILINE | re.DOTALL
)
_DIFF_LINE: Final = re.compile(r"^([+-])[ \t]*(?=[(\[]?[A-Za-z](?![^\W_]))", re.MULTILINE)


def _diff_marks(block: re.Match[str]) -> str:
    body = _DIFF_LINE.sub(lambda line: f"{TICK_MARKS[0] if line[1] == '+' else CROSS_MARKS[0]} ", block["body"])
    return f"```\n{body}```"


def unfence(text: str) -> str:
    """Drop code-fence lines (```` ```json ````, ```` ``` ````) and inline backticks, keeping what they hold; the
    lines of a ```` ```diff ```` block that add or remove a letter become ticked or crossed."""
    if "```" in text and "diff" in text:
        text = _DIFF_BLOCK.sub(_diff_marks, text)
    return _INLINE_TICKS.sub("", _FENCE.sub("", text))


# Wrappers around an answer: LaTeX ("\boxed{\mathrm{A}}", "$\textbf{D}$", "\(C\)") and tags ("<answer>B</answer>",
# "[ANSWER] B [/ANSWER]"; a bracketed letter, "[B]", and a checkbox, "[x]", are no tags).
_LATEX_COMMAND: Final = re.compile(
    r"\\(boxed|fbox|text|textbf|textit|textrm|textsf|texttt|mathrm|mathbf|mathit|mathsf|mathtt|operatorname|emph"
    r"|underline)\s*\{([^{}]*)\}"
)
_LATEX_DELIMITER: Final = re.compile(r"\\[()\[\]]|\$+")
_LATEX_BARE: Final = re.compile(
    r"\\(?:noindent|medskip|bigskip|smallskip|newline|par|hfill|vfill|centering|qquad|quad)\b"
)
# (HTML tags with their attributes too: '<span class="letra">B</span>'.)
_TAG: Final = re.compile(
    r"</?[A-Za-z][\w-]*(?:\s+[\w:-]+(?:\s*=\s*(?:\"[^\"<>\n]*\"|'[^'<>\n]*'|[^\s<>\"']+))?)*\s*/?>"
    r"|\[/?[A-Za-z][\w-]+\]"
)
_STRUCK: Final = re.compile(r"~~(.+?)~~")
_STRUCK_DENIED: Final = re.compile(r"\b(não\s+)~~(.+?)~~", re.IGNORECASE)
# HTML strikethrough: "<s>A</s>", "<del>B</del>" (a "<s>" whose "</s>" closes it on its line; else a model's token).
_MAX_STRUCK: Final = 80
_HTML_STRUCK: Final = re.compile(rf"<(s|del|strike)>([^<>\n]{{1,{_MAX_STRUCK}}})</\1>", re.IGNORECASE)
# (a tag may open what follows: "<del>B</del> <strong>C</strong>"; or close the struck one's list item:
# "<li><s>D</s></li><li><b>A</b> — ...")
_STRUCK_BEFORE: Final = re.compile(
    r"~~(.+?)~~(?:[ \t]+|(?=<))(?=(?:</?[A-Za-z][^<>\n]{0,40}>[ \t]*)*(?:[^\W_]|[*_(\[]+[^\W_]))"
)
_STRUCK_LINE_THEN_LETTER: Final = re.compile(
    r"^((?:[ \t]*~~[^~\n]{1,40}~~)+)[ \t]*\n(?:[ \t]*\n)?[ \t]*"
    r"(?=[*_(\[]+[A-Za-z][*_)\]]*|[A-Za-z](?:[).:—–-]|[ \t]+[—–-]|[ \t]*$))",
    re.MULTILINE,
)
# LaTeX strikethrough: "\cancel{A}", "\xcancel{C}", "\sout{D}".
_LATEX_STRUCK: Final = re.compile(rf"\\(?:[xb]?cancel|sout|st)\{{([^{{}}\n]{{1,{_MAX_STRUCK}}})\}}")


def _unwrapped(command: re.Match[str]) -> str:
    # A box is the answer by convention: "\\boxed{D}" closing a derivation says "Resposta: D".
    boxed = command[1] in ("boxed", "fbox")
    before = _LATEX_DELIMITER.sub("", command.string[: command.start()]).strip()
    return f"Resposta: {command[2]}" if boxed and before else command[2]


def unwrap(text: str) -> str:
    """Take the answer out of LaTeX and tag wrappers; struck-out Markdown ("~~A~~ C"), HTML and LaTeX ("\\cancel{A}")
    read as withdrawn."""
    text = _LATEX_STRUCK.sub(r"~~\1~~", text)
    text = _LATEX_BARE.sub(" ", text)  # "\noindent", "\medskip": commands that wrap nothing
    previous = None
    for _ in range(8):  # nested: \boxed{\textbf{(D)}}; bounded
        if previous == text:
            break
        previous, text = text, _LATEX_COMMAND.sub(_unwrapped, text)
    text = _LATEX_DELIMITER.sub("", text)
    text = _HTML_STRUCK.sub(r"~~\2~~", text)
    # What follows a struck-out letter on its line replaces it: "~~D~~ **C**" reads "não D, e sim C"; and so does a
    # letter on the line after a line of struck-out ones ("~~A~~ ~~D~~\n\n**C** — ...").
    text = _STRUCK_LINE_THEN_LETTER.sub(r"\1 ", text)
    text = _STRUCK_BEFORE.sub(r"não \1, e sim ", text)
    # (a struck letter already denied in words is denied once: "(não \cancel{A})")
    text = _STRUCK_DENIED.sub(r"\1\2;", text)
    text = _STRUCK.sub(r"não \1;", text)
    return _TAG.sub(" ", text)


_MARKDOWN: Final = re.compile(r"\*+|(?<!\w)_+|_+(?!\w)|^\s*#+\s*|^\s*>\s*", re.MULTILINE)
_VARIATION: Final = re.compile("[\ufe0e\ufe0f\u200b\u200c\u200d]")


# An HTML character reference: "&#10003;" is a tick in a table written in HTML.
_CHARACTER_REFERENCE: Final = re.compile(r"&(?:#[0-9]{1,7}|#[xX][0-9a-fA-F]{1,6}|[a-zA-Z]{2,8});")


def strip_markup(text: str) -> str:
    """Drop Markdown emphasis, headings and quote marks, and invisible characters (emoji variation selectors); read
    HTML character references as their characters ("&#10007;" is "✗") and a no-break space as a space."""
    text = _CHARACTER_REFERENCE.sub(lambda reference: html.unescape(reference.group()), text).replace("\xa0", " ")
    return _MARKDOWN.sub("", _VARIATION.sub("", text))


def norm(text: str) -> str:
    """Folded words only: lower case, no accents, punctuation as spaces ("Ela está?" -> "ela esta")."""
    return " ".join(re.sub(r"[^\w]+|_", " ", fold(text)).split())


# ---------------------------------------------------------------------------------------------------------
# Echoes of the prompt

_PROMPT_LINE: Final = re.compile(rf"^\s*{alternation(words('prompt_labels'))}\s*:", re.IGNORECASE)
# A prompt label as a small model garbles it: "Pergumina:", "Perguntura:", "Perguntos:".
_LABELLED_LINE: Final = re.compile(r"^\s*(?P<label>[^\W\d_]{5,14})\s*:")
_PROMPT_LABEL_FORMS: Final = tuple(fold(label) for label in words("prompt_labels"))
_ANSWER_ON_LINE: Final = re.compile(rf"\b{alternation(words('answer_nouns'))}\s*:", re.IGNORECASE)
_NEW_BLOCK: Final = re.compile(rf"^\s*{alternation(words('prompt_labels'))}\s*:", re.IGNORECASE | re.MULTILINE)
_CONTEXT_LABELS: Final = frozenset(fold(label) for label in ("contexto", "context"))
# A line that may stand before a prompt block and still say nothing: blank, a fence, a rule ("---"), a heading ("###
# Pergunta 37"). (One character class before the label and another only after it: the match stays linear.)
_PROMPT_HEADING: Final = re.compile(
    rf"[ \t#*>`~=_-]*(?:{alternation(words('prompt_labels'))}(?:[ \t]*\d+)?[ \t*:.`~]*)?",
    re.IGNORECASE,
)
_LIST_NOUNS: Final = (
    *words("letter_words"), "alternativas", "opções", "perguntas", "questões", "items", "options", "choices",
    "questions", *words("prompt_labels"),
)  # fmt: skip
# A numbered item the model invents in place of lettered options: "Perguntas 1: ...", "Alternativa 2) ...".
_NUMBERED_LINE: Final = re.compile(rf"^\s*{alternation(_LIST_NOUNS)}\s*\d+\s*(?:[:.)\-]|$)", re.IGNORECASE)
_DIGIT_ITEM: Final = re.compile(r"^\s*\d{1,2}\s*[.)]\s+\S")
# One option line: "Alternativa A) ...", "(B) ...", "c. ...", "Alternatva B) ..." (a garbled label word), or a
# bare "Alternativa C".
_LIST_LINE: Final = re.compile(
    r"^\s*(?:[-*•]\s*)?(?:(?:(?P<label>[^\W\d_]{4,14})\s+)?[(\[]?(?P<l>[A-Za-z])\s*(?:[)\].:]|\s[-–])\s*(?P<text>\S)"
    r"|(?P<label2>[^\W\d_]{4,14})\s+(?P<bare>[A-Za-z])\s*[.:)\]]?\s*$)",
)
# A line of a list that passes a verdict ("B) Correta", "C) errada, pois ...", "A: não", "D) ✓") is part of the
# answer. "Sim" and "não" judge only said alone ("A: não."): "A) Não pode ser ..." is an option's text.
# (and the ruling-out phrases of several words: "B: 'nenhuma' não cabe")
_VERDICT_WORDS: Final = re.compile(
    rf"\b{alternation(words('right_words') + words('wrong_words') + words('dismissal'))}\b"
    rf"|\b{alternation([phrase for phrase in words('ruling_out') if ' ' in phrase])}\b|[{TICK_MARKS}{CROSS_MARKS}]",
    re.IGNORECASE,
)
_VERDICT_START: Final = re.compile(
    rf"^\W*(?:{alternation((*words('no_words'), 'sim', 'yes'))})\s*(?:[.,;:!—–-]|$)", re.IGNORECASE
)
_INLINE_OPTION: Final = re.compile(
    rf"(?:^|(?<=\s))(?:{alternation(words('letter_words'))}\s*)?([A-Za-z])\)", re.IGNORECASE
)
_LETTER_WORD_FORMS: Final = tuple(fold(word) for word in words("letter_words"))
_EMPTY_OPTION: Final = re.compile(r"[A-Za-z]\s*[)\]]\s*$")


@cache
def _is_label(word: str) -> bool:
    """Whether ``word`` names an option, as spelt or garbled by a small model: "Alternatva", "Alterantiva"."""
    folded = fold(word)
    return any(
        folded == form or (len(form) >= 6 and difflib.SequenceMatcher(None, folded, form).ratio() >= 0.75)
        for form in _LETTER_WORD_FORMS
    )


@cache
def _is_prompt_label(word: str) -> bool:
    folded = fold(word)
    return any(difflib.SequenceMatcher(None, folded, form).ratio() >= 0.7 for form in _PROMPT_LABEL_FORMS)


def _is_prompt_line(line: str) -> bool:
    """Whether ``line`` is a prompt line ("Pergunta: ...", "Contexto: ...") or a garbled one ("Pergumina: ...")."""
    if _PROMPT_LINE.match(line):
        return True
    labelled = _LABELLED_LINE.match(line)
    return bool(labelled) and _is_prompt_label(labelled["label"])


_CHECKBOX: Final = re.compile(r"\s*(?:[-*•+]\s+)?\[[xX]\]")


def _list_match(line: str) -> re.Match[str] | None:
    """The option line ``line`` is, if any (its label may be any word; :func:`_label_ok` says whether it names
    an option)."""
    match = _LIST_LINE.match(line)
    if match is None or (match["bare"] is None and match["l"] is None):
        return None
    if _list_letter(match) == "X" and _CHECKBOX.match(line):
        return None  # a ticked box, "- [x] Li o texto", is no option line
    return match


def _label_of(match: re.Match[str]) -> str:
    return fold(match["label"] or match["label2"] or "")


def _label_ok(match: re.Match[str]) -> bool:
    label = match["label"] or match["label2"]
    return not label or _is_label(label)


def _shape(match: re.Match[str]) -> str:
    """ "text" ("B) Chuva", and "B)" with its text cut off), or "bare" ("Alternativa C")."""
    if match["text"] is not None or _EMPTY_OPTION.search(match.group()):
        return "text"
    return "bare"


def _list_letter(match: re.Match[str]) -> str:
    return (match["l"] or match["bare"]).upper()


_QUESTION_LABELS: Final = alternation([label for label in words("prompt_labels") if fold(label) not in _CONTEXT_LABELS])
# A line that is no question's or option's: it opens with neither "Pergunta:" nor "B)".
_NOT_A_PROMPT_LINE: Final = rf"\n(?![ \t*#>_-]*(?:{_QUESTION_LABELS}\b|[(\[]?[A-Ea-e][)\].]\s))[^\n]*"
# From a label to the end: no line of a question or an option after its first line, and a line of the answer.
_OWN_ANALYSIS: Final = re.compile(
    rf"[^\n]*(?:{_NOT_A_PROMPT_LINE})*?"
    rf"\n[ \t*#>_-]*{alternation(words('answer_nouns'))}(?:[ \t]+{alternation(words('answer_qualifiers'))})?[ \t*_]*:"
    rf"[^\n]*(?:{_NOT_A_PROMPT_LINE})*",
    re.IGNORECASE,
)


def cut_new_block(text: str) -> str:
    """Keep the answer, not a new question the model goes on to invent after it.

    A block opens at a ``Contexto:`` line, or at a ``Pergunta:`` line that no ``Contexto:`` line just opened.
    Text before the first block is the answer and the first block is cut; an echo first, then the answer,
    then a new block: the second block is cut.
    """
    starts: list[int] = []
    previous_was_context = False
    previous_end = -1
    for match in _NEW_BLOCK.finditer(text):
        is_context = fold(match.group().strip().rstrip(":").strip()) in _CONTEXT_LABELS
        # Prompt lines one under the other ("questao : ...\ncontexto : ...") are one block, whatever their order.
        follows_one = previous_end >= 0 and "\n" not in text[previous_end : match.start()].strip("\n")
        if (is_context or not previous_was_context) and not follows_one:
            starts.append(match.start())
        previous_was_context = is_context
        line_end = text.find("\n", match.end())
        previous_end = len(text) if line_end < 0 else line_end
    # A "Contexto:" of the reply's own analysis heads no new question: no question or option line follows it, and the
    # reply's answer does ("**Contexto:** ...\n\n### Resposta final: **C**").
    starts = [start for start in starts if not _OWN_ANALYSIS.fullmatch(text, start)]
    if starts and not all(_PROMPT_HEADING.fullmatch(line) for line in text[: starts[0]].split("\n")):
        return text[: starts[0]]
    if len(starts) >= 2:
        return text[: starts[1]]
    return _cut_invented_question(text)


_QUESTION_AFTER_BREAK: Final = re.compile(r"\n[ \t]*\n(?=[^\n]*\?[ \t]*(?:\n|$))")


def _cut_invented_question(text: str) -> str:
    """An option line that opens the reply, then, after a blank line, a question the model invents under a garbled
    label ("Alternativa D) ...\n\nPeremropeia: Por que estámos também?\nAlternativa A) ..."): the question and what
    follows are cut."""
    opening = text.lstrip().split("\n", 1)[0]
    match = _list_match(opening)
    if match is None or not _label_ok(match) or _shape(match) != "text" or not _body(opening).strip():
        return text
    question = _QUESTION_AFTER_BREAK.search(text)
    return text[: question.start()] if question else text


def _repeated_option(body: str, normed_options: Sequence[str]) -> int | None:
    """Which option a line's body repeats, if any: the same words, nearly, or its first three words or more when
    the line is cut short (an echo cut by the token limit)."""
    said = norm(body)
    if not said:
        return None
    best, best_ratio = None, 0.9
    for index, option in enumerate(normed_options):
        if not option:
            continue
        if said == option:
            return index
        if len(said.split()) >= 3 and option.startswith(said) and len(said) >= 0.4 * len(option):
            return index
        if len(said) <= 2 * len(option) + 20:
            ratio = difflib.SequenceMatcher(None, said, option).ratio()
            if ratio >= best_ratio:
                best, best_ratio = index, ratio
    return best


def _repeated_line(line: str, normed_options: Sequence[str]) -> int | None:
    """Which option a line of its own repeats, if any, also under a label of its own, garbled or not
    ("Perempreiro: Eles estão guardando os materiais bons para as encomendas.")."""
    repeated = _repeated_option(line, normed_options)
    if repeated is None and (label := _LABELLED_LINE.match(line)) is not None:
        repeated = _repeated_option(line[label.end() :], normed_options)
    return repeated


def _matches_option(body: str, normed_options: Sequence[str]) -> bool:
    return _repeated_option(body, normed_options) is not None


# A key of YAML or of a config, its words joined by underscores: "opcao_mais_proxima: A" says "opcao mais proxima: A".
_KEY_WORDS: Final = re.compile(r"^([ \t]*(?:[-*][ \t]+)?)([^\W\d_]+(?:_[^\W\d_]+)+)(?=[ \t]*[:=])", re.MULTILINE)


def _spaced_key(key: re.Match[str]) -> str:
    return key[1] + key[2].replace("_", " ")


_ABBREVIATIONS: Final = {
    abbreviation: noun for language in LANGUAGES for abbreviation, noun in language.answer_abbreviations.items()
}
# An answer noun cut short before a colon: "resp: c (confia)" is "resposta: c".
_ABBREVIATED_ANSWER: Final = re.compile(rf"\b(?P<short>{alternation(_ABBREVIATIONS)})\.?(?=[ \t]*[:=])", re.IGNORECASE)


def _answer_noun(short: re.Match[str]) -> str:
    return _ABBREVIATIONS[short["short"].casefold()]


# A letter joined to its word as a value: "veredito=alternativa_c", "answer: option_b".
_JOINED_LETTER: Final = re.compile(rf"\b({alternation(words('letter_words'))})_([a-eA-E])(?![^\W_])", re.IGNORECASE)


def _joined_letter(joined: re.Match[str]) -> str:
    return f"{joined[1]} {joined[2].upper()}"


# A letter spelt as its name after an article or a letter word: "é a bê", "letra cê" say "é a B", "letra C".
_LETTER_NAMES: Final = {name: letter for language in LANGUAGES for name, letter in language.letter_names.items()}
_SPELLED_LETTER: Final = re.compile(
    rf"\b((?:{alternation([*words('letter_words'), *words('letter_articles')])})\s+)"
    rf"({'|'.join(map(re.escape, _LETTER_NAMES))})(?![^\W\d_])",
    re.IGNORECASE,
)


def _named_letter(spelled: re.Match[str]) -> str:
    return spelled[1] + _LETTER_NAMES[spelled[2].casefold()]


# Laughter in chat ("kkkk", "hahaha", "lol") says nothing of the answer ("the last one lol"), but it ends a sentence
# of chat: "... oq pensava kkk B" closes with B as "... oq pensava. B" does.
_LAUGHTER: Final = re.compile(
    r"(?<![^\W\d_])(?:k{3,}|(?:ha){2,}h?|(?:he){2,}|lol|lmao|rsrs+)(?![^\W\d_])", re.IGNORECASE
)
_VERDICT_MARK: Final = re.compile(f"[{TICK_MARKS}{CROSS_MARKS}]")


def _laughter_end(laughter: re.Match[str]) -> str:
    # A full stop where a sentence goes on after the laugh, nothing where one already ends or the reply does.
    before = laughter.string[: laughter.start()].rstrip()
    after = laughter.string[laughter.end() :].lstrip(" \t")
    return "" if not before or not after or before[-1] in ".!?,;:\n" or after[0] in ".!?,;:\n" else "."


# (a bare "Não." closing the line too: "C: mesmo lugar? Primeiro foi a despensa. Não.")
_STRUCK_OUT_END: Final = re.compile(
    rf"[.!?;—–-][ \t*_]*{alternation([*words('striking'), *words('no_words')])}[.!*_ \t]*$", re.IGNORECASE
)
_ELIMINATION_HEADER: Final = re.compile(
    # (after a word or two of its own: "Vou descartando o que o texto contradiz:", "Primeiro, o que não pode ser:")
    rf"^[\W_]*(?:[^\W\d_]+[ \t,]+){{0,2}}?(?:{alternation(words('eliminating'))})\b[^\n:]{{0,30}}:[ \t]*$",
    re.IGNORECASE,
)
_MAX_HEADER_DISTANCE: Final = 12
# The line that closes an elimination on the one option left: "Sobrou uma só, e ela bate com ...".
_ELIMINATION_CLOSE: Final = re.compile(rf"^[\W_]*{alternation(words('leftovers'))}\b", re.IGNORECASE)
# A line an elimination heads with its letter alone: "B é exagero", "D não, porque alguma serve.", "A... vai embora".
_LETTER_HEADS: Final = re.compile(r"^\s*(?:[-*•]\s*)?[(\[]?[A-Za-z](?![^\W_])")


def under_elimination_header(lines_before: Sequence[str]) -> bool:
    """Whether the option line after ``lines_before`` is listed under a header of elimination ("Vamos eliminar:\n-
    A) ...\n- C) ..."): its letter is ruled out, whatever reason the line gives, and the list is no echo."""
    for line in reversed(lines_before[-_MAX_HEADER_DISTANCE:]):
        if line.strip() and not _LIST_LINE.match(line) and not _LETTER_HEADS.match(line):
            return bool(_ELIMINATION_HEADER.match(line))
    return False


def _closes_an_elimination(lines_after: Sequence[str]) -> bool:
    """Whether the first line after a list of option lines closes an elimination ("Sobrou uma só.")."""
    following = next((line for line in lines_after if line.strip()), "")
    return bool(_ELIMINATION_CLOSE.match(following))


# An option struck out whole ("~~A) ...~~", which :func:`unwrap` reads "não A) ...;"): the reply rules it out, so the
# line is a verdict of the reply's own, not the option repeated.
_STRUCK_LINE: Final = re.compile(r"^[ \t]*(?:[-*•+][ \t]+)?não[ \t][^\n]*;[ \t]*$")


def _passes_verdict(line: str) -> bool:
    """Whether an option line judges its option: a verdict word, a tick or cross ("D) ... ✅"), or a word that
    strikes it out closing it ("A: ... Risco.")."""
    return bool(_VERDICT_WORDS.search(line) or _VERDICT_START.match(_body(line)) or _STRUCK_OUT_END.search(line))


def _list_blocks(lines: list[str], skip: Sequence[bool] = ()) -> list[list[int]]:
    """Runs of option lines of one shape (blank lines between them allowed) that form a list.

    A run ends at a line of another shape, at a line whose label is another word (labels that name no option,
    "Percírio A) ... Percírio B)", must be one word for the whole run), or at a letter said again after a blank
    line (a list names each letter once: "Alternativa C" after a whole echo is the answer). Lines in ``skip``
    (prompt lines an echo interleaves: "Perguntas:") count as blank.
    """
    blocks: list[list[int]] = []
    index = 0
    while index < len(lines):
        first = _list_match(lines[index])
        if first is None:
            index += 1
            continue
        shape, label, strict = _shape(first), _label_of(first), not _label_ok(first)
        block = [index]
        previous = _list_letter(first)
        seen = {previous}
        end = index + 1
        blank = restart = False
        while end < len(lines):
            if not lines[end].strip() or (end < len(skip) and skip[end]):
                blank = True
                restart = restart or bool(lines[end].strip())
                end += 1
                continue
            match = _list_match(lines[end])
            last_line = not any(line.strip() for line in lines[end + 1 : end + 40])
            # The next letter on the very next line goes on the list under another label ("Percímica B) ...\n
            # Alternativa C) ...").
            goes_on = match is not None and not blank and _list_letter(match) == chr(ord(previous) + 1)
            if match is None or (strict and _label_of(match) != label and not goes_on):
                break
            # "Alternativa C" without its ")" as the last line: a list the reply was cut in.
            if _shape(match) != shape and not (shape == "text" and last_line):
                break
            if not strict and not _label_ok(match):
                break
            if not strict and blank and bool(_label_of(match)) != bool(label):
                break  # "C) ..." then, after a blank line, "Alternativa A) ...": an answer, then an echo
            if blank and _list_letter(match) in seen:
                break  # after a blank line a list that names a letter again is another list
            if restart and _list_letter(match) == "A":
                break  # "Alternativa D) ...\nPerguntas:\nAlternativa A) ...": an echo of the prompt starts again
            if blank and _starts_over(lines, end, skip):
                break  # "Alternativa D) ...\n\nAlternativa A) ...\nAlternativa B) ...": an answer, then an echo
            block.append(end)
            previous = _list_letter(match)
            seen.add(previous)
            blank = restart = False
            end += 1
        blocks.append(block)
        index = block[-1] + 1
    return blocks


def _distinct(bodies: set[str]) -> set[str]:
    """The texts of ``bodies`` that are not the start of a longer one: a line the token limit cut short ("Alternativa
    D) Porque") says what the whole line before it said."""
    return {body for body in bodies if not any(other != body and other.startswith(body) for other in bodies)}


def _starts_over(lines: list[str], index: int, skip: Sequence[bool]) -> bool:
    """Whether an option list starts over at ``lines[index]``: an "A" line, then (blank lines apart) a "B" line."""
    first = _list_match(lines[index])
    if first is None or _list_letter(first) != "A":
        return False
    for after in range(index + 1, min(len(lines), index + 40)):
        if lines[after].strip() and not (after < len(skip) and skip[after]):
            following = _list_match(lines[after])
            return following is not None and _list_letter(following) == "B"
    return False


def strip_echoes(text: str, options: Sequence[str] | None, letters: Sequence[str]) -> tuple[str, bool]:
    """Drop echoed prompt lines and option lists; say whether a list had letters beyond ``letters``.

    A list is two or more option lines (see :func:`_list_blocks`) with different letters, three or more with
    other texts under one garbled label, or two or more that repeat options' texts; an option line with its
    text cut off ("Alternativa D)") belongs to the list before it. Lines that pass a verdict ("B) Correta")
    are kept: they are part of the answer, not an echo. So are dropped: a numbered list of options of its own,
    options' texts repeated on lines of their own, and a line of three options. One option line alone is not a
    list: "Alternativa A) ..." after a restated question names the only letter the reply gives.
    """
    lines = text.splitlines()
    normed = [norm(option) for option in options] if options else []
    keep = [not _is_prompt_line(line) or bool(_ANSWER_ON_LINE.search(line)) for line in lines]
    numbered = [i for i, line in enumerate(lines) if _NUMBERED_LINE.match(line)]
    if len(numbered) >= 2:  # a numbered list of its own is an echo of the options, however it is worded
        for i, line in enumerate(lines):
            if i in numbered or _DIGIT_ITEM.match(line):  # "Perguntas 1\n1. Porque eu saí ...": its items too
                keep[i] = False
    invented = False
    blocks = _list_blocks(lines, [not kept for kept in keep])
    _drop_a_list_begun_again(lines, blocks, keep)
    for block in blocks:
        matches = {i: _list_match(lines[i]) for i in block}
        letters_seen = {_list_letter(matches[i]) for i in block}
        bare = _shape(matches[block[0]]) == "bare"
        echoed = [i for i in block if normed and _matches_option(_body(lines[i]), normed)]
        bodies = _distinct({norm(_body(lines[i])) for i in block})
        # Three lines or more with other texts under garbled labels ("A) ...", "A) ...", "A) ...") are a list too;
        # one line said three times is one answer repeated.
        is_list = len(block) >= 2 and (
            len(letters_seen) >= (3 if bare else 2)
            or (not bare and len(block) >= 3 and len(bodies) >= 2)
            or len({norm(_body(lines[i])) for i in echoed}) >= 2
        )
        if is_list:
            # (lines of the reply's own words that close on the option left are an elimination, not an echo)
            eliminating = under_elimination_header(lines[: block[0]]) or (
                not echoed and _closes_an_elimination(lines[block[-1] + 1 :])
            )
            for i in block:
                # An option's own text may hold a verdict word ("Ela estava errada"), never a tick or a cross.
                if (i in echoed and not _VERDICT_MARK.search(lines[i])) or not (
                    eliminating or _passes_verdict(lines[i])
                ):
                    keep[i] = False
                    invented = invented or _list_letter(matches[i]) not in letters
    if normed:  # options' texts on lines of their own, without labels: two or more are an echo
        repeats = {
            i: _repeated_line(line, normed)
            for i, line in enumerate(lines)
            if keep[i] and not _VERDICT_MARK.search(line) and not _STRUCK_LINE.match(line)
        }
        repeats = {i: option for i, option in repeats.items() if option is not None}
        if len(set(repeats.values())) >= 2:
            for i in repeats:
                keep[i] = False
    _drop_a_loop_cut_short(lines, keep)
    for index, line in enumerate(lines):
        inline = {letter.upper() for letter in _INLINE_OPTION.findall(line)}
        # "A) ... B) ... C) ... D) ..." on one line; "a) faz sentido; b) e c) vieram depois. Resposta: a)" answers
        if len(inline) >= 3 and not _VERDICT_WORDS.search(line) and not _ANSWER_ON_LINE.search(line):
            keep[index] = False
            invented = invented or bool(inline - set(letters))
    _drop_the_question_restated(lines, keep)
    return "\n".join(line for line, kept in zip(lines, keep, strict=True) if kept), invented


# What is left of the next option line where the token limit cut it in its label: "Alternat", "Alternativa".
_CUT_LABEL: Final = re.compile(r"[ \t]*[^\W\d_]{3,14}[ \t]*")


def _drop_a_list_begun_again(lines: list[str], blocks: list[list[int]], keep: list[bool]) -> None:
    """Drop an "A" option line that closes the reply after a blank line and one option line of another letter, with or
    without words of the model's own between them ("Alternativa D) ...\n\nAlternativa A) ...", "Alternativa C) ...\n\n
    Demonstrará que ...\n\nAlternativa A) ...\n\nAlternat"): the list begun again and cut short by the token limit,
    not a second answer; the line before it stands alone."""
    if blocks and len(blocks[-1]) == 2:
        before, last = blocks[-1]
    elif len(blocks) >= 2 and len(blocks[-1]) == len(blocks[-2]) == 1:
        (before,), (last,) = blocks[-2], blocks[-1]  # (words of its own between them: "C) ...\n\nDemonstrará ...")
    else:
        return
    first, again = _list_match(lines[before]), _list_match(lines[last])
    if (
        first is not None
        and again is not None
        and _list_letter(again) == "A"
        and _list_letter(first) != "A"
        and last - before >= 2
        and all(not line.strip() or _CUT_LABEL.fullmatch(line) for line in lines[last + 1 :])
    ):
        keep[last] = False
        blocks[-1:] = [[before]] if len(blocks[-1]) == 2 else []


_QUESTION_OPENING: Final = re.compile(rf"^\W*{alternation(words('question_words'))}\b", re.IGNORECASE)


def _drop_the_question_restated(lines: list[str], keep: list[bool]) -> None:
    """Drop the one line before an echo of the options that restates the question, its question mark lost ("Para
    que eu poderia ter precisado de dinheiro ..., estão como:\n\nAlternativa A) ..."): it quotes the options'
    words but answers nothing."""
    dropped = [index for index, kept in enumerate(keep) if not kept and lines[index].strip()]
    if not dropped:
        return
    before = [index for index in range(dropped[0]) if keep[index] and lines[index].strip()]
    if len(before) == 1 and _QUESTION_OPENING.match(lines[before[0]]) and "?" not in lines[before[0]]:
        keep[before[0]] = False


def _line_before(lines: list[str], index: int) -> str:
    """The nearest line above ``lines[index]`` with text, normalised ("" when there is none)."""
    for before in range(index - 1, max(-1, index - 40), -1):
        if lines[before].strip():
            return norm(lines[before])
    return ""


def _drop_a_loop_cut_short(lines: list[str], keep: list[bool]) -> None:
    """Drop the last option line when the reply loops: the same line as before an echoed list, then that list's
    line again, cut short ("Resposta:\nA) ... D) ...\n\nResposta:\nA) A diretora ouv"), or a label alone right after
    the echoed list, its text never written. An answer after an echo follows the list itself, not what came before
    it."""
    written = [i for i, line in enumerate(lines) if line.strip()]
    if not written or not keep[written[-1]]:
        return
    last = written[-1]
    match = _list_match(lines[last])
    body = norm(_body(lines[last]))
    if match is not None and not body and len(written) >= 2 and not keep[written[-2]]:
        # "A) ...\nD) ...\n\nC) ...\nD) ...\n\nAlternativa C)": the loop began its list again, cut before the text
        if _list_match(lines[written[-2]]) is not None:
            keep[last] = False
        return
    if match is None or not body:
        return
    for index in range(last):
        earlier = _list_match(lines[index]) if not keep[index] else None
        if (
            earlier is not None
            and _list_letter(earlier) == _list_letter(match)
            and norm(_body(lines[index])).startswith(body)
            and _line_before(lines, index) == _line_before(lines, last)
            and _line_before(lines, last)
        ):
            keep[last] = False
            return


def _body(line: str) -> str:
    """An option line without its label: "Alternativa B) Ele correu." -> "Ele correu."."""
    return re.sub(r"^[^)\].:]*[)\].:]", "", line, count=1)


@dataclass(frozen=True)
class Cleaned:
    """The answer as the later stages read it."""

    #: The reply after the chat turn, reasoning, window and fences: what the structured stage reads.
    reply: str
    #: The answer with markup and echoes dropped: what the commitment and option-text stages read.
    answer: str
    #: Whether the model wrote anything at all (an echo counts; special tokens and whitespace do not).
    wrote: bool
    #: Whether an echoed list named letters beyond the item's.
    invented: bool


def clean(text: str, options: Sequence[str] | None, letters: Sequence[str]) -> Cleaned:
    """Run the cleaning steps in order (see the module docstring)."""
    turn = reading_window(assistant_turn(text))
    # Reasoning that never reached an answer is still writing: the reply is unreadable, not empty.
    wrote = bool(_WORD.search(strip_markup(unwrap(turn))))
    reply = unfence(reading_window(drop_reasoning(turn)))
    keyed = _JOINED_LETTER.sub(
        _joined_letter, _KEY_WORDS.sub(_spaced_key, _ABBREVIATED_ANSWER.sub(_answer_noun, reply))
    )
    keyed = _SPELLED_LETTER.sub(_named_letter, keyed)
    answer = _LAUGHTER.sub(_laughter_end, strip_markup(unwrap(keyed)))
    answer, invented = strip_echoes(cut_new_block(answer), options, letters)
    return Cleaned(reply, answer.strip(), wrote, invented)

"""Stage 2, structured replies: JSON objects, Markdown tables, checklists, records and code.

- :func:`json_answer`: a JSON object (or a Python-style dict with single quotes, or a JavaScript one with bare keys;
  never evaluated) with an answer field: ``{"resposta": "C", "justificativa": ...}``, ``{"answer": "B"}``,
  ``{"final_answer": "(D)"}``,
  also inside a code fence or after a sentence. The field's value is read like any answer (``"Alternativa B"``,
  an option's text, ``"A ou C"`` as a hedge), or a number counted from 1 (``{"opcao": 2}`` is B; a ``label`` or
  ``index`` may count from 0 and is read only where it is 0 or the reply says it counts from zero); fields that list
  rejected letters (``"descartadas"``) or reasons are not read; an empty field leaves the choice to a later one (the
  option's text in ``"texto_da_alternativa"``), a ``null`` one gives none. An object of verdicts by letter
  (``{"A": "incorreta", "B": "correta"}``) is read like a table, and
  so is a list of option records that each judge their option (``{"opcao": "D", "status": "escolhida"}``) or score
  it under one key (``{"opcao": "B", "plausibilidade": 0.8}``: the highest score alone).
- :func:`table_answer`: a Markdown table (outer pipes optional where a separator row marks it) whose rows name the
  options (by letter, by text, or by a word or two only one option holds: ``| insetos | ✔ |``) and whose verdict
  column marks one of them ``Correta``/``Correct``/``Sim``/``Bastante``/``✅``/``👍``/``🙆``/``[x]``/``X``/``isso``
  (the others wrong, ``Pouco provável``, unmarked, empty, a dash, "possível" or ``🤔``, and at most one row giving
  reasons only, or any number when the one marked row is ticked, or under a yes-or-no header, "Bate com o texto?"; of
  two columns with as many verdicts, the one that marks a single row); a column that grades them
  (``Alta``/``Média``/``Baixa``, ``High``/``Low``, percentages, ``8/10``, ``★★☆``), whose highest grade is the
  answer; a row "Resposta | C"; or, without a
  verdict column, the one row that is bold throughout.
- :func:`checklist_answer`: lines that each open with a box or mark and an option's letter (``- [x] B)``,
  ``☑ Alternativa D``, ``✅ C``, ``(x) B``; a box with a cross, ``[✗]``, is not ticked), or such entries on one line
  (``☐ A  ☐ B  ☑ C  ☐ D``), or entries that give an option's text instead of its letter (``- [x] Porque estava com
  fome.``) or shorten each option in its order (``[✓] aproveitaria a folga``), exactly one of them ticked; criteria
  ticked in words before entries by letter are not entries. :func:`numbered_checklist_answer`: entries numbered 1 to
  the number of options, each marked once (``1. ❌ ...``, ``2. Faculdade? ✓ ...``), one of them ticked.

- :func:`record_answer`: a record of three or more "key: value" lines (YAML, key=value), keys written as a
  program writes them (``opcao_marcada: B``, not the prompt's ``Resposta:``) or nested under a heading key
  (``resposta:\n  marcada: B``), read like a JSON answer field (words joined by underscores read as words:
  ``escolha: primeira_alternativa``); or a
  YAML list of option records, one of them marked (``- opcao: D\n  ok: true``).
- :func:`returned_answer` and :func:`selected_answer`: a reply written as a program, whose last line that hands back
  one quoted letter gives it (``return 'D'``, ``print("B")``), else its last line that assigns the answer one
  (``resposta = opcoes["B"]``, or its index from zero: ``resposta = opcoes[3]``), or as an HTML form, whose one
  option selected or radio button checked does (``<option value="D" selected>``; without values, one control an
  option, by its place).

Two options marked right are a hedge (unless the text around them chooses one: :func:`.reader.extract_answer`);
a letter the item lacks is ``invalid_letter``. A reply with no such structure, or one that marks no option right, is
left to the later stages (``None``).

>>> from .rules import Extraction
>>> def read(value):  # a stand-in for the reader of the later stages: one letter, or nothing
...     letter = value.strip().upper()
...     return Extraction(letter, "letter_only") if len(letter) == 1 else Extraction(None, "no_answer")
>>> json_answer('```json\\n{"answer": "b", "reason": "A is wrong"}\\n```', ("A", "B", "C", "D"), read)
Extraction(letter='B', rule='structured')
>>> table_answer("| Opção | Veredito |\\n|---|---|\\n| A | ❌ |\\n| B | ✅ |", ("A", "B", "C", "D"), read)
Extraction(letter='B', rule='structured')
>>> checklist_answer("- [ ] A\\n- [x] C\\n- [ ] D", ("A", "B", "C", "D"))
Extraction(letter='C', rule='structured')
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable, Sequence
from typing import Any, Final

from .clean import norm, strip_markup
from .lexicon import content_stems, sole_holder
from .rules import Extraction
from .vocabulary import CROSS_MARKS, TICK_MARKS, alternation, fold, gendered, numbers, words

__all__ = [
    "checklist_answer",
    "json_answer",
    "numbered_checklist_answer",
    "record_answer",
    "returned_answer",
    "selected_answer",
    "structured_answer",
    "table_answer",
]

Reader = Callable[[str], Extraction]

_ANSWER_KEYS: Final = frozenset(
    fold(word)
    for word in (
        *words("answer_nouns"), *words("letter_words"), "alternativa", "escolha", "selecionada", "selected",
        "prediction", "predição", "label", "marcada", "marcado", "marked", "escolhida", "escolhido", "chosen",
        "palpite", "guess", "pick", "alt", "decisão", "decision", "predicted", "pred", "choice", "output", "result",
        "resultado", "final", "veredito", "verdict", "fica", "sobra", "marcar", "mark", "responder", "chute",
        "resp", "fico", "aposta", "aposto",
    )
)  # fmt: skip
_NOT_ANSWER_KEYS: Final = frozenset(
    fold(word)
    for word in (
        *words("wrong_words"), *words("dismissal"), "descartadas", "descartada", "eliminadas", "discarded",
        "eliminated", "rejected", "rejeitada", "rejeitadas", "rejeitado", "hipotese", "outras", "other", "others",
        "alternativas", "opcoes", "options", "choices",
        "justificativa", "explicacao", "reason", "reasoning", "explanation", "raciocinio", "motivo", "analise",
        "analysis", "confianca", "confidence", "pergunta", "question", "texto", "text",
    )
)  # fmt: skip
# A key that says its answer was revised ("resposta_revisada") or is the last one: read before the others.
_REVISED_KEYS: Final = frozenset(
    fold(word)
    for word in (
        *gendered("revisado", "corrigido", "atualizado"), "revised", "corrected", "updated", "final",
    )
)  # fmt: skip
# A key of the likeliest one ("motivo_mais_provavel", "most_likely_reason") names the answer, reason word or not.
_LIKELIEST: Final = (frozenset({"mais", "provavel"}), frozenset({"most", "likely"}))
_OPTION_KEYS: Final = frozenset(fold(word) for word in (*words("letter_words"), "alternativa", "alt"))
_ZERO_BASED_KEYS: Final = frozenset({"label", "index", "indice", "idx", "id"})
# A reply that says its numbers count from 0: '"indexacao": "base zero"', "0-based", "começando em 0".
_FROM_ZERO: Final = re.compile(
    r"\bbase[ \t]*(?:zero|0)\b|\b(?:zero|0)[- ]based\b"
    r"|\b(?:from|a[ \t]+partir[ \t]+de|come[çc]a(?:ndo)?[ \t]+(?:em|do|de))[ \t]+(?:zero|0)\b",
    re.IGNORECASE,
)
_MAX_OBJECTS: Final = 5
_MAX_JSON_CHARS: Final = 6000


def _balanced(text: str, start: int) -> int | None:
    """The end of the bracketed value that opens at ``start`` (strings respected), or ``None``."""
    closing = {"{": "}", "[": "]"}
    stack: list[str] = []
    quote = ""
    escaped = False
    for index in range(start, min(len(text), start + _MAX_JSON_CHARS)):
        char = text[index]
        if quote:
            if escaped:
                escaped = False
            elif char == "\\":
                escaped = True
            elif char == quote:
                quote = ""
        elif char in "\"'" and (char == '"' or not stack or text[index - 1] in "{[:, \n\t"):
            quote = char
        elif char in closing:
            stack.append(closing[char])
        elif char in "}]":
            if not stack or stack.pop() != char:
                return None
            if not stack:
                return index + 1
    return None


_BARE_KEY: Final = re.compile(r"([{,]\s*)([^\W\d]\w*)\s*:")


# A comma before a closing brace or bracket, as Python and JavaScript allow: '"letra_final": "B",\n}'.
_TRAILING_COMMA: Final = re.compile(r",(\s*[}\]])")


def _parse(segment: str) -> Any:
    try:
        return json.loads(segment)
    except ValueError:
        pass
    if '"' in segment:
        try:
            return json.loads(_TRAILING_COMMA.sub(r"\1", segment))
        except ValueError:
            return None
    # A Python-style dict ({'answer': 'A'}) or a JavaScript one ({letra: 'D'}): swap the quotes and the literals, and
    # quote the bare keys; nothing is evaluated.
    swapped = re.sub(r"\bNone\b", "null", segment.replace("'", '"'))
    swapped = re.sub(r"\bTrue\b", "true", re.sub(r"\bFalse\b", "false", swapped))
    swapped = _TRAILING_COMMA.sub(r"\1", _BARE_KEY.sub(r'\1"\2":', swapped))
    try:
        return json.loads(swapped)
    except ValueError:
        return None


_OBJECT_START: Final = re.compile(r"\{\s*[\"']|\[\s*\{|\{\s*[^\W\d]\w*\s*:")


def _objects(text: str) -> list[Any]:
    """The first JSON objects (or lists of them) in ``text``: at most :data:`_MAX_OBJECTS` tries, each bounded."""
    found = []
    parsed_until = tries = 0
    for match in _OBJECT_START.finditer(text):
        if match.start() < parsed_until:
            continue  # inside an object already read: a record of a list is no answer of its own
        tries += 1
        if tries > 2 * _MAX_OBJECTS:
            break
        end = _balanced(text, match.start())
        if end is None:
            continue
        value = _parse(text[match.start() : end])
        if isinstance(value, (dict, list)):
            found.append(value)
            parsed_until = end
        if len(found) >= _MAX_OBJECTS:
            break
    return found


def _key_words(key: str) -> set[str]:
    return set(re.findall(r"[a-z]+", fold(key)))


def _names_an_answer(key: str, keys: frozenset[str] = _ANSWER_KEYS) -> bool:
    """Whether a field's key names an answer ("resposta_final", "opcao_marcada"), not rejected letters or reasons."""
    names = _key_words(key)
    if names & {"texto", "text"} and names & (_OPTION_KEYS | {"resposta", "answer"}):
        return True  # "texto_da_alternativa", "answer_text": the option chosen, by its text
    if any(likeliest <= names for likeliest in _LIKELIEST):
        return True
    return bool(names & keys) and not names & _NOT_ANSWER_KEYS


def _answer_fields(value: Any, depth: int = 0) -> list[tuple[str, Any]]:
    """The answer fields, searched breadth-first: (key, value) pairs, those of an object before those nested in it."""
    if depth > 4:
        return []
    if isinstance(value, list):
        return [field for item in value for field in _answer_fields(item, depth + 1)]
    if not isinstance(value, dict):
        return []
    fields: list[tuple[str, Any]] = []
    nested: dict[int, list[tuple[str, Any]]] = {}  # the fields of each object below, found once
    for key, inner in value.items():
        if _key_words(str(key)) == {"item"} and isinstance(inner, int):
            continue  # the question's number, '"item": 63', beside the answer
        if _names_an_answer(str(key)):
            # '"palpite": {"alt": "C", "porque": ...}': the answer inside it
            if isinstance(inner, dict):
                nested[id(inner)] = _answer_fields(inner, depth + 1)
            fields += nested.get(id(inner)) or [(str(key), inner)]
    for inner in value.values():
        if isinstance(inner, (dict, list)):
            below = nested[id(inner)] if id(inner) in nested else _answer_fields(inner, depth + 1)
            fields += [field for field in below if field not in fields]
    return fields


def _numbered(key: str, answer: Any, letters: Sequence[str], *, from_zero: bool = False) -> Extraction | None:
    """An option given by its number, ``{"opcao": 2}``: counted from 1, as people number options.

    A key that names an index or a label (``"label": 2``, ``"index": 1``) may count from 0, as datasets do, so its
    number is read only where it must count from 0 (``"index": 0``) or the reply says it does (``from_zero``).
    """
    if isinstance(answer, bool):
        return None
    if isinstance(answer, str) and answer.strip().isdigit():
        answer = int(answer.strip())
    if not isinstance(answer, int):
        return None
    if _key_words(key) & _ZERO_BASED_KEYS:
        if not (from_zero or answer == 0):
            return None
        answer += 1
    if answer < 1:
        return None
    return (
        Extraction(letters[answer - 1], "structured") if answer <= len(letters) else Extraction(None, "invalid_letter")
    )


def _letters_named(record: dict[Any, Any]) -> list[str]:
    """The one-letter values of an option record ('{"opcao": "b", ...}' names B)."""
    return [inner.strip().upper() for inner in record.values() if isinstance(inner, str) and len(inner.strip()) == 1]


def _record_verdicts(value: Any, depth: int = 0) -> dict[str, str] | None:
    """A list of option records, each naming its letter and judging it with a true or false field
    (``[{"letra": "A", "correta": false}, {"letra": "B", "correta": true}]``) or a verdict in words
    (``{"opcao": "A", "status": "descartada"}``), as letter -> "pos" / "neg" / ""."""
    if depth > 4:
        return None
    if isinstance(value, dict):
        for inner in value.values():
            found = _record_verdicts(inner, depth + 1)
            if found:
                return found
        return None
    if not isinstance(value, list) or len(value) < 2 or not all(isinstance(item, dict) for item in value):
        return None
    verdicts: dict[str, str] = {}
    for item in value:
        named = _letters_named(item)
        judged = [(str(key), inner) for key, inner in item.items() if isinstance(inner, bool)]
        if len(named) != 1 or not named[0].isalpha() or len(judged) > 1:
            return None
        if judged:
            # '{"opcao": "B", "descartada": false}': a field that says the option was ruled out, false
            ((key, flag),) = judged
            ruled_out = bool(_key_words(key) & _NOT_ANSWER_KEYS)
            verdicts[named[0]] = "pos" if flag != ruled_out else "neg"
            continue
        # A verdict in words: '{"opcao": "A", "status": "descartada"}', '{"opcao": "D", "status": "escolhida"}'.
        said = {_cell_verdict(inner) for inner in item.values() if isinstance(inner, str) and len(inner.strip()) > 1}
        decided = said & {"pos", "neg"}  # both said: no verdict
        verdicts[named[0]] = decided.pop() if len(decided) == 1 else ""
    return verdicts if any(verdicts.values()) else _scored_records(value)


def _scored_records(records: list[dict[Any, Any]]) -> dict[str, str] | None:
    """Option records scored under one key ('{"opcao": "B", "plausibilidade": 0.8}'): the highest score alone is the
    one marked."""
    scores: dict[str, float] = {}
    keys = set()
    for item in records:
        named = _letters_named(item)
        numbers_ = [
            (str(key), inner)
            for key, inner in item.items()
            if isinstance(inner, int | float) and not isinstance(inner, bool) and fold(str(key)) not in _ZERO_BASED_KEYS
        ]
        if len(named) != 1 or len(numbers_) != 1:
            return None
        keys.add(numbers_[0][0])
        scores[named[0]] = float(numbers_[0][1])
    ranked = sorted(scores.values(), reverse=True)
    if len(keys) != 1 or len(ranked) < 2 or ranked[0] == ranked[1]:
        return None
    return {letter: "pos" if score == ranked[0] else "neg" for letter, score in scores.items()}


def _verdict_map(value: Any, letters: Sequence[str]) -> dict[str, str] | None:
    """``{"A": "incorreta", "B": "correta"}`` (at any depth) as letter -> "pos" / "neg" / ""."""
    if isinstance(value, list):
        for item in value:
            found = _verdict_map(item, letters)
            if found:
                return found
        return None
    if not isinstance(value, dict):
        return None
    keyed = {str(key).strip().upper(): inner for key, inner in value.items() if len(str(key).strip()) == 1}
    if len(keyed) >= 2 and all(key.isalpha() for key in keyed):
        verdicts = {}
        for key, inner in keyed.items():
            if isinstance(inner, bool):
                verdicts[key] = "pos" if inner else "neg"
            elif isinstance(inner, str):
                verdicts[key] = _cell_verdict(inner) or ""
            else:
                verdicts[key] = ""
        return verdicts
    for inner in value.values():
        found = _verdict_map(inner, letters)
        if found:
            return found
    return None


def _from_verdicts(verdicts: dict[str, str], letters: Sequence[str]) -> Extraction | None:
    chosen = [letter for letter, verdict in verdicts.items() if verdict == "pos"]
    if len(chosen) == 1:
        return Extraction(chosen[0], "structured") if chosen[0] in letters else Extraction(None, "invalid_letter")
    if len(chosen) >= 2:
        return Extraction(None, "hedged")
    return None


def json_answer(text: str, letters: Sequence[str], read: Reader) -> Extraction | None:
    """The answer of the first JSON object with an answer field or a verdict for each letter (module doc)."""
    if "{" not in text:
        return None
    for value in _objects(text):
        records = _record_verdicts(value)
        if records:
            decided = _from_verdicts(records, letters)
            if decided is not None:
                return decided
            if isinstance(value, list):
                continue  # records that choose none: the letter of the first is no answer field
        fields = sorted(_answer_fields(value), key=lambda field: not _key_words(field[0]) & _REVISED_KEYS)
        unread: Extraction | None = None
        for key, answer in fields:
            if isinstance(answer, list) and len(answer) == 1:
                answer = answer[0]
            if isinstance(answer, list) and len(answer) >= 2:
                return Extraction(None, "hedged")
            if answer is None:
                return Extraction(None, "no_answer")  # "decisao": null
            if isinstance(answer, str) and not answer.strip():
                # ('"letra": "", "texto_da_alternativa": "..."': a later field may give the option)
                unread = unread or Extraction(None, "no_answer")
                continue
            numbered = _numbered(key, answer, letters, from_zero=_FROM_ZERO.search(text) is not None)
            if numbered is not None:
                return numbered
            if isinstance(answer, str):
                read_value = read(answer)
                if read_value.letter is not None:
                    return Extraction(read_value.letter, "structured")
                # '"item_analisado": "pagamento do dia inteiro"' names no letter: a later field may
                unread = unread or read_value
        if unread is not None:
            return unread
        if fields:
            continue  # an object, or a number that may count from 0: not read
        verdicts = _verdict_map(value, letters)
        if verdicts:
            decided = _from_verdicts(verdicts, letters)
            if decided is not None:
                return decided
    return None


# ---------------------------------------------------------------------------------------------------------
# Verdicts in cells and boxes

# A checklist's boxes too: a box with a cross in it is ticked ("☒ C"), an empty one is not ("☐ A", "⬜ B").
_TICKED_MARKS: Final = TICK_MARKS + "☒"
_CROSSED_MARKS: Final = CROSS_MARKS + "☐⬜◻▢□🔲"
# A minus in a box rules its entry out: "[-] A  não tem nada a ver", beside "[+] D".
_MINUS_MARKS: Final = "-−–"
# A tilde marks an entry as nearly right, not ticked: "[~] B) pescar alguns peixes — quase" beside "[x] D)".
_PARTIAL_MARKS: Final = "~≈"
# What a record or a cell says of the option picked: '{"opcao": "D", "status": "escolhida"}'.
_CHOSEN: Final = (
    *gendered("escolhido", "selecionado", "aceito", "marcado", "confirmado"), "chosen", "selected", "picked",
    "accepted", "marked", "confirmed",
    "é isso", "é essa", "é esta", "é ela", "procede", "compatível", "compatíveis", "consistente", "coerente",
    "this one", "that's it", "mais plausível", "mais coerente", "most plausible",
)  # fmt: skip
# A cell that names its row the answer: "| B | lavanderia fechada | **resposta** |", "the answer", "a resposta final".
_ANSWER_CELL: Final = re.compile(
    rf"^(?:(?:é|essa é|esta é|this is|it's)\s+)?(?:a\s+|the\s+)?{alternation(words('answer_nouns'))}"
    rf"(?:\s+{alternation([*words('answer_qualifiers'), 'final', 'correct', 'right'])})?[.!]?$",
    re.IGNORECASE,
)
# A verdict that neither marks nor rules out: "🤔 possível, mas ...", "Maybe".
_CELL_MAYBE: Final = re.compile(
    r"^(?:🤔|❓|🟡|🟠|\?|possível|possivel|plausível|plausivel|provável|provavel|talvez|em parte|parcialmente|maybe"
    r"|possible|likely|partly|meh|partially)",
    re.IGNORECASE,
)
_CELL_POSITIVE: Final = re.compile(
    rf"^(?:{alternation([*words('right_words'), *words('cell_yes'), 'mais provável', 'most likely', *_CHOSEN])})\b",
    re.IGNORECASE,
)
# (after a word of degree too: "meio redundante", "bem fraco")
_CELL_NEGATIVE: Final = re.compile(
    rf"^(?:{alternation(words('degrees'))}\s+)?"
    rf"(?:{alternation([*words('wrong_words'), *words('dismissal'), *words('cell_no')])})\b",
    re.IGNORECASE,
)
_POINTING_REASONS: Final = re.compile(r"\s+[—–-]\s+|\s*[:;]\s+")
_POINTING: Final = frozenset(fold(word) for word in words("pointing"))
_BOX: Final = re.compile(r"^[\[(]\s*(?P<mark>[^\s\])]?)\s*[\])]")
# An arrow closing a cell that points at its row in words: "9 ← essa", "4/5 <- this one".
_ARROW_POINTING: Final = re.compile(r"(?:←|⬅\ufe0f?|<-+|<=)\s*(?P<words>[^\W\d_]+(?:\s+[^\W\d_]+)?)\s*[.!]*$")


def _cell_verdict(cell: str) -> str | None:
    """What a cell says of its row: "pos" (Correta, Yes, ✅, [x]), "neg" (Errada, No, ❌, [ ]), "maybe" (Possível,
    🤔) or ``None``."""
    # (a star before a verdict is decoration: "★ escolhida")
    text = strip_markup(cell).strip().strip("*_ ").lstrip("★⭐🌟 ")
    if not text:
        return None
    box = _BOX.match(text)
    if box:  # "[x]" and "[✓]" are ticked; "[ ]" and "[✗]" are not
        return "pos" if box["mark"] and box["mark"] not in _CROSSED_MARKS else "neg"
    if text[0] in _TICKED_MARKS:
        # "✔ em parte (...)": a tick that takes itself back in part
        return "maybe" if _CELL_MAYBE.match(text.lstrip(_TICKED_MARKS + " \ufe0f")) else "pos"
    if text[0] in _CROSSED_MARKS:
        return "neg"
    # A mark that closes a cell of words judges it: "'corte meio chanel', 'aquelas luzes' ✔✔" (not a letter with an
    # arrow, "B ⬅️", which points at the letter)
    closing = text.rstrip("\ufe0f ")
    if len(closing.split()) >= 3 and closing[-1] in _TICKED_MARKS + _CROSSED_MARKS:
        ticked = closing[-1] in _TICKED_MARKS
        if not any(mark in text for mark in (_CROSSED_MARKS if ticked else _TICKED_MARKS)):
            return "pos" if ticked else "neg"
    arrow = _ARROW_POINTING.search(text)
    if arrow and fold(arrow["words"]) in _POINTING:
        return "pos"
    if text.casefold() == "x":  # a column to mark: "| B — nenhuma das alternativas | X |", as a box is marked
        return "pos"
    if text.casefold() in ("v", "f"):  # a true/false column: "| C | não existe mais | V |"
        return "pos" if text.casefold() == "v" else "neg"
    # a cell that only points at its row, "isso", "this one", maybe with its reasons after a dash: "é essa — simples"
    if fold(_POINTING_REASONS.split(text, maxsplit=1)[0].rstrip(".!")) in _POINTING:
        return "pos"
    if _ANSWER_CELL.match(text):
        return "pos"
    if _CELL_NEGATIVE.match(text):  # first: "Incorreta" holds "correta"
        return "neg"
    if _CELL_POSITIVE.match(text):
        return "pos"
    if _CELL_MAYBE.match(text):
        return "maybe"
    return None


_LETTER_CELL: Final = re.compile(
    rf"^(?:{alternation(words('letter_words'))}\s*)?[(\[]?(?P<l>[A-Za-z])[)\]]?(?:\s*[).:\-–—]\s*.*)?$",
    re.IGNORECASE | re.DOTALL,
)
# A row that names the answer: "Resposta | C", "Alternativa correta | B" (a bare "Opção" is a column header).
_ANSWER_CELL: Final = re.compile(
    rf"^(?:(?:a|the)\s+)?(?:{alternation(words('answer_qualifiers'))}\s+)?"
    rf"(?:{alternation(words('answer_nouns'))}(?:\s+{alternation(words('answer_qualifiers'))})?"
    rf"|{alternation(words('letter_words'))}\s+{alternation(words('answer_qualifiers'))})\s*:?$",
    re.IGNORECASE,
)
_SEPARATOR_CELL: Final = re.compile(r"^:?-+:?$")
# A cell that says nothing of its row: "—", "-", "n/a".
_PLACEHOLDER_CELL: Final = re.compile(r"^[\s—–\-−/.?]*$|^n/?a$", re.IGNORECASE)
_GRADES: Final = numbers("grades")
#: A bare number in a grade column is a mark out of ten.
_MAX_BARE_GRADE: Final = 10
# A score out of a whole: "80%", "8/10", "4/5".
_SCORE: Final = re.compile(r"(?P<n>\d{1,3}(?:[.,]\d+)?)\s*(?:%|/\s*(?P<of>\d{1,3}))")
# Where a grade's reasons begin: "8/10 — mais específico", "Alta: ela diz isso", "Baixa (não há pistas)".
_GRADE_REASONS: Final = re.compile(r"\s+[—–-]\s+|\s*[:;(,]\s*|\s*[—–]")
_STARS: Final = re.compile(r"[★⭐☆✩]+")
_FILLED_STARS: Final = "★⭐"
_BARE_SEPARATOR: Final = re.compile(r"^\s*:?-+:?\s*(?:\|\s*:?-+:?\s*)+$")


def _cells(line: str) -> list[str]:
    body = line.strip()
    body = body[1:] if body.startswith("|") else body
    body = body[:-1] if body.endswith("|") else body
    return [strip_markup(cell).strip().strip("*_").strip() for cell in body.split("|")]


_LETTER_ROW: Final = re.compile(r"^[ \t]*[(\[]?[A-Za-z][)\].:]?[ \t]*\|")


def _letter_rows_without_frame(lines: list[str]) -> bool:
    """Whether three or more lines in a row hold as many pipes each, two of them after a letter, with no outer pipes."""
    run: list[str] = []
    for line in [*lines, ""]:
        pipes = line.count("|")
        if pipes and not line.strip().startswith("|") and (not run or run[-1].count("|") == pipes):
            run.append(line)
            continue
        if len(run) >= 3 and sum(bool(_LETTER_ROW.match(row)) for row in run) >= 2:
            return True
        run = [line] if pipes and not line.strip().startswith("|") else []
    return False


def _tables(text: str) -> list[list[list[str]]]:
    tables: list[list[list[str]]] = []
    current: list[list[str]] = []
    lines = text.splitlines()
    # A table may be written without its outer pipes ("Opção | ✔/✘\n--- | ---\nA | ✔"): a separator row says so.
    # (or without a separator, when two or more rows open on a letter: "Opção | Faz sentido?\nA | não\nD | sim")
    bare = any(_BARE_SEPARATOR.match(line) for line in lines) or _letter_rows_without_frame(lines)
    for line in lines:
        if (line.strip().startswith("|") and line.count("|") >= 2) or (bare and line.count("|") >= 1):
            cells = _cells(line)
            if not all(_SEPARATOR_CELL.match(cell) or not cell for cell in cells):
                current.append(cells)
            continue
        if current:
            tables.append(current)
            current = []
    if current:
        tables.append(current)
    return tables


def _letter_of(cell: str) -> str | None:
    match = _LETTER_CELL.match(cell)
    if not match:
        return None
    letter = match["l"]
    # A lower-case "a"/"e"/"o" with text after it is a word ("a casa"), not a letter.
    if letter.islower() and len(cell.strip()) > 1:
        return None
    return letter.upper()


#: The most rows of a table read for options named by their text.
_MAX_TEXT_ROWS: Final = 8


def _named_by_text(
    rows: list[list[str]], read: Reader, options: Sequence[str] | None, letters: Sequence[str]
) -> list[tuple[str, list[str], int]]:
    """The rows whose first cell gives an option's text instead of its letter ("| Muita concorrência para um cargo |
    não marcada |"), or a word or two only one option holds ("| insetos | ✔ |"), each read as that option's letter;
    none unless two or more different options are named."""
    named: list[tuple[str, list[str], int]] = []
    for row in rows[:_MAX_TEXT_ROWS]:
        index = next((index for index, cell in enumerate(row) if cell), None)
        if index is None:
            continue
        value = read(row[index])
        if value.letter is not None and value.rule == "option_text":
            named.append((value.letter, row, index))
        elif options is not None and (holder := sole_holder(strip_markup(row[index]), options, letters)):
            named.append((holder, row, index))
    letters = [letter for letter, _, _ in named]
    return named if len(set(letters)) == len(letters) >= 2 else []


def _table_verdicts(
    rows: list[list[str]],
    read: Reader | None = None,
    options: Sequence[str] | None = None,
    letters: Sequence[str] = (),
) -> dict[str, str] | None:
    """Letter -> verdict for a table whose rows name the options, by letter or by text, read in its verdict
    column."""
    lettered: list[tuple[str, list[str], int]] = []
    for row in rows:
        for index, cell in enumerate(row):
            letter = _letter_of(cell)
            if letter:
                lettered.append((letter, row, index))
                break
    if len(lettered) < 2 and read is not None:
        lettered = _named_by_text(rows, read, options, letters)
    if len(lettered) < 2:
        return None
    width = max(len(row) for _, row, _ in lettered)
    header = rows[0] if rows and all(row is not rows[0] for _, row, _ in lettered) else []
    best: tuple[tuple[int, bool], list[str | None]] | None = None
    for column in range(width):
        verdicts = []
        cells: list[str] = []
        usable = True
        ticked = 0
        for _, row, letter_index in lettered:
            if column == letter_index:
                usable = False
                break
            cell = row[column] if column < len(row) else ""
            verdict = _cell_verdict(cell)
            ticked += strip_markup(cell).strip()[:1] in tuple(_TICKED_MARKS)
            verdicts.append(verdict)
            cells.append(cell)
        verdicts = _lone_maybe(_crossed_beside_words(cells, verdicts))
        prose = sum(v is None and not _PLACEHOLDER_CELL.match(c) for c, v in zip(cells, verdicts, strict=False))
        positives = sum(verdict == "pos" for verdict in verdicts) if usable else 0
        # A column of verdicts may give one row reasons only ("| A | o texto fala de ansiedade, mas ... |"); a column
        # with more prose than that is the options' texts or reasons, whatever words open them.
        judged = len(verdicts) - prose
        # (or one row ticked and the others given reasons only: "| C | ✔ chegou em casa dolorido |")
        # (and under a yes-or-no question, "Bate com o texto?", rows of reasons besides the one "sim")
        asks = column < len(header) and header[column].rstrip().endswith("?")
        usable = usable and (
            prose == 0
            or (prose == 1 and judged >= 2 and positives == 1)
            # (or as many rows of reasons as of verdicts, one of them right and one wrong: "| B | Correta — ... |",
            # "| C | Incorreta, a B responde |", "| A | Detalhe de aparência, irrelevante |")
            or (prose <= judged and positives == 1 and judged - positives >= 1 and judged >= 2)
            # (or one row ticked, the others crossed out or given reasons: "| C | 👍 essa |", "| D | idem à A |")
            or ticked == 1 == positives
            or (asks and judged >= 2 and positives == 1)
        )
        # The column with the most verdicts; between two with as many, the one that marks a single row (a final
        # "Bate com o texto?" column after columns of criteria).
        rank = (sum(v is not None for v in verdicts), positives == 1)
        if usable and positives and (best is None or rank > best[0]):
            best = (rank, verdicts)
    if best is None:
        return _graded_verdicts(lettered, width)
    return {letter: verdict or "" for (letter, _, _), verdict in zip(lettered, best[1], strict=True)}


# An "x" that opens a cell, alone or before its reasons: "| B | x |", "| D | x, ele continuava infeliz |".
_X_CELL: Final = re.compile(r"[xX](?:$|[\s(,;:—–-])")


def _crossed_beside_words(cells: list[str], verdicts: list[str | None]) -> list[str | None]:
    """The verdicts of a column where one row is approved in words ("ok — 'branco como a neve'") and the others
    marked "x": there the x crosses out."""
    crossed = [bool(_X_CELL.match(strip_markup(cell).strip())) for cell in cells]
    if not any(crossed) or not any(v == "pos" and not x for v, x in zip(verdicts, crossed, strict=True)):
        return verdicts
    return ["neg" if x else v for v, x in zip(verdicts, crossed, strict=True)]


def _lone_maybe(verdicts: list[str | None]) -> list[str | None]:
    """A column that rules out every row but one it calls possible ("improvável", "forçado", "**plausível**")
    marks that row."""
    if "pos" not in verdicts and verdicts.count("maybe") == 1 and verdicts.count("neg") == len(verdicts) - 1:
        return ["pos" if verdict == "maybe" else verdict for verdict in verdicts]
    return verdicts


def _grade(cell: str) -> float | None:
    """A cell's grade on the scale of :data:`_GRADES` (0-5), before any reasons: "Alta", "Low", a score ("80%" and
    "8/10" are 4), or stars ("★★☆" is 2)."""
    stars = _STARS.match(cell.strip())
    if stars:  # "★★☆ genérico demais", "⭐⭐⭐⭐": the stars filled
        return float(min(5, sum(star in _FILLED_STARS for star in stars[0])))
    # (an arrow pointing at the row closes the grade: "9 ← essa")
    text = _GRADE_REASONS.split(_ARROW_POINTING.sub("", cell).strip().casefold(), maxsplit=1)[0].rstrip(".")
    if text.isdigit() and int(text) <= _MAX_BARE_GRADE:  # "| C | 9 |" in a column of marks from 0 to 10
        return 5 * int(text) / _MAX_BARE_GRADE
    score = _SCORE.fullmatch(text)
    if score:
        whole = float(score["of"]) if score["of"] else 100.0
        return 5 * float(score["n"].replace(",", ".")) / whole if whole else None
    return _GRADES.get(text, _GRADES.get(fold(text)))


def _graded_verdicts(lettered: list[tuple[str, list[str], int]], width: int) -> dict[str, str] | None:
    """A column that grades every option ("Plausibilidade | Alta", "Chance | 10%") marks its highest grade right
    (two options tied at the top are two marked, a hedge); a column that grades them all alike marks nothing."""
    for column in range(width):
        grades: list[float | None] = []
        for _, row, letter_index in lettered:
            cell = row[column] if column < len(row) else ""
            grade = _grade(cell)
            if column == letter_index or (grade is None and not _PLACEHOLDER_CELL.match(cell)):
                break
            grades.append(grade)
        else:
            known = [grade for grade in grades if grade is not None]
            if len(set(known)) >= 2:
                top = max(known)
                return {
                    letter: "pos" if grade == top else "neg"
                    for (letter, _, _), grade in zip(lettered, grades, strict=True)
                }
    return None


def _transposed_verdicts(rows: list[list[str]]) -> dict[str, str] | None:
    """A table whose header names the letters ("| A | B | C | D |") and whose next row marks them."""
    if len(rows) >= 2 and sum(_letter_of(cell) is not None and len(cell) <= 3 for cell in rows[0]) < 2:
        rows = [rows[1], rows[0], *rows[2:]]  # the marks above the letters: "| ❌ | ✅ |\n| A | B |"
    header = [_letter_of(cell) if len(cell) <= 3 else None for cell in rows[0]]
    if len(rows) < 2 or sum(letter is not None for letter in header) < 2:
        return None
    for row in rows[1:]:
        verdicts = {
            letter: _cell_verdict(cell) or "" for letter, cell in zip(header, row, strict=False) if letter is not None
        }
        if any(verdict == "pos" for verdict in verdicts.values()):
            return verdicts
    return None


_HTML_TABLE: Final = re.compile(r"<table\b[^<>]*>(?P<body>.*?)</table\s*>", re.IGNORECASE | re.DOTALL)
# (a row or cell closes at its end tag or where the next one opens: HTML lets both go unclosed)
_HTML_ROW: Final = re.compile(r"<tr\b[^<>]*>(?P<cells>.*?)(?=</tr\s*>|<tr\b|\Z)", re.IGNORECASE | re.DOTALL)
_HTML_CELL: Final = re.compile(r"<t[hd]\b[^<>]*>(?P<cell>.*?)(?=</t[hd]\s*>|<t[hd]\b|\Z)", re.IGNORECASE | re.DOTALL)
_TAG: Final = re.compile(r"<[^<>]*>")


def html_tables_as_markdown(text: str) -> str:
    """HTML tables written as Markdown, a row per ``<tr>``, so that they are read as tables.

    >>> html_tables_as_markdown("<table><tr><th>C</th><td>sim</td></tr><tr><th>D</th><td>não</td></tr></table>")
    '\\n| C | sim |\\n| D | não |\\n'
    """

    def as_markdown(table: re.Match[str]) -> str:
        rows = [
            [" ".join(_TAG.sub(" ", cell["cell"]).split()) for cell in _HTML_CELL.finditer(row["cells"])]
            for row in _HTML_ROW.finditer(table["body"])
        ]
        lines = ["| " + " | ".join(cells) + " |" for cells in rows if cells]
        return "\n" + "\n".join(lines) + "\n" if lines else table.group()

    return _HTML_TABLE.sub(as_markdown, text)


def table_answer(
    text: str, letters: Sequence[str], read: Reader, options: Sequence[str] | None = None
) -> Extraction | None:
    """The option a Markdown or HTML table marks right, or the letter of its "Resposta" row (see the module
    docstring)."""
    text = html_tables_as_markdown(text)
    if "|" not in text:
        return None
    for rows in _tables(text):
        for row in rows:
            if len(row) >= 2 and _ANSWER_CELL.match(row[0]) and row[1]:
                value = read(row[1])
                if value.letter is not None:
                    return Extraction(value.letter, "structured")
        verdicts = _table_verdicts(rows, read, options, letters) or _transposed_verdicts(rows)
        if verdicts:
            decided = _from_verdicts(verdicts, letters)
            if decided is not None:
                return decided
    bold = _bold_row_letter(text)
    return Extraction(bold, "structured") if bold in letters else None


_BOLD_CELL: Final = re.compile(r"^\s*(?:\*\*|__).*(?:\*\*|__)\s*$")


def _bold_row_letter(text: str) -> str | None:
    """The letter of the one row of a table that is bold throughout, among two or more rows that name options
    ("| **B** | **Vão encontrar mais guerreiros** |"): the row the table marks without a verdict column."""
    bold: list[str] = []
    lettered = 0
    for line in text.splitlines():
        if not line.strip().startswith("|") or line.count("|") < 3:
            continue
        cells = [cell for cell in line.strip().strip("|").split("|") if cell.strip()]
        letter = next((found for cell in cells if (found := _letter_of(cell.strip().strip("*_").strip()))), None)
        if letter is None:
            continue
        lettered += 1
        if all(_BOLD_CELL.match(cell) for cell in cells):
            bold.append(letter)
    return bold[0] if lettered >= 2 and len(bold) == 1 else None


_BOX_MARK: Final = rf"(?:\[\s*[^\s\]]?\s*\]|\(\s*[xX✓✔]?\s*\)|[{_TICKED_MARKS}{_CROSSED_MARKS}])"
_CHECK_LINE: Final = re.compile(
    rf"^\s*(?:[-*•+]\s+)?(?P<box>{_BOX_MARK})\s*"
    # (its reasons after a comma too: "❌ A, o texto não fala de sair do curso")
    rf"(?:{alternation(words('letter_words'))}\s*)?[(\[]?(?P<l>[A-Za-z])(?:[)\].:,\s—–-]|$)"
    # "✔ O texto fala ...": an article before a word is prose, not the letter O
    r"(?<!\b[AEOaeo]\s(?=[a-zà-ú]))",
    re.IGNORECASE,
)
# The letter first, then its box: "A ☐", "D ☑ Porque ela é uma boa mãe", "- B) [x]".
_LETTER_THEN_BOX: Final = re.compile(
    rf"^\s*(?:[-*•+]\s+)?(?:{alternation(words('letter_words'))}\s*)?[(\[]?(?P<l>[A-Za-z])[)\].:]?[ \t]+"
    r"(?P<box>\[\s*[^\s\]]?\s*\]|[☐☑☒])",
    re.IGNORECASE,
)


_TEXT_ENTRY: Final = re.compile(rf"^\s*(?:[-*•+]\s+)?(?P<box>{_BOX_MARK})\s*(?P<rest>\S.*)$")
# An entry that gives an option's text with its mark after it: "• Um cara terminou comigo ✓", "- Perdeu o emprego ✗".
# (The text opens with a character that is not a space, and the spaces before the mark are taken once: the match
# stays linear on a line of thousands of spaces.)
_MARKED_AFTER: Final = re.compile(
    rf"^\s*(?:[-*•+]\s+)?(?P<rest>\S[^\n]*?)(?<=\S)\s+(?P<box>[{_TICKED_MARKS}{_CROSSED_MARKS}])(?:\s+\([^\n]*\))?\s*$"
)
# Where a checklist written on one line ("☐ A  ☐ B  ☑ C  ☐ D") is cut into its entries.
_INLINE_ENTRY: Final = re.compile(rf"(?<!\s)\s+(?={_BOX_MARK}\s*[(\[]?[A-Za-z](?:[)\].:\s—–-]|$))")


def _checklist_lines(text: str) -> list[str]:
    """The lines of ``text``, a line that holds two or more entries of a checklist cut into one line each."""
    lines = []
    for line in strip_markup(text).splitlines():
        entries = _INLINE_ENTRY.split(line)
        lines.extend(entries if len(entries) >= 2 and all(_CHECK_LINE.match(entry) for entry in entries) else [line])
    return lines


_TRAILING_ASIDE: Final = re.compile(r"\s*\([^()]*\)\s*$")


def _text_entry(line: str, read: Reader | None) -> tuple[str, str | None, str] | None:
    """A checklist entry that gives an option's text instead of its letter ("- [x] Porque estava com fome.", or with
    its mark after it, "• Porque estava com fome ✓"): its box, the letter of the option it quotes (``None`` when
    its text says no one option) and its text."""
    if read is None or (entry := _TEXT_ENTRY.match(line) or _MARKED_AFTER.match(line)) is None:
        return None
    # (its reasons in brackets are no part of the option it gives: "Refeições atrasadas (o almoço só sai ao meio-dia)")
    said = _TRAILING_ASIDE.sub("", entry["rest"]) or entry["rest"]
    value = read(said)
    return entry["box"], value.letter if value.letter and value.rule == "option_text" else None, said


_NONE_ENTRIES: Final = tuple(norm(word) for word in words("none_words"))


def _in_option_order(entries: Sequence[str], options: Sequence[str], quoted: Sequence[bool] = ()) -> bool:
    """Whether a checklist's entries shorten the options one by one, in their order ("[ ] ficaria muito para trás"
    for "Eu ficaria tão para trás que não conseguiria recuperar o atraso"): each shares content words with its own
    option, at least as many as with any other, and all but one share more ("medo de passar germes" shares one word
    with its own option and one, "passar", with another). An entry that quotes its own option (``quoted``: "nenhuma
    das alternativas") is in order, and so are all entries when all but one quote their own."""

    if sum(quoted) >= len(entries) - 1:
        return True  # every entry but one quotes its own option: the one left stands in its place
    option_words = [content_stems(norm(option).split()) for option in options]
    tied = 0
    unsaid = 0  # entries that share no word with any option ("musculação" for "Treinar com pesos"): one may stand
    for index, entry in enumerate(entries):
        if index < len(quoted) and quoted[index]:
            continue
        if norm(entry) in _NONE_ENTRIES and norm(options[index]).startswith(_NONE_ENTRIES):
            continue  # "[ ] nenhuma" for "Nenhuma das alternativas acima."
        shared = [len(content_stems(norm(entry).split()) & words_) for words_ in option_words]
        best_other = max((count for other, count in enumerate(shared) if other != index), default=0)
        if not any(shared):
            unsaid += 1
            continue
        if not shared[index] or best_other > shared[index]:
            return False
        tied += best_other == shared[index]
    return tied <= 1 and unsaid <= 1


# A legend that makes a ticked box mean ruled out: "Legenda: [x] = eliminada · [ ] = ainda de pé".
_TICK_RULES_OUT: Final = re.compile(
    rf"[\[(][ \t]*[xX✓✔][ \t]*[\])][ \t]*(?:=|:|→|->|-|—|–|significa|means)[ \t]*"
    rf"{alternation([*words('wrong_words'), *words('dismissal'), 'eliminated', 'discarded', 'crossed out'])}\b",
    re.IGNORECASE,
)


def checklist_answer(
    text: str, letters: Sequence[str], read: Reader | None = None, options: Sequence[str] | None = None
) -> Extraction | None:
    """The one option a checklist ticks (see the module docstring); ``None`` when ``text`` is no checklist.

    ``read``: the reader of an entry's text, for entries that give an option's text instead of its letter.
    ``options``: the item's option texts, for a checklist that shortens each of them in their order.
    """
    ticked: list[str] = []
    entries: list[str] = []  # the letters of the entries, ticked or not
    boxes = 0
    lines = 0
    texts: list[tuple[bool, str, str | None]] = []  # (ticked, text, letter quoted) of the entries that give text
    # Beside a box with a tick in it, one with a cross in it is crossed out: "☒ ... ☒ ... ☑ ...".
    ticked_boxes = "☑" if "☑" in text and "☒" in text else "☑☒"
    for line in _checklist_lines(text):
        match = _CHECK_LINE.match(line) or _LETTER_THEN_BOX.match(line)
        by_text = None if match else _text_entry(line, read)
        if not match and not by_text:
            continue
        lines += 1
        box, letter = (match["box"], match["l"]) if match else by_text[:2]
        is_box = box[0] in "[(☐☑☒"
        boxes += is_box
        mark = box.strip("[]() \t")
        ticked_box = (
            box in ticked_boxes
            if box[0] in "☐☑☒"
            else bool(mark) and mark not in _CROSSED_MARKS + _MINUS_MARKS + _PARTIAL_MARKS
        )
        is_ticked = (is_box and ticked_box) or (not is_box and box in _TICKED_MARKS)
        if by_text:
            texts.append((is_ticked, by_text[2], by_text[1]))
        if is_ticked:
            ticked.append(letter.upper() if letter else "")
        if letter:
            entries.append(letter.upper())
    shortened = bool(options) and len(texts) == lines == len(options or ()) == len(letters)
    quoting_own = [quoted == letter for letter, (_, _, quoted) in zip(letters, texts, strict=False)]
    if "" in ticked and shortened and _in_option_order([entry for _, entry, _ in texts], options or (), quoting_own):
        ticked = [letter for letter, (is_ticked, _, _) in zip(letters, texts, strict=True) if is_ticked]
    # A ticked entry whose text names no option leaves the checklist to the later stages, unless entries by letter
    # follow criteria ticked in words ("- ✔️ lida com pessoas com frequência ... - [x] C\n- [ ] D").
    if lines - len(texts) >= 2:
        ticked = [letter for letter in ticked if letter]
        lines -= sum(1 for is_ticked, _, _ in texts if is_ticked)
    if lines < 2 or "" in ticked:
        return None
    if _TICK_RULES_OUT.search(text) and len(entries) == len(letters) and len(set(ticked)) == len(letters) - 1:
        # the one entry left unticked under a legend of ticks that rule out
        ticked = [letter for letter in entries if letter not in ticked]
    if len(set(ticked)) == 1:
        letter = ticked[0]
        return Extraction(letter, "structured") if letter in letters else Extraction(None, "invalid_letter")
    if len(set(ticked)) >= 2:
        return Extraction(None, "hedged")
    return Extraction(None, "no_answer") if boxes >= 2 else None


# An entry of a checklist numbered in the options' order, with its mark before or after its words: "1. ❌ Não tive
# estômago", "2. Faculdade este ano? ✓ — formatura".
_NUMBERED_ENTRY: Final = re.compile(r"^[ \t]*(?:[-*•+][ \t]+)?(?P<n>\d)[.)][ \t]+(?P<rest>\S.*)$")
_FIRST_MARK: Final = re.compile(rf"[{_TICKED_MARKS}{_CROSSED_MARKS}]")


def numbered_checklist_answer(text: str, letters: Sequence[str]) -> Extraction | None:
    """The one entry a checklist numbered 1 to the number of options ticks, each entry marked once.

    >>> numbered_checklist_answer("1. ❌ Não dormiu\\n2. ✅ Estava com fome\\n3. ❌ Nenhuma", ("A", "B", "C"))
    Extraction(letter='B', rule='structured')
    """
    entries = [match for line in strip_markup(text).splitlines() if (match := _NUMBERED_ENTRY.match(line))]
    if [int(entry["n"]) for entry in entries] != list(range(1, len(letters) + 1)):
        return None
    ticked = []
    for letter, entry in zip(letters, entries, strict=True):
        marks = _FIRST_MARK.findall(entry["rest"])
        if not marks or {mark in _TICKED_MARKS for mark in marks} == {True, False}:
            return None  # an entry left unmarked, or both ticked and crossed, is no checklist's
        if marks[0] in _TICKED_MARKS:
            ticked.append(letter)
    return Extraction(ticked[0], "structured") if len(ticked) == 1 else None


# One "key=value" pair of a record written on one line with spaces between its pairs: "pred=A conf=0.55".
_SPACED_PAIR: Final = re.compile(r"(?<!\S)[^\W\d]\w{0,40}=[^\s=]+(?!\S)")
# One "key: value" line of a record written as YAML or key=value ("  opcao_marcada: B", "certeza=0.55").
_RECORD_LINE: Final = re.compile(
    r"^[ \t]*(?:-[ \t]+)?(?P<key>[^\W\d][\w ]{0,40}?)[ \t]*(?P<sep>[:=])[ \t]*(?P<value>\S.*)$"
)
#: The fewest "key: value" lines that make a record, and the most lines of a reply read for one.
_MIN_RECORD_LINES: Final = 3
_HEADING_KEY: Final = re.compile(r"^[^\W\d]\w{0,40}[ \t]*:[ \t]*$")
_MAX_RECORD_LINES: Final = 40


_FLAGS: Final = {"true": True, "false": False}


def _record_list(lines: Sequence[str]) -> list[dict[str, Any]]:
    """A YAML list of records ("- opcao: A\n  ok: false\n- opcao: D\n  ok: true"), its flags as booleans."""
    records: list[dict[str, Any]] = []
    for line in lines:
        field = _RECORD_LINE.match(line)
        if field is None:
            continue
        if line.lstrip().startswith("-"):
            records.append({})
        elif not records or not line[:1].isspace():
            continue
        value = field["value"].strip().strip("\"'")
        records[-1][field["key"].strip()] = _FLAGS.get(value.casefold(), value)
    return records


def record_answer(text: str, letters: Sequence[str], read: Reader) -> Extraction | None:
    """The answer field of a record written as YAML or key=value lines, three or more of them ("resposta:\n
    questao: ...\n  opcao_marcada: B\n  certeza: 0.55"), read like a JSON answer field; else the one option a YAML
    list of option records marks ("- opcao: D\n  ok: true")."""
    lines = text.splitlines()[:_MAX_RECORD_LINES]
    inline = len(lines) == 1 and lines[0].count(";") >= 2  # "resp=C; conf=0.55; nota=..."
    if inline:
        lines = [part.strip() for part in lines[0].split(";")]
    elif len(lines) == 1 and len(pairs := _SPACED_PAIR.findall(lines[0])) >= _MIN_RECORD_LINES:
        inline, lines = True, pairs  # "pred=A conf=0.55 segunda_opcao=C motivo=dormiu_muito"
    fields = _record_fields(lines, inline=inline)
    # A key that names the answer ("resposta_escolhida") before one that only names an option ("opcao"), which
    # may be an entry of a list of options weighed.
    answers = [field for field in fields if _names_an_answer(field["key"], _ANSWER_KEYS - _OPTION_KEYS)]
    options = [field for field in fields if _names_an_answer(field["key"]) and field not in answers]
    return _first_letter(answers, read) or _marked_record(lines, letters) or _first_letter(options, read)


def _record_fields(lines: Sequence[str], *, inline: bool = False) -> list[re.Match[str]]:
    """The "key: value" lines of a record; none when there are too few, or only the prompt's labels."""
    fields = [match for match in map(_RECORD_LINE.match, lines) if match]
    # An option's own line ("Alternativa A: De uma palestra") is no field of a record.
    fields = [field for field in fields if not re.search(r"(?:^|\s)[A-Za-z]$", field["key"].strip())]
    # A record's keys are a program's ("opcao_marcada") or nest under a heading key ("resposta:\n  marcada: B"), not
    # the prompt's labels ("Pergunta:", "Resposta:").
    first = next((line for line in lines if line.strip()), "")
    nested = _HEADING_KEY.match(first) is not None and all(field.group()[:1].isspace() for field in fields)
    # (and so are keys that each take their value with "=": "descartadas=A,B,D\nfica=C")
    assigned = all(field["sep"] == "=" for field in fields)
    # (a key nested under the heading that heads a list of its own counts: "  descartadas:\n    - {opcao: B}")
    nested_headings = (
        sum(1 for line in lines[1:] if line[:1].isspace() and _HEADING_KEY.match(line.strip())) if nested else 0
    )
    if len(fields) + nested_headings < _MIN_RECORD_LINES or not (
        inline or nested or assigned or any("_" in field["key"] for field in fields)
    ):
        return []
    return fields


def _first_letter(fields: Sequence[re.Match[str]], read: Reader) -> Extraction | None:
    for field in fields:
        # (a program's words joined by underscores read as words: "primeira_alternativa", "nenhuma_das_listadas")
        value = read(field["value"].strip().strip("\"'").replace("_", " "))
        if value.letter is not None:
            return Extraction(value.letter, "structured")
    return None


def _marked_record(lines: Sequence[str], letters: Sequence[str]) -> Extraction | None:
    records = _record_list(lines)
    verdicts = _record_verdicts(records) if len(records) >= 2 else None
    return _from_verdicts(verdicts, letters) if verdicts else None


def structured_answer(
    text: str, letters: Sequence[str], read: Reader, options: Sequence[str] | None = None
) -> Extraction | None:
    """JSON, then tables, then checklists, then YAML or key=value records; ``None`` when none of them decides."""
    return (
        json_answer(text, letters, read)
        or table_answer(text, letters, read, options)
        or checklist_answer(text, letters, read, options)
        or numbered_checklist_answer(text, letters)
        or record_answer(text, letters, read)
        or returned_answer(text, letters)
        or selected_answer(text, letters)
    )


# A line of code that hands back one quoted letter: "return 'D'", "> print("B")", "console.log('A');".
_RETURNED: Final = re.compile(
    r"^[ \t>]*(?:return|print|console\.log|echo)[ \t]*\(?[ \t]*(['\"])(?P<letter>[A-Za-z])\1[ \t]*\)?[ \t;]*$",
    re.MULTILINE,
)


# An HTML control that marks one value: '<option value="D" selected>', '<input type="radio" value="B" checked>'.
_SELECTED_TAG: Final = re.compile(r"<(?:option|input)\b[^<>]{0,200}>", re.IGNORECASE)
_TAG_VALUE: Final = re.compile(r"""\bvalue\s*=\s*["']?(?P<letter>[A-Za-z])\b["']?""", re.IGNORECASE)
_TAG_MARKED: Final = re.compile(r"\b(?:selected|checked)\b", re.IGNORECASE)


def selected_answer(text: str, letters: Sequence[str]) -> Extraction | None:
    """The value of the one HTML option selected or radio button checked.

    >>> selected_answer('<select>\\n<option value="A">Roupas</option>\\n<option value="B" selected>Dinheiro</option>'
    ...                 '\\n</select>', ("A", "B", "C", "D"))
    Extraction(letter='B', rule='structured')
    >>> selected_answer('<input type="radio"> Roupas <input type="radio" checked> Dinheiro', ("A", "B"))
    Extraction(letter='B', rule='structured')
    """
    marked = set()
    tags = list(_SELECTED_TAG.finditer(text))
    for position, tag in enumerate(tags):
        value = _TAG_VALUE.search(tag.group())
        if not _TAG_MARKED.search(tag.group()):
            continue
        if value:
            marked.add(value["letter"].upper())
        elif len(tags) == len(letters):
            marked.add(letters[position])  # one control an option, in order, without values: its place
    return _from_verdicts({marked.pop(): "pos"}, letters) if len(marked) == 1 else None


# A program's name for the answer: "resposta", "resposta_final", "resp", "choice".
_ANSWER_VARIABLE: Final = (
    rf"(?:[^\W\d]\w*_)?{alternation([*words('answer_nouns'), 'resp', 'escolha', 'choice', 'letra'])}\w*"
)
# An interpreter that echoes the answer's value: ">>> resposta\n'D'".
_ECHOED: Final = re.compile(
    rf"^[ \t]*>>>[ \t]*{_ANSWER_VARIABLE}[ \t]*\n[ \t]*(['\"])(?P<letter>[A-Za-z])\1[ \t]*$",
    re.MULTILINE | re.IGNORECASE,
)
# A line of code that takes the answer from a list of the options by its index: "resposta = opcoes[3]" (from zero).
_ASSIGNED_INDEX: Final = re.compile(
    rf"^[ \t]*{_ANSWER_VARIABLE}[ \t]*=[ \t]*[^\W\d]\w*[ \t]*\[[ \t]*(?P<index>\d)[ \t]*\][ \t;]*(?:(?:#|//)[^\n]*)?$",
    re.MULTILINE | re.IGNORECASE,
)
# A line of code that assigns the answer one quoted letter: 'resposta = opcoes["B"]', "answer = 'C'".
_ASSIGNED: Final = re.compile(
    rf"^[ \t]*{_ANSWER_VARIABLE}[ \t]*=[ \t]*"
    r"(?:[^\W\d]\w*[ \t]*\[[ \t]*)?(['\"])(?P<letter>[A-Za-z])\1[ \t]*\]?[ \t;]*$",
    re.MULTILINE | re.IGNORECASE,
)


def returned_answer(text: str, letters: Sequence[str]) -> Extraction | None:
    """The letter the last line of code returning one hands back (a reply written as a program: "> return 'D'"), else
    the letter the last line assigning the answer gives it ('resposta = opcoes["B"]').

    >>> returned_answer("```\\nanalisar(texto)\\n> return 'D'\\n```", ("A", "B", "C", "D"))
    Extraction(letter='D', rule='structured')
    >>> returned_answer("return 'F'", ("A", "B", "C", "D"))
    Extraction(letter=None, rule='invalid_letter')
    """
    found = [match["letter"].upper() for match in _RETURNED.finditer(text)]
    found = found or [match["letter"].upper() for match in _ASSIGNED.finditer(text)]
    found = found or [match["letter"].upper() for match in _ECHOED.finditer(text)]
    found = found or [
        letters[int(match["index"])] if int(match["index"]) < len(letters) else "?"
        for match in _ASSIGNED_INDEX.finditer(text)
    ]
    if not found:
        return None
    return Extraction(found[-1], "structured") if found[-1] in letters else Extraction(None, "invalid_letter")

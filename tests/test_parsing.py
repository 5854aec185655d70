"""Answer extraction on the public set of hand-written model outputs, plus focused behaviour checks."""

from __future__ import annotations

import dataclasses
import json
from collections import Counter
from pathlib import Path
from typing import Any

import pytest

from cosmosqa_ptbr.evaluation.extraction import (
    INVALID_RULES,
    RULES,
    VALID_RULES,
    Extraction,
    extract_answer,
    item_letters,
    score_generations,
)
from cosmosqa_ptbr.prompts import ZEPHYR_CHAT_TEMPLATE, build_messages
from cosmosqa_ptbr.schema import LETTERS

CASES_FILE = Path(__file__).resolve().parent / "data" / "extraction_cases.jsonl"
CASES: list[dict[str, Any]] = [
    json.loads(line) for line in CASES_FILE.read_text(encoding="utf-8").splitlines() if line.strip()
]
IDS = [f"{case['category']}-{index:03d}" for index, case in enumerate(CASES)]
MARKERS = ("<|", "</s>", "[INST]", "[/INST]")


def _letters(case: dict[str, Any]) -> tuple[str, ...]:
    return item_letters(case["options"])


@pytest.mark.parametrize("case", CASES, ids=IDS)
def test_public_case_is_read_as_annotated(case: dict[str, Any]) -> None:
    """Each hand-annotated output gives the annotated letter and the annotated rule."""
    extraction = extract_answer(case["text"], case["options"])
    assert (extraction.letter, extraction.rule) == (case["letter"], case["rule"])


def test_public_set_covers_every_category_and_rule() -> None:
    """The public set has 150+ cases, every rule, and at least eight cases in each category."""
    assert len(CASES) >= 150
    assert {case["rule"] for case in CASES} == set(RULES)
    assert min(Counter(case["category"] for case in CASES).values()) >= 8
    for case in CASES:
        assert (case["letter"] is None) == (case["rule"] in INVALID_RULES)
        assert case["letter"] is None or case["letter"] in _letters(case)


def _zephyr_sequence(item: dict[str, Any], generation: str) -> str:
    from jinja2 import Template

    prompt = Template(ZEPHYR_CHAT_TEMPLATE).render(
        messages=build_messages(item), eos_token="</s>", add_generation_prompt=True
    )
    return prompt + generation + "</s>"


def _item(options: list[str] | None) -> dict[str, Any]:
    options = options or ["Ele dormiu.", "Ele correu.", "Ele comeu.", "Nenhuma das alternativas acima."]
    return {"contexto": "Choveu o dia todo.", "pergunta": "O que ele fez?", **dict(zip(LETTERS, options, strict=True))}


def test_answer_inside_whole_decoded_sequence_reads_the_same() -> None:
    """Wrapping any marker-free case in its full Zephyr prompt (with EOS) leaves the reading unchanged."""
    checked = 0
    for case in CASES:
        if any(marker in case["text"] for marker in MARKERS) or not case["text"].strip():
            continue
        if case["options"] is not None and len(case["options"]) != len(LETTERS):
            continue  # the prompt lists four options
        wrapped = _zephyr_sequence(_item(case["options"]), case["text"])
        assert extract_answer(wrapped, case["options"]) == extract_answer(case["text"], case["options"]), case
        checked += 1
    assert checked >= 120


@pytest.mark.parametrize("letter", LETTERS)
def test_prompt_option_lines_are_never_an_answer(letter: str) -> None:
    """A prompt whose generation is empty or unreadable yields no letter, whatever its option lines say."""
    item = _item(None)
    assert extract_answer(_zephyr_sequence(item, "")).letter is None
    assert extract_answer(_zephyr_sequence(item, "Hmm, vejamos.")).letter is None
    # the same prompt read with the answer letter given last
    assert extract_answer(_zephyr_sequence(item, f"Alternativa {letter}")) == Extraction(letter, "keyword")


def test_last_commitment_wins_over_earlier_ones() -> None:
    """A self-correction to each letter is read as the corrected letter."""
    for first in LETTERS:
        for last in LETTERS:
            text = f"Resposta: {first}. Pensando melhor, a resposta correta é a alternativa {last}."
            assert extract_answer(text).letter == last


PAIRS = [(first, second) for first in LETTERS for second in LETTERS if first != second]


@pytest.mark.parametrize(("chosen", "other"), PAIRS)
def test_negation_rejects_only_the_letter_it_governs(chosen: str, other: str) -> None:
    """A contrast or a justification naming another letter keeps the committed letter, in either order."""
    texts = [
        f"Fico com a {chosen}, não com a {other}.",
        f"Alternativa {chosen} — e não {other}.",
        f"Não é a {other}, é a {chosen}.",
        f"{chosen} rather than {other}.",
        f"Not {other} but {chosen}.",
        f"Correta: {chosen}, já que a {other} contradiz o texto.",
        f"Alternativa {chosen}, porque a alternativa {other} não tem relação com o texto.",
    ]
    for text in texts:
        assert extract_answer(text) == Extraction(chosen, "final_answer"), text


@pytest.mark.parametrize(("first", "second"), PAIRS)
def test_listing_letters_is_no_commitment(first: str, second: str) -> None:
    """Two letters listed without a verdict give no letter, whichever comes first or last."""
    for text in (
        f"Alternativa {first}\nAlternativa {second}",
        f"{first}, {second}",
        f"As alternativas {first} e {second}.",
    ):
        assert extract_answer(text).letter is None, text


@pytest.mark.parametrize("letter", LETTERS)
def test_elimination_list_reads_the_one_letter_judged_correct(letter: str) -> None:
    """In an elimination list each verdict judges its own letter; two letters judged correct are a hedge."""
    words = " ".join(f"{other}: {'correta' if other == letter else 'errada'}." for other in LETTERS)
    marks = " ".join(f"{other} {'✓' if other == letter else '✗'}" for other in LETTERS)
    for text in (words, marks):
        assert extract_answer(text) == Extraction(letter, "final_answer"), text
    second = LETTERS[(LETTERS.index(letter) + 1) % len(LETTERS)]
    both = " ".join(f"{other}: {'correta' if other in (letter, second) else 'errada'}." for other in LETTERS)
    assert extract_answer(both) == Extraction(None, "hedged")


@pytest.mark.parametrize("letter", LETTERS)
def test_wrappers_around_a_letter_are_dropped(letter: str) -> None:
    """LaTeX, Markdown and tag wrappers around a lone letter read as that letter."""
    for text in (
        rf"\boxed{{{letter}}}",
        rf"$\boxed{{\text{{{letter}}}}}$",
        f"`{letter}`",
        f"<answer>{letter}</answer>",
    ):
        assert extract_answer(text) == Extraction(letter, "letter_only"), text


def test_extraction_is_frozen_and_reports_validity() -> None:
    """Extraction cannot be changed after creation, and valid means a letter was read."""
    extraction = extract_answer("Letra C")
    assert extraction.valid and extraction.letter == "C"
    assert not extract_answer("pode ser A ou B").valid
    with pytest.raises(dataclasses.FrozenInstanceError):
        extraction.letter = "D"  # type: ignore[misc]


def test_rules_split_into_valid_and_invalid() -> None:
    """Every rule is either a letter-giving rule or an invalid outcome, never both."""
    assert set(VALID_RULES).isdisjoint(INVALID_RULES)
    assert set(RULES) == set(VALID_RULES) | set(INVALID_RULES)


def test_bad_arguments_raise() -> None:
    """A non-string output, malformed options or letters that do not fit the options raise instead of being read."""
    with pytest.raises(TypeError, match="str"):
        extract_answer(None)  # type: ignore[arg-type]
    for options in (["só uma"], "ABCD", ["um", 2, "três"]):
        with pytest.raises(ValueError, match="2 to 26 strings"):
            extract_answer("Alternativa B", options)  # type: ignore[arg-type]
    with pytest.raises(ValueError, match="3 options but 4 letters"):
        extract_answer("Alternativa B", ["um", "dois", "três"], letters="ABCD")
    with pytest.raises(ValueError, match="distinct capitals"):
        extract_answer("Alternativa B", letters="AAB")


def test_score_generations_strict_and_lenient_accuracy() -> None:
    """Strict accuracy counts unreadable answers as wrong; lenient divides by readable answers only."""
    predictions = ["Alternativa B", "Resposta: C", "pode ser A ou D", "", "The answer is (D)"]
    scores = score_generations(predictions, ["B", 0, "D", "A", 3])
    assert scores["n"] == 5 and scores["n_valid"] == 3
    assert scores["accuracy"] == pytest.approx(2 / 5)
    assert scores["lenient_accuracy"] == pytest.approx(2 / 3)
    assert scores["invalid_rate"] == pytest.approx(2 / 5)
    assert scores["rules"]["keyword"] == 3 and scores["rules"]["hedged"] == 1 and scores["rules"]["empty"] == 1
    assert sum(scores["rules"].values()) == 5 and list(scores["rules"]) == list(RULES)


def test_score_generations_reads_option_text_when_given_options() -> None:
    """With options an answer quoting an option's text scores; without them it is unreadable."""
    options = [["Ele dormiu.", "Ele correu.", "Ele comeu muito bem.", "Nenhuma das alternativas acima."]]
    assert score_generations(["ele comeu muito bem"], ["C"], options)["accuracy"] == 1.0
    assert score_generations(["ele comeu muito bem"], ["C"])["accuracy"] == 0.0


@pytest.mark.parametrize(
    ("predictions", "references", "message"),
    [
        (["A", "B"], ["A"], "2 predictions but 1 references"),
        (["A"], ["E"], "reference 0"),
        (["A", "B"], ["A", None], "reference 1"),
        (["A"], [4], "reference 0"),
        ([None], ["A"], "prediction 0"),
        ([], [], "no predictions"),
    ],
)
def test_score_generations_rejects_bad_input(predictions: list[Any], references: list[Any], message: str) -> None:
    """Length mismatches, references outside A-D / 0-3, None and non-text predictions raise ValueError."""
    with pytest.raises(ValueError, match=message):
        score_generations(predictions, references)


def test_public_set_scores_perfectly_through_score_generations() -> None:
    """Scoring the public set against its own annotations gives strict accuracy = share of valid cases."""
    predictions = [case["text"] for case in CASES]
    references = [case["letter"] or "A" for case in CASES]
    options = [case["options"] for case in CASES]
    scores = score_generations(predictions, references, options)
    n_valid = sum(case["letter"] is not None for case in CASES)
    assert scores["n_valid"] == n_valid
    assert scores["lenient_accuracy"] == 1.0
    assert scores["rules"] == {rule: sum(case["rule"] == rule for case in CASES) for rule in RULES}


def test_dataset_prose_is_never_read_as_a_letter(sample: list[dict[str, Any]]) -> None:
    """Contexts, questions and option texts of the 400 sample items (prose, not answers) yield no letter."""
    from cosmosqa_ptbr.schema import ANSWER_COLUMNS, CONTEXT, QUESTION

    read = [
        (row[field], extraction)
        for row in sample
        for field in (CONTEXT, QUESTION, *ANSWER_COLUMNS)
        if (extraction := extract_answer(row[field])).letter is not None
    ]
    assert read == []


# ---------------------------------------------------------------------------------------------------------
# Items with three, four and five options: the letters come from the item


FIVE = ["A inflação caiu.", "O desemprego subiu.", "A renda caiu.", "O consumo cresceu.", "As exportações dobraram."]
FOUR = FIVE[:4]
THREE = FIVE[:3]


@pytest.mark.parametrize(
    ("text", "options", "expected"),
    [
        ("Alternativa E", FIVE, Extraction("E", "keyword")),
        ("Alternativa E", FOUR, Extraction(None, "invalid_letter")),
        ("Alternativa E", THREE, Extraction(None, "invalid_letter")),
        ("D", THREE, Extraction(None, "invalid_letter")),
        ("D", FOUR, Extraction("D", "letter_only")),
        ("a última alternativa", THREE, Extraction("C", "ordinal")),
        ("a última alternativa", FIVE, Extraction("E", "ordinal")),
        ("A: errada. B: errada.", THREE, Extraction("C", "final_answer")),
        ("A: errada. B: errada.", FOUR, Extraction(None, "no_answer")),
        ("A: errada. B: errada. C: errada. D: errada.", FIVE, Extraction("E", "final_answer")),
        ("As exportações dobraram.", FIVE, Extraction("E", "option_text")),
        ('{"resposta": "E"}', FIVE, Extraction("E", "structured")),
        ('{"resposta": "E"}', FOUR, Extraction(None, "invalid_letter")),
        ("Pode ser D ou E.", FIVE, Extraction(None, "hedged")),
    ],
)
def test_letters_come_from_the_number_of_options(text: str, options: list[str], expected: Extraction) -> None:
    """Three options read A-C, four A-D, five A-E: a letter the item lacks is an invalid letter."""
    assert extract_answer(text, options) == expected


def test_explicit_letters_override_the_default() -> None:
    """Without options the letters are A-D unless given: "E" reads only when the item has it."""
    assert extract_answer("Alternativa E") == Extraction(None, "invalid_letter")
    assert extract_answer("Alternativa E", letters="ABCDE") == Extraction("E", "keyword")
    assert extract_answer("Alternativa C", letters=("A", "B")) == Extraction(None, "invalid_letter")


def test_score_generations_reads_each_item_with_its_own_letters() -> None:
    """Per-item options or letters: the same reply is right for a five-option item and invalid for a four."""
    predictions = ["Alternativa E", "Alternativa E", "C", "Resposta: D"]
    references = ["E", "D", 2, "D"]
    scores = score_generations(predictions, references, [FIVE, FOUR, THREE, None])
    assert scores["accuracy"] == pytest.approx(3 / 4) and scores["rules"]["invalid_letter"] == 1
    assert score_generations(predictions, references, letters=["ABCDE", "ABCD", "ABC", None]) == scores
    with pytest.raises(ValueError, match="reference 0"):
        score_generations(["E"], ["E"], [FOUR])


# ---------------------------------------------------------------------------------------------------------
# Linear time: the work per reply is bounded


@pytest.mark.parametrize(
    "text",
    [
        pytest.param("A B C D " * 100_000, id="letters-800KB"),
        pytest.param("A B C D " * 200_000, id="letters-1.6MB"),
        pytest.param("Resposta: A. Não, B. Talvez C ou D? " * 45_000, id="commitments-1.6MB"),
        pytest.param(("o menino foi ao mercado comprar pão e leite " * 380_000)[:16_000_000], id="words-16MB"),
        pytest.param("{'a': [{'b': " * 100_000, id="unclosed-json-1.3MB"),
        pytest.param("| A | ✅ |\n" * 100_000 + "- [x] B\n" * 100_000, id="tables-and-boxes-1.8MB"),
        pytest.param("<think>A B C D " * 100_000, id="reasoning-1.5MB"),
        pytest.param("### Pergunta" + " " * 800_000 + "x\nContexto: y", id="spaces-after-a-heading-800KB"),
        pytest.param("  `` \n" * 120_000 + "x\nContexto: y", id="blank-lines-before-a-prompt-720KB"),
        pytest.param("x" + " " * 800_000 + "✓ y", id="spaces-before-a-mark-800KB"),
    ],
)
def test_runaway_generation_reads_in_bounded_time(text: str) -> None:
    """Megabytes of letters, commitments or ordinary words read in well under a second (2 s on a busy machine)."""
    import time

    started = time.perf_counter()
    extraction = extract_answer(text, ["Ele dormiu.", "Ele correu.", "Ele comeu.", "Nenhuma das alternativas acima."])
    elapsed = time.perf_counter() - started
    assert elapsed < 2.0, f"{elapsed:.2f} s"
    assert extraction.rule in RULES


def test_reader_looks_only_at_a_bounded_window_of_the_reply() -> None:
    """A long reply is read through its head and tail: an answer there counts, one buried in the middle does not."""
    from cosmosqa_ptbr.evaluation.extraction.clean import HEAD_CHARS, MAX_CHARS, TAIL_CHARS, reading_window

    filler = "o texto fala de muitas coisas diferentes sem chegar a nada. " * 2_000
    assert len(reading_window(filler * 10)) <= MAX_CHARS and HEAD_CHARS + TAIL_CHARS < MAX_CHARS
    assert extract_answer("Alternativa C\n\n" + filler) == Extraction("C", "keyword")
    assert extract_answer(filler + "\n\nResposta: C") == Extraction("C", "keyword")
    assert extract_answer(filler + "\n\nResposta: C\n\n" + filler) == Extraction(None, "no_answer")
    # A reply within the window is read whole, its middle included.
    short = filler[: (MAX_CHARS - 100) // 2]
    assert extract_answer(short + "\n\nResposta: C\n\n" + short) == Extraction("C", "keyword")

"""Each stage of answer extraction on its own: cleaning, structured replies, ordinals, commitments, option text,
the vocabulary and lexicon, the leaderboard's filter, and the docstring examples of every extraction module."""

from __future__ import annotations

import doctest
import importlib
import pkgutil

import pytest

from cosmosqa_ptbr.evaluation import extraction
from cosmosqa_ptbr.evaluation.extraction import Extraction, extract_answer
from cosmosqa_ptbr.evaluation.extraction.clean import (
    assistant_turn,
    clean,
    cut_new_block,
    drop_reasoning,
    strip_echoes,
    strip_markup,
    unfence,
    unwrap,
)
from cosmosqa_ptbr.evaluation.extraction.commitments import hedge_ends, mentions, patterns
from cosmosqa_ptbr.evaluation.extraction.leaderboard import (
    continuation,
    find_choices,
    leaderboard_extract,
    leaderboard_patterns,
)
from cosmosqa_ptbr.evaluation.extraction.lexicon import NEGATION, cognate, match, meanings, stem
from cosmosqa_ptbr.evaluation.extraction.option_text import (
    looping,
    name_descriptions,
    paraphrased_letter,
    quoted_letter,
    survivor,
)
from cosmosqa_ptbr.evaluation.extraction.ordinals import name_ordinals
from cosmosqa_ptbr.evaluation.extraction.structured import checklist_answer, json_answer, table_answer
from cosmosqa_ptbr.evaluation.extraction.vocabulary import EN, PT, alternation, words

ABCD = ("A", "B", "C", "D")
ABCDE = ("A", "B", "C", "D", "E")
OPTIONS = [
    "Ela estava cansada depois do trabalho.",
    "Ela estava nervosa com a entrevista.",
    "Ela estava entediada com a aula.",
    "Nenhuma das alternativas acima.",
]


def _read(value: str) -> Extraction:
    return extract_answer(value, letters=ABCDE)


MODULES = [
    *sorted(f"{extraction.__name__}.{info.name}" for info in pkgutil.iter_modules(extraction.__path__)),
    extraction.__name__,
]


@pytest.mark.parametrize("name", MODULES)
def test_extraction_module_docstring_examples_pass(name: str) -> None:
    """Every example in the docstrings of each extraction module runs and prints what it documents."""
    module = importlib.import_module(name)
    results = doctest.testmod(module, optionflags=doctest.ELLIPSIS | doctest.NORMALIZE_WHITESPACE)
    assert results.failed == 0
    assert results.attempted >= 1 or name.endswith(".reader")


# ---------------------------------------------------------------------------------------------------------
# Stage 1: cleaning


@pytest.mark.parametrize(
    ("sequence", "turn"),
    [
        ("<|user|>\nAlternativa A) Sol</s>\n<|assistant|>\nAlternativa B</s>\n<|user|>\nE agora?", "Alternativa B"),
        ("<|im_start|>user\nOi<|im_end|>\n<|im_start|>assistant\nC<|im_end|>", "C"),
        ("[INST] Pergunta [/INST] Resposta: D</s>", "Resposta: D"),
        ("<start_of_turn>user\nX<end_of_turn>\n<start_of_turn>model\nB<end_of_turn>", "B"),
        ("<|channel|>analysis<|message|>A or B?<|end|><|start|>assistant<|channel|>final<|message|>Letra A", "Letra A"),
        ("analysisThe text says A.assistantfinalAlternativa A", "Alternativa A"),
        ("Alternativa C\nUser: e a próxima?", "Alternativa C"),
    ],
)
def test_assistant_turn_keeps_only_the_last_answer(sequence: str, turn: str) -> None:
    """The last assistant turn of a decoded sequence is kept, up to its end-of-turn token or a new turn."""
    assert assistant_turn(sequence).strip() == turn


@pytest.mark.parametrize(
    ("text", "kept"),
    [
        ("<think>A? B?</think>\nAlternativa C", "\nAlternativa C"),
        ("<thinking>x</thinking><reasoning>y</reasoning> D", " D"),
        ("Pensando na B...\n</think>\n\nAlternativa A", "\n\nAlternativa A"),  # the template opened the block
        ("<think>Vejamos: a alternativa B", ""),  # never closed: no answer
        ("<|channel|>analysis<|message|>B fits<|end|>", ""),
        ("Sem raciocínio: B", "Sem raciocínio: B"),
    ],
)
def test_reasoning_blocks_are_dropped(text: str, kept: str) -> None:
    """Only what follows the last closed reasoning block is the answer; an unclosed block leaves none."""
    assert drop_reasoning(text) == kept


def test_markup_fences_latex_and_tags_come_off() -> None:
    """Fences, inline code, LaTeX, tags, Markdown emphasis and emoji variation selectors are dropped."""
    assert unfence('```json\n{"answer": "B"}\n```').strip() == '{"answer": "B"}'
    assert unwrap(r"\boxed{\textbf{(D)}}").strip() == "(D)"
    assert unwrap("<answer>B</answer>").strip() == "B"
    assert unwrap("~~A~~ C") == "não A, e sim C"
    assert strip_markup("## **Resposta:** ✔️ B") == "Resposta: ✔ B"


@pytest.mark.parametrize(
    "echo",
    [
        "Pergunta: Por quê?\nAlternativa A) Sol\nAlternativa B) Chuva\nAlternativa C) Vento",
        "Alternativa A) Sol\nAlternatva B) Chuva\nAlterantiva C) Vento",  # garbled labels
        "Alternativa A) Sol\nAlternativa A) Chuva\nAlternativa A) Vento",  # one label for every line
        "Alternativa 1) Sol\nAlternativa 2) Chuva",  # numbered
        "A) Sol B) Chuva C) Vento D) Nada",  # one line
    ],
)
def test_echoed_option_lists_are_dropped(echo: str) -> None:
    """An echo of the options, however it is labelled, leaves nothing to read, not even its last line."""
    answer, _ = strip_echoes(echo, None, ABCD)
    assert answer.strip() in ("", "Pergunta: Por quê?"[:0])
    assert extract_answer(echo) == Extraction(None, "no_answer")


def test_option_texts_repeated_without_labels_are_an_echo() -> None:
    """Two options' texts on lines of their own are an echo; one option's text alone is a quote."""
    echo = "Ela estava cansada depois do trabalho.\nEla estava nervosa com a entrevista."
    assert strip_echoes(echo, OPTIONS, ABCD)[0].strip() == ""
    assert extract_answer(echo, OPTIONS) == Extraction(None, "no_answer")
    assert extract_answer("Ela estava nervosa com a entrevista.", OPTIONS) == Extraction("B", "option_text")


def test_verdict_lines_and_repeated_answers_are_not_echoes() -> None:
    """Option lines that pass a verdict, and one answer line said three times, stay in the answer."""
    judged = "A) Incorreta\nB) Correta\nC) Incorreta"
    assert strip_echoes(judged, None, ABCD)[0] == judged
    repeated = "Alternativa A) Sol\nAlternativa A) Sol\nAlternativa A) Sol"
    assert strip_echoes(repeated, None, ABCD)[0] == repeated


def test_echo_with_letters_beyond_the_item_is_flagged() -> None:
    """A list of options of its own (E, F) is reported, so that reading nothing gives invalid_letter."""
    assert strip_echoes("E) Sol\nF) Chuva", None, ABCD) == ("", True)
    assert strip_echoes("E) Sol\nF) Chuva", None, ("A", "B", "C", "D", "E", "F")) == ("", False)


def test_an_invented_question_is_cut() -> None:
    """A new question the model goes on to write is not part of the answer; an echoed prompt first is kept."""
    assert cut_new_block("Resposta: B\n\nPergunta: E agora?\nAlternativa A) Sim").strip() == "Resposta: B"
    echoed = "Contexto: X\nPergunta: Y?\nA) Sim\nB) Não\nResposta: A\nContexto: Z"
    assert cut_new_block(echoed).strip() == "Contexto: X\nPergunta: Y?\nA) Sim\nB) Não\nResposta: A"


def test_clean_says_whether_anything_was_written() -> None:
    """Special tokens alone wrote nothing; reasoning that never reached an answer did write something."""
    assert not clean("<|assistant|>\n</s>", None, ABCD).wrote
    cleaned = clean("<think>Hmm, A ou B</think>", None, ABCD)
    assert cleaned.wrote and cleaned.answer == ""
    assert extract_answer("<think>Hmm, A ou B</think>") == Extraction(None, "no_answer")


# ---------------------------------------------------------------------------------------------------------
# Stage 2: structured replies


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ('{"resposta": "C", "justificativa": "A e B não"}', Extraction("C", "structured")),
        ('Aqui está:\n```json\n{"answer": "(b)"}\n```', Extraction("B", "structured")),
        ("{'answer': 'D', 'reason': None}", Extraction("D", "structured")),
        ('{"resposta_correta": "A", "alternativas_descartadas": ["B", "C", "D"]}', Extraction("A", "structured")),
        ('{"analise": {"A": "incorreta", "B": "incorreta", "C": "correta"}}', Extraction("C", "structured")),
        ('{"A": false, "B": true}', Extraction("B", "structured")),
        ('{"answer": "E"}', Extraction("E", "structured")),
        ('{"answer": "A ou C"}', Extraction(None, "hedged")),
        ('{"answer": null}', Extraction(None, "no_answer")),
        ('[{"answer": ["B", "C"]}]', Extraction(None, "hedged")),
    ],
)
def test_json_answer_reads_the_answer_field(text: str, expected: Extraction) -> None:
    """The answer field of a JSON object is read like any answer; discarded letters and reasons are not."""
    assert json_answer(text, ABCDE, _read) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ('{"opcao": 2}', Extraction("B", "structured")),
        ('{"answer": "4"}', Extraction("D", "structured")),
        ('{"resposta": 6}', Extraction(None, "invalid_letter")),
    ],
)
def test_an_option_given_by_its_number_counts_from_one(text: str, expected: Extraction) -> None:
    """An answer field that holds a number names the option by its place in the list, the first being 1."""
    assert json_answer(text, ABCDE, _read) == expected


def test_a_number_under_a_key_that_may_count_from_zero_is_not_read() -> None:
    """A label or an index may count from 0 as datasets do, so its number names no option."""
    for text in ('{"label": 2}', '{"answer_index": 1}', '{"answer": 0}', '{"answer": true}'):
        assert json_answer(text, ABCD, _read) is None


def test_json_without_an_answer_field_is_left_to_the_text() -> None:
    """An object with no answer field, braces in LaTeX and broken JSON give no structured reading."""
    for text in ('{"pergunta": "Por quê?"}', r"\boxed{B}", '{"answer": "B"', "sem chaves"):
        assert json_answer(text, ABCD, _read) is None


@pytest.mark.parametrize(
    ("table", "expected"),
    [
        ("| Alt | Veredito |\n|---|---|\n| A | Incorreta: não |\n| B | Correta: sim |", Extraction("B", "structured")),
        (
            "| Op | Texto | Correta? |\n|--|--|--|\n| A | x | Não |\n| B | y | Sim |\n| C | z | Sim |",
            Extraction(None, "hedged"),
        ),
        ("| Opção | |\n|--|--|\n| A | |\n| B | ✓ |\n| C | |", Extraction("B", "structured")),
        ("| | Alt |\n|--|--|\n| [ ] | A |\n| [x] | C |", Extraction("C", "structured")),
        ("| A | B | C | D |\n|---|---|---|---|\n| ❌ | ❌ | ✅ | ❌ |", Extraction("C", "structured")),
        ("| Resposta correta | D |\n|---|---|\n| Motivo | o texto |", Extraction("D", "structured")),
        ("| Alternativa | Correta |\n|---|---|\n| D | ❌ |\n| E | ✅ |", Extraction(None, "invalid_letter")),
    ],
)
def test_table_answer_reads_the_verdict_column(table: str, expected: Extraction) -> None:
    """The verdict column marks one option right (two are a hedge); a "Resposta" row names the letter."""
    letters = ABCD
    assert table_answer(table, letters, _read) == expected


def test_table_without_verdicts_is_left_to_the_text() -> None:
    """A table that describes options without judging them gives no structured reading."""
    table = "| Alternativa | Diz |\n|---|---|\n| A | Que ele dormiu |\n| B | Que ele correu |"
    assert table_answer(table, ABCD, _read) is None
    assert extract_answer(table + "\n\nPortanto, alternativa A.") == Extraction("A", "final_answer")


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("- [ ] A) Sol\n- [x] B) Chuva\n- [ ] C) Vento", Extraction("B", "structured")),
        ("☐ Alternativa A\n☑ Alternativa B", Extraction("B", "structured")),
        ("✅ C\n❌ A\n❌ B", Extraction("C", "structured")),
        ("(x) D\n( ) A", Extraction("D", "structured")),
        ("- [x] A\n- [x] C", Extraction(None, "hedged")),
        ("- [ ] A\n- [ ] B", Extraction(None, "no_answer")),
        ("- [ ] D\n- [x] E", Extraction(None, "invalid_letter")),
        ("✅ Resposta: D", None),
        ("☐ A  ☐ B  ☑ C  ☐ D", Extraction("C", "structured")),
        ("[ ] A [x] B [ ] C [ ] D", Extraction("B", "structured")),
        ("A ✗ B ✗ C ✓ D ✗", None),
    ],
)
def test_checklist_answer_reads_the_ticked_box(text: str, expected: Extraction | None) -> None:
    """Exactly one ticked entry is the answer; two are a hedge, none no answer; one entry is no checklist."""
    assert checklist_answer(text, ABCD) == expected


# ---------------------------------------------------------------------------------------------------------
# Stage 3: ordinals and commitments


@pytest.mark.parametrize(
    ("text", "letter"),
    [
        ("a segunda alternativa", "B"),
        ("a 3ª opção", "C"),
        ("opção número 4", "D"),
        ("the third option", "C"),
        ("option #2", "B"),
        ("Resposta: 1", "A"),
        ("A quarta.", "D"),
        ("a última alternativa", "E"),
        ("the last one", "E"),
        ("a quinta alternativa", "E"),
    ],
)
def test_ordinals_become_letter_names(text: str, letter: str) -> None:
    """Options named by position are rewritten as letter names, and the position of the letter is kept."""
    rewritten, spots = name_ordinals(text, ABCDE)
    assert len(spots) == 1 and rewritten[spots[0]] == letter


@pytest.mark.parametrize(
    "text", ["pela segunda vez", "morava na 2ª casa", "a resposta 2 horas depois", "Primeiro, ele saiu de casa."]
)
def test_ordinals_in_prose_are_left_alone(text: str) -> None:
    """An ordinal or number that names no option is not rewritten."""
    assert name_ordinals(text, ABCD) == (text, ())


def test_elliptic_ordinals_follow_a_named_one() -> None:
    """Once an ordinal names an option, "nem a primeira nem a segunda" names the first two as well."""
    assert extract_answer("Nem a primeira nem a segunda; fico com a terceira alternativa.") == Extraction(
        "C", "ordinal"
    )
    assert extract_answer("Entre a primeira e a terceira opção, não sei.") == Extraction(None, "hedged")


def _kinds(text: str) -> list[tuple[str, str]]:
    return [(m.letter, m.kind) for m in mentions(text, None, patterns(ABCD))]


def test_mentions_are_judged_by_their_own_clause() -> None:
    """Verdicts, negations, labels and lists each judge the letters they name and no other."""
    assert _kinds("A: errada. B: correta.") == [("A", "reject"), ("B", "commit")]
    assert _kinds("Fico com a D, não com a A.") == [("D", "commit"), ("A", "reject")]
    assert _kinds("As alternativas A e B.") == [("A", "listed"), ("B", "listed")]
    assert _kinds("Incorretas: A, B e D.") == [("A", "reject"), ("B", "reject"), ("D", "reject")]


def test_conditional_and_apparent_verdicts_are_no_commitment() -> None:
    """ "Seria correta se ..." and "parece correta à primeira vista, mas ..." consider a letter without choosing it."""
    assert _kinds("A alternativa A seria correta se o texto dissesse isso.") == [("A", "considered")]
    assert _kinds("A alternativa B parece correta à primeira vista, mas não é.")[0] == ("B", "considered")
    assert extract_answer("B\n\nA alternativa A seria correta se o texto falasse disso.") == Extraction(
        "B", "final_answer"
    )


def test_a_label_the_reply_breaks_off_at_names_nothing() -> None:
    """ "C) " or "C:" at the very end of an elimination is a cut, not a choice."""
    assert extract_answer("A) Incorreta.\nB) Incorreta.\nC) ") == Extraction(None, "no_answer")
    assert extract_answer("A: errada.\nB: errada.\nC:") == Extraction(None, "no_answer")
    assert extract_answer("A) Incorreta.\nB) Incorreta.\nC) Correta.") == Extraction("C", "final_answer")


@pytest.mark.parametrize(
    "text",
    [
        "Pode ser A ou C.",
        "Alternativa C... ou seria a A?",
        "B. Mas talvez seja a D.",
        "The answer is A. Or maybe C.",
        "C, I think. Though A could also work.",
        "I'll go with D, but it could just as well be B.",
        "Letra A, embora a C também pudesse estar certa.",
        "Resposta: A (ou talvez B).",
        "Fica entre B e C.",
    ],
)
def test_hedges_are_found(text: str) -> None:
    """Two letters weighed, or a commitment taken back at once, is a hedge."""
    assert hedge_ends(text, patterns(ABCD))
    assert extract_answer(text) == Extraction(None, "hedged")


@pytest.mark.parametrize(
    "text",
    ["Entre a C e a", "A e B estão erradas.", "A alternativa C também pode ser descartada.", "Acho que é a B."],
)
def test_no_hedge_where_nothing_is_weighed(text: str) -> None:
    """An article "a", letters rejected together and one letter said with doubt are no hedge."""
    assert hedge_ends(text, patterns(ABCD)) == []


def test_indecision_after_two_letters_is_a_hedge() -> None:
    """ "Não consigo decidir" after naming two letters hedges; low confidence in one letter does not."""
    assert extract_answer("É a C. Não, espera... pode ser a A. Não consigo decidir.") == Extraction(None, "hedged")
    assert extract_answer("Acho que é a B, mas não tenho certeza.") == Extraction("B", "keyword")


# ---------------------------------------------------------------------------------------------------------
# Stage 4: option text


def test_quotes_are_matched_to_one_option() -> None:
    """A quote, whole, with a preamble, cut short or nearly exact, names its option; a shared stretch does not."""
    assert quoted_letter("ela estava nervosa com a entrevista", OPTIONS, ABCD) == "B"
    assert quoted_letter("Resposta: Ela estava entediada com a aula", OPTIONS, ABCD) == "C"
    assert quoted_letter("Nenhuma das anteriores.", OPTIONS, ABCD) == "D"
    assert quoted_letter("Ela estava", OPTIONS, ABCD) is None


@pytest.mark.parametrize(
    ("text", "letter"),
    [
        ("She was nervous about the interview.", "B"),
        ("She was tired after work.", "A"),
        ("Ela ficou entediada na aula.", "C"),
        ("Because she was bored in class.", "C"),
    ],
)
def test_paraphrases_in_either_language_are_matched(text: str, letter: str) -> None:
    """A paraphrase in English or Portuguese names the option whose meaning it carries."""
    assert paraphrased_letter(text, OPTIONS, ABCD) == letter


def test_paraphrase_respects_negation() -> None:
    """ "Has back problems" is the option without "não", "doesn't have" the one with it."""
    options = ["Não está com dificuldade para dormir", "Não está com problemas nas costas", "Não acredita em médicos",
               "Está com problemas nas costas"]  # fmt: skip
    assert paraphrased_letter("The narrator has back problems.", options, ABCD) == "D"
    assert paraphrased_letter("The narrator doesn't have back problems.", options, ABCD) == "B"


@pytest.mark.parametrize(
    "text",
    [
        "The story takes place in a small town.",
        "que ao cadeiro, que ao cadeiro, que ao cadeiro, que ao cadeiro, ela estava nervosa com a entrevista",
        "Por que ela estava nervosa com a entrevista?",
    ],
)
def test_no_paraphrase_without_a_clear_match(text: str) -> None:
    """Unrelated prose, a loop and a question read no option."""
    assert paraphrased_letter(text, OPTIONS, ABCD) is None


def test_looping_text_is_recognised() -> None:
    """Three words in a row said three times is a loop; an ordinary sentence is not."""
    assert looping("que ao cadeiro, que ao cadeiro, que ao cadeiro")
    assert not looping("Ela estava nervosa com a entrevista de emprego.")


def _same(a: str, b: str) -> bool:
    return match(meanings(a)[0], meanings(b)[0])


def test_lexicon_maps_words_of_both_languages_to_one_meaning() -> None:
    """Inflections share a stem; translations and synonyms share a meaning; cognates match."""
    assert stem("precisava") == stem("precisar") and stem("needed") == stem("needs")
    assert _same("job", "emprego") and _same("bicho", "animal") and _same("likes", "gosta")
    assert _same("grana", "dinheiro") and _same("contentes", "felizes") and _same("faleceu", "morreu")
    assert cognate(stem("problems"), stem("problemas")) and not cognate(stem("car"), stem("caro"))


def test_portuguese_plurals_that_change_the_end_of_a_word_share_its_stem() -> None:
    """ "jovens" is "jovem", "animais" "animal", "papéis" "papel"; the English "-ens" of "gardens" is left alone."""
    pairs = [
        ("jovens", "jovem"),
        ("viagens", "viagem"),
        ("homens", "homem"),
        ("animais", "animal"),
        ("papéis", "papel"),
    ]
    assert all(stem(plural) == stem(singular) for plural, singular in pairs)
    assert stem("gardens") == stem("garden") and stem("tokens") == stem("token")
    options = ["Que eram velhas demais", "Nenhuma das alternativas acima.", "Que não eram magras", "Que eram jovens"]
    assert paraphrased_letter("Achavam que elas eram novas demais.", options, ABCD) == "D"


def test_lexicon_keeps_the_meanings_of_a_word_apart() -> None:
    """A word on two lines carries both meanings, but the lines stay apart: no chain of shared words joins unrelated
    meanings, and a word is read in its own language first ("notar" is no "not", "saída" no "said")."""
    assert _same("asked", "pedir") and _same("asked", "perguntar") and not _same("pedir", "perguntar")
    assert _same("realized", "percebeu") and NEGATION not in meanings("He realized it.")[0].senses
    assert not _same("pela saída", "he said") and not _same("o lugar", "guardar")
    assert _same("café da manhã", "breakfast") and len(meanings("Ela tomou café da manhã.")) == 2  # a phrase is one


def test_vocabulary_tables_feed_the_patterns() -> None:
    """Each language has its own table, and alternation makes accents optional in longer words only."""
    assert "alternativa" in PT.letter_words and "option" in EN.letter_words
    assert set(words("letter_words")) == {*PT.letter_words, *EN.letter_words}
    import re

    assert re.fullmatch(alternation(["opção"]), "opcao") and not re.fullmatch(alternation(["é"]), "e")


# ---------------------------------------------------------------------------------------------------------
# The leaderboard's filter


def test_leaderboard_filter_removes_accents_before_its_first_pattern() -> None:
    """Without accents "Opção: C" matches the first (keyword) pattern, which wins over a later "A."."""
    assert leaderboard_extract("Opção: C, não A.") == "C"
    assert find_choices("Opção: C, não A.", ABCD) == "A"


def test_leaderboard_filter_reads_only_the_continuation() -> None:
    """The prompt's option lines before the assistant marker and text after the end of sequence are not read."""
    sequence = "<|user|>\nAlternativa A) Sol\nAlternativa B) Chuva</s>\n<|assistant|>\nnão sei</s>\nResposta: B"
    assert continuation(sequence) == "\nnão sei"
    assert leaderboard_extract(sequence) is None
    assert leaderboard_extract("  D \n") == "D"


def test_leaderboard_patterns_follow_the_item_letters() -> None:
    """The patterns hold the item's letters as the fork's YAMLs do: [ABCD] for OAB, [ABCDE] for ENEM."""
    assert leaderboard_patterns(ABCD)[0].pattern.endswith(":? ([ABCD])\\b")
    assert leaderboard_patterns(ABCDE)[1].pattern == r"\b([ABCDE])\."
    assert leaderboard_extract("Alternativa E", ABCDE) == "E" and leaderboard_extract("Alternativa E") is None
    assert leaderboard_extract("A resposta é C, pois ele saiu.") == "A"  # its last pattern takes the article


def test_story_contexts_are_no_paraphrase_of_their_options(sample: list[dict]) -> None:
    """Each sample item's context, given as the reply, paraphrases none of its options: sharing words is no answer."""
    from cosmosqa_ptbr.schema import ANSWER_COLUMNS, CONTEXT

    read = [
        row[CONTEXT][:60] for row in sample if paraphrased_letter(row[CONTEXT], [row[c] for c in ANSWER_COLUMNS], ABCD)
    ]
    assert read == []


@pytest.mark.parametrize(
    ("text", "letter"),
    [
        ("**Resposta:** A alternativa correta é a B, pois o texto diz isso.", "B"),
        ("## Resposta\n\nA alternativa correta é a **A**.\n\n## Por quê?\n\nO texto diz que ele foi demitido.", "A"),
        ("Answer: A good choice here is option C, since the text says so.", "C"),
    ],
)
def test_an_article_after_a_keyword_does_not_hide_the_keyword_phrase_after_it(text: str, letter: str) -> None:
    """ "Resposta: A alternativa ..." is read past its article: the keyword phrase that follows it names the letter."""
    assert extract_answer(text).letter == letter


@pytest.mark.parametrize(
    ("text", "letter"),
    [
        ("Letra C. Na verdade, letra A.", "A"),
        ("Opção A... espera, opção B.", "B"),
        ("A está errada. B também. C também. Resposta: D", "D"),
        ("A: incorreta. B: idem. C: idem. D: correta.", "D"),
        ("A está certa e a C também.", None),
        ("A alternativa C está errada. A alternativa A também. A B", None),
    ],
)
def test_corrections_commit_and_a_said_the_same_takes_the_verdict_before_it(text: str, letter: str | None) -> None:
    """A correction ("na verdade", "espera") commits to the letter after it; "B também" judges B like the one before."""
    assert extract_answer(text).letter == letter


@pytest.mark.parametrize(
    ("text", "letter"),
    [
        ("A opção que melhor descreve a mudança é a A: pensar antes de agir. A opção D inverte a ordem.", "A"),
        ("Desculpe, a pergunta é ambígua, mas a opção que o texto sustenta é a C.", "C"),
        ("The option that best fits the passage is B; D is only the place.", "B"),
    ],
)
def test_an_option_noun_with_a_relative_clause_of_fit_names_the_answer(text: str, letter: str) -> None:
    """ "A opção que melhor descreve ... é a A" commits to A like "a opção correta é a A"."""
    assert extract_answer(text).letter == letter


def test_a_relative_clause_without_a_word_of_fit_is_no_commitment() -> None:
    """ "A alternativa que fala do trabalho é a C" only identifies an option; "que melhor responde" commits."""
    said = "A alternativa que {} é a C, e a que fala da casa é a A."
    assert mentions(said.format("fala do trabalho"), None, patterns(ABCD))[0].kind == "neutral"
    assert mentions(said.format("melhor responde"), None, patterns(ABCD))[0].kind == "commit"


@pytest.mark.parametrize(
    ("text", "letter"),
    [
        ("A D não está incorreta.", "D"),
        ("D isn't wrong — it's the answer.", "D"),
        ("A B não está certa, e a A não está errada. Resposta: A.", "A"),
        ("Option C is not wrong.", "C"),
    ],
)
def test_a_negated_rejection_is_a_verdict_of_right(text: str, letter: str) -> None:
    """A double negation ("não está incorreta", "isn't wrong") judges its letter right, not wrong."""
    assert extract_answer(text).letter == letter


@pytest.mark.parametrize(
    ("text", "letter"),
    [
        ("Não é a A; é a C, sem dúvida.", "C"),
        ("Não é B; é D", "D"),
        ("It is not A; it is C, no doubt.", "C"),
    ],
)
def test_a_clause_after_a_semicolon_opens_like_a_sentence(text: str, letter: str) -> None:
    """ "; é a C" says the answer as ". É a C" does: a semicolon ends the clause that rejects the letter before it."""
    assert extract_answer(text).letter == letter


@pytest.mark.parametrize(
    ("text", "letter"),
    [
        ("B. Quer dizer, D — ele deveria descansar.", "D"),
        ("Opção A, ou melhor, opção C.", "C"),
        ("D. Não, pera, A: ele percebeu que estava prejulgando.", "A"),
        ("The answer is B, or rather C.", "C"),
    ],
)
def test_corrections_of_everyday_speech_commit_to_the_letter_after_them(text: str, letter: str) -> None:
    """ "Quer dizer", "ou melhor", "pera", "or rather" correct the letter before them ("melhor" praises nothing)."""
    assert extract_answer(text).letter == letter


@pytest.mark.parametrize(
    ("text", "letter"),
    [
        ("Vou de C.", "C"),
        ("Aposto na B.", "B"),
        ("Minha escolha é a D, pois nenhuma das outras aparece na história.", "D"),
        ("I'm going with D.", "D"),
        ("My pick is C, since the text says so.", "C"),
        ("Entre B e C, prefiro a C.", "C"),
    ],
)
def test_everyday_words_of_choosing_name_the_answer(text: str, letter: str) -> None:
    """The choosing words cover everyday speech: "vou de", "aposto na", "minha escolha é", "I'm going with"."""
    assert extract_answer(text).letter == letter


def test_a_leading_article_before_the_opening_letter_is_no_word() -> None:
    """ "A B, não a D." opens with the letter B after its article; the negation alone paraphrases no option."""
    options = ["Porque o autor não merece estar aqui.", "Porque o Toonami fazia parte da infância dele.", "x y", "z w"]
    assert extract_answer("A B, não a D.", options) == Extraction("B", "final_answer")


def test_short_replies_name_options_by_bare_ordinals() -> None:
    """In a reply of a few words an ordinal after an article names an option; in prose it does not."""
    assert extract_answer("Nem a segunda nem a terceira: a primeira.").letter == "A"
    assert name_ordinals("Ele chegou e foi a primeira a sair de casa naquela manhã tão fria de inverno.", ABCD)[1] == ()


def test_option_text_said_of_a_rejected_letter_is_not_the_answer() -> None:
    """In an elimination the text after a rejected letter ("C: não, eles tomaram café.") states no option."""
    options = ["Adiar a caminhada", "Repor as energias", "Ainda não tinham tomado café da manhã", "Fome"]
    reply = "Analisando:\n- A: não, eles queriam começar logo.\n- C: não, eles tomaram café da manhã.\n- "
    assert extract_answer(reply, options).letter is None
    assert extract_answer("A: não. Eles ainda não tinham tomado café da manhã.", options).letter == "C"


def test_an_answer_line_before_an_echo_that_starts_over_stands_apart() -> None:
    """An option line, a blank line, then the list again from A: the first line is the answer, the rest an echo;
    a list that runs on in another order after a blank line is one echo."""
    options = ["Sol.", "Chuva forte.", "Vento frio.", "Neve."]
    echo = "Alternativa A) Sol.\nAlternativa B) Chuva forte.\nAlternativa C) Vento"
    assert extract_answer(f"Alternativa D) Neve.\n\n{echo}", options).letter == "D"
    backwards = "Alternativa D) Neve.\n\nAlternativa C) Vento frio.\nAlternativa B) Chuva"
    assert extract_answer(backwards, options).letter is None


def test_a_repeated_answer_line_cut_short_is_the_same_answer() -> None:
    """The same option line three times, the last cut by the token limit, is one answer, not a list."""
    line = "Alternativa D) Porque eles achavam que seria divertido."
    assert extract_answer(f"{line}\n{line}\nAlternativa D) Porque").letter == "D"


def test_portuguese_no_is_no_negation() -> None:
    """ "no passado" is "in the past": Portuguese "no" does not turn a paraphrase over; English "no" does."""
    options = ["Porque foi ótimo estar com a família.", "Porque aceitou algumas coisas que aconteceram no passado.",
               "Nenhuma das alternativas acima.", "Porque as férias foram muito divertidas."]  # fmt: skip
    assert paraphrased_letter("Porque ele aceitou coisas do passado.", options, ABCD) == "B"
    assert paraphrased_letter("He accepted no things from the past.", options, ABCD) is None


def test_other_items_options_are_no_paraphrase(sample: list[dict], english_validation_csv) -> None:
    """Another item's option, in Portuguese or in its English original, given as the reply reads as no letter (under
    0.3%): a wide bilingual table still takes shared everyday words, and a negation with one of them, for no answer."""
    import csv

    from cosmosqa_ptbr.schema import ANSWER_COLUMNS, ID

    english = {row["id"]: row for row in csv.DictReader(english_validation_csv.open(encoding="utf-8"))}
    read = total = 0
    for index, row in enumerate(sample):
        other = sample[(index + 37) % len(sample)]
        options = [row[c] for c in ANSWER_COLUMNS]
        for position, column in enumerate(ANSWER_COLUMNS):
            if "Nenhuma das alternativas" in other[column] or other[ID] not in english:
                continue
            for said in (other[column], english[other[ID]][f"answer{position}"]):
                total += 1
                read += extract_answer(said, options).letter is not None
    assert total > 2000 and read / total < 0.003


@pytest.mark.parametrize(
    ("text", "options", "letter"),
    [
        (
            "He should lie down and rest for a while.",
            ["Nenhuma das alternativas acima.", "Começar a trabalhar mesmo com a tontura.",
             "Mentir e dizer à Lisa que está tudo bem.", "Deitar e descansar um pouco."],
            "D",
        ),
        (
            "They were trying to shoot the intruder.",
            ["Porque as pessoas queriam sair com o crânio inteiro.", "Porque as pessoas estavam deitando no chão.",
             "Porque estavam tentando matar o invasor.", "Nenhuma das alternativas acima."],
            "C",
        ),
        (
            "Ele se enxugou e foi deitar.",
            ["Decidiu fazer a barba e secar o cabelo antes de fazer qualquer outra coisa",
             "Nenhuma das alternativas acima.", "Aliviou as costas com uma loção de aloe vera",
             "Ele se secou e foi se deitar na cama"],
            "D",
        ),
    ],
)  # fmt: skip
def test_the_bilingual_table_reads_everyday_paraphrases(text: str, options: list[str], letter: str) -> None:
    """Phrases ("lie down"), synonyms ("enxugar", "secar") and translations ("intruder", "invasor") of the table."""
    assert extract_answer(text, options) == Extraction(letter, "option_text")


def test_a_refusal_outweighs_words_it_shares_with_an_option() -> None:
    """A refusal said outright is read before a paraphrase; an option whose text reads like one is still quoted."""
    options = ["Fui denunciar o furto.", "Comprei coisas para repor.", "Deixei pra lá porque não adiantava nada.",
               "Não é possível saber pelo texto."]  # fmt: skip
    refusal = "O contexto não permite afirmar nada. Não é possível saber o que ele fez."
    assert extract_answer(refusal, options) == Extraction(None, "refusal")
    assert extract_answer("Não é possível saber pelo texto.", options) == Extraction("D", "option_text")


def test_a_negated_rejecting_verb_rejects_nothing() -> None:
    """ "Não descartaria a A" leaves A standing, and a sentence that refers back to it ("é a que faz mais sentido")
    judges it; the rejecting verb alone still rejects."""
    assert extract_answer("Não descartaria a A; é a que faz mais sentido.", OPTIONS).letter == "A"
    assert extract_answer("I would not rule out C; it is the one that makes the most sense.").letter == "C"
    assert extract_answer("Descartaria a A; é a menos provável.").letter is None
    assert extract_answer("Eu descartaria a C. É a B.").letter == "B"


def test_a_sentence_that_refers_back_judges_the_letter_before_it() -> None:
    """ "Penso na B. É a correta." commits to B; a next letter still ends the judged sentence ("A B está errada. É
    a C.")."""
    assert extract_answer("Penso na B. É a correta.").letter == "B"
    assert extract_answer("A B está errada. É a C.").letter == "C"


def test_never_before_is_the_first_time() -> None:
    """ "Nunca tinha feito uma tatuagem antes" (a phrase split by the words it governs) is "my first tattoo", and is
    no negation."""
    options = ["Eu nunca tinha feito uma tatuagem antes.", "Eu não tinha certeza se tinha gostado do desenho.",
               "Nenhuma das alternativas acima.", "O tatuador não queria me mostrar o desenho."]  # fmt: skip
    units = meanings("Eu nunca tinha feito uma tatuagem antes.")
    assert all(NEGATION not in unit.senses for unit in units)
    assert any(match(unit, meanings("first")[0]) for unit in units)
    assert paraphrased_letter("It was my first tattoo.", options, ABCD) == "A"


def test_an_excess_before_an_infinitive_denies_it() -> None:
    """ "too many people to see" says they were not seen, as "cansado demais para ir" says he did not go; "too"
    alone denies nothing."""
    assert any(NEGATION in unit.senses for unit in meanings("There were too many people to see."))
    assert any(NEGATION in unit.senses for unit in meanings("Ele estava cansado demais para ir."))
    assert all(NEGATION not in unit.senses for unit in meanings("She came too."))


def test_a_description_or_a_pronoun_may_stand_for_an_options_name() -> None:
    """ "aquele programa" for "o Toonami", "ela" for "Nikki": the name unsaid does not count against the option; a
    reply that names someone else of its own is no paraphrase of an option with another name."""
    toonami = ["Porque o autor não merece estar aqui.", "Porque o Toonami fazia parte da infância dele.",
               "Nenhuma das alternativas acima.", "Porque o autor não merece dizer nada."]  # fmt: skip
    salad = ["Porque saladas caesar de frango são bem padrão.", "Porque Nikki gosta de comer esse tipo de salada.",
             "Porque a moça perguntou o que ela gostaria de colocar na salada.",
             "Porque ela estava na Madison Bread Company."]  # fmt: skip
    ian = ["Porque ele está jogando o jogo dos canos.", "Porque o Ian é nerd de computador.",
           "Porque o Ian gostou muito da ideia.", "Nenhuma das alternativas acima."]  # fmt: skip
    assert paraphrased_letter("Porque aquele programa marcou a infância do autor.", toonami, ABCD) == "B"
    assert paraphrased_letter("Ela gosta desse tipo de salada.", salad, ABCD) == "B"
    assert paraphrased_letter("Porque Nikki gosta de comer esse tipo de salada.", ian, ABCD) is None


# ---------------------------------------------------------------------------------------------------------
# Replies of the held-out batches held-out-2026-12-e (kinds they showed the extractor missing)

_FISH = ["Nenhuma das alternativas acima.", "Porque a faca não combina com o prato.", "Porque peixe deveria ser macio."]
_SHIRT = [
    "O narrador não teria uma camiseta dos Smurfs",
    "O narrador teria que reembolsá-la",
    "Nenhuma das alternativas acima.",
    "O narrador não teria que reembolsá-la",
]


@pytest.mark.parametrize(
    ("text", "letter"),
    [
        ("Provavelmente B, porque parar lá parece divertido. Mas posso estar errado.", "B"),
        ("Talvez a D? O autor estava com fome, imagino. Não tenho 100% de certeza, mas vou nessa.", "D"),
        ("acho q é a C mas nao tenho certeza kkk", "C"),
        ("Probably D, since he was tired.", "D"),
        ("Com certeza a D. Se você continua piorando, o certo é descansar.", "D"),
        ("Provavelmente A, mas pode ser C também.", None),
        ("Maybe B, maybe C.", None),
    ],
)
def test_a_single_tentative_choice_commits_and_two_are_a_hedge(text: str, letter: str | None) -> None:
    """ "Provavelmente B, porque ..." chooses B however unsure it sounds; two tentative letters choose neither."""
    assert extract_answer(text).letter == letter


@pytest.mark.parametrize(
    ("text", "letter"),
    [
        ("Não é a A. E a D não faz sentido. O mais razoável é a B — ele acompanhou a bola.", "B"),
        ("The most likely is C.", "C"),
        ("Não foi a A (o texto não fala de arranhão), foi a C: um dos filhotes fez xixi.", "C"),
        ("Allan não vai dizer que está tudo bem: é a A, ele vai desmascarar a mentira.", "A"),
    ],
)
def test_a_superlative_of_fit_and_a_copula_after_a_pause_name_the_answer(text: str, letter: str) -> None:
    """ "O mais razoável é a B", ", foi a C", ": é a A" name the answer as "a correta é a B" does."""
    assert extract_answer(text).letter == letter


@pytest.mark.parametrize(
    ("text", "letter"),
    [
        ("✅ **A**\n\nMostrar quem somos gera conexão. As opções C e D ❌ partem de uma premissa negativa.", "A"),
        ("🛌 **D** — deitar e descansar. Não adianta forçar o trabalho (B) nem mentir pra Lisa (C).", "D"),
    ],
)
def test_a_mark_or_emoji_before_the_opening_letter_does_not_hide_it(text: str, letter: str) -> None:
    """A letter that opens the answer after a mark or an emoji opens it all the same."""
    assert extract_answer(text).letter == letter


def test_indecision_in_other_words_after_several_letters_is_a_hedge() -> None:
    """ "Não sei mais qual das três" after naming B, C and D leaves the answer open."""
    text = (
        "Eu diria B. Hmm, não, talvez C, ela queria escanear a foto. Ou D? Sinceramente, relendo agora não sei mais "
        "qual das três."
    )
    assert extract_answer(text) == Extraction(None, "hedged")


def test_letters_governed_by_none_are_ruled_out_not_weighed() -> None:
    """ "Nenhuma das alternativas A, C ou D menciona isso" rules A, C and D out; it hedges nothing."""
    options = ["Viajar.", "Nenhuma das alternativas acima.", "Passar tempo com o médico.", "Preocupar-se."]
    text = (
        "**Resposta: B) Nenhuma das alternativas acima.**\n\nO médico quis tirar o tumor, e nenhuma das alternativas "
        "A, C ou D menciona isso."
    )
    assert extract_answer(text, options) == Extraction("B", "final_answer")
    assert extract_answer("Neither A nor C fits, so B.").letter == "B"


def test_the_none_of_the_above_option_is_named_in_other_words() -> None:
    """ "Nenhuma dessas opções explica ..." names the item's "none of the above" option."""
    options = [
        "Porque não podia usar o Mario",
        "Porque encontrou um embaixador.",
        "Porque nenhum personagem servia",
        "Nenhuma das alternativas acima.",
    ]
    assert (
        extract_answer("Nenhuma dessas opções explica de verdade por que a Sony precisa de um mascote.", options).letter
        == "D"
    )


def test_an_echo_that_loops_back_and_is_cut_short_is_no_answer() -> None:
    """The same label and list said again, cut short in its first line, is a loop of the echo, not an answer."""
    options = [
        "A diretora ouviria Sam chorando",
        "Sam estaria chorando",
        "Nenhuma das alternativas acima.",
        "Sam não estaria chorando",
    ]
    echo = "Resposta:\n" + "\n".join(f"{letter}) {option}" for letter, option in zip(ABCD, options, strict=True))
    looped = f"{echo}\n\n{echo}\n\nResposta:\nA) A diretora ouviria"
    assert extract_answer(looped, options).letter is None
    assert extract_answer(f"{echo}\n\nAlternativa A) A diretora ouviria", options).letter == "A"


def test_a_box_after_a_derivation_is_the_answer() -> None:
    """ "\\boxed{D}" (plain, in display math, or around \\text) closes a derivation with the answer."""
    for box in (r"\boxed{D}", "\\[\n\\boxed{\\text{D}}\n\\]", r"$$\boxed{\textbf{D}}$$"):
        assert extract_answer(f"Logo, o equipamento era visto como indesejável.\n\n{box}") == Extraction("D", "keyword")
    assert extract_answer(r"\(\boxed{\text{A}}\)") == Extraction("A", "letter_only")


def test_capitals_listed_together_are_letters_and_the_survivor_may_be_said_in_words() -> None:
    """ "B e C só repetem ..." lists two letters; the option that "sobrou" is the one they leave, and its text says
    it alone."""
    options = [
        "Nenhuma das alternativas acima.",
        "O pneu dela estaria murcho.",
        "O pneu precisaria de ar.",
        "Provavelmente pensaria que eu estava gritando com ela.",
    ]
    text = (
        "B e C só repetem a situação do pneu, não dizem o que ela pensaria. A também não, porque existe uma opção "
        "boa. Sobrou: provavelmente ela pensaria que eu estava gritando com ela."
    )
    assert [m.kind for m in mentions(text, options, patterns(ABCD))] == ["listed", "listed", "reject"]
    assert extract_answer(text, options) == Extraction("D", "final_answer")
    closing = "Sobrou: provavelmente ela pensaria que eu estava gritando com ela."
    assert extract_answer(closing, options) == Extraction("D", "option_text")


def test_going_through_each_option_is_no_answer_keyword() -> None:
    """ "Analisando cada opção: A diz ..." goes through the options; an elimination cut before its choice answers
    nothing."""
    options = [
        "Todo mundo quer um, porque são cobiçados.",
        "São os melhores do mercado.",
        "É um equipamento grande, e é o maior que existe.",
        "São vistos como indesejáveis.",
    ]
    text = (
        "Analisando cada opção: A diz que todo mundo quer um, mas o tom do texto é negativo. B, os melhores do "
        "mercado, também contradiz isso. Sobram C e D. A C fala do tamanho, que"
    )
    assert extract_answer(text, options).letter is None
    assert extract_answer("Opção: B", options).letter == "B"


@pytest.mark.parametrize(
    ("text", "options", "letter"),
    [
        (
            "Because Fritz had fixed up his boat — he tied the masts down on the deck, so the owner paid him.",
            [
                "Ele consertou o barco.",
                "Ele queria beber cerveja com o Fritz.",
                "Nenhuma das alternativas acima.",
                "Ele precisava de dinheiro para consertar o barco.",
            ],
            "A",
        ),
        (
            "Os filhotes arranharam o uniforme inteiro, por isso precisei lavar.",
            [
                "Os filhotes o arranharam todo.",
                "Nenhuma das alternativas acima.",
                "Um dos bichos de estimação urinou nele.",
                "Eu urinei no uniforme.",
            ],
            "A",
        ),
        ("Ele ficaria sem a camiseta dos Smurfs.", _SHIRT, "A"),
    ],
)
def test_a_paraphrase_is_read_in_the_first_clause_before_its_justification(
    text: str, options: list[str], letter: str
) -> None:
    """An answer that says the option and then justifies it is read by the clause before the justification; "sem"
    negates."""
    assert paraphrased_letter(text, options, ABCD[: len(options)]) == letter


def test_a_first_clause_whose_sequel_is_about_another_option_is_no_paraphrase() -> None:
    """A story whose first clause shares an option's words is no answer: a clause is read only before a
    justification."""
    options = [
        "Porque vão passar batom.",
        "Nenhuma das alternativas acima.",
        "Porque se gostam muito.",
        "Porque uma garota vai voltar hoje à noite.",
    ]
    story = (
        "Quando ela voltar hoje à noite, vamos passar batom e beijar papel até conseguirmos as marcas perfeitas. "
        "Que empolgação!"
    )
    assert paraphrased_letter(story, options, ABCD) is None
    assert paraphrased_letter("Peixe normalmente é macio.", _FISH, ("A", "B", "C")) == "C"


# ---------------------------------------------------------------------------------------------------------
# Generations of the embedded model, batch smollm2-generations-2026-12-d (kinds it showed the extractor missing)


def test_a_letter_alone_on_the_last_line_after_a_blank_line_is_the_answer() -> None:
    """A small model that restates the question and then writes a letter on a line of its own answers with it."""
    assert extract_answer("Achimos que estamos ajudando a abrir o terrestro de Kentucky?\n\nA") == Extraction(
        "A", "keyword"
    )
    assert extract_answer("Ele saiu cedo.\nA") == Extraction(None, "no_answer")


def test_forms_of_estar_are_no_content_word() -> None:
    """Garbled forms of "estar" ("estámos") share no meaning with an option that says "Estaria mancando"."""
    options = [
        "Estaria mancando",
        "Nenhuma das alternativas acima.",
        "Não faria o último turno",
        "Não estaria mancando",
    ]
    assert extract_answer("Esteu, estámos de que estámos estámos de que estámos estám", options).letter is None


def test_option_labels_in_order_under_garbled_words_are_a_list() -> None:
    """ "Alternativa A)" then "Pergumina B)", "Pergumina C)" go on from A: one echoed list, not an answer and an
    echo."""
    options = [
        "Porque ele tem tubo longo.",
        "Porque achou bom.",
        "Porque não há nada de errado com ele.",
        "Porque custou caro.",
    ]
    text = (
        "Alternativa A)\n\nPara que ele tem tubo longo e acessórios, é muito de acerir.\n\nPergumina B)\n\nNão há nada "
        "de errado com ele.\n\nPergumina C)\n\nNão há nada de errado com ele.\n\nPergumina D)\n\nNão há nada"
    )
    assert extract_answer(text, options).letter is None


def test_texts_under_listed_option_labels_are_not_the_answer() -> None:
    """Option labels on lines of their own, each with a text under it, list options; a statement before them counts."""
    options = [
        "Os potes são fofos.",
        "Gosto da embalagem.",
        "Eu queria ter combinações de sabores diferentes",
        "Nenhuma das alternativas acima.",
    ]
    listed = (
        "Alternativa A\n\nEu queria ter combinações de sabores diferentes, as pantufas e quatro potinhos de geleia.\n\n"
        "Alternativa B\n\nEu queria ter combinações de sabores diferentes, as pantufas, tr"
    )
    assert extract_answer(listed, options) == Extraction(None, "no_answer")
    assert extract_answer("Gosto da embalagem.\n\n" + listed, options) == Extraction("B", "option_text")


def test_narrative_conclusions_are_no_preamble_of_an_option() -> None:
    """A story's "Então ..." or "Com certeza ..." sentence is not read as a concluded option; "Sobrou:" is."""
    options = ["É tão bom escrever", "Nenhuma das alternativas acima.", "Eu voltei.", "Minha vida está ótima agora"]
    story = (
        "Então, voltei!!! E agora eu nem tenho amigos, mas é tão bom escrever e não precisar me segurar!! Então minha "
        "vida está ótima agora!! Só estou tentando cuidar de mim agora!"
    )
    assert extract_answer(story, options).letter is None
    assert extract_answer("A e C não. Sobrou: minha vida está ótima agora.", options).letter == "D"


@pytest.mark.parametrize(
    "text",
    [
        "Porque ela achava que não havia perigo em comer os cogumelos.",
        "She thought it was not dangerous to eat them.",
    ],
)
def test_a_negated_opposite_says_the_option(text: str) -> None:
    """ "Não havia perigo" says "seria seguro": a negation before a word with an opposite reads as the opposite."""
    options = [
        "Porque ela achou que seria seguro comê-los.",
        "Porque a irmã ligou para o Kew.",
        "Nenhuma das alternativas acima.",
    ]
    assert paraphrased_letter(text, options, ("A", "B", "C")) == "A"


def test_a_negated_opposite_still_matches_the_same_negation_and_not_the_word_itself() -> None:
    """ "Não era perigoso" and "não havia perigo" say the same; "era perigoso" is not "não havia perigo"."""
    (folded,) = meanings("não perigoso", opposites=True)
    assert match(folded, meanings("não havia perigo", opposites=True)[0]) and match(folded, meanings("seguro")[0])
    assert not match(folded, meanings("perigoso")[0])
    assert meanings("não seria possível imaginar", opposites=True)[0].senses == {NEGATION}
    assert meanings("não perigoso")[0].senses == {NEGATION}


# ---------------------------------------------------------------------------------------------------------
# Replies of the held-out batch held-out-2026-12-g (kinds it showed the extractor missing)


@pytest.mark.parametrize(
    ("text", "letter"),
    [
        ("Não é a C, e sim a D. O autor não teria ficado esperando um caminhão passar.", "D"),
        ("A cerimônia veio antes da festa. Ou seja: C, não D. A primeira dança vem depois.", "C"),
        ("A alternativa **B** faz muito mais sentido do que a D, que diz justamente o oposto.", "B"),
        ("Option B makes more sense than D here.", "B"),
        ("Não tem como não ser a C. Ele mesmo diz que tem 25 anos e nada de concreto para mostrar.", "C"),
        ("Logo, não a C.", None),
    ],
)
def test_contrasts_comparisons_and_conclusions_in_everyday_words(text: str, letter: str | None) -> None:
    """ "e sim a D", "ou seja: C, não D", "faz mais sentido do que a D" and "não tem como não ser a C" choose."""
    assert extract_answer(text).letter == letter


@pytest.mark.parametrize(
    ("text", "letter"),
    [
        ("d né kkkk ela ta no fim da vida pq vai morrer logo", "D"),
        ("gente alguém sabe essa?? eu coloquei A pq ele gostou muito do livro, ta certo?", "A"),
        ("e depois ela saiu", None),
    ],
)
def test_chat_spellings_name_a_letter(text: str, letter: str | None) -> None:
    """A lower-case letter opening the reply, "pq" and "coloquei" read as in careful writing; "e" stays a word."""
    assert extract_answer(text).letter == letter


def test_indecision_said_of_two_letters_is_a_hedge_and_a_story_s_indecision_is_not() -> None:
    """ "Fico dividido entre C e D ... Talvez seja C, talvez D" chooses neither; "difícil decidir o que fazer" said of
    the story leaves the answer standing."""
    torn = "Fico dividido entre C e D. O texto não diz que queriam matá-lo. Talvez seja C, talvez D."
    assert extract_answer(torn) == Extraction(None, "hedged")
    story = "Resposta: B.\n\nDeve ser muito difícil decidir o que fazer, então a C não responde à pergunta."
    assert extract_answer(story, ["Ela é realista.", "Ela vive uma situação difícil.", "Ela tem filhos."]).letter == "B"


@pytest.mark.parametrize(
    ("text", "letter"),
    [
        ("A penúltima.", "C"),
        ("The second to last one.", "C"),
        ("Marco o segundo item.", "B"),
        ("A primeira, sem dúvida. O autor critica os anúncios do Obama o tempo todo.", "A"),
        ("O plano de saúde é o último item da sua lista de gastos.", None),
        ("A primeira vez que li, achei estranho.", None),
    ],
)
def test_more_ordinals_name_options(text: str, letter: str | None) -> None:
    """ "Penúltima", "segundo item" and an ordinal opening the reply name options; ordinals of prose do not."""
    assert extract_answer(text).letter == letter


def test_a_table_that_weighs_two_options_leaves_the_choice_to_the_text_after_it() -> None:
    """A table column that says "Sim" of two options is no hedge when the text after it chooses one; beside a column
    that marks a single option, that column decides."""
    table = "| | Intencional? |\n|---|---|\n| A | Não |\n| C | Sim |\n| D | Sim |"
    assert extract_answer(f"{table}\n\nFaz sentido ter sido de propósito → **D**.") == Extraction("D", "final_answer")
    assert extract_answer(table) == Extraction(None, "hedged")
    table = "| | Intencional? | Coerente? |\n|---|---|---|\n| A | Não | Sim |\n| C | Sim | Não |\n| D | Sim | Não |"
    assert extract_answer(table) == Extraction("A", "structured")
    assert extract_answer(f"{table}\n\nFaz sentido ter sido sem querer → **A**.").letter == "A"


def test_a_checklist_may_tick_an_option_by_its_text() -> None:
    """ "- [x] Porque estava com fome." ticks the option with that text."""
    options = ["Porque já estava tarde.", "Nenhuma das alternativas acima.", "Porque estava com fome.", "Porque sim."]
    text = "- [ ] Porque já estava tarde.\n- [ ] Nenhuma das alternativas acima.\n- [x] Porque estava com fome."
    assert extract_answer(text, options) == Extraction("C", "structured")
    assert extract_answer(text.replace("[x]", "✔").replace("[ ]", "☐"), options) == Extraction("C", "structured")


def test_none_of_the_above_opening_the_reply_is_the_answer_whatever_its_reasons_name() -> None:
    """ "None of the above." first, then reasons that name option C, answers with the "none" option."""
    options = [
        "Nenhuma das alternativas acima.",
        "Lembrar do cheiro.",
        "Manter as unhas compridas.",
        "Falar com o Fili.",
    ]
    text = "None of the above. She says she should cut her nails, which is the opposite of option C."
    assert extract_answer(text, options) == Extraction("A", "option_text")


@pytest.mark.parametrize(
    ("text", "letter"),
    [
        ("Entre as alternativas, a que melhor explica essa diferença é a **B**: são questões psicológicas.", "B"),
        ("B e D são parecidas, mas a B acrescenta algo. A mais simples e fiel ao texto é a D: um lanche.", "D"),
    ],
)
def test_the_one_that_fits_best_named_without_its_noun(text: str, letter: str) -> None:
    """ "A que melhor explica ... é a B" and "A mais simples ... é a D" name the answer."""
    assert extract_answer(text).letter == letter


def test_como_ia_in_lower_case_is_no_refusal() -> None:
    """ "Como IA" (as an AI) refuses; "como ia" (how it was going) in a paraphrase does not."""
    options = ["Eu ficaria com medo.", "O ônibus não saberia o caminho.", "Eu não saberia como chegar.", "Nenhuma."]
    text = "Eu ficaria sem saber como ia conseguir chegar."
    assert extract_answer(text, options).rule != "refusal"
    assert extract_answer("Como IA, não posso escolher.").rule == "refusal"


# ---------------------------------------------------------------------------------------------------------
# Replies of the held-out batch held-out-2026-12-h (kinds it showed the extractor missing)


@pytest.mark.parametrize(
    ("text", "letter"),
    [
        ("Honestamente, fico entre B e C. O texto é cortado antes. Pode ser B, pode ser C.", None),
        (
            "Fico dividido entre A e C. A é a leitura mais natural, mas C também se sustenta. Não dá pra cravar uma.",
            None,
        ),
        ("Não tem como a resposta não ser a A. As opções C e D falam de outra coisa.", "A"),
        ("Eu diria que é B, talvez? A C também aparece no texto, mas não é o motivo. Acho que B mesmo.", "B"),
        ("Eu iria na quarta, já que é a primeira vez que os dois se tocam.", "D"),
    ],
)
def test_hedges_double_negations_and_ordinals_of_held_out_h(text: str, letter: str | None) -> None:
    """ "Pode ser B, pode ser C" and "não dá pra cravar" leave the answer open; the others choose."""
    assert extract_answer(text).letter == letter


def test_a_short_option_said_first_and_then_justified_is_the_answer() -> None:
    """ "Afeto. Ela descreve ..." gives the option "Afeto" and then its reasons; a longer story is not read so."""
    options = ["Afeto", "Amizade", "Admiração"]
    assert extract_answer("Afeto. Ela descreve a companheira que sentava do lado dela: é carinho puro.", options) == (
        Extraction("A", "option_text")
    )
    assert extract_answer("Afeto. Amizade também aparece no texto.", options).letter is None


def test_a_table_without_outer_pipes_is_read() -> None:
    """A Markdown table written without its outer pipes, with a separator row, marks its option as one with them."""
    table = "Opção | ✔/✘ | Por quê\n--- | --- | ---\nA | ✔ | ela ficou dura\nB | ✘ | não fala de compras\nC | ✘ | não"
    assert extract_answer(table) == Extraction("A", "structured")
    assert table_answer("A | B\nsem separador", ABCD, _read) is None


def test_an_opening_option_line_before_one_line_in_another_style_is_the_answer() -> None:
    """ "D) ..." then "Alternativa A)" and looping text: the opening line is the answer, the other a line of an echo."""
    options = ["Eu não teria apelo.", "Nenhuma das alternativas acima.", "Eu teria ido.", "Meu nariz não teria doído"]
    text = (
        "D) Meu nariz e minha garganta não teriam doído tanto\n\nAlternativa A)\n\nEu não teria meu apel de garganta."
    )
    assert extract_answer(text, options).letter == "D"


def test_a_negation_is_read_as_written_before_it_is_read_as_an_opposite() -> None:
    """ "Couldn't cool me down" is "não conseguia me refrescar": the opposite of "cool" is only a second reading."""
    options = [
        "O lugar onde o jogo aconteceu estava quente.",
        "A casa da mamãe estava quente.",
        "Meu carro não conseguia me refrescar.",
        "Meu local de trabalho estava quente.",
    ]
    assert paraphrased_letter("My car couldn't cool me down.", options, ABCD) == "C"


@pytest.mark.parametrize(
    ("text", "letter"),
    [
        (
            "A: não tem relação. B: o texto dá a resposta. Sobrou a que diz que ele quase não foi visto na diretoria.",
            "C",
        ),
        ("B e D não batem com o texto. Sobra a que diz que eles raramente têm a chance de ficar no sol.", "A"),
        ("Not B, not D. That leaves the one about them rarely getting to be in the sun.", "A"),
        (
            "Não foi pelo calor, e ver coisas não tem relação. E não dá pra marcar nenhuma, porque uma delas serve:"
            " raramente eles têm a oportunidade de ficar no sol.",
            "A",
        ),
        ("Não escolho a que diz que eles raramente têm a chance de ficar no sol: escolho a B.", "B"),
    ],
)
def test_an_option_chosen_by_a_description_of_what_it_says(text: str, letter: str) -> None:
    """ "Sobra a que diz que ..." names the one option its words say, which the verdicts then weigh as any letter."""
    options = [
        "Porque raramente têm a oportunidade de ficar no sol.",
        "Porque estava muito quente.",
        "Porque ele quase não foi visto na sala do diretor.",
        "Porque viram um monte de coisas.",
    ]
    assert extract_answer(text, options).letter == letter


def test_a_description_that_says_no_one_option_is_left_as_written() -> None:
    """A description whose words say no option, or two, is not rewritten as a letter."""
    options = ["Ela estava cansada.", "Ela estava nervosa.", "Ela estava entediada.", "Nenhuma das alternativas acima."]
    text = "Sobra a que diz que o tempo estava bom."
    assert name_descriptions(text, options, ABCD) == text
    assert extract_answer(text, options).letter is None


@pytest.mark.parametrize(
    ("text", "letter"),
    [
        # a letter alone at the end of its line, then prose that opens with a capital "O" or "A"
        ("Resposta: A\n\nO texto conta que ela chorou a noite inteira.", "A"),
        ("**Resposta: C**\n\nA narradora diz isso logo no começo.", "C"),
        # a word of choosing inside a longer word names nothing ("Botox", "sobrancelhas")
        ("A correta é a B.\n\n- A alternativa A inverte causa e efeito: as rugas sumiram por causa do Botox.", "B"),
        # chat spellings of a reason and of choosing
        ("acho q é a C, pq ela falou isso no final, nao foi o irmão dela", "C"),
        ("eu colocaria a D. ele diz que nao gostava de lá", "D"),
        ("kkkk facil, ela só queria descansar, entao a b", "B"),
        # tags in square brackets
        ("[ANSWER] D [/ANSWER]", "D"),
        ("[RESPOSTA] B [/RESPOSTA]\nEla diz isso no segundo parágrafo.", "B"),
        # "C, não D": the letter chosen over another
        ("A D não muda nada no texto. A diferença está no final: C, não D.", "C"),
        ("B and not A: he says so himself.", "B"),
        # a certainty said with a negation
        ("A B está errada. Não tenho dúvida de que é a D: ele mesmo conta isso.", "D"),
        # "— é A, ..." after the rejected letters
        ("Não é B nem D, que falam de outra coisa — é A, ela achava que era o começo do parto.", "A"),
    ],
)
def test_letters_named_in_chat_replies_of_held_out_i(text: str, letter: str) -> None:
    """Common ways of naming the chosen letter that were read as no answer, or as another letter."""
    assert extract_answer(text).letter == letter


def test_a_bracketed_letter_and_a_checkbox_are_no_tags() -> None:
    """ "[B]" is a letter and "- [x] B" a ticked box: only a tag word in brackets ("[ANSWER]") is markup."""
    assert extract_answer("[B]") == Extraction("B", "letter_only")
    assert extract_answer("- [ ] A\n- [x] B\n- [ ] C").letter == "B"


@pytest.mark.parametrize(
    ("text", "letter"),
    [
        # cut off at the next option's label while going through them: no choice was made
        ("Analisando as alternativas:\n\nA) Porque cantaram juntos — não explica o tamanho do público.\n\nB)", None),
        # cut off on the first option's line of a walk it announced, before any verdict
        (
            "O texto fala de uma recaída. Vamos ver cada alternativa:\n\nA) Porque o último post mencionou — o post",
            None,
        ),
        ("Let's look at each option:\nB) Because she was tired, which the text", None),
        # a letter heading its line with no walk announced is the answer
        ("O texto fala de uma recaída.\n\nA) Porque o último post mencionou isso.", "A"),
        # each option line closes with its verdict, after its reasons; the survivors are two, and no choice
        (
            "Vamos analisar cada alternativa.\n\nA) Sentir adrenalina — contradiz o texto. Descartada.\n"
            "D) Ficar agitado com pechinchas — ele é craque nisso. Descartada.\n\nRestam B e C. Para decidir,",
            None,
        ),
        (
            "A) Sentir adrenalina — contradiz o texto. Descartada.\nB) Ficar chateado — é o que ele diz. Correta.\n"
            "C) Nenhuma — há uma que serve. Descartada.",
            "B",
        ),
    ],
)
def test_a_walk_through_the_options_reads_each_line_s_verdict_and_may_break_off(text: str, letter: str | None) -> None:
    """A verdict that closes an option's line judges that option; a reply cut off at a label chose nothing."""
    assert extract_answer(text).letter == letter


@pytest.mark.parametrize(
    ("text", "options"),
    [
        (
            "Ele só queria ser simpático com a gente e causar uma boa impressão logo de cara.",
            [
                "Ele queria me paquerar; estava claramente interessado em mim",
                "Nenhuma das alternativas acima.",
                "Ele queria ser simpático e acolhedor conosco e fez o possível para isso,"
                " para deixar uma boa impressão",
                "Ele queria ganhar uma boa gorjeta e sabia que, sendo simpático, ganharia mais",
            ],
        ),
        (
            "Because the neighbor backed into her car and damaged it.",
            [
                "Porque o vizinho é maravilhoso.",
                "Porque o carro era vermelho vivo.",
                "Porque o vizinho danificou a propriedade dessa pessoa.",
                "Nenhuma das alternativas acima.",
            ],
        ),
    ],
)
def test_a_paraphrase_that_says_part_of_the_option_with_reasons_of_its_own(text: str, options: list[str]) -> None:
    """A paraphrase saying less than half of a long option's words, with words of its own, still names it."""
    assert paraphrased_letter(text, options, ABCD) == "C"


@pytest.mark.parametrize(
    ("text", "letter"),
    [
        # indecision said after the only letter named takes the choice back; said before it, the letter settles it
        ("A resposta é B.\n\nNão, espera... a B fala de outra pessoa. Sinceramente não sei qual é.", None),
        ("Não dá para saber só pelo trecho — mas eu ficaria com a alternativa C.", "C"),
        # models that drift into Spanish
        ("La respuesta correcta es la C: lo dice el texto.", "C"),
        ("La respuesta es A, porque ya no podía ver nada.", "A"),
        # no reason not to choose it
        ("Não vejo nenhuma razão para não marcar a D. O texto diz isso com todas as letras.", "D"),
        ("I see no reason not to pick B: the text says so.", "B"),
        # "não A ou C" rules both out, it weighs neither
        ("D, e não A ou C. O autor só queria um bom negócio.", "D"),
        ("B, not A or C.", "B"),
        # a struck-out letter is replaced by what follows it on its line
        ("> **Resposta:** ~~D~~ **C** — quem fazia a ronda era eu.", "C"),
        ("A resposta é ~~a B~~ a A.", "A"),
    ],
)
def test_commitments_taken_back_or_made_in_other_ways(text: str, letter: str | None) -> None:
    """Indecision after the letter, Spanish, "no reason not to", letters ruled out together, struck-out letters."""
    assert extract_answer(text).letter == letter


def test_a_list_under_garbled_labels_goes_on_under_the_right_one() -> None:
    """ "Percímica A) ...", "Percímica B) ...", then "Alternativa C) ..." on the next line is one echoed list: the
    last line goes on from B, it is no answer after an echo."""
    options = [
        "Para se conectar com possíveis membros que têm crenças semelhantes",
        "Nenhuma das alternativas acima.",
        "Para mostrar a todos o que a igreja defende",
        "Para arrecadar dinheiro",
    ]
    text = (
        "Para que a igreja iria querer comunicar seus valores?\n\nPercímica A) Para se conectar com possíveis "
        "membros\nPercímica B) Nenhuma das alternativas acima\nAlternativa C) Para mostrar a todos o que"
    )
    assert extract_answer(text, options).letter is None
    # after a blank line, a line under the right label is the answer that follows the echo
    assert extract_answer(text.replace("\nAlternativa C)", "\n\nAlternativa C)"), options).letter == "C"


def test_a_table_marks_its_answer_by_one_row_in_bold() -> None:
    """A table without a verdict column whose one row is bold throughout marks that row's option; a bold header or
    two bold rows mark none."""
    table = (
        "| | Alternativa | Comentário |\n|---|---|---|\n| A | Nenhuma | há uma que serve |\n"
        "| **B** | **Vão achar mais** | **6.000 achados até agora** |\n| C | Não vão achar mais | contradiz o texto |"
    )
    assert extract_answer(table) == Extraction("B", "structured")
    assert extract_answer(
        table.replace("| C | Não vão achar mais | contradiz o texto |", "| **C** | **Não** | **x** |")
    ) == (Extraction(None, "no_answer"))


def test_a_paraphrase_may_share_a_word_with_another_option() -> None:
    """An answer of a sentence or two that says one option and shares a word with another names the first: only a
    text that says most of two options is a story."""
    options = [
        "A doença de um familiar dele começou a piorar.",
        "O xerife está sendo visto como polêmico.",
        "A doença dele começou a piorar.",
        "Ele teve câncer pela primeira vez.",
    ]
    text = (
        "Acredito que seja porque ele foi diagnosticado com câncer pela primeira vez, e isso sempre é um baque para"
        " qualquer família."
    )
    assert paraphrased_letter(text, options, ABCD) == "D"


@pytest.mark.parametrize(
    ("text", "letter"),
    [
        # the unaccented copula of chat, and reported speech after the letter, which passes no verdict on it
        ("a resposta e a B, ela fala que nao tem tempo pra nada entao ta ocupada", "B"),
        ("A C, ele diz que não tem nada a ver. Fico com a D.", "D"),
        # comparisons with the letter after the adjective
        ("Mais provável B do que C: o ateliê estava vazio.", "B"),
        ("More likely D than A.", "D"),
        ("Not A. And it's C rather than D: she says so herself.", "C"),
        # a conclusion that denies the letter it names
        ("**Resposta: B**\n\nA surpresa veio depois, então não pode ter sido o motivo (C). O resto é divertido.", "B"),
        # a typo corrected
        ("Alternativa C... desculpa, digitei errado. Quis dizer D: ele foi embora cedo.", "D"),
        ("B. Sorry, I meant A: she left early.", "A"),
        # double negations of the letter
        ("Não dá pra dizer que a resposta não seja a A: o texto fala isso.", "A"),
        ("Não acho que não seja a C. As outras não dizem nada.", "C"),
        # "está fora" rules a letter out
        ("O texto diz que conseguem, então a D está fora. Alternativa B.", "B"),
        # ticked boxes of a to-do list are no options
        ("Checklist:\n- [x] Li o texto\n- [x] Descartei A, C e D\n- [x] Resposta final: B", "B"),
    ],
)
def test_commitments_of_held_out_j(text: str, letter: str) -> None:
    """Chat copulas, reported speech, comparisons, denied conclusions, typos, double negations, to-do lists."""
    assert extract_answer(text).letter == letter


def test_a_json_list_of_option_records_marks_the_one_judged_true() -> None:
    """``[{"letra": "A", "correta": false}, {"letra": "B", "correta": true}]`` answers B, not the first letter named."""
    text = (
        '{"opcoes": [{"letra": "A", "correta": false}, {"letra": "B", "correta": true},'
        ' {"letra": "C", "correta": false}]}'
    )
    assert extract_answer(text) == Extraction("B", "structured")


def test_a_word_of_choosing_after_i_opens_an_option_given_as_text() -> None:
    """ "Eu marcaria contente" gives the option "Contente" after a word of choosing, as "Marcaria contente" does."""
    options = ["Contente", "Nenhuma das alternativas acima.", "Nervosa", "Alerta"]
    assert extract_answer("Ela ficou aliviada de chegar em casa. Eu marcaria contente 😊", options).letter == "A"


def test_option_lines_marked_with_a_tick_or_a_cross_are_verdicts_not_an_echo() -> None:
    """ "A) <option> ❌", "D) <option> ✅": the options' own texts, each marked, pass verdicts; the ticked one wins."""
    options = ["Quero ver o jardim.", "Tenho que cortar a grama.", "Tenho 62 anos.", "Quero aproveitar o ambiente."]
    marks = ["❌", "❌", "❌", "✅"]
    text = "\n".join(f"{letter}) {option} {mark}" for letter, option, mark in zip("ABCD", options, marks, strict=True))
    assert extract_answer(text, options).letter == "D"


@pytest.mark.parametrize(
    ("text", "letter"),
    [
        # one letter preferred to another, the preferred one first
        ("A e C dizem coisas opostas, e o texto mostra que ela esquece tudo. Então C em vez de A.", "C"),
        ("It's about the women rather than the men. So A over D.", "A"),
        ("They went to sign forms, i.e. general paperwork: D rather than A.", "D"),
        ("Mais B do que C: o suéter estava ali para disfarçar.", "B"),
        ("Menos B do que C: o suéter estava ali para disfarçar.", None),
        # a letter before an emoji, and one said to be closest
        ("**Resposta: A** 🧰💔\n\n*Valor sentimental* — doeu se desfazer delas.", "A"),
        ("Honestly E seems closest — they're rocking out at the bar.", "E"),
        # a letter said not to be right
        ("B can't be right, since he lived with them. So it is C.", "C"),
    ],
)
def test_preferences_emoji_and_letters_said_not_to_be_right_of_held_out_k(text: str, letter: str | None) -> None:
    """ "C em vez de A", "A over D", "D rather than A", "Mais B do que C"; "A 🧰"; "E seems closest"; "can't be"."""
    assert extract_answer(text, letters="ABCDE").letter == letter


@pytest.mark.parametrize(
    ("text", "letter"),
    [
        # a named letter closing the reply after a pause, an option said not to explain
        ("Não é pelo peso (A) — ela até quer emagrecer. É por estar sem emprego, alternativa B.", "B"),
        # a choice kept, or made because one must
        ("Acho que é a D. Mas a pergunta diz outra coisa... então talvez seja a A. Vou manter a D.", "D"),
        ("Vc tem certeza q a pergunta tá certa? mas ok, se for pra marcar, D (diferença de idade)", "D"),
        ("If I had to pick, C.", "C"),
        # laughter and chat spellings around an ordinal
        ("the last one lol", "D"),
        ("nossa q pergunta aleatória kkk acho q é a primeira msm, ele levou porrada", "A"),
        # ticked lines of prose are no options; the answer keyword decides
        (
            "Checklist:\n✔️ O texto fala do funeral\n❌ A — não visitaram o avô\n❌ C e D — não viajaram\n\n"
            "Resposta final: B",
            "B",
        ),
        # the text leaving two letters open
        ("Fico entre a B e a D. Se for a festa, seria B; se for a cerimônia, seria D. O texto não deixa claro.", None),
    ],
)
def test_commitments_of_held_out_l(text: str, letter: str | None) -> None:
    """Closing letters after a pause, choices kept, laughter, ticked prose lines, a text that leaves two open."""
    assert extract_answer(text).letter == letter


@pytest.mark.parametrize(
    ("text", "letter"),
    [
        # a leaning is a tentative choice
        ("I'd lean towards A, though D isn't unreasonable either.", "A"),
        ("Me inclino pela C, mas não tenho certeza.", "C"),
        # a letter named again after two weighed is judged, not listed
        ("Entre A e B, a A faz mais sentido pra mim.", "A"),
        ("Entre a A e a B, eu ficaria com a B.", "B"),
        ("Entre A e B, fico na dúvida.", None),
        # a colon after the verdict opens its reasons, whatever they negate
        (
            "A B não está errada: não querer pagar e não ter visto dano batem com o texto. As outras não se sustentam.",
            "B",
        ),
    ],
)
def test_leanings_letters_weighed_then_judged_and_reasons_after_a_colon(text: str, letter: str | None) -> None:
    """A leaning commits, a letter named again after "Entre A e B" is judged, and a colon ends a verdict's clause."""
    assert extract_answer(text).letter == letter


@pytest.mark.parametrize(
    ("table", "letter", "rule"),
    [
        (
            "| Opção | Plausibilidade |\n|---|---|\n| A | Baixa |\n| B | Alta |\n| C | Baixa |\n| D | Média |",
            "B",
            "structured",
        ),
        ("| Option | Likelihood |\n|---|---|\n| A | 10% |\n| B | 15% |\n| C | 70% |\n| D | 5% |", "C", "structured"),
        ("| Opção | Chance |\n|---|---|\n| A | Alta |\n| B | Alta |\n| C | Baixa |\n| D | Baixa |", None, "hedged"),
        ("| Opção | Chance |\n|---|---|\n| A | Alta |\n| B | Alta |\n| C | Alta |\n| D | Alta |", None, "no_answer"),
        # a dash says nothing of its row, and leaves the verdict column whole
        (
            "| Opção | Avaliação |\n|---|---|\n| A | Falso |\n| B | Falso |\n"
            "| C | **Mais provável**: as fotos |\n| D | — |",
            "C",
            "structured",
        ),
    ],
)
def test_a_table_that_grades_the_options_marks_its_highest(table: str, letter: str | None, rule: str) -> None:
    """A column of grades or percentages marks its one highest row; a tie at the top is a hedge, all alike nothing."""
    assert extract_answer(table) == Extraction(letter, rule)


@pytest.mark.parametrize(
    ("text", "letter"),
    [
        # each letter under a condition of its own is a hedge, unless a choice follows
        ("Se for só um comentário, é a A; mas se for uma crítica, seria a C.", None),
        ("If she was joking, it's A; if not, then C.", None),
        ("Se for só um comentário, é a A; se for uma crítica, seria a C. Como o texto critica, fico com a C.", "C"),
        ("Se eu tivesse que escolher, seria a C.", "C"),
        # a reply broken off after the article has written no letter
        ("Comparando com as alternativas, a resposta correta é a", None),
        ("resposta: a", "A"),
    ],
)
def test_letters_under_conditions_of_their_own_and_a_reply_broken_off_after_the_article(
    text: str, letter: str | None
) -> None:
    """Two letters each under its own "se"/"if" are weighed, not chosen; "a resposta é a" cut off names no letter."""
    assert extract_answer(text).letter == letter


@pytest.mark.parametrize(
    ("text", "letter"),
    [
        # an HTML strikethrough is no end of turn, and withdraws its letter
        (
            "<ul>\n<li><s>A</s> — não restringe nada</li>\n<li><b>C</b> — ✔ mais simples</li>\n"
            "<li><s>D</s> — o oposto</li>\n</ul>\n<p>Resposta final: C</p>",
            "C",
        ),
        # the article of a quoted word, not the letter before its option's text
        ('I think it\'s C. A "musa" is most likely her girlfriend.', "C"),
        # a Spanish choice, chat copulas after an interjection or an emoji, one letter over all the others
        ("No hay nada de nervios en el texto. Me quedo con la D.", "D"),
        ("gente é a D né, eu tbm choraria 😭😭", "D"),
        ("pq ela ama chocolate ué 🍫 é a B", "B"),
        ("A, B e C dizem a mesma coisa. Só a D explica a surpresa. D, não as outras.", "D"),
        # a letter closing a sentence after a colon
        ("O que importa é ela cuidar de doentes em geral: C. A B nem aparece no texto.", "C"),
        # a key of YAML whose words are joined by underscores
        ("```yaml\nsentimentos:\n  - saudade\nopcao_mais_proxima: A\n```", "A"),
    ],
)
def test_strikethrough_articles_of_quotes_spanish_and_chat_copulas_of_held_out_m(text: str, letter: str) -> None:
    """HTML strikethrough, quoted words after "A", Spanish choices, chat copulas, "D, não as outras", YAML keys."""
    assert extract_answer(text).letter == letter


def test_a_quoted_option_after_its_letter_keeps_the_letter() -> None:
    """'A "nenhuma das alternativas" eu descarto' names A (and rejects it): the quote is A's own text."""
    options = ["Nenhuma das alternativas acima.", "Porque ele treinou.", "Porque era um teste.", "Porque nevou."]
    found = mentions('A "nenhuma das alternativas" eu descarto logo de cara.', options, patterns(("A", "B", "C", "D")))
    assert [(m.letter, m.kind) for m in found] == [("A", "reject")]


@pytest.mark.parametrize(
    ("text", "letter"),
    [
        # option lines under a header of elimination are ruled out, whatever reasons they give
        (
            "Vamos eliminar:\n- A) o fim de semana não é motivo\n- C) o local da luta não explica o pagamento\n"
            "- D) estar na Califórnia também não\n\nLogo, a resposta é a que sobra.",
            "B",
        ),
        (
            "Vamos riscando:\n- A) Não. Ela esperava outra coisa.\n- B) Também não. É só nojo.\n"
            "- D) Não faz sentido marcar nenhuma.\nSó sobrou uma, e é com ela que eu fico.",
            "C",
        ),
        # a word that strikes a line out, and what the text does not speak of
        ("A: ela parou de discar. Risco.\nB: não, uma encaixa. Risco.\nD: foi o Booth. Risco.\n\nFica a única.", "C"),
        ("A: não, a recepção vem depois.\nB e D: o texto não fala em casamento de amigos.\n\nSobra uma.", "C"),
        # without the header, option lines with reasons only are an echo, not an elimination
        ("A) o fim de semana\nC) o local da luta\nD) a Califórnia", None),
    ],
)
def test_eliminations_under_a_header_and_lines_struck_out(text: str, letter: str | None) -> None:
    """An elimination header makes its option lines rejections; "Risco." and "o texto não fala" reject too."""
    assert extract_answer(text).letter == letter


def test_records_and_tables_that_judge_in_words_grades_and_emoji() -> None:
    """Records judged "descartada"/"escolhida", scores out of ten, and 👍/👎/🚫 marks are read as verdicts."""
    records = '[\n {"opcao": "A", "status": "descartada"},\n {"opcao": "B", "status": "engraçada, mas não"},\n'
    records += ' {"opcao": "D", "status": "escolhida"}\n]'
    assert extract_answer(records) == Extraction("D", "structured")
    none_chosen = '[{"opcao": "A", "status": "descartada"}, {"opcao": "B", "status": "descartada"}]'
    assert extract_answer(none_chosen).letter is None
    scores = (
        "| | Nota |\n|---|---|\n| A | 0/10 — ela estava lá |\n| B | 6/10 |\n| C | 2/10 |\n| D | 8/10 — específico |"
    )
    assert extract_answer(scores) == Extraction("D", "structured")
    thumbs = (
        "| Opção | Avaliação |\n|---|---|\n| A | 👍 dito literalmente |\n| B | 👎 |\n| C | 🚫 |\n| D | 👎 o contrário |"
    )
    assert extract_answer(thumbs) == Extraction("A", "structured")


@pytest.mark.parametrize(
    "text",
    [
        "Nenhuma dessas serve: ele simplesmente toca guitarra.",
        "O texto não dá motivo nenhum, então nada do que está listado responde a pergunta.",
        "None of them fits: he just plays.",
        # a noun for the options between "none of the" and the word of fit
        "Nenhuma das explicações oferecidas se sustenta: ele só toca guitarra nos fins de semana.",
        "Nenhum dos motivos listados explica isso; ele toca porque gosta.",
        "None of the reasons given really explains it, he just likes to play.",
    ],
)
def test_a_reply_that_says_no_option_fits_chooses_none_of_the_above(text: str) -> None:
    """ "Nenhuma dessas serve" reads as the item's "none of the above" option."""
    assert extract_answer(text, _GUITAR_OPTIONS) == Extraction("D", "option_text")


_GUITAR_OPTIONS = [
    "Ele conserta guitarras.",
    "Ele rege a orquestra.",
    "Ele dá diplomas.",
    "Nenhuma das alternativas acima.",
]


@pytest.mark.parametrize(
    ("text", "letter"),
    [
        ("Ele conserta guitarras; nenhuma das outras explicações serve.", "A"),
        ("Nenhuma das duas primeiras serve, então fico com a C.", "C"),
        ("None of the other reasons explains it: he repairs guitars.", "A"),
    ],
)
def test_no_other_option_fitting_is_not_none_of_the_above(text: str, letter: str) -> None:
    """A reply that says no *other* option fits, or none of two, does not choose "none of the above"."""
    assert extract_answer(text, _GUITAR_OPTIONS).letter == letter


@pytest.mark.parametrize(
    ("text", "letter"),
    [
        # "the only one that makes sense", a Spanish "diría que", a chat "vai de"
        ("Honestly, among these options the only one that makes sense is A — quem recebe valoriza isso.", "A"),
        ("Yo diría que la D, porque una visita guiada se hace por curiosidad.", "D"),
        ("kkkk mano é óbvio né, quem tá procurando ap é a própria pessoa. vai de D 😂", "D"),
        # a letter after an emoji closes the reply; an "A" after a lower-case article is a letter
        ("mano ele ta chocado de tanto q curtiu o show 🤯🤯 a C", "C"),
        ("A C é o oposto. A B não tem base. Entre A e D, acho a A mais provável.", "A"),
        # a denied doubt over a rejection is a double negation
        ("Eu não diria que a A não é a certa. Já B, C e D não explicam nada.", "A"),
        # what a clause quotes is no verdict of its own
        ('Resposta: alternativa C? Não. É a B: o comentário irônico dele, "Não é muito sutil, né?".', "B"),
        # an ordinal closing the reply as a sentence of its own, or after a colon
        ("Aliviada e contente, a ponto de querer beijar o chão. Nervosa não tem nada a ver. Terceira.", "C"),
        ("Como ela passou mais de um mês sufocada, acho que é sobre melhorar de vida: a última.", "D"),
        # lines an elimination heads with a bare letter, and one it breaks off in
        (
            "Descartando:\nB é exagero — nada indica.\nD não, porque alguma serve.\n"
            "A... ela vai embora, mas isso é inferência demais.\nO que sobra é a outra.",
            "C",
        ),
        ("Descartando:\nA — egoísta? Não.\nC — gostava de discussões? Não houve discussão.\nD — espírito", None),
    ],
)
def test_commitments_of_held_out_n(text: str, letter: str | None) -> None:
    """Closing ordinals and emoji, denied doubts, quotes that judge nothing, and eliminations headed by bare letters."""
    assert extract_answer(text).letter == letter


def test_crossed_boxes_maybe_cells_and_a_row_of_reasons_only() -> None:
    """A box with a cross is unticked, "🤔 possível" neither marks nor rules out, and one row of prose is allowed."""
    checklist = "[✗] Não tinham nada melhor\n[✗] A família era dona\n[✓] Atividade em grupo\n[✗] Nenhuma das anteriores"
    options = ["Não tinham nada melhor pra jogar", "A família do narrador era dona do lugar",
               "Atividade em grupo pra criar laços", "Nenhuma das anteriores"]  # fmt: skip
    assert extract_answer(checklist, options).letter == "C"
    maybe = "| | veredito |\n|:-:|:--|\n| A | 🤔 possível, mas não |\n| B | 🚫 |\n| C | 👍 a melhor |\n| D | 🚫 nada |"
    assert extract_answer(maybe) == Extraction("C", "structured")
    prose = "| Opção | Conclusão |\n|---|---|\n| A | o texto fala disso, mas como sintoma |\n| B | não |\n"
    prose += "| C | inventada |\n| D | **é isso** — náusea, vômito |"
    assert extract_answer(prose) == Extraction("D", "structured")
    descriptions = "| Opção | Texto |\n|---|---|\n| A | Certo dia ela saiu |\n| B | Ela ficou |\n| C | Ele foi |"
    assert extract_answer(descriptions).letter is None


@pytest.mark.parametrize(
    ("text", "letter"),
    [
        # denials denied, "the only one that ...", a chat "eh a C", a letter alone closing the reply
        ("Eu não diria que não é a C. A B contradiz o próprio enunciado.", "C"),
        ('"Nenhuma" também não, porque as cólicas explicam. Não é outra que não a B.', "B"),
        ("Então não há outra a marcar que não a D.", "D"),
        ('A A fala de "espírito livre", mas não. A única que conversa com o apelido "titia" é a B. Fico com ela.', "B"),
        ("as outras falam q o som foi aceitavel mas o cara ta babando, eh a C", "C"),
        ("tipo... ele foge de um grupo de mulher kkkkk certeza q eram as bebum do trem. C", "C"),
        ("Let's go through them. B can't be right, since he lived there. D is too short. C", None),
        ("D — perseguição é pesadelo puro. Mas, relendo, ela conta tudo com leveza. Fico com A no fim.", "A"),
        # ordinals counted among the options, singled out, or by number without their noun
        (
            "Quem faz curso de preparação pro parto está esperando bebê. A resposta é a última das quatro.",
            "D",
        ),
        ("Das quatro, só a terceira dá um motivo de verdade pro agrado.", "C"),
        ("As três primeiras misturam o banheiro de um jeito sem sentido; a de número quatro é a certa.", "D"),
        # a key=value line, indecision that leaves the letters open
        ("questao=40\nalternativa_marcada=C\njustificativa=terceiro_cancelamento\nalternativas_invalidas=A,B,D", "C"),
        ("Eu ficaria entre A e D, talvez até B, mas não tenho base pra escolher uma.", None),
    ],
)
def test_commitments_of_held_out_o(text: str, letter: str | None) -> None:
    """Denials denied, "a única que ... é a B", closing letters and ordinals, key=value answers, open indecision."""
    assert extract_answer(text).letter == letter


def test_records_tables_and_checklists_of_held_out_o() -> None:
    """Records judged "aceita"/"rejeitada", a table whose rows say "nada indica", and marks after an option's text."""
    records = '[{"alt": "A", "status": "rejeitada"}, {"alt": "B", "status": "rejeitada"},\n'
    records += ' {"alt": "C", "status": "aceita", "nota": "estão bem"}, {"alt": "D", "status": "rejeitada"}]'
    assert extract_answer(records) == Extraction("C", "structured")
    table = "| | Alternativa | Avaliação |\n|---|---|---|\n| A | adora surfar | mais plausível |\n"
    table += "| B | nenhuma | improvável |\n| C | o biquíni | piada, não |\n| D | trabalho | nada indica |"
    assert extract_answer(table) == Extraction("A", "structured")
    options = ["Vou ter que andar mais a pé", "Um cara rico estranho quer me ver",
               "Um cara com quem eu estava saindo terminou comigo", "Estou perdendo peso demais"]  # fmt: skip
    checklist = "• Vou ter que andar mais a pé ✗ (ela vê o lado bom)\n• Um cara rico estranho quer me ver ✗\n"
    checklist += "• Um cara com quem eu estava saindo terminou comigo ✓\n• Estou perdendo peso demais ✗"
    assert extract_answer(checklist, options) == Extraction("C", "structured")


_SURVIVOR_OPTIONS = [
    "Ele foi demitido do emprego.",
    "Nenhuma das alternativas acima.",
    "Ele ia começar num emprego novo.",
    "Ele estava levando os livros para uma faculdade de medicina.",
]


@pytest.mark.parametrize(
    ("text", "letter"),
    [
        # each option ruled out by what it says, the survivor left unnamed
        (
            "Levar livros para a faculdade de medicina? Nada no texto fala disso. Começar num emprego novo? É o "
            'contrário. "Nenhuma" também não serve. Fica a única restante.',
            "A",
        ),
        # letters and descriptions together, the survivor described in words no option has
        (
            "A C está fora: ele não ia começar nada. Os livros da faculdade de medicina? Ninguém falou nisso. "
            '"Nenhuma das alternativas" não cabe. Sobra a de que ele foi mandado embora.',
            "A",
        ),
        # letters only, one of them criticised rather than ruled out
        ("A B não. A D também não. A C diz 'emprego novo', mas ele perdeu o registro. Sobra a que resta.", "A"),
        # two options left standing: no survivor
        ('Levar livros para a faculdade? Nada indica isso. "Nenhuma" não cabe. Sobra uma das outras duas.', None),
        # the closing names its own letter, which the commitments read
        ('Começar num emprego novo? Não. "Nenhuma" não cabe. Sobra a D.', "D"),
    ],
)
def test_an_elimination_by_description_leaves_its_survivor(text: str, letter: str | None) -> None:
    """An elimination that rules options out by what they say and closes on "the one left" chooses that one."""
    assert extract_answer(text, _SURVIVOR_OPTIONS).letter == letter


@pytest.mark.parametrize(
    ("text", "letter"),
    [
        ("pra juntar a galera do trampo né, integração msm kkkk é a C fácil", "C"),
        ("o motivo é a B sem dúvida", "B"),
        # a relative clause, a negation, and two letters joined are no commitment of their own
        ("Ele cita o prazo, o que é a A, e o custo, o que aponta para a B; não consigo escolher.", None),
        ("o problema não é a C", None),
        ("é a C ou a D, não sei", None),
    ],
)
def test_e_a_before_a_lone_capital_names_the_answer_anywhere_in_the_sentence(text: str, letter: str | None) -> None:
    """ "é a C" names the answer after any words of chat, but not after "que", a negation, or before "ou a D"."""
    assert extract_answer(text).letter == letter


@pytest.mark.parametrize(
    ("text", "letter"),
    [
        # a mark right after the letter judges it, whatever the reasons after it deny
        ("resposta correta: letra C ✅ ela mesma diz que não é fã de tv", "C"),
        # HTML with attributes
        ('<p><strong>Alternativa escolhida:</strong> <span class="letra">B</span></p>', "B"),
        # option lines that close with a cross, after an em dash
        ("A — foi a autora, não os leitores. ✗\nC — não é motivo. ✗\nD — também não. ✗\n\nSó sobra uma.", "B"),
        # chat: a letter before "fácil", after a laugh, after an emoji, after "né,"
        ("B fácil, ela mesma fala que teve um surto de inspiração", "B"),
        ("ah sei la, ela so queria confirmar oq pensava kkk B", "B"),
        ("se ela recusar ja era o emprego 😬 C", "C"),
        ("pediu pra embrulhar o resto né, A. a comida nem tava boa", "A"),
        # letters listed with descriptions in brackets or slashes, and a letter affirmed after a comma
        ("A (usar como remédio) e C (ganhar dinheiro) não aparecem. D, sem dúvida, e não A nem C.", "D"),
        ("A B seria possível, mas a D explica. D, portanto — não A nem C.", "D"),
        ("As outras só citam coisas que ela fez. Então A, não B/C/D.", "A"),
        # denials denied, a letter chosen by a pronoun, comparisons
        ("Eu não diria que a resposta não é a A. A D não explica nada; a C não tem a ver.", "A"),
        ("A C e a D inventam família. Não descarto a B, fico com ela.", "B"),
        ('A B responde "não". O "não" da B é mais fiel ao texto do que o "sim" da A ou da D.', "B"),
        ("Creo que es la D. He was just there, maybe acompanhando alguém.", "D"),
        ("A D é tentadora, mas é exagero. Vou com A e não com D.", "A"),
        ("A C fala do fã médio. A D casa com o trocadilho. Prefiro a D à C.", "D"),
        # indecision said in other words
        ("A C é o óbvio, mas a A também tem lógica. As duas me parecem defensáveis e eu não saberia cravar uma.", None),
        ("Pagar é o mais esperado (B), mas ele podia agradecer (D). Não dá para decidir com segurança.", None),
        # "não cola" rules out
        ("A ideia de que ela esquece tudo (B) não cola.", None),
    ],
)
def test_commitments_of_held_out_p_and_q(text: str, letter: str | None) -> None:
    """Marks after a letter, chat closings, bracketed lists, affirmed letters, denied denials and comparisons."""
    assert extract_answer(text).letter == letter


@pytest.mark.parametrize(
    ("text", "letters", "letter"),
    [
        ("Eu iria na terceira alternativa: com tanta coisa dando errado, ela pararia.", "ABCD", "C"),
        ("Resposta: a última. Nada no texto explica, então nenhuma das três primeiras se justifica.", "ABCD", "D"),
        ("Entre as três, a resposta é a do meio.", "ABC", "B"),
        ("Entre as cinco, a resposta é a do meio.", "ABCDE", "C"),
        # four options have no middle one
        ("A resposta é a do meio.", "ABCD", None),
    ],
)
def test_ordinals_after_an_answer_noun_and_the_middle_option(text: str, letters: str, letter: str | None) -> None:
    """ "Resposta: a última." and "a do meio" (of an odd number of options) name options by position."""
    assert extract_answer(text, letters=letters).letter == letter


def test_structured_answers_of_held_out_p_and_q() -> None:
    """A question number beside the answer key, an answer inside a record, verdicts in words and lights, diff blocks,
    and table rows that give the options' text."""
    assert extract_answer('{"tipo": "multipla_escolha", "item": 63, "marcada": "B"}') == Extraction("B", "structured")
    nested = '{"q": 20, "palpite": {"alt": "C", "porque": "quem dirige o dia todo descansa"}, "revisar": false}'
    assert extract_answer(nested) == Extraction("C", "structured")
    words_table = "| | Opção | Veredito |\n|---|---|---|\n| A | melhores | improvável |\n| B | esforço | **é esta** |\n"
    words_table += "| C | cuidado | sem base no texto |\n| D | agradar | especulação |"
    assert extract_answer(words_table) == Extraction("B", "structured")
    lights = "| Opção | Avaliação |\n|---|---|\n| A – outro lugar | 🔴 contradiz |\n| B – lugar novo | 🔴 idem |\n"
    lights += "| C – nunca mais | 🟡 talvez |\n| D – o mesmo lugar | 🟢 |"
    assert extract_answer(lights) == Extraction("D", "structured")
    diff = (
        "Consequência:\n\n```diff\n- A: ainda vai pesquisar\n- C: vai odiar também\n+ D: não vai ter que pesquisar\n```"
    )
    assert extract_answer(diff) == Extraction("D", "structured")
    options = [
        "Outros candidatos estavam tentando controlar a minha vaga.",
        "Havia muita concorrência para um único cargo.",
        "Nenhuma das alternativas acima.",
        "Não havia concorrência para vários cargos.",
    ]
    by_text = "| Hipótese | Status |\n| :-- | :-- |\n| Outros candidatos querendo controlar a vaga | **MARCADA** |\n"
    by_text += "| Muita concorrência para um cargo | não marcada |\n| Nenhuma das alternativas | não marcada |\n"
    by_text += "| Sem concorrência para vários cargos | não marcada |"
    assert extract_answer(by_text, options) == Extraction("A", "structured")


@pytest.mark.parametrize(
    ("text", "letter"),
    [
        # labels judged after their colon
        (
            '- "Ia começar num emprego novo": o texto diz o contrário.\n- "Nenhuma das alternativas": não, uma '
            'serve.\n- "Levando os livros para a faculdade": nada indica isso.\n\nDescartadas essas, fica a que '
            "sobra.",
            "A",
        ),
        # quotes shortened, each ruled out by a short verdict after it
        (
            '- "Começar num emprego" → ele perdeu o registro. Fora.\n- "Livros para a faculdade" → ninguém falou '
            'nisso. Fora.\n- "Nenhuma" → uma serve. Fora.\n\nResta apenas uma alternativa.',
            "A",
        ),
        # questions answered by the next sentence; the closing describes the survivor after a colon
        (
            '"Emprego novo"? Não. "Levando livros para a faculdade de medicina"? O texto não fala nisso. '
            '"Nenhuma"? Também não, porque tem uma que bate direitinho: a de que ele perdeu o emprego.',
            "A",
        ),
    ],
)
def test_an_elimination_by_quotes_labels_and_questions_leaves_its_survivor(text: str, letter: str | None) -> None:
    """Options ruled out after a label, a shortened quote or a question count toward the one an elimination leaves."""
    assert extract_answer(text, _SURVIVOR_OPTIONS).letter == letter


def test_a_question_the_next_sentence_keeps_is_not_ruled_out() -> None:
    """ "Emprego novo? Sim, ..." keeps that option: two are left, and the elimination leaves no survivor."""
    text = '"Emprego novo"? Sim, pode ser. "Nenhuma"? Não. "Livros para a faculdade de medicina"? Não. Sobra a outra.'
    assert survivor(text, _SURVIVOR_OPTIONS, ABCD, []) is None
    ruled_out = text.replace("Sim, pode ser", "Não, ele perdeu o registro")
    assert survivor(ruled_out, _SURVIVOR_OPTIONS, ABCD, []) == "A"


def test_a_rhetorical_question_about_a_one_word_place_is_ruled_out() -> None:
    """ "México?" in an elimination that closes on the one left rules that option out."""
    options = ["Posso estar no México.", "Posso estar no Oregon.", "Posso estar no sul da Califórnia.",
               "Posso estar em Utah."]  # fmt: skip
    text = "México? Ela sobe a costa até San Francisco. Oregon fica ao norte, então não. Utah não tem costa. "
    text += "Descartadas essas três, sobra a que fica mais ao sul."
    assert extract_answer(text, options) == Extraction("C", "final_answer")


_SOLE_OPTIONS = [
    "Porque aconteceu em Nova Délhi.",
    "Nenhuma das alternativas acima.",
    "Porque quer evitar as consequências da colisão.",
    "Porque ainda não há mortes.",
]


@pytest.mark.parametrize(
    ("text", "letter"),
    [
        # two meanings of one option, none of the others', among reasons of its own
        ("Quem bate o carro e some geralmente quer fugir das consequências da batida, é o que faz sentido aqui.", "C"),
        # one meaning in common is too little to go on
        ("Quem bate o carro e some está com medo, ninguém para pra ver o estrago nessas horas, é o que eu acho.", None),
        # words of two options: no one option in play
        ("Em Nova Délhi quem bate quer escapar das consequências, ainda mais sem mortes, é o que faz sentido.", None),
    ],
)
def test_a_short_reply_about_one_option_only_paraphrases_it(text: str, letter: str | None) -> None:
    """A short reply that says half of one option's meaning, in two meanings, and nothing of the others' names it,
    whatever reasons it adds; one meaning, or words of two options, name none."""
    assert paraphrased_letter(text, _SOLE_OPTIONS, ABCD) == letter


@pytest.mark.parametrize(
    ("said", "meant"),
    [
        ("encucada", "preocupada"),
        ("enciumado", "jealous"),
        ("grana", "dinheiro"),
        ("cachorrinho", "dog"),
        ("trouxe", "bring"),
    ],
)
def test_everyday_synonyms_slang_and_irregular_forms_share_a_meaning(said: str, meant: str) -> None:
    """Colloquial words, diminutives and irregular verb forms share a meaning with their plain equivalent."""
    assert match(meanings(said)[0], meanings(meant)[0])


@pytest.mark.parametrize(
    ("text", "letter"),
    [
        # a letter that opens the reply and goes on to be described is discussed, not chosen
        ("A B fala do emprego, mas o texto diz banco. C e D não têm base. Portanto, a A.", "A"),
        ("A D é a pegadinha: nada indica isso. Já a C liga a dor ao filme. Resposta: C — descartadas A e D.", "C"),
        # a choice denied, a denial of a denial around the letter, a pronoun that chooses the letter
        ("Então não é que a D não seja a resposta; ela é. Não escolheria B nem C de jeito nenhum.", "D"),
        ("A dor nas costas não impede nada. Eu não descartaria a B, não — é nela que eu fico.", "B"),
        # a list a negation governs closes with "ou"; a reply broken off in a list chooses nothing
        ("A, B e D pegam fatos soltos. Escolho C, não A, B ou D.", "C"),
        ("Descartando:\n- B — nada fala de dinheiro.\n- C — não há perigo.\n\nEntão ficamos entre a A e", None),
        # a letter on its own line after a concluding colon; reasons after a colon do not judge the letter
        ("Ela cuida dele, mas ninguém cuida dela. Ou seja:\n\nA → não tenho ninguém para cuidar de mim", "A"),
        ("Olhando as quatro, a que faz mais sentido é a alternativa D: não tem pra onde ir nem nada pra fazer.", "D"),
        # chat: "vai na A sem medo", "tipo a C né", a laugh before "então B também cai"
        ("kkkkk gente é maratona né, tava com sede, n tem mistério 😂 vai na A sem medo", "A"),
        ("mano sem internet eles iam ter q bancar tudo... tipo a C né", "C"),
        (
            "A) Eliminada.\nB) Vamos ver as outras.\nC) Eliminada.\nD) Faz sentido.\n\nSobra a D, então B também cai.",
            "D",
        ),
        # indecision in other words
        ("Creo que podría ser la B, pero la D también. No sé cuál quieren, as duas parecem válidas pra mim.", None),
        ("O medo puxa para a A, mas o horário indica a B. Consigo justificar as duas e não vou arriscar uma.", None),
        ("Primeiro pensei na C. Mas talvez o certo fosse D. Por outro lado, a C é a única... Deixa eu reler o", None),
        ("Ela esperava alguém (C) ou alguém a esperava (D)? Honestamente fico na dúvida entre as duas.", None),
        # answer keys and letters joined to their word
        ('veredito=alternativa_c; motivo="quem não passa devolve o jetpack"; seguranca=media', "C"),
        ("> **Gabarito provável:** `A`\n>\n> _Justificativa:_ ela estava com gente de quem gosta.", "A"),
        ("Não tem nada que diga que não é uma viagem. Não vejo motivo pra não ficar com a A.", "A"),
    ],
)
def test_commitments_of_held_out_r_and_s(text: str, letter: str | None) -> None:
    """Letters discussed at the opening, choices denied, lists ruled out or broken off, letters after a concluding
    colon, chat closings, indecision in other words, letters joined to their word and answer keys."""
    assert extract_answer(text).letter == letter


def test_records_tables_and_checklists_of_held_out_r_and_s() -> None:
    """JSON answer fields after one that reads no letter, YAML records, true/false and "procede" columns, weak
    verdicts, and checklists that cross with one box and tick with another."""
    record = '{"item_analisado": "pagamento do dia", "alternativas_descartadas": ["A", "C", "D"], "palpite_final": "B"}'
    assert extract_answer(record) == Extraction("B", "structured")
    yaml = (
        'resposta:\n  questao: "Por que eles foram?"\n  opcao_marcada: B\n  raciocinio: o dia bonito\n  certeza: 0.55'
    )
    assert extract_answer(yaml) == Extraction("B", "structured")
    weighed = "```yaml\nitem: 24\nanalise:\n  - opcao: D\n    motivo: nada a ver\n  - opcao: C\n    motivo: não\n"
    weighed += "resposta_escolhida: A\ncerteza: media\n```"
    assert extract_answer(weighed) == Extraction("A", "structured")
    listed = (
        "Alternativa A: De uma palestra\nAlternativa B: De uma turnê\nAlternativa C: De um show\n\nAlternativa C: De"
    )
    assert extract_answer(listed).rule != "structured"
    true_false = "| # | Afirmação | V/F |\n|---|---|---|\n| A | não deu | F |\n| B | excelente | F |\n"
    true_false += "| C | não existe mais | **V** |\n| D | continua | F |"
    assert extract_answer(true_false) == Extraction("C", "structured")
    holds = "| opção | análise | resultado |\n|---|---|---|\n| A | um buraco na grade | procede |\n"
    holds += "| B | — | não procede |\n| C | aconteceu normalmente | não procede |\n| D | forçado | não procede |"
    assert extract_answer(holds) == Extraction("A", "structured")
    weak = (
        "| | Explica? |\n|---|---|\n| A | não |\n| B | ✅ sim — ele queria o modelo |\n| C | fraco, dá pra guardar |\n"
    )
    weak += "| D | meio redundante, toda moto é nova |"
    assert extract_answer(weak) == Extraction("B", "structured")
    boxes = "☒ A) encontrou algo\n☒ B) decidiu ajudar\n☒ C) se acostumou\n☑ D) comeu os pêssegos"
    assert extract_answer(boxes) == Extraction("D", "structured")


def test_options_said_whole_one_after_the_other_are_an_echo() -> None:
    """A reply that repeats three or more options whole without their letters chooses none of them."""
    options = ["Nenhuma das alternativas acima.", "Não, ele não gosta de assistir a estreias.",
               "Sim, para poder dizer que assistiu.", "Sim, porque as pessoas estão falando dela."]  # fmt: skip
    echo = "Ele vai assistir à estreia? " + " ".join(options)
    assert extract_answer(echo, options) == Extraction(None, "no_answer")
    assert extract_answer("Sim, para poder dizer que assistiu.", options).letter == "C"


def test_indecision_in_the_last_sentence_of_a_reply_without_letters_leaves_it_open() -> None:
    """Options weighed in words, then "fico na dúvida" or "não consigo escolher", leave the answer open even if one
    is quoted: a hedge, and a refusal."""
    options = ["Ela tomou um remédio.", "Ela foi ver os bebês.", "Nenhuma das alternativas acima.", "Ela dormiu."]
    text = "A dor é dela, mas os bebês acordam. Até o 'nenhuma das alternativas' poderia servir. {}"
    assert extract_answer(text.format("Fico na dúvida."), options) == Extraction(None, "hedged")
    assert extract_answer(text.format("Não consigo escolher."), options) == Extraction(None, "refusal")
    assert extract_answer("Até o 'nenhuma das alternativas' poderia servir.", options).letter == "C"


@pytest.mark.parametrize(
    ("text", "letter"),
    [
        # a tentative choice with doubt about the question, not between letters
        ("Nada no texto explica a chuva. Eu arriscaria a A, mas sinceramente não sei se era isso que queriam.", "A"),
        # "ou é a C ou é a D" weighs two letters; chat indecision
        ("vish nao sei te falar nao kkkk ou é a C ou é a D, as outras nada a ver", None),
        ("sei la mano o texto nem fala pq. ou é a A ou é a D, tô em dúvida", None),
        # "B mesmo." closes the reply after a correction that went nowhere
        ("C? Não. Logo B. Aliás, pera, e a D... não, a D fala em se odiar, nada a ver. B mesmo.", "B"),
        # reasons after a dash do not judge a concluded letter
        ("Não é B. Também não é C. E a D contradiz o texto. Portanto A — o motivo real não está entre as opções.", "A"),
        # "so basically A", "Probablemente la A"
        ("Yeah so basically A. He just won't let the injury stop his life.", "A"),
        ("Probablemente la A. Llegó tarde, so it's likely she got in trouble.", "A"),
    ],
)
def test_commitments_of_held_out_t_and_u(text: str, letter: str | None) -> None:
    """Tentative choices, "ou é a C ou é a D", a closing "B mesmo.", reasons after a dash, English and Spanish
    conclusions."""
    assert extract_answer(text).letter == letter


def test_structured_answers_of_held_out_t_and_u() -> None:
    """A "predicted" key, records that say an option was ruled out, bare marks out of ten, verdicts in slang, a
    separator with one dash, and the marks above the letters."""
    assert extract_answer('```\n{"question_id": 43, "predicted": "B"}\n```') == Extraction("B", "structured")
    records = '[{"opcao": "A", "descartada": true}, {"opcao": "B", "descartada": false, "motivo": "já quitou"},\n'
    records += ' {"opcao": "C", "descartada": true}, {"opcao": "D", "descartada": true}]'
    assert extract_answer(records) == Extraction("B", "structured")
    marks = "Alternativa | Nota (0-10)\n--- | ---\nA | 2\nB | 1\nC | 3\nD | 9\n\nA de maior nota leva."
    assert extract_answer(marks) == Extraction("D", "structured")
    slang = "| | Opção | Veredito |\n|---|---|---|\n| A | legítima | furada |\n| B | de Londres | nada a ver |\n"
    slang += "| C | reputação | não explica preço |\n| D | mais compradores | **é essa** |"
    assert extract_answer(slang) == Extraction("D", "structured")
    one_dash = "Opção | Comentário | OK?\n:-- | :-- | :-:\nA | poucos | não\nB | móveis | não\n"
    one_dash += "C | explica | **sim**\nD | nada | não"
    assert extract_answer(one_dash) == Extraction("C", "structured")
    above = "| ❌ | ❌ | ❌ | ✅ |\n|:-:|:-:|:-:|:-:|\n| A | B | C | D |"
    assert extract_answer(above) == Extraction("D", "structured")


def test_eliminations_of_held_out_t_and_u() -> None:
    """Questions in a row, a question in the option's own words, and a closing that describes the one option left."""
    options = ["Nenhuma das alternativas acima.", "Ele estava esperando o táxi", "Ele estava esperando o ônibus",
               "Ele estava esperando uma carona"]  # fmt: skip
    text = "Táxi? Ônibus? Carona? As três supõem que ele esperava condução, mas ele estava caído. Fico com o que sobra."
    assert extract_answer(text, options) == Extraction("A", "final_answer")
    options = ["Nenhuma das alternativas acima.", "Ela vai desistir de tudo.", "Ela vai treinar mais antes.",
               "Ela vai quebrar alguma coisa tentando pular."]  # fmt: skip
    text = 'Desistir de tudo? Exagero. Quebrar alguma coisa? Nada indica isso. "Nenhuma" também não. O que sobra é '
    text += "o caminho natural."
    assert extract_answer(text, options) == Extraction("C", "final_answer")
    options = ["Eu tomaria um refrigerante com alguém.", "Eu iria buscar um wrap no Rudy's.",
               "Eu relaxaria um pouco antes de encontrar alguém.", "Eu passaria mais um tempo na piscina."]  # fmt: skip
    text = "O refrigerante e o wrap foram no almoço, então essas duas caem. O que sobra é a que fala dela dar uma "
    text += "relaxada (sol, livro) antes de encontrar a amiga."
    assert extract_answer(text, options).letter == "C"


@pytest.mark.parametrize("text", ["orgulhosa né kkkk ela msm fala q a letra dela ficou mt legal 😎",
                                  "orgulhosa, ela nem escondeu o quanto gostou"])  # fmt: skip
def test_a_one_word_option_opening_a_chat_reply_is_its_answer(text: str) -> None:
    """A one-word option said first, before "né" or a comma and the reasons, is the answer."""
    assert (
        extract_answer(text, ["Orgulhosa", "Nenhuma das alternativas acima.", "Insegura", "Arrependida"]).letter == "A"
    )


@pytest.mark.parametrize(
    ("text", "letter"),
    [
        ("Fico com a última da lista. Dizer que alguém está num lugar melhor é falar de quem já faleceu.", "D"),
        ("Não vejo como não ser a B. Quem não tivesse energia não subiria em tudo, e a D eu não marcaria.", "B"),
        ("Não vejo por que não seria a B. A internet não tem nada a ver. Não tenho dúvida de que não é a D.", "B"),
        ("c) não gostam de pôneis?? não, relendo: o O_O é pura empolgação. Troco minha resposta para a d).", "D"),
        ("Nenhuma bebida é mencionada... então D? Hmm, a fala é de quem bebeu muito. Mudo para A: várias doses.", "A"),
        ("Fico dividido. Mas o sentido geral é esse. Se eu tiver que marcar, vai a D, embora não esteja seguro.", "D"),
        ("ahhh q fofa 🥹 ela tava esperando dar meia-noite pq virava o niver dela né, a D. (e sim ela é igual)", "D"),
        ("gente as minas podem ser menor de idade lá e tão bebendo, por isso é interessante né. c", "C"),
        ("Basically, pitching on short rest is risky. So the best option here is A: ele pode se machucar.", "A"),
        ("A Kim disse que tinha farinha. Eu avisto o Bisquick e digo: usa isso, é a mesma coisa que farinha.", None),
        ("Fico entre a A e a C. Não vejo como separar uma da outra, então não vou cravar nenhuma.", None),
    ],
)  # fmt: skip
def test_commitments_of_held_out_x_and_y(text: str, letter: str | None) -> None:
    """An ordinal of the list, a denied denial after "não vejo", a change of mind to a lower-case label or after a
    question, a choice made because one must, a letter after a word of chat and its article or alone in lower case,
    an adverb between the answer noun and its verb; "é a mesma" is no letter, and refusing to pick is a hedge."""
    assert extract_answer(text).letter == letter


def test_tables_checklists_and_records_of_held_out_x_and_y() -> None:
    """Verdict columns in words of strength, thumbs, targets, "yes"/"nope", a table without outer pipes, a checklist
    that shortens each option in order, JSON keys that name what is left, and a YAML list of option records."""
    strength = "| Opção | Veredito |\n|---|---|\n| A | fraca |\n| B | fraca |\n| C | **forte** |\n| D | fraca |"
    assert extract_answer(strength) == Extraction("C", "structured")
    thumbs = "| Alt. | Bate? | Obs. |\n|---|---|---|\n| A | meh | nada |\n| B | 👍 | a bike vem depois |\n"
    thumbs += "| C | nope | x |\n| D | — | desnecessária |"
    assert extract_answer(thumbs) == Extraction("B", "structured")
    no_pipes = "Opção | Soa certo?\n:-- | :--:\nA | nope\nB | nope\nC | yes\nD | contraditória"
    assert extract_answer(no_pipes).letter == "C"
    options = ["Ela não pertencia às casas das pessoas.", "Nenhuma das alternativas acima.", "Quem escreve concorda.",
               "Porque ele acha que ela merece morrer."]  # fmt: skip
    marks = zip(options, "🚫🚫🚫🎯", strict=True)
    target = "|Alternativa|Status|\n|--|--|\n" + "".join(f"|{option}|{mark}|\n" for option, mark in marks)
    assert extract_answer(target, options) == Extraction("D", "structured")
    options = ["Eu ficaria tão para trás que não conseguiria recuperar o atraso",
               "Eu aproveitaria o dia de folga e me sentiria descansado para continuar estudando amanhã",
               "Eu não conseguiria terminar meus estudos a tempo",
               "Eu ia querer continuar fazendo pausas e acabaria não terminando os estudos"]  # fmt: skip
    checklist = "[ ] ficaria muito para trás\n[✓] aproveitaria a folga e voltaria descansado\n"
    checklist += '[ ] não terminaria a tempo\n[ ] ia querer mais pausas\n\nEla mesma diz que "vai ficar tudo bem".'
    assert extract_answer(checklist, options) == Extraction("B", "structured")
    left = '```json\n{"analise": "desmaio", "descartadas": ["A", "C", "D"], "fica": "B", "certeza": "média"}\n```'
    assert extract_answer(left) == Extraction("B", "structured")
    output = '{"q": "por que", "hipoteses": {"A": "descartada", "B": "descartada", "C": "inverte"}, "output": "D"}'
    assert extract_answer(output) == Extraction("D", "structured")
    records = "- opcao: A\n  ok: false\n  nota: consequência\n- opcao: C\n  ok: false\n- opcao: D\n  ok: true\n"
    records += "  nota: há uma doença\n- opcao: B\n  ok: false"
    assert extract_answer(records) == Extraction("D", "structured")


def test_eliminations_of_held_out_x_and_y() -> None:
    """The one option left after letters ruled out by what their sentences say, by questions about two options, or
    by questions answered in the next sentence; an elimination broken off before its choice chose nothing."""
    options = ["Porque o autor achava que essa pessoa podia ter esquecido coisas sobre ele, mas ela não esqueceu.",
               "Nenhuma das alternativas acima.", "Porque essa pessoa pode deslumbrar todos com uma obra de ficção.",
               "Porque o autor gosta dos vídeos."]  # fmt: skip
    text = "Vamos riscando:\n- a A trata de ela ter se lembrado de coisas — não tem relação com os vídeos;\n"
    text += "- a C fala da futura obra de ficção, também nada a ver com YouTube;\n- e dizer que nenhuma serve (B) não "
    text += "se sustenta.\n\nRiscadas essas três, só sobra uma, e é ela que eu marco."
    assert extract_answer(text, options) == Extraction("D", "final_answer")
    options = ["Eu posso ter ido a uma after-party depois do baile.", "Eu posso ter ido para casa depois do baile.",
               "Eu posso ter ido para a escola depois do baile.",
               "Eu posso ter ido a uma biblioteca depois do baile."]  # fmt: skip
    text = "Voltar para a escola ou ir à biblioteca numa sexta à noite depois do baile? Não. Ir direto pra casa também "
    text += 'não combina com "o depois foi mais divertido". Só resta uma opção de pé.'
    assert extract_answer(text, options) == Extraction("A", "final_answer")
    options = ["O narrador doou o cabelo", "O narrador cortou o cabelo", "Nenhuma das alternativas acima.",
               "O narrador ganhou uma peruca"]  # fmt: skip
    text = "Cortou o cabelo (B)? Sim, mas isso é o que acontece durante a história. Ganhou uma peruca (D)? Não, ela é "
    text += 'que doa. "Nenhuma" (C) também não, porque ainda sobra uma que se encaixa: os centímetros foram doados.'
    assert extract_answer(text, options) == Extraction("A", "final_answer")
    options = ["Richard vai conhecê-la pela primeira vez.", "Nenhuma das alternativas acima.",
               "Richard não vai chegar ao local do encontro.",
               "Ela vai conseguir a redenção que está buscando."]  # fmt: skip
    text = 'A: o Richard não vai "conhecê-la pela primeira vez", eles já se conheciam. C: nada diz que ele não chegou. '
    text += "D: a redenção é uma reflexão geral da autora. Sobrou uma só."
    assert extract_answer(text, options) == Extraction("B", "final_answer")
    cut = 'Eliminando: "explodir" (B) não é algo que uma rolha faz. "Ir até o cérebro" (D) é absurdo. Entre as que '
    cut += "sobraram, a A diria que nenhuma serve, e a C"
    assert extract_answer(cut).letter is None
    cut = 'Eliminando:\n\nA) "ficaria para trás" → exagero. Fora.\nC) "não terminaria" → exagerado. Fora.\n'
    cut += 'D) "ia querer continuar fazendo pausas" → o texto diz "vai ficar tudo bem", então'
    assert extract_answer(cut).letter is None
    assert extract_answer("Vamos eliminar:\n\n• D — exemplo de benefício, não o motivo;\n• C —").letter is None


def test_echoes_and_blocks_of_held_out_x_and_y() -> None:
    """Options' texts under a garbled label of their own, a question restated before an echo, a question invented
    after the opening answer, an inline list of the options, prompt lines one under the other, and a heading before
    a prompt block."""
    options = ["Eles estão guardando os materiais bons para as encomendas.",
               "Eles estavam prestes a começar a trabalhar numa peça italiana.",
               "Eles queriam fazer algo legal para as pessoas.", "Eles não queriam tentação em casa."]  # fmt: skip
    labelled = "Perempreiro: O Luke e a autora fizeram biscoitos.\n" + "".join(
        f"Perempreiro: {option}\n" for option in options[:3]
    )
    assert extract_answer(labelled + "\nPerempreiro:", options).letter is None
    options = ["Eu teria uma reação alérgica ao chiclete.", "Eu tive vontade de não engolir.",
               "Nenhuma das alternativas acima.", "Estou tentando comer de forma mais saudável."]  # fmt: skip
    restated = "Para que eu tienen uma reação alerada ao chiclete.\n\n" + "".join(
        f"Alternativa {letter}) {option}\n" for letter, option in zip("ABCD", options[1:] + options[:1], strict=True)
    )
    assert extract_answer(restated, options).letter is None
    options = ["Porque estávamos com fome.", "Porque a Julie estava no paraíso.",
               "Porque definitivamente há uma classe melhor de mulheres do Oriente Médio por lá.",
               "Porque tomamos banho e nos trocamos."]  # fmt: skip
    invented = "Alternativa D) Porque há uma classe melhor de mulheres por lá.\n\nPeremropeia: Por que estámos?\n"
    invented += "Alternativa A) Porque estávamos com"
    assert extract_answer(invented, options) == Extraction("D", "keyword")
    options = ["Irritada", "Interessada", "Nenhuma das alternativas acima.", "Grata"]
    inline = "Pergunta: Como essa pessoa estava se sentindo?\nOpções: Irritada, Interessada, Nenhuma das alternativas "
    inline += "acima, Grata\nResposta:"
    assert extract_answer(inline, options).letter is None
    fenced = "```\nquestao  : por que os espectadores comemoraram\ncontexto : absolvição\n>>> C\n```\nEles torciam."
    assert extract_answer(fenced).letter == "C"
    headed = "### Pergunta 37\n\n```\nContexto : Bell limitando tráfego\nIntenção : reduzir\n```\n\n**→ Alternativa C**"
    assert extract_answer(headed + " — manter a rede justa.").letter == "C"
    struck = "1. ~~A — um amigo compraria~~\n2. ~~B — três livros~~\n3. ~~C — nenhuma~~\n4. **D — um presente** ⬅️"
    assert extract_answer(struck).letter == "D"


def test_words_of_paraphrases_of_held_out_x_and_y() -> None:
    """The words "até" and "dei" carry no content, "pegar a estrada" is travelling, and an option list said inline
    quotes no option."""
    options = ["Me mudei para D.C. por capricho.", "Nenhuma das alternativas acima.",
               "Decidi dirigir até Lugar Nenhum, Pensilvânia.",
               "Dei meia-volta e voltei para onde eu estava."]  # fmt: skip
    text = "Provavelmente ela deu meia-volta com o carro e refez o caminho até o ponto de onde tinha saído."
    assert paraphrased_letter(text, options, ABCD) == "D"
    options = ["Tive que me reunir com a empresa para impressionar os chefes do meu namorado.",
               "Tive que fazer as malas e viajar até o local da festa, no norte da Califórnia.",
               "Tive que fazer as malas e me mudar para o local da festa, no norte da Califórnia.",
               "Tive que fazer as malas e viajar até o local da festa, no norte do Colorado."]  # fmt: skip
    text = "Porque eu precisei arrumar mala e pegar a estrada até o norte da Califórnia, onde foi a festa."
    assert extract_answer(text, options).letter == "B"
    assert quoted_letter("Opções: Irritada, Interessada, Nenhuma das alternativas acima, Grata", [
        "Irritada", "Interessada", "Nenhuma das alternativas acima.", "Grata"], ABCD) is None  # fmt: skip


@pytest.mark.parametrize(
    ("text", "letter"),
    [
        ('Não é a autora (A) e muito menos Deus (C). O "ela" só pode ser o carro. Alternativa B.', "B"),
        ("mds q fds puxado, trabalhou sexta e sábado e ainda foi pro jogo 😵 B sem dúvida", "B"),
        ("A e B atribuem motivos que o texto não sugere. A C trata de postura. Entre A e C, C sem dúvida.", "C"),
        ("Las opciones B y D dicen algo sin sentido. La C, sin duda.", "C"),
        ("A B sem dúvida não é.", None),
        ("A antepenúltima. O texto diz que é preciso brigar para ver quem passa primeiro.", "B"),
        ("C e D não me convencem. Não vejo como não marcar a A: ela está presa no trabalho.", "A"),
        ("Não seria incorreto marcar a C. Ele já estava mal.", "C"),
        ("A opção C não é uma que eu descartaria. O texto não diz por que ele mexeu no tear.", "C"),
        ("Não dá pra dizer que a C não descreve o que acontece. A A e a B não têm base nenhuma.", "C"),
        ("# Resposta\n\n1. O texto cita uma taxa\n2. ~~Várias taxas~~ — é uma\n\n> **Alternativa B**", "B"),
        ("---\n**Pergunta:** o que acontece?\n\nO mais provável é seguir igual.\n\n**Resposta →** `D`\n---", "D"),
        ("Vamos analisar as alternativas uma a uma:\n\n**A)** Ele estava procurando os parentes —", None),
    ],
)  # fmt: skip
def test_commitments_of_held_out_z_and_aa(text: str, letter: str | None) -> None:
    """A letter named alone as the last sentence, affirmed without a comma (in Spanish too, not before a negation),
    "a antepenúltima", denied denials around the letter, a numbered list under a heading, a prompt block after a
    rule, and a walk through the options broken off at the first."""
    assert extract_answer(text).letter == letter


def test_structured_answers_of_held_out_z_and_aa() -> None:
    """Option records scored under one key, option rows by text with a thumb inside a sentence, and letter cells
    after a long dash with negative verdicts in words."""
    scored = '[\n  {"opcao": "A", "plausibilidade": 0.05},\n  {"opcao": "B", "plausibilidade": 0.80},\n'
    scored += '  {"opcao": "C", "plausibilidade": 0.05},\n  {"opcao": "D", "plausibilidade": 0.10}\n]\nveredito: B'
    assert extract_answer(scored) == Extraction("B", "structured")
    options = ["Alguém que planeja bem", "Nenhuma das alternativas acima.", "Alguém imprevisível",
               "Alguém que é bêbado"]  # fmt: skip
    table = "| alternativa | combina com o Stefan? |\n|---|---|\n| Alguém que planeja bem | nem de longe |\n"
    table += "| Nenhuma das alternativas | — |\n| Alguém imprevisível | 👍 avisa da visita do nada |\n"
    table += "| Alguém que é bêbado | quem encheu a cara foi o narrador |\n\nFico com a linha do 👍."
    assert extract_answer(table, options) == Extraction("C", "structured")
    dashed = "| Alternativa | Faz sentido? |\n|---|---|\n| A — decoradora | nope |\n"
    dashed += "| B — vai casar lá | **é essa**, ela se apresenta como a noiva |\n| C — noivo pastor | sem base |\n"
    dashed += "| D — vai ao casamento dela | inverte os papéis |"
    assert extract_answer(dashed) == Extraction("B", "structured")


def test_replies_of_held_out_bb() -> None:
    """A JavaScript object, the options listed in prose with "nenhuma" among them, eliminations whose lines close on
    a ruling-out phrase or a bare "Não.", a last column that marks a single row, cell verdicts of missing evidence,
    criteria ticked in words before a checklist by letter, dot leaders and an ordinal alone as the first sentence."""
    assert extract_answer("resposta: {letra: 'D', motivo: 'estava procurando a previsão do tempo'}").letter == "D"
    options = ["Os políticos vão cumprir todas as suas obrigações.", "Todo político diz a verdade o tempo todo.",
               "Nenhuma das alternativas acima.", "A maioria das promessas não é cumprida."]  # fmt: skip
    listed = "Essa é uma pergunta sobre políticos. As opções são: os políticos vão cumprir tudo, todo político diz a "
    listed += "verdade, nenhuma das alternativas, ou a maioria das promessas não é cumprida."
    assert extract_answer(listed, options).letter is None
    options = ["Eu veria meus parentes.", "Nenhuma das alternativas acima.", "Eles são difíceis de agradar.",
               "Eu postaria nas redes sociais."]  # fmt: skip
    lines = "C: não há nada dizendo que os parentes são difíceis de agradar. Fora.\nD: redes sociais nem aparecem. "
    lines += 'Fora.\nB: "nenhuma" não cabe, porque o autor admite o ponto.\n\nSobrou uma só, e ela tem respaldo.'
    assert extract_answer(lines, options) == Extraction("A", "final_answer")
    options = ["Ele se recusava a procurar.", "Ele usou várias estratégias diferentes.",
               "Ele sempre se escondia no mesmo lugar.", "Ele copiava as outras crianças."]  # fmt: skip
    noes = 'A: ele se escondeu nas duas rodadas, não tem nada de "se recusar a procurar". Não.\nC: mesmo lugar? '
    noes += "Primeiro foi a despensa. Não.\nD: copiou os outros? Ele fez o contrário. Não.\n\nEntão fica a que sobrou."
    assert extract_answer(noes, options) == Extraction("B", "final_answer")
    criteria = "| Opção | Gosta? | É hard SF? | Bate com o texto? |\n|---|---|---|---|\n| A | sim | sim | ✗ |\n"
    criteria += "| B | não | sim | ✗ |\n| C | não | não | ✓ |\n| D | (fala de soft) | não | ✗ |"
    assert extract_answer(criteria) == Extraction("C", "structured")
    options = ["Odiou a mudança", "Cachorros e a época do mês", "Nenhuma das alternativas acima.",
               "O iPhone apagando frases inteiras"]  # fmt: skip
    evidence = "| Hipótese | Veredito |\n|---|---|\n| Odiou a mudança | sem evidência |\n"
    evidence += "| Cachorros + época do mês | mistura duas coisas |\n| Nenhuma | improvável |\n"
    evidence += "| iPhone apagando frases inteiras | **é isso** |"
    assert extract_answer(evidence, options) == Extraction("D", "structured")
    ticked = "Critérios:\n- ✔️ lida com pessoas com frequência\n- ❌ lida raramente\n\nCom isso sobram C e D.\n\n"
    assert extract_answer(ticked + "- [x] C\n- [ ] D") == Extraction("C", "structured")
    leaders = "```\n+-----------------+\n|  RESPOSTA       |\n|  alternativa ........ C  |\n+-----------------+\n```"
    assert extract_answer(leaders).letter == "C"
    assert extract_answer("Terceira. O número simplesmente era novo pra ela.") == Extraction("C", "ordinal")
    assert extract_answer("Primeira vez que vejo isso.").letter is None


def test_replies_of_held_out_cc() -> None:
    """A return to a letter weighed before, a guess announced, a reply on the fence, an option said to be inverted, a
    conclusion that settles two verdicts, a correction that names two letters at once, a table's row by its ordinal
    and options ruled out by noun phrases before "none of them fits"."""
    back = "Primeiro pensei na B, porque ela fala da mudança.\n\nMas a A também explica a raiva dele.\n\nVolto pra B. "
    assert extract_answer(back + "Fechado.").letter == "B"
    guess = "Não sei bem... talvez a C, talvez a D. Vou chutar D, mas sem muita confiança."
    assert extract_answer(guess).letter == "D"
    fence = "Pelo trecho, ela saiu por causa do frio, então a opção A está invertida. Sobra saber se foi o barulho (B) "
    assert extract_answer(fence + "ou a chuva (D). Fico em cima do muro entre essas duas.") == Extraction(
        None, "hedged"
    )
    assert extract_answer("A opção A está invertida; o resto eu não sei.").letter is None
    assert extract_answer("I'm on the fence between A and D; both fit the last paragraph.").letter is None
    settled = "A B é quase certa, mas ela fala do mês passado. A D contradiz o texto. Então A, e não B."
    assert extract_answer(settled).letter == "A"
    two = "Eliminando:\n- C: não tem base. ✗\n\nHmm, na verdade a A e a B descrevem o mesmo momento, então preciso "
    two += "ver qual delas é o motivo. Entre A, B e D, o texto diz que"
    assert extract_answer(two).letter is None
    rows = "| Opção | Plausível? |\n|---|---|\n| A | não |\n| B | talvez |\n| C | talvez, o texto sugere |\n"
    assert extract_answer(rows + "| D | não |\n\n**Veredito:** a terceira linha.") == Extraction("C", "ordinal")
    # without a table, a line is a line of the text
    assert extract_answer("Na segunda linha do texto ela diz que estava cansada.").letter is None


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a line that judges a letter is no table row
        ("Na primeira linha a B parece boa.\nMas a D é a correta.", "D"),
        ("The second row of the story says he left. So the answer is C.", "C"),
    ],
)
def test_a_row_outside_a_table_names_no_option(text: str, expected: str) -> None:
    """An ordinal before "linha" or "row" names an option only in a reply that holds a table."""
    assert extract_answer(text).letter == expected


def test_replies_of_held_out_dd() -> None:
    """An answer key "marcar", option records "confirmada", a line of code that returns the letter, a ruling-out
    denied with emphasis, eliminations that close on a description, hedges and refusals in words, a conclusion the
    evidence "points to", a choice made final, checklists and table cells in words, and an option's own "no"."""
    assert extract_answer('{"emocao": "alívio", "confiante": false, "marcar": "B"}').letter == "B"
    records = '[{"opcao": "A", "status": "descartada"}, {"opcao": "B", "status": "confirmada"}, '
    assert extract_answer(records + '{"opcao": "C", "status": "descartada"}]').letter == "B"
    code = "```\n> pesar(opcoes)\n  A ..... contradiz o texto\n  C ..... compatível\n> return 'C'\n```"
    assert extract_answer(code) == Extraction("C", "structured")
    assert extract_answer("Nada indica a A nem a D. Eu não descartaria a C de jeito nenhum. É ela.").letter == "C"
    options = ["Ela fica com raiva da irmã.", "Ela muda de ideia sobre o filme.", "Ela se sente mais confiante.",
               "Nenhuma das alternativas acima."]  # fmt: skip
    closing = "- raiva da irmã? elas só conversaram, não;\n- mudar de ideia sobre o filme? ela nem viu o filme;\n"
    closing += "- nenhuma? tem uma que encaixa.\n\nFica a que sobrou: ela sai de lá bem mais segura de si."
    assert extract_answer(closing, options) == Extraction("C", "final_answer")
    sole = "A irmã não aparece com raiva. O filme nem foi visto. 'Nenhuma'? Não. Fica aquela que fala de confiante."
    assert extract_answer(sole, options).letter == "C"
    open_two = (
        "Pode ser a B. Não sei dizer com segurança se é a B ou se nenhuma delas explica; deixo as duas em aberto."
    )
    assert extract_answer(open_two, options) == Extraction(None, "hedged")
    refusal = "None of them fits cleanly, and I'm not sure 'nenhuma' is right either. Can't commit on this one."
    assert extract_answer(refusal, options).letter is None
    assert extract_answer("Ela riu no fim. Isso aponta para B, não para A.", options).letter == "B"
    final = "Então C. Espera, a A fala da irmã, que nem aparece brava. C mesmo, final."
    assert extract_answer(final, options).letter == "C"


def test_checklists_and_cells_in_words() -> None:
    """A checklist of option texts whose entries all but one quote their own option is in the options' order, an
    entry that shares a word with another option too still stands in its place, a tick taken back in part is no
    tick, and a mark that closes a cell of words judges its row."""
    options = ["Outros candidatos queriam a minha vaga.", "Havia muita concorrência para um único cargo.",
               "Nenhuma das alternativas acima.", "Não havia concorrência para vários cargos."]  # fmt: skip
    quoted = "☐ outros candidatos queriam a minha vaga: nada no texto\n☑ oitenta pessoas atrás de uma vaga só\n"
    assert extract_answer(quoted + "☐ nenhuma das alternativas\n☐ não havia concorrência: é o oposto", options) == (
        Extraction("B", "structured")
    )
    options = ["Porque a alergia estava forte.", "Porque a falta de sono pesava.", "Porque achou que podia deixar o "
               "bebê doente.", "Porque não tinha dormido nada na semana passada."]  # fmt: skip
    tied = "✗ alergia forte\n✗ falta de sono\n✓ medo de passar germes para o bebê\n✗ não ter dormido na semana passada"
    assert extract_answer(tied + "\n\nA frase decisiva é a última.", options) == Extraction("C", "structured")
    cells = "| Característica | Apoio |\n|---|---|\n| curto e arrumado | 'corte chanel', 'as luzes' ✔✔ |\n"
    cells += (
        "| parecia um bigode | ✘ o bigode é dele |\n| nenhuma | ✘ |\n| de professora | ✔ em parte, comentário solto |"
    )
    options = ["Era curto e arrumado.", "Parecia um bigode.", "Nenhuma das alternativas acima.", "Era de professora."]
    assert extract_answer(cells, options) == Extraction("A", "structured")


def test_an_option_s_own_no_after_its_letter_quotes_it() -> None:
    """ "C — no, he is not going to watch it" repeats the "Não," that opens option C: it restates C, not rejects it;
    a bare "C: não.", or a "não" that goes on to contradict C, still rejects."""
    options = ["Nenhuma das alternativas acima.", "Sim, ele vai assistir à estreia.", "Não, ele não assiste muito TV.",
               "Sim, para poder comentar depois."]  # fmt: skip
    restated = "C — no, he is not going to watch it. Ele diz que nunca viu uma estreia de temporada de propósito."
    assert extract_answer(restated, options).letter == "C"
    assert extract_answer("C: não. B: não. D: sim, é a certa.", options).letter == "D"
    assert extract_answer("C: não, o texto diz que ele vê.", options).letter is None


def test_the_closing_clause_after_a_dash_may_quote_the_option() -> None:
    """ "Pela cena — quarto de hotel, cabelo bagunçado — é minha namorada." quotes option A in its last clause."""
    options = ["Ela é minha namorada", "Ela é minha melhor amiga", "Ela é minha mãe", "Nenhuma das alternativas acima."]
    scene = "Pela cena — quarto de hotel, ela enrolada no lençol, cara de sono — é minha namorada."
    assert extract_answer(scene, options) == Extraction("A", "option_text")
    assert extract_answer("Pela cena — quarto de hotel, cara de sono — não sei dizer quem é.", options).letter is None


def test_a_short_reply_s_first_sentence_may_paraphrase_alone() -> None:
    """A first sentence that says one option, followed by reasons about the others, paraphrases that option."""
    options = ["Ela ia ao mercado depois.", "Ela ia encontrar a irmã em breve.", "Ela achou que seria uma caminhada "
               "agradável.", "Era domingo."]  # fmt: skip
    reply = "Ela só achou que ia ser uma caminhada gostosa. Não tem nada a ver com o dia da semana nem com o que vinha "
    assert extract_answer(reply + "depois.", options).letter == "C"


def test_replies_of_held_out_ee() -> None:
    """A lean, a caveat after the choice, a verdict heading, an HTML option selected, a refusal to commit, a dash that
    closes a sentence of choosing, lines of an elimination without a header, a reason right after the letter, a
    correction that takes earlier letters back, a reply broken off at its answer, a quote that is an option's text,
    and a label set aside by "em vez de"."""
    assert extract_answer("talvez A? mas pode ser a C também... inclino pra A, com ressalvas").letter == "A"
    caveat = (
        "A D está no texto, mas não mata ninguém. Vou de B, com a ressalva de que o texto não fala em contaminação."
    )
    assert extract_answer(caveat).letter == "B"
    heading = "## Análise\n\nO texto fala da luz.\n\n### Veredito\n> **Alternativa C** — a luz estava acabando.\n\n"
    assert extract_answer(heading + "*As salas (A) e o busto (B) são cenário.*").letter == "C"
    html = '<select>\n  <option value="A">Roupas</option>\n  <option value="B" selected>Dinheiro</option>\n</select>'
    assert extract_answer(html + "\nQuem pensa em assaltar banco pensa em dinheiro.") == Extraction("B", "structured")
    refusal = "Option B fits one reading, D another, and 'nenhuma' is on the table. I'll leave this one open."
    assert extract_answer(refusal).letter is None
    dash = "It used to be his room, right? So I'd say it gives her a place for her son to sleep — D. (C is close.)"
    assert extract_answer(dash).letter == "D"
    options = ["As pessoas não queriam votar.", "Ele não apoiava nenhum candidato.", "Ele tinha coisa melhor a fazer.",
               "Ele esperava novembro."]  # fmt: skip
    lines = "A: nada no texto fala de gente sem vontade de votar.\nB: o texto diz justamente que NÃO era por isso.\n"
    lines += "D: ele não estava esperando nada.\nSobrou uma só, e ela bate com 'era uma chatice'."
    assert extract_answer(lines, options).letter == "C"
    assert extract_answer("letra B pq ele é bixo do 1º ano, ele q tava no lugar errado kkkk").letter == "B"
    assert extract_answer("C? nao pera kkkk ela falou q ia ter briga 😂 entraram no primeiro lugar. A").letter == "A"
    broken = "Minha primeira impressão foi a A. Mas, pensando melhor, a frustração apontaria para a C. Deixa eu "
    broken += "reconsiderar. Pesando tudo, a resposta correta é a"
    assert extract_answer(broken) == Extraction(None, "no_answer")
    options = ["Ela teria que desenhar", "Perguntei se ela queria tênis", "A Emma precisava de sapatos novos.", "Nada"]
    quoted = 'Acho que a resposta é: "A Emma precisava de sapatos novos." As outras são frases do texto.'
    assert extract_answer(quoted, options) == Extraction("C", "option_text")
    aside = "B) Eu teria assado biscoitos novos. Como foi a primeira tentativa, a pessoa provavelmente tentaria de "
    options = ["Mais leite", "Eu teria assado biscoitos novos", "Nada", "Salgados", "Eu teria desistido de vez"]
    assert extract_answer(aside + "novo, em vez de desistir de cara (E).", options).letter == "B"


def test_replies_of_held_out_ff() -> None:
    """A denial of not thinking a letter right, a table with one row ticked among rows of reasons, ordinals after an
    adverb, a description after "The answer is", a dict with a trailing comma, "So, A.", a survivor that is "a
    outra", a reply broken off with two options left, "both seem possible" and boxes after their letters."""
    assert (
        extract_answer(
            "Voltar eu não cravaria; separar também não. Então não é que eu não ache a D a certa. Acho, sim."
        ).letter
        == "D"
    )
    table = "| Opção | Veredito |\n|---|---|\n| A | aconteceu durante o evento |\n| B | a limpeza é parte do evento |\n"
    table += "| C | ✔ chegou em casa cansado, lá pela meia-noite |\n| D | o post é este texto |\n\nFico com o marcado."
    assert extract_answer(table) == Extraction("C", "structured")
    assert extract_answer("Obviamente a última: ela faz 36 anos porque nasceu há 36 anos.") == Extraction(
        "D", "ordinal"
    )
    assert extract_answer("Honestamente, a penúltima. O texto não explica nada.") == Extraction("C", "ordinal")
    options = ["Porque as aulas estão acabando.", "Porque as aulas vão bem.", "Porque ando muito ocupada e preciso "
               "descansar.", "Nenhuma das alternativas acima."]  # fmt: skip
    described = "She's been swamped. The answer is the one about being really busy lately and needing to rest."
    assert extract_answer(described, options).letter == "C"
    assert extract_answer('resposta = {\n    "consideradas": ["B", "C"],\n    "letra_final": "B",\n}').letter == "B"
    assert (
        extract_answer("Prunes are the classic remedy for that. So, A. The other options make no sense.").letter == "A"
    )
    assert (
        extract_answer("C contradiz a pergunta. D inverte a recomendação. A não se aplica. Fica a outra.").letter == "B"
    )
    options = ["Não gosta de compras.", "Não gosta de pôneis.", "Gosta de passear pelo shopping.", "Nenhuma delas."]
    broken = "A: foi passear no shopping, não detesta compras.\nB: pensou em comprar os pôneis, então gosta.\n"
    assert extract_answer(broken + 'Restam C e D; "gosta de passear pelo shopping" tem', options).letter is None
    assert extract_answer(broken + "Restam C e D. Fico com a C", options).letter == "C"
    both = "Fiquei entre a B e a C. Talvez ela não ouvisse (B)... mas também pode ser C. As duas me parecem possíveis."
    assert extract_answer(both) == Extraction(None, "hedged")
    assert extract_answer("A ☐\nB ☐\nC ☐\nD ☑ Porque ela é uma boa mãe") == Extraction("D", "structured")


def test_replies_of_held_out_gg() -> None:
    """Answer keys of program records ("fico_com", "resp", a nested "escolhida"), a yes-or-no column with reasons,
    star grades, a box before "sem ...", a lower-case letter in chat, ordinals after a comma and "a derradeira",
    "prefiro não arriscar" and indecision between two, eliminations broken off, letters a negation sets aside, a walk
    broken off at its first step, a quoted option chosen late and options named by the one beside them."""
    options = ["Ele vendeu a casa.", "Ele alugou a casa.", "Nenhuma das alternativas acima.", "Ele reformou a casa."]
    assert (
        extract_answer('{"descartadas": {"A": "não vendeu nada"}, "fico_com": "D", "certeza": 0.7}', options).letter
        == "D"
    )
    assert extract_answer('{"n": 4, "hipotese_rejeitada": "ele vendeu a casa", "resp": "B"}', options).letter == "B"
    nested = 'avaliacao:\n  pergunta: "o que ele fez com a casa"\n  escolhida: C\n  comentario: "nada disso aparece"'
    assert extract_answer(nested, options).letter == "C"
    asked = "| Opção | Resumo | Cabe no texto? |\n|---|---|---|\n| A | vendeu | não, ele ainda mora lá |\n"
    asked += "| B | alugou | sim — fala do inquilino |\n| C | nenhuma | sobra |\n| D | reformou | nada de obra |"
    assert extract_answer(asked, options) == Extraction("B", "structured")
    stars = "| | Opção | Nota |\n|---|---|---|\n| A | vendeu | ★★☆ quase |\n| B | alugou | ☆☆☆ |\n"
    stars += "| C | nenhuma | ★☆☆ |\n| D | reformou | ★★★ é o que ele conta |"
    assert extract_answer(stars, options) == Extraction("D", "structured")
    options = [
        "Ela tem medo do escuro.",
        "Ela não tem medo do escuro.",
        "Nenhuma das alternativas acima.",
        "Ela gosta de filmes.",
    ]
    boxes = "- [ ] medo do escuro\n- [x] sem medo do escuro\n- [ ] nenhuma\n- [ ] filmes"
    assert extract_answer(boxes, options) == Extraction("B", "structured")
    assert extract_answer("kkkk mano ela nem liga pro escuro obv q é a b, sem crise").letter == "B"
    assert extract_answer("nada a ver com filme nem com medo, é a que sobra, a terceira") == Extraction("C", "ordinal")
    assert extract_answer("Descartei as três primeiras. Fico com a derradeira.") == Extraction("D", "ordinal")
    assert extract_answer("Talvez a C (ele parece cansado)? Mas a D também cabe. Prefiro não arriscar.").letter is None
    weighed = 'A B quase serve. Mas "nenhuma das alternativas" também se defende. Fico dividida entre essas duas.'
    assert extract_answer(weighed, options) == Extraction(None, "hedged")
    cut = "Primeiro, o que não serve:\n\nA — ela mesma diz que dorme de luz apagada.\nD — filmes nem aparecem"
    assert extract_answer(cut + "\nC — ela diz que o", options).letter is None
    left = "A: não. B: também não.\nRestam C e D. A C explica o atraso, mas o"
    assert extract_answer(left).letter is None
    said = "A correta é a B. Ela dorme tranquila — não tem medo (A), nem fala de filmes (D)."
    assert extract_answer(said, options).letter == "B"
    assert extract_answer("A resposta é B: ela dorme bem, não por algo como A ou D.") == Extraction("B", "final_answer")
    walk = "Vou passar por cada alternativa:\n\nA) Ela tem medo do escuro — só valeria se ela evitasse apagar a luz."
    assert extract_answer(walk, options).letter is None
    changed = (
        'Resposta: A.\n\nRelendo, ela diz que apaga a luz sem problema. Troco: fico com "ela não tem medo do escuro".'
    )
    assert extract_answer(changed, options).letter == "B"
    assert extract_answer("Marco a que vem logo antes da D.").letter == "C"
    assert extract_answer("I'd pick the one right after B.").letter == "C"
    assert extract_answer('Fico com a que vem depois de "Ela não tem medo do escuro".', options).letter == "C"


def test_replies_of_held_out_hh() -> None:
    """That the text does not tell is the reason for "none of the above", an adverb inside a verb of choosing, the
    article of a letter ("A E cobre"), "fico na B" and "C, acho", a reply broken off at "whether B", "a alternativa
    da ...", a cell that only says "isso", numbers that count from zero, "B com ctz", "é a D neh", coloured squares and
    a returned letter the item lacks."""
    options = ["Ela foi ao cinema.", "Nenhuma das alternativas acima.", "Ela ficou em casa.", "Ela viajou com a mãe."]
    unclear = "Resposta: B (Nenhuma das alternativas acima). O texto não deixa claro aonde ela foi."
    assert extract_answer(unclear, options) == Extraction("B", "keyword")
    assert extract_answer("Entre A e C, que só repetem o texto, e a D, fico sem dúvida com a **D**.").letter == "D"
    assert extract_answer("Escolho a C.\nA D só fala da viagem; a C cobre melhor o que ela sente.").letter == "C"
    assert (
        extract_answer("Talvez a B, mas com dúvida. A C também faz sentido... fico na B, sem muita certeza.").letter
        == "B"
    )
    assert extract_answer("Não é a A nem a B. C, acho — ela ficou em casa.").letter == "C"
    cut = (
        "Let me think. Option C restates the question and D makes no sense. A sounds right, but let me check whether B"
    )
    assert extract_answer(cut).letter is None
    assert extract_answer("Tirei A e B. Então fico com a alternativa da viagem.", options).letter == "D"
    table = "| | o que diz | serve? |\n|---|---|---|\n| A | cinema | nem a pau |\n| B | nenhuma | errado |\n"
    table += "| C | casa | **isso** |\n| D | viagem | não, a mãe nem aparece |"
    assert extract_answer(table, options) == Extraction("C", "structured")
    assert extract_answer('{"resposta_idx": 2, "contagem": "começa em 0"}', options) == Extraction("C", "structured")
    assert extract_answer('{"label": 0, "motivo": "cinema"}', options) == Extraction("A", "structured")
    assert extract_answer('{"label": 2, "motivo": "casa"}', options) == Extraction(None, "no_answer")
    assert extract_answer("kkkk B com ctz, ninguém ia ficar em casa num sábado").letter == "B"
    assert extract_answer("ahh é a D neh, ela e a mãe numa viagem 🥹").letter == "D"
    squares = "🟥 A – cinema? não\n🟩 B – nenhuma\n🟥 C – em casa? não\n🟥 D – viagem? não"
    assert extract_answer(squares, options) == Extraction("B", "structured")
    assert extract_answer("return 'F'", options) == Extraction(None, "invalid_letter")


def test_replies_of_held_out_ii() -> None:
    """Letter words of exams ("afirmativa correspondente à D", "de letra C", "Assertiva B"), a code line assigning the
    answer, LaTeX commands that wrap nothing, "C over the others", "unable to determine", a line's verdict after its
    dash, "jamais A", a star before a verdict cell and "C na cara"."""
    assert extract_answer("Fico com a afirmativa correspondente à D.").letter == "D"
    assert extract_answer("Resposta: alternativa de letra C").letter == "C"
    assert extract_answer("Assertiva B: correta. As demais, erradas.").letter == "B"
    code = '```python\nalternativas = {"A": "chuva", "B": "sol", "C": "nenhuma", "D": "neve"}\n'
    code += 'resposta_final = alternativas["D"]\n```'
    assert extract_answer(code) == Extraction("D", "structured")
    latex = "\\begin{itemize}\n  \\item[(A)] exagero\n  \\item[(B)] sem base\n\\end{itemize}\n"
    latex += "\\medskip\\textbf{Resposta: (C)}"
    assert extract_answer(latex).letter == "C"
    assert extract_answer("Not much to go on, but I'd go with C over the others.").letter == "C"
    unable = "I'm unable to determine this. A fits the first part and B the second. I'd rather not pick one."
    assert extract_answer(unable) == Extraction(None, "hedged")
    lines = "A: ela ri da piada, não chora — fora.\nC: o texto nem fala disso — fora.\n"
    lines += "D: inverte quem fez o quê — fora.\n\nSobrou uma."
    assert extract_answer(lines) == Extraction("B", "final_answer")
    assert extract_answer("Não digo que a A é errada. Portanto fico com C, jamais A.").letter == "C"
    table = "| Opção | Status |\n|---|---|\n| A | descartada |\n| B | ⭐ escolhida |\n| C | descartada |\n| D | fraca |"
    assert extract_answer(table) == Extraction("B", "structured")
    assert extract_answer("kkkk gastou tudo em bolsa né... C na cara 💸").letter == "C"


def test_replies_of_held_out_jj() -> None:
    """A walk announced "às alternativas" broken off at its first step, "podem ser defendidas", someone else's choice,
    a run of "pode ser", "Pretty clearly C", "I'm torn", eliminations by quotes of two options and by an option's own
    word, "a de cima", "de baixo pra cima", "a segunda da lista", an empty letter field beside the option's text and a
    null decision."""
    walk = "Vamos ler com calma. Ela dormiu no sofá. Agora vamos às alternativas:\n\nA) Ela estava tão cansada que"
    assert extract_answer(walk).letter is None
    assert extract_answer("Ela já morava lá? Talvez. Sinceramente, A e C podem ser defendidas.").letter is None
    assert extract_answer("Vou de D. Muita gente iria na A por causa do título, mas o texto desmente.").letter == "D"
    assert extract_answer("Não sei, pode ser A, pode ser C, pode ser D.") == Extraction(None, "hedged")
    assert extract_answer("Pretty clearly C. Everyone in the family shows up with food.").letter == "C"
    torn = "Honestly I'm torn. B fits the first line, and D fits the ending. I'd need more context."
    assert extract_answer(torn).letter is None
    options = ["Porque ele mudou de cidade.", "Porque ela pintou a casa de azul.", "Nenhuma das alternativas acima.",
               "Porque o cachorro fugiu."]  # fmt: skip
    quoted = '"Porque ele mudou de cidade" e "porque o cachorro fugiu" não têm base no texto — fora as duas. '
    assert extract_answer(quoted + 'E "nenhuma" não cabe. Sobra uma só.', options).letter == "B"
    unique = "O cachorro nem aparece no texto, então essa cai. Mudar de cidade também não, ele continua lá. "
    assert extract_answer(unique + 'E não faz sentido marcar "nenhuma". Fico com a que sobrou.', options).letter == "B"
    assert extract_answer("Vou na de cima; o resto o texto contradiz.") == Extraction("A", "ordinal")
    assert extract_answer("A terceira de baixo pra cima. O clube é só para sócios.") == Extraction("B", "ordinal")
    assert extract_answer("Fico com a segunda da lista, as outras exageram.") == Extraction("B", "ordinal")
    assert extract_answer("a de cima pra baixo ela leu tudo de novo").letter is None
    record = '{"letra": "", "texto_da_alternativa": "Porque ela pintou a casa de azul.", "fonte": "linha 2"}'
    assert extract_answer(record, options) == Extraction("B", "structured")
    assert extract_answer('{"leitura": {"alt": "B"}, "decisao": null}', options) == Extraction(None, "no_answer")


def test_replies_of_held_out_kk() -> None:
    """An elimination opened by "Descartando:" rules out every letter it names before "a que não risquei", a closing
    "Alternativa C." is no dangling label, "Eu diria que é a B", "Prefiro não escolher", "em cima do muro", "me deixa em
    dúvida", a table marked then left undecided, "Preciso reler", "a opção do meio", and indecision in an option's
    own words."""
    closing = "Descartando: a A fala de férias, mas foi um enterro. A C diz que ele mentiu — nada indica. "
    assert (
        extract_answer(closing + "A D diz que havia um cachorro, que não existe. Só fica a que não risquei.").letter
        == "B"
    )
    assert extract_answer("O ronco explica tudo, ninguém dormiria assim.\n\nAlternativa C.").letter == "C"
    assert extract_answer("Eu diria que é a B. Ela pediu demissão logo depois.").letter == "B"
    options = ["Ele perdeu o ônibus.", "Nenhuma das alternativas acima.", "Ele dormiu demais.", "Ele ficou doente."]
    refuses = "Não tenho como saber. Ele se atrasou, mas nenhuma das alternativas fala do trem. Prefiro não escolher."
    assert extract_answer(refuses, options) == Extraction(None, "refusal")
    wall = "Poderia ser a A, se ele saiu tarde, ou poderia ser a C, se dormiu. Fico em cima do muro."
    assert extract_answer(wall, options) == Extraction(None, "hedged")
    doubt = "Imagino que seja a C, mas a frase do chefe me deixa em dúvida. Poderia ser uma ou outra."
    assert extract_answer(doubt, options) == Extraction(None, "hedged")
    table = "| | ok? |\n|---|---|\n| A | ✅ |\n| B | ❌ |\n| C | ❌ |\n| D | ✅? |\n\n"
    table += "A e D empatam. Não consigo desempatar."
    assert extract_answer(table, options) == Extraction(None, "hedged")
    reread = "C, porque ele dormiu. Hmm, mas talvez seja D, ele estava mal. Preciso reler com calma antes de responder."
    assert extract_answer(reread, options) == Extraction(None, "hedged")
    three = ["Um quarto do dia.", "Um terço do dia.", "Metade do dia."]
    assert extract_answer("Oito horas em vinte e quatro: é a opção do meio.", three) == Extraction("B", "ordinal")
    own = ["Porque estava em cima do muro com o O.", "Porque gosta de música.", "Porque mentiu.", "Porque sim."]
    assert extract_answer("Alternativa A) Porque estava em cima do muro com o O.", own).letter == "A"


def test_replies_of_held_out_ll() -> None:
    """Reasons after a colon ("Opção 3: porque ..., não só ..."), "diz o contrário", a letter set off by commas and
    then called the one that fits, "B some" and "B cai", a cell that points with its reasons, "Vamos tirando:", a
    checklist entry's reasons in brackets and one entry in words of no option, "na de nº 2", and a description by a
    word of one option only."""
    assert extract_answer("Opção 3: porque ela mesma diz que odeia acordar cedo, não só no inverno.") == Extraction(
        "C", "ordinal"
    )
    options = [
        "Ele perdeu o voo.",
        "Ele dormiu no aeroporto.",
        "Nenhuma das alternativas acima.",
        "Ele voltou de carro.",
    ]
    said = "Resposta: C (Nenhuma das alternativas acima). O voo saiu no horário, então a A diz o contrário."
    assert extract_answer(said, options).letter == "C"
    assert extract_answer("Tem plateia e microfone; o karaokê, B, é o que encaixa.").letter == "B"
    aside = "C e D vão contra o texto. A, com o remédio fazendo efeito, é a consequência natural."
    assert extract_answer(aside).letter == "A"
    drop = "Primeiro descarto A: não faz sentido. B some porque há uma que serve. D é contraditória. Sobra só uma."
    assert extract_answer(drop).letter == "C"
    cell = (
        "Alternativa | Relação\n:-- | :--\nA | descartada\nB | irrelevante\nC | é essa — simples assim\nD | irrelevante"
    )
    assert extract_answer(cell) == Extraction("C", "structured")
    left = 'Vamos tirando: o portão (D) não explica nada. "Ele sentia muito" (C) é literal demais. Então B cai. '
    assert extract_answer(left + "Fica a que sobrou.").letter == "A"
    marks = ["Ela chegou às 2.", "A festa atrasou.", "Ficamos até meio-dia.", "O almoço atrasou."]
    listed = "✗ Chegou às 2\n✗ Festa atrasada\n✗ Ficar até meio-dia\n✓ Almoço atrasado (só saiu ao meio-dia)"
    assert extract_answer(listed, marks) == Extraction("D", "structured")
    treino = ["Operar o joelho", "Operar o quadril", "Treinar com pesos", "Nenhuma das alternativas acima."]
    boxes = "☐ operar o joelho\n☐ operar o quadril\n☑ musculação três vezes por semana\n☐ nenhuma"
    assert extract_answer(boxes, treino) == Extraction("C", "structured")
    assert extract_answer("Vou na de nº 2 — o resto não tem base.") == Extraction("B", "ordinal")
    ignora = ["Nenhuma das alternativas acima.", "Ela riu dele.", "Ela recusou o convite.", "Ela o ignorava."]
    assert extract_answer("Não é B nem C. Fico com a que fala dela ignorando o rapaz.", ignora).letter == "D"


def test_generations_of_held_out_kk() -> None:
    """Before an echoed list, the question said again ("Para que ...?") is no answer, and a label the reply breaks off
    at after another option's label goes on the list it echoed."""
    options = [
        "Ela queria dormir cedo.",
        "Ela estava com fome.",
        "Nenhuma das alternativas acima.",
        "Ela perdeu a chave.",
    ]
    echo = "Para que ela queria dormir cedo?\n\nAlternativa A)\n\nEla queria dormir cedo.\n\nAlternativa B)\n\n"
    echo += "Ela estava com fome.\n\nAlternativa C)\n\nNenhuma"
    assert extract_answer(echo, options).letter is None
    cut = "Alternativa A)\n\nEla dormiu cedo porque estava cansada, ela estava.\n\nAlternativa B)"
    assert extract_answer(cut, options) == Extraction(None, "no_answer")
    assert extract_answer("Alternativa A)\n\nEla queria dormir cedo.", options).letter == "A"


def test_replies_of_held_out_mm() -> None:
    """An answer noun before a relative clause of fit ("A resposta que faz sentido é B"), a word of the letter's own
    option after it is no verdict ("a C, jeito errado"), an ordinal alone before a dash, and "qualquer uma das duas"."""
    assert (
        extract_answer("Isso é tratamento, não abrigo. A resposta que faz sentido é B, dependência química.").letter
        == "B"
    )
    options = ["Nenhuma das alternativas acima.", "Ela saiu do jeito certo.", "Ela saiu do jeito errado.", "Ela ficou."]
    assert extract_answer("A que fecha com o texto é a C, jeito errado.", options).letter == "C"
    assert extract_answer("A C está errada; fico com a B.", options).letter == "B"
    assert extract_answer("2ª — a única que fala de efeitos colaterais; as outras são lixo.") == Extraction(
        "B", "ordinal"
    )
    both = 'Entre "ela saiu do jeito certo" e "ela saiu do jeito errado" poderia ser qualquer uma das duas.'
    assert extract_answer(both, options) == Extraction(None, "hedged")


def test_replies_of_held_out_nn() -> None:
    """A conclusion through a copula ("Acredito que seja a alternativa B"), a denied rejection conceded ("não está
    errada, mas ..."), "é mais direta", a reply broken off at "o certo seria", an interpreter's echo, "não há resposta"
    for the none option, "de cima pra baixo, a terceira", "Impossível não marcar a D", a table with one row possible and
    the rest ruled out, key=value pairs on one line and "é a d ne"."""
    assert (
        extract_answer("Acredito que seja a alternativa B — ela não foi ao trabalho, e não na casa dela.").letter == "B"
    )
    five = "A alternativa E é a mais completa. A opção A não está errada, mas é genérica demais."
    assert extract_answer(five, ["a", "b", "c", "d", "e"]).letter == "E"
    settled = "Eu iria de B, embora a D não seja absurda — também pode ser lido como pressa. Mas a B é mais direta."
    assert extract_answer(settled).letter == "B"
    assert extract_answer("A seria possível, a C também. Pensando melhor, acho que o certo seria").letter is None
    assert extract_answer("```\n>>> resposta\n'C'\n```\nPelas amostras grátis, claro.") == Extraction("C", "structured")
    options = [
        "Porque é gentil.",
        "Nenhuma das alternativas acima.",
        "Porque a casa fica em Provo.",
        "Porque combina com pêssego.",
    ]
    gone = "Provo é só onde elas estavam, não é motivo. Pêssego combinando com queijo é forçado. E dizer que não há "
    gone += "resposta não procede. "
    assert extract_answer(gone + "Logo, a alternativa remanescente.", options).letter == "A"
    assert extract_answer("Contando de cima pra baixo, a terceira. O resto não bate.") == Extraction("C", "ordinal")
    assert extract_answer("Impossível não marcar a D. Ninguém faria isso por uma estranha.").letter == "D"
    table = "| Alt. | Veredito |\n|:-:|:--|\n| A | improvável |\n| B | implausível |\n"
    table += "| C | **plausível** |\n| D | forçado |"
    assert extract_answer(table) == Extraction("C", "structured")
    assert extract_answer('resp=B; conf=0.6; nota="o texto não explica"') == Extraction("B", "structured")
    assert extract_answer("aaaa acho q é a d ne, ela ficou brava com razão").letter == "D"


def test_replies_of_held_out_oo() -> None:
    """Two letters weighed after a quantifier of none with a word of doubt between ("nenhuma serve, talvez B ou C"),
    a verdict label after a table ("Mais provável: C"), a letter winning a comparison ("D ganha de C", "C vence B"),
    letters listed and then counted and set aside ("Tirando essas três"), indecision inside a quote of the text, a
    number after its marker opening the answer ("Número 2:", "Opção 1 de 4"), and a survivor described in words that
    resemble an option already ruled out by its letter."""
    assert extract_answer("ih nenhuma opção bate direito, talvez B ou C, sei lá, pulo essa").letter is None
    assert extract_answer("nenhuma das alternativas A, C ou D menciona isso; fico com a B").letter == "B"
    table = "| critério | A | B | C | D |\n|---|---|---|---|---|\n| citado | ✗ | ✗ | ~ | ✗ |\n"
    table += "| plausível | ✗ | ✓ | ✓ | ✗ |\n\n**Mais provável: C** (ela já tinha reclamado antes)"
    assert extract_answer(table).letter == "C"
    assert extract_answer("Sobram A e D. No fim, D ganha de A: ele foi embora.").letter == "D"
    assert extract_answer("Fico entre B e C, mas C vence B fácil.").letter == "C"
    assert extract_answer("Restam B e D, e a B é melhor que a D.").letter == "B"
    counted = "A, B e D são frases tiradas do texto, não explicações. Tirando essas três, não sobra dúvida."
    assert extract_answer(counted) == Extraction("C", "final_answer")
    assert extract_answer("A e B são frases do texto. Tirando essas três, sobra pouco.").letter is None
    options = ["Ela foi demitida.", "Ela estava doente.", "Nenhuma das alternativas acima.", "Ela mudou de cidade."]
    quoted = 'Número 2: doente. Ela diz que estava "sei lá, meio zonza" a semana toda.'
    assert extract_answer(quoted, options) == Extraction("B", "ordinal")
    assert extract_answer("Opção 4 de 4 — ela mudou de cidade.", options) == Extraction("D", "ordinal")
    options = [
        "Nenhuma das alternativas acima.",
        "Eu li uma carta reveladora no quarto do meu irmão.",
        "Meu aniversário foi num sábado.",
        "Meu irmão leu uma carta reveladora no meu quarto.",
    ]
    ruled = "Descartando: A não, há um motivo; C não, o texto fala de domingo; D inverte quem leu a carta de quem. "
    ruled += "Então o que sobra é a opção que diz que a pessoa leu a carta no quarto do irmão."
    assert extract_answer(ruled, options) == Extraction("B", "final_answer")


def test_replies_of_held_out_pp() -> None:
    """Tables whose rows name the options by a word of theirs ("| insetos | ✔ |") or with verdicts in words ("Pouco
    provável", "Zero chance") or gestures (🙆, 🙅), a column of one tick among reasons, a checklist numbered in the
    options' order, a conclusion kept through a concession ("mesmo achando ..."), "a opção número um me parece",
    an ordinal after an emoji, "D it is", a shrug after a choice ("vou de D, sei lá"), praise said of a pair ("uma
    delas é a certa"), a description after a contracted article ("vou na que diz que ...") or a colon ("Resposta: a
    que fala da ..."), and a YAML record whose answer nests under a heading."""
    options = [
        "Não consigo dormir sem eles.",
        "Eles me protegem de mosquitos.",
        "Eles me protegem do frio.",
        "Nenhuma das alternativas acima.",
    ]
    marked = "| Opção | ok? |\n|:-:|:-:|\n| dormir | ✘ |\n| mosquitos | ✔ |\n| frio | ✘ |\n| nenhuma | ✘ |"
    assert extract_answer(marked, options) == Extraction("B", "structured")
    worded = "| Hipótese | Plausível? |\n|---|---|\n| Sem eles não dorme | Nem tanto |\n"
    worded += "| Proteção contra mosquitos | Pouco provável |\n| Proteção contra o frio | Bastante, é inverno |\n"
    worded += "| Nenhuma das alternativas | Zero chance |"
    assert extract_answer(worded, options) == Extraction("C", "structured")
    gestures = "Opção | Explica?\n--- | ---\nA | 🙅\nB | 🙅\nC | 🙆 o frio é o ponto\nD | 🙅"
    assert extract_answer(gestures, options) == Extraction("C", "structured")
    reasons = "| Opção | Veredito |\n|---|---|\n| A | o texto não fala de sono |\n| B | ✗ |\n| C | 👍 essa |\n"
    reasons += "| D | mesmo problema da A |"
    assert extract_answer(reasons, options) == Extraction("C", "structured")
    numbered = "1. ❌ sono\n2. ❌ mosquitos — nem aparecem\n3. ✅ frio, é o que ela diz\n4. ❌ nenhuma"
    assert extract_answer(numbered, options) == Extraction("C", "structured")
    assert extract_answer("1. ✓ sono\n2. mosquitos\n3. ✗ frio\n4. ✗ nenhuma", options).rule != "structured"
    kept = "A C não tem cabimento. Então não tenho como não marcar a B, mesmo achando o texto meio exagerado."
    assert extract_answer(kept) == Extraction("B", "final_answer")
    assert extract_answer("A opção número três me parece a mais lógica: ela sente frio.", options).letter == "C"
    assert extract_answer("kkkk coitada dela, as outras nem fazem sentido 😭 segunda", options).letter == "B"
    assert extract_answer("It's about the cold, not the bugs. C it is.", options).letter == "C"
    assert extract_answer("Talvez a C? A B seria mais honesta. Ah, vou de C, sei lá, sem muita certeza.").letter == "C"
    assert extract_answer("Vou de C, sei lá. Ou D.").letter is None
    pair = "A e B são opostas, então uma delas é a certa. Como ela chorou, A — não B. C e D nem entram."
    assert extract_answer(pair).letter == "A"
    assert extract_answer("aff vou na q fala dos mosquitos, o resto é viagem kkk", options).letter == "B"
    assert extract_answer("Nada se encaixa, então vou na que diz que nenhuma serve.", options).letter == "D"
    said = "It's about the winter. Resposta: a que fala da proteção contra o frio do inverno."
    assert extract_answer(said, options).letter == "C"
    record = "```yaml\nanalise:\n  pegadinha: A e B falam de outra coisa\nveredito:\n  alternativa: C\n"
    record += "  motivo: ela fala do frio\n```"
    assert extract_answer(record, options) == Extraction("C", "structured")


def test_generations_of_held_out_pp() -> None:
    """A loop broken off as it began its word again ("Demonstrarão:\\n\\nD") names no letter, and a number in digits
    matches an option's number in words ("3 vezes" for "três vezes")."""
    loop = "Demonstrarão:\n\nDemonstrarão:\n\nDemonstrarão:\n\nD"
    assert extract_answer(loop).letter is None
    assert extract_answer("Definitivamente:\nD").letter == "D"
    options = [
        "Devo ter lido o livro pelo menos duas vezes.",
        "Devo ter lido o livro pelo menos três vezes.",
        "Nunca li o livro.",
        "Li o livro uma vez.",
    ]
    assert extract_answer("Demonstrará que leu o livro ao menos 3 vezes antes.", options).letter == "B"


def test_a_kind_named_by_a_capital_and_a_choice_announced() -> None:
    """A capital that names a kind ("o plano B", "vitamina C") is no letter after the answer, and a choice announced
    with an infinitive ("Vou reconsiderar e marcar a C") is the last decision."""
    options = ["Foi a primeira ideia.", "Foi sem querer.", "Foi a segunda ideia, caso a primeira falhasse.", "Nenhuma."]
    planned = "```\nResposta: C\n```\nO amigo furou e o show era o plano B, ou seja, a segunda ideia."
    assert extract_answer(planned, options).letter == "C"
    assert extract_answer("Resposta: A. Tomar vitamina C ajuda, mas o texto fala de sono.").letter == "A"
    changed = "Resposta: A. Na verdade, não: o texto não diz isso. Vou reconsiderar e marcar a C, a segunda ideia."
    assert extract_answer(changed, options).letter == "C"


def test_replies_of_held_out_qq() -> None:
    """A ranking ("C > D > A > B"), a letter that wins with no rival named ("A C vence porque ..."), a choice followed
    by another letter judged on its own ("vai na A, a C é mto genérica"), "prefiro de longe a B", a choice by pronoun
    after the letter's own sentence ("Já a B repete o texto. Fico com ela."), a checked radio button without values,
    an option's index in code, a record's words joined by underscores, verdict words of a table ("na mosca"), "a que
    abre a lista", a correction opening a line in a reply broken off, and an elimination whose ruled-out option is
    named by the first words only it holds or whose survivor is followed by "É essa."."""
    assert extract_answer("Ranking de plausibilidade: C > D > A > B. A C é a única que o texto sustenta.").letter == "C"
    assert extract_answer(">> C\n\nEles torciam pela absolvição.").letter == "C"
    assert extract_answer("A B vence porque o texto diz isso. A D é verdade geral, mas não responde.").letter == "B"
    assert extract_answer("vai na D, a B é mto genérica kkk").letter == "D"
    assert extract_answer("Entre A e D, prefiro de longe a D: ela termina assim.").letter == "D"
    assert extract_answer("A C não tem apoio. Já a A repete quase literalmente o texto. Fico com ela.").letter == "A"
    assert extract_answer("Fico com a B — a D extrapola.").letter == "B"
    options = ["Menos gente viria.", "Ninguém viria.", "Mais gente viria.", "Nenhuma das alternativas acima."]
    radios = '<input type="radio" disabled> Menos gente viria.<br>\n<input type="radio" disabled> Ninguém viria.<br>\n'
    radios += '<input type="radio" checked> Mais gente viria.<br>\n<input type="radio" disabled> Nenhuma.'
    assert extract_answer(radios, options) == Extraction("C", "structured")
    code = "```python\nopcoes = ['Menos', 'Ninguém', 'Mais', 'Nenhuma']\nresposta = opcoes[1]\n```"
    assert extract_answer(code, options) == Extraction("B", "structured")
    record = "quem_viria: todo mundo\ncerteza: alta\nalternativa: nenhuma_das_listadas"
    assert extract_answer(record, options) == Extraction("D", "structured")
    table = "| Alt. | Veredito |\n|:-:|---|\n| A | furada |\n| B | contraria o texto |\n| C | **na mosca** 🎯 |\n"
    table += "| D | inventado |"
    assert extract_answer(table, options) == Extraction("C", "structured")
    assert extract_answer("A que abre a lista. O texto diz que menos gente viria.", options).letter == "A"
    taken_back = "C, porque o texto fala em roubo.\n\nHmm, na verdade, relendo: ele pediu a linha antiga, então talvez"
    assert extract_answer(taken_back).letter is None
    kept = "Alternativa C)\n\nEle parece bem e, na verdade, o bico dele está ótimo. Depois de ficar por ali"
    assert extract_answer(kept).letter == "C"
    options = [
        "O rio não corria mais rápido do que remávamos rio abaixo.",
        "O rio corria mais rápido do que remávamos rio acima.",
        "O rio não corria mais rápido do que remávamos rio acima.",
        "Nenhuma das alternativas acima.",
    ]
    ruled = "Eles chegaram à ilha rio acima, e isso derruba a B. A que fala de remar rio abaixo não tem nada a ver. "
    ruled += 'E "nenhuma" não cabe. Resta uma só.'
    assert extract_answer(ruled, options) == Extraction("C", "final_answer")
    options = ["Nenhuma das alternativas acima.", "Não gosta de corrida.", "Gosta de acampar.", "Mora perto da pista."]
    left = 'Não gosta de corrida? Achou ótima — cai. Mora perto da pista? Viajaram horas — cai. "Nenhuma" só vale se '
    left += "nada sobrar. Mas sobra: passou o fim de semana acampado e quer repetir. É essa."
    assert extract_answer(left, options) == Extraction("C", "final_answer")


def test_generations_that_walk_or_restart_the_list() -> None:
    """A label alone after an echoed list is the list begun again, every letter named in turn on a line of its own
    with no verdict is the list in the model's words, and an "X" in a table's column marks its row."""
    options = ["Eram velhas demais.", "Nenhuma das alternativas acima.", "Não eram magras.", "Eram novas demais."]
    restarted = "Alternativa A) Eram velhas demais.\nAlternativa B) Nenhuma das alternativas acima\n"
    restarted += "Alternativa C) Não eram novas\nAlternativa D) Eram novas demais\n\nAlternativa C) Não eram novas\n"
    restarted += "Alternativa D) Eram novas demais\n\nAlternativa C)"
    assert extract_answer(restarted, options).letter is None
    assert extract_answer("Alternativa C)", options).letter == "C"
    walked = "\n\n".join(f"Desse tipo de alternativa {letter} é eram novas demais." for letter in "ABCD")
    assert extract_answer(walked + "\n\nDesse tipo de altern", options).letter is None
    table = "| Alternativa | Marcar |\n|---|:---:|\n| A — velhas | |\n| B — nenhuma | |\n| C — magras | |\n"
    table += "| D — novas | X |\n\nO texto fala da idade delas."
    assert extract_answer(table, options) == Extraction("D", "structured")


def test_a_second_choice_is_not_the_answer() -> None:
    """A second choice named after the answer ("se eu tivesse que escolher uma segunda, seria a D") is only weighed."""
    second = "O texto é específico: isso é a A. Se eu tivesse que escolher uma segunda, seria a D, mas não é ela."
    assert extract_answer(second).letter == "A"
    assert extract_answer("The answer is B; my second pick would be D.").letter == "B"


def test_replies_of_held_out_rr() -> None:
    """An option's index in code with a comment after it, "prefiro a C à B", declining to mark ("Prefiro não
    marcar"), a text "confuso demais para eu decidir", a reply cut as it turned to the other of two left ("Por outro
    lado, D"), and a double negation of being unable ("Não há como não marcar a que diz que nenhuma serve")."""
    options = [
        "Nenhuma das alternativas acima.",
        "Elas odeiam história.",
        "Elas gostam de biologia.",
        "Elas gostam de história.",
    ]
    code = '```python\nopcoes = ["Nenhuma", "odeiam", "biologia", "história"]\n'
    code += "resposta = opcoes[3]   # o texto fala da Constituição\n```"
    assert extract_answer(code, options) == Extraction("D", "structured")
    assert extract_answer("A B fala da funcionária; a C, das regras. Por isso prefiro a C à B.").letter == "C"
    declined = 'Seria "nenhuma das alternativas"? Só que "gostam de história" também aparece ali... Prefiro não marcar.'
    assert extract_answer(declined, options).letter is None
    confused = (
        "Pode ser por causa da sala... ou pode ser que nenhuma das opções sirva. É confuso demais para eu decidir."
    )
    assert extract_answer(confused, options).letter is None
    assert extract_answer("Sobram A e D. A parece forte demais. Por outro lado, D").letter is None
    assert extract_answer("Sobram A e D. A parece forte demais, então D.").letter == "D"
    chosen = "Nenhuma dessas alternativas deixa de ser absurda: o grito veio depois. "
    chosen += "Não há como não marcar a que diz que nenhuma serve."
    assert extract_answer(chosen, options).letter == "A"


def test_a_label_opening_the_reply_before_a_sentence_of_no() -> None:
    """The one letter a generation opens with is its answer though a garbled sentence opening with "Não" follows;
    "A) Não." alone, "A) Não, ..." and a "Não" among other letters still rule it out."""
    assert extract_answer("Alternativa A) Não é o que é o motivo de você, e não é o que é o motivo de").letter == "A"
    assert extract_answer("Alternativa D) Não está como que não está como que não está como").letter == "D"
    assert extract_answer("Alternativa A) Não, ela não estava cansada.").letter is None
    assert extract_answer("A) Não é isso. B) Sim, é isso.").letter == "B"


def test_replies_of_held_out_ss() -> None:
    """A verdict column with as many rows of reasons as of verdicts, a change of answer announced ("Vou mudar minha
    resposta para C"), and a letter after an adverb with a tag of chat ("obviamente a D né", "é a d vei")."""
    table = "| | Alternativa | Avaliação |\n|---|---|---|\n| A | Cabelo preso | Detalhe de aparência, irrelevante |\n"
    table += '| B | Queria se divertir | Correta — "queria ser a alma da festa" |\n'
    table += "| C | Nenhuma das alternativas | Incorreta, a B responde |\n| D | Vestido rosa | Detalhe de roupa |"
    assert extract_answer(table) == Extraction("B", "structured")
    changed = "Eu diria D: que devolvam o celular.\n\nHmm, mas pensando bem, foi vendido. Vou mudar minha resposta "
    changed += "para C, Nenhuma das alternativas acima."
    assert extract_answer(changed).letter == "C"
    assert extract_answer("kkkkk obviamente a D né, tão esperando neném 👶").letter == "D"
    assert extract_answer("a C é mto aleatória 😭 é a d vei, o bebê tá no útero").letter == "D"


def test_replies_of_held_out_ss_and_rr_left_over() -> None:
    """ "alternativa de número três", "a primeiríssima", key=value pairs separated by spaces ("pred=A conf=0.55"), an
    adverb of correction inside a clause ("None of the options actually gives") corrects nothing, a tick taken back in
    part ("A ✔ (parcialmente)"), and LaTeX struck-out letters ("\\cancel{A}")."""
    assert extract_answer("Marco a alternativa de número três. Ninguém fala inglês por isso.") == Extraction(
        "C", "ordinal"
    )
    assert extract_answer("a primeiríssima da lista. dançar cansa, ué").letter == "A"
    assert extract_answer("pred=A conf=0.55 segunda_opcao=C motivo=dormiu_muito") == Extraction("A", "structured")
    actually = "The best answer is B. None of the options actually gives a cause: A e C são detalhes, e D é "
    actually += "justamente a dúvida da autora, not an established reason."
    assert extract_answer(actually).letter == "B"
    assert extract_answer("Resposta: A. Actually, D.").letter == "D"
    assert extract_answer("A ✔ (parcialmente)\nB ✔ (em parte)\nC ✔✔\nD ✘\n\nFico com a de dois tiques.").letter == "C"
    latex = "\\[\n\\text{resposta} = \\mathbf{B} \\quad (\\cancel{A},\\ \\cancel{C},\\ \\cancel{D})\n\\]"
    assert extract_answer(latex).letter == "B"


def test_a_letter_spelt_as_its_name() -> None:
    """A letter spelt as its Portuguese name after an article or a letter word ("é a bê", "letra cê") is that letter;
    the same syllable as a verb ("que ela a dê") or slang ("cê sabe") names nothing."""
    assert extract_answer("Então fico com a bê, ela ficou nervosa.").letter == "B"
    assert extract_answer("Resposta: letra cê").letter == "C"
    assert extract_answer("É a dê, sem dúvida.").letter == "D"
    assert extract_answer("Espero que ela a dê para a amiga.").letter is None
    assert extract_answer("cê sabe que eu não sei").letter is None


def test_replies_of_held_out_tt() -> None:
    """A walk through the options cut after one quoted and judged false, a letter opening its sentence with a verb of
    fit ("B capta isso") or said to be the only one that fits ("Só a A se apoia no texto"), "Imagino que seja B",
    key=value lines, a checklist whose legend makes a tick rule out, and "Não dá pra afirmar qual" are read."""
    options = [
        "Fica longe de Issaquah.",
        "Nenhuma das alternativas acima.",
        "Não tem todo o espaço.",
        "Tem poucas árvores.",
    ]
    walk = "O imóvel fica perto de Issaquah. Vamos verificar cada alternativa:\n\n"
    walk += "A) Fica longe de Issaquah — falso, fica a menos de 10 milhas.\nC) Não tem todo o espaço"
    assert extract_answer(walk, options) == Extraction(None, "no_answer")
    assert extract_answer("Fica longe de Issaquah, como o anúncio diz.", options).letter == "A"
    fit = "Na C ele quer ir, na D ele mal pode esperar. B capta isso; C e D, não. (A fica de fora.)"
    assert extract_answer(fit).letter == "B"
    only = "C distorce a expressão;\nD inventa uma melhora;\nB não faz sentido.\nSó a A se apoia no que está escrito."
    assert extract_answer(only).letter == "A"
    described = "Descartando: a C não tem nada a ver; a D explica por que ela ligou, não a comparação; e a A não se "
    described += "aplica. Resta a alternativa que fala das agulhas."
    assert extract_answer(described).letter != "D"
    assert (
        extract_answer("Imagino que seja B — ele já cozinhou em outros lugares. Mas posso estar errado.").letter == "B"
    )
    record = "descartadas=A,B,D\nmotivo=A e B descrevem a crítica\nfica=C\nconfianca=0.8"
    assert extract_answer(record) == Extraction("C", "structured")
    legend = "Legenda: [x] = eliminada · [ ] = ainda de pé\n\n[x] A — ninguém diz isso\n[x] B — foi o professor\n"
    legend += "[x] C — nada sobre isso\n[ ] D — ele se irrita com a acusação\n\nSó uma ficou sem marcação."
    assert extract_answer(legend) == Extraction("D", "structured")
    assert extract_answer("- [x] A\n- [ ] B\n- [x] C\n- [x] D").letter is None
    doubt = (
        "Não diria que não é um trem lotado. Mas também não diria que não é um avião. Não dá pra afirmar qual não é."
    )
    assert extract_answer(doubt, ["Estamos num avião", "Estamos num trem lotado", "Nenhuma das acima."]).letter is None


def test_generations_of_held_out_tt() -> None:
    """An option line, a blank line, then the list begun again at "A" and cut short by the token limit: the first line
    is the answer; an "A" line after a line of "A" itself, or followed by more of the list, is not one."""
    begun_again = (
        "Alternativa D) O Kentucky teria ficado com Hartline mesmo, mas felizmente aí\n\nAlternativa A) No, no, no"
    )
    assert extract_answer(begun_again).letter == "D"
    assert extract_answer("Alternativa A) Sol\n\nAlternativa A) Chuva").letter != "D"
    listed = "Alternativa D) O Kentucky teria ficado\n\nAlternativa A) No, no\nAlternativa B) O time perdeu"
    assert extract_answer(listed).letter == "D"
    both_said = "Alternativa D) O Kentucky teria ficado\n\nAlternativa A) No, no\n\nEntão fico com a A."
    assert extract_answer(both_said).letter == "A"


def test_replies_of_held_out_uu() -> None:
    """A guess kept though another letter is granted in the conditional, refusing every option ("prefiro não escolher
    nenhuma das alternativas"), "não conseguiria escolher", JSON cut at its answer key, "não sei" said last, "ok" and
    stars in tables, "motivo_mais_provavel" and a revised answer key, a letter said to fit after the ones it differs
    from, "risca", and a judgement opening with "Isso" are read."""
    assert extract_answer("Acho que é a A, mas honestamente a C também poderia ser.").letter == "A"
    assert extract_answer("A resposta é B, mas também pode ser a alternativa C.").letter is None
    options = ["Ela aceitaria.", "Ela choraria.", "Ela ignoraria.", "Nenhuma das alternativas acima."]
    refused = "Não é possível responder com base no texto. Por isso, prefiro não escolher nenhuma das alternativas."
    assert extract_answer(refused, options) == Extraction(None, "refusal")
    torn = "O que levaria a B. Por outro lado, seria a C. As duas leituras fazem sentido e não conseguiria escolher."
    assert extract_answer(torn).letter is None
    cut = '```json\n{\n  "raciocinio": "A alternativa D adiciona algo; a A descreve um sintoma.",\n  "resposta":'
    assert extract_answer(cut) == Extraction(None, "no_answer")
    assert extract_answer("A A é o contrário do texto. Talvez a B, então? Sinceramente, não sei.").letter is None
    table = "| opção | ok? |\n|---|---|\n| Ela aceitaria | ok |\n| Ela choraria | nope |\n| Ela ignoraria | meh |"
    assert extract_answer(table, options).letter == "A"
    stars = "| # | Plausibilidade |\n|---|---|\n| A | ⭐⭐⭐⭐ |\n| B | ⭐⭐ |\n| C | ⭐⭐⭐ |\n| D | ⭐ |"
    assert extract_answer(stars) == Extraction("A", "structured")
    assert extract_answer('{"motivo_mais_provavel": "C", "motivo_alternativo": "B"}') == Extraction("C", "structured")
    assert extract_answer('{"resposta": null, "resposta_revisada": "D"}') == Extraction("D", "structured")
    assert extract_answer('{"resposta": null, "motivo": "D"}').letter is None
    assert extract_answer("Diferente da C (só futebol) e da A, a B capta o essencial.").letter == "B"
    options = ["Porque acha que os leitores vão preferir.", "Porque o preparo foi em casa.", "Porque fez o exame hoje.",
               "Nenhuma das alternativas acima."]  # fmt: skip
    walked = "Preparo em casa? Isso explica a frustração, não a pressa — risca. Exame feito hoje? Explica a data — "
    walked += 'risca. "Nenhuma"? Só se nada servir, e algo serve. Sobra uma.'
    assert extract_answer(walked, options).letter == "A"


def test_replies_of_held_out_vv() -> None:
    """Indecision about which of two to keep, a reply that opens with its option in quotes, Spanish qualifiers, a
    lower-case letter closing the reply with "com ctz" or after "vai de", an elimination cut at "o que sobra é",
    double negations of choosing, letters listed and "dá pra descartar", a YAML answer beside a list it rules out, and
    a table of options by column whose verdict is given in words after it."""
    torn = "Não sei bem se fico com a B ou com a D. Pedir permissão puxa para a D. As duas têm argumentos."
    assert extract_answer(torn).letter is None
    assert extract_answer("Eu arriscaria a A, mas sinceramente não sei se era isso que a questão queria.").letter == "A"
    options = ["Nenhuma das alternativas acima.", "São macios e não são firmes.", "Não são úmidos.", "São úmidos."]
    assert (
        extract_answer('"São úmidos." O texto diz literalmente que os lábios eram úmidos e macios.', options).letter
        == "D"
    )
    assert extract_answer("Honestly, la opción más lógica es la B: cortar los snacks.").letter == "B"
    assert extract_answer("tipo insinuando q antes ele era um bicho do mato né. b com ctz").letter == "B"
    assert extract_answer("pra mim ele só n curtiu a papinha msm, vai de a").letter == "A"
    assert extract_answer("Pesando tudo, a resposta correta é a").letter is None
    cut = "Vamos eliminar:\n\nA) Não é motivo. ❌\nC) Não explica nada. ❌\nD) É da folga. ❌\n\nEntão o que sobra é"
    assert extract_answer(cut) == Extraction(None, "no_answer")
    assert (
        extract_answer("O sol apareceu, mas não foi por isso. Não dá pra não ficar com a C: um passeio.").letter == "C"
    )
    assert extract_answer("Não diria que ele está decepcionado. A C não tem como não ser a certa.").letter == "C"
    listed = 'A, B e D dá pra descartar. B contradiz o texto. A C, ao contrário, é o "foi incrível".'
    assert extract_answer(listed).letter == "C"
    yaml = "resposta:\n  opcao: C\n  justificativa: curta\n  descartadas:\n    - {opcao: B, motivo: sorte}\n"
    yaml += "    - {opcao: D, motivo: inventado}"
    assert extract_answer(yaml) == Extraction("C", "structured")
    options = [
        "Com um guia turístico.",
        "Nenhuma das opções acima.",
        "Com um velho amigo que me visitava.",
        "Com um gerente.",
    ]
    table = "| Pista | Guia turístico | Nenhuma | Velho amigo | Gerente |\n|---|---|---|---|---|\n"
    table += "| riram juntos | ✗ | – | ✓ | ✗ |\n| conversaram | ~ | – | ✓ | ✗ |\n\nColuna vencedora: a do velho amigo."
    assert extract_answer(table, options).letter == "C"


def test_generations_of_held_out_vv() -> None:
    """A letter given first, words of the model's own, then the list begun again at "A" and cut in its next label: the
    first letter is the answer."""
    begun_again = "Alternativa C) Porque ela estava em meio à estranheza.\n\nDemonstrará que ela estava em meio à "
    begun_again += "estranheza.\n\nAlternativa A) Nenhuma das alternativas acima.\n\nAlternativa"
    assert extract_answer(begun_again).letter == "C"
    answered_again = "Alternativa C) Porque ela estava em meio à estranheza.\n\nPensando melhor, fico com a A."
    assert extract_answer(answered_again).letter == "A"


def test_replies_of_held_out_ww() -> None:
    """A reply that opens by apologising and declining refuses, whatever option words it goes on to use; "acaba sendo",
    "tenderia para", "vo de d", "é a c pq ...", "Se eu tiver que chutar, D" and boxes of "[-]" and "[+]" are read."""
    options = ["Nenhuma das alternativas acima.", "Porque queria ouvir o silêncio.", "Porque combina com a cama."]
    declined = "Desculpe, mas não consigo responder a essa pergunta com segurança. O diálogo não explica o motivo, e "
    declined += "nenhuma das opções parece bater com o texto de forma clara."
    assert extract_answer(declined, options) == Extraction(None, "refusal")
    assert extract_answer("Desculpe a demora! Resposta: B", options).letter == "B"
    corrected = (
        "A C parece a resposta. Então C.\n\nRevisando... a C mistura coisas. A e D são lixo. Nesse caso, a mais "
    )
    corrected += "correta acaba sendo a B, nenhuma das alternativas."
    assert extract_answer(corrected).letter == "B"
    assert extract_answer("Eu tenderia para a A, embora não esteja 100% seguro.").letter == "A"
    assert extract_answer("affff sei la, pescar e encontrar peixe é qse a msm coisa 🤷‍♂️ vo de d").letter == "D"
    assert extract_answer("vish, essa é a c pq ela n consegue manter a rotina 😩").letter == "C"
    assert (
        extract_answer("A D puxa. E a B também poderia ser. Se eu tiver que chutar, D. Mas é meio chute.").letter == "D"
    )
    boxes = "[-] A  hobby não tem nada a ver\n[-] B  vago demais\n[-] C  há um motivo\n[+] D  ele estranha a escola"
    assert extract_answer(boxes) == Extraction("D", "structured")


def test_replies_of_held_out_xx() -> None:
    """Empty boxes drawn as white squares, "fiquei dividido" and "vou deixar sem resposta", "não posso dizer que não
    seja a D", and a change of mind cut off at "talvez a resposta certa seja" are read."""
    options = [
        "Eu curtiria algumas das minhas músicas favoritas.", "Nenhuma das alternativas acima.",
        "Eu cairia num sono profundo.", "Eu curtiria um pouco da companhia dos meus animais.",
    ]  # fmt: skip
    checklist = "✅ curtir músicas favoritas (ouviu o disco inteiro)\n⬜ nenhuma das alternativas\n"
    checklist += "⬜ cair num sono profundo — isso foi antes\n⬜ companhia dos animais — é o nome da banda"
    assert extract_answer(checklist, options) == Extraction("A", "structured")
    assert extract_answer("⬜ A\n⬜ B\n✅ C\n⬜ D") == Extraction("C", "structured")
    undecided = "Olha, fiquei dividido. A D descreve bem o que houve, mas talvez o motivo nem esteja listado, o que "
    undecided += "levaria à B. Vou deixar sem resposta fechada, porque qualquer escolha aqui seria chute."
    assert extract_answer(undecided) == Extraction(None, "hedged")
    assert extract_answer("A C não. Não posso dizer que não seja a D: é o típico caso de repartição.").letter == "D"
    both = "Não posso dizer que não seja a C, pelo que o texto conta. Mas também não posso dizer que não seja a D. "
    assert extract_answer(both + "Não descarto nenhuma das duas.") == Extraction(None, "hedged")
    cut = "D, ele se enganou. Hmm, mas se enganar foi o que o fez perder tudo. Então talvez a resposta certa seja"
    assert extract_answer(cut) == Extraction(None, "no_answer")
    assert extract_answer("D, ele se enganou. Então a resposta certa é D.").letter == "D"


def test_replies_of_held_out_yy() -> None:
    """Pseudo-clefts ("O que explica a surpresa é a A: ..."), an adverb or a place after the answer's copula ("é
    claramente a C", "está na C"), "não vejo como não ser ela" after an aside, Spanish "más razonable" and "no es la
    D", a letter said as a sentence of its own before another is ruled out, and "dá para defender duas respostas"."""
    assert extract_answer("Não é a B. Também não é a D. O que explica a surpresa é a A: JPEG perde qualidade.") == (
        Extraction("A", "final_answer")
    )
    assert extract_answer("A resposta é claramente a C: pela terceira vez. A D não serve.").letter == "C"
    assert extract_answer("A resposta está justamente na alternativa C: pela 3ª vez. A D não serve.").letter == "C"
    assert extract_answer("A resposta está no texto: ele diz que a B é falsa.").letter is None
    denied = "Também não é a B. Eu não descartaria a C; pra falar a verdade, não vejo como não ser ela."
    assert extract_answer(denied).letter == "C"
    spanish = "Pero if I had to pick, la respuesta más razonable es la C: estaban de fiesta. Seguro que no es la D."
    assert extract_answer(spanish).letter == "C"
    assert extract_answer("La respuesta es la C. No es la D.").letter == "C"
    assert extract_answer("Classic case of bebeu demais. A. Not C, nothing suggests que alguém o drogou.").letter == "A"
    assert extract_answer("Bebeu demais. A. Não a C, nada sugere isso.").letter == "A"
    two = "Dá para defender duas respostas aqui: a A descreve a loja, a C, as pessoas. Eu não escolheria uma só."
    assert extract_answer(two) == Extraction(None, "hedged")


def test_replies_of_held_out_zz() -> None:
    """A face that closes a clause of chat, a tick opening the last line, "que nem deu certo", "Fora." closing a
    numbered line, HTML character references, "a resposta fica entre" cut off, "A e B me parecem igualmente
    defensáveis", a letter spelt by a word ("B de bebum") and a colon after a clause of fit are read."""
    assert extract_answer("Resposta: C 😈 nível Angelus não é brincadeira") == Extraction("C", "keyword")
    reasoned = "Primeiro, compraram pregos. Terceiro, a B é outra tarefa que nem deu certo.\nLogo, consertar algo.\n\n"
    assert extract_answer(reasoned + "✔ Alternativa C").letter == "C"
    numbered = "Por partes:\n1. A alternativa A fala de 'seiche' — nem aparece no trecho. Fora.\n"
    numbered += "2. A C diz que nada indica ficção, mas há um indício. Fora.\n\nSobra a do absurdo geográfico."
    assert extract_answer(numbered).letter is None
    html_table = "<table>\n<tr><td>A</td><td>&#10007;</td></tr>\n<tr><td>B</td><td>&#10007;</td></tr>\n"
    html_table += "<tr><td><strong>C</strong></td><td>&#10003; integração</td></tr>\n"
    html_table += "<tr><td>D</td><td>&#10007;</td></tr>"
    assert extract_answer(html_table + "\n</table>").letter == "C"
    cut = "Vou eliminando:\n- A: é a carga horária.\n- B: é outro emprego.\n- D: não tem relação.\n\n"
    cut += "Então a resposta fica entre"
    assert extract_answer(cut) == Extraction(None, "no_answer")
    even = "Pode ter sido a A, pode ter sido a B... até a D. Sinceramente, A e B me parecem igualmente defensáveis."
    assert extract_answer(even) == Extraction(None, "hedged")
    assert extract_answer("o cara tava doidinho pra provar os vinhos kkkk 🍷🍷 B de bebum").letter == "B"
    assert extract_answer("Acho que é por causa da chuva. C de casa.").letter == "C"
    assert extract_answer("O texto fala disso de novo").letter is None
    five = ["Parado.", "Guardado.", "Cuidado.", "Nenhuma das opções acima.", "Venceu a corrida."]
    fit = "A, B e C falam do carro parado. Mas há uma alternativa que bate exatamente com o relato: a E, ele venceu."
    assert extract_answer(fit, five).letter == "E"


def test_replies_of_held_out_ab() -> None:
    """A letter after a dash that closes a superlative of fit, a tilde box beside a ticked one, an option's own
    "correta" that is no verdict, "B facinho", "Não dá para não ver a B" and a column of "x" beside one "ok"."""
    natural = "Depois do café, o mais natural é que tenham voltado para casa — A. Não há nada sobre lojas."
    assert extract_answer(natural) == Extraction("A", "keyword")
    boxes = "- [ ] A) Nenhuma\n- [~] B) pescar alguns peixes — quase\n- [ ] C) condições do tempo\n"
    assert extract_answer(boxes + "- [x] D) encontrar alguns peixes") == Extraction("D", "structured")
    options = ["Aparência.", "Magros.", "Ele queria que mantivéssemos a postura correta.", "Nenhuma das alternativas."]
    cut = "A — não fala de aparência. ✗\nB — especulação. ✗\nEntão ficamos entre C e D. A C diz que era para manter a "
    assert extract_answer(cut + "postura correta no exercício; a D", options).letter is None
    assert extract_answer("o carro morreu pq deu algum pau mecânico né kkk n tem como ser a C. B facinho").letter == "B"
    assert (
        extract_answer("Não é porque à noite está escuro. Não dá para não ver a B: de dia, está claro.").letter == "B"
    )
    table = 'Opção | Veredito\n--- | ---\nA | ok — "branco como a neve"\nB | x\nC | x (quem tem a cabeça no lugar)\n'
    assert extract_answer(table + "D | x, ele continuava infeliz") == Extraction("A", "structured")


def test_replies_of_held_out_ac() -> None:
    """A "Contexto:" heading of the reply's own analysis, a lone second guess, a walk cut after "A alternativa B ...,
    mas", "fico bem dividido", a letter taken back at "não é a C, é", "não ser a primeira", "antes de fechar quero
    checar" and a letter between no-break spaces are read."""
    analysis = (
        "## Análise da questão\n\n**Contexto:** ele responde com frases de efeito.\n\n**O que a pergunta pede:** "
    )
    analysis += "a consequência.\n\n- Ele nunca responde de forma direta.\n\n---\n\n### Resposta final: **C**"
    assert extract_answer(analysis).letter == "C"
    invented = "Resposta: B\n\nContexto: Fui ao mercado.\nPergunta: Por quê?\nA) Fome\nB) Sede\n\nResposta: A"
    assert extract_answer(invented).letter == "B"
    assert extract_answer("Não tenho muita certeza, o texto não explica, mas talvez seja a B?").letter == "B"
    assert extract_answer("Acho que é a A, mas talvez seja a B.") == Extraction(None, "hedged")
    walk = "Isso indica um clima. Agora vamos comparar com as alternativas:\n\n- A alternativa B fala em um clima, mas"
    assert extract_answer(walk) == Extraction(None, "no_answer")
    torn = "Fico bem dividido nessa. A C faz sentido; a B também conversa com o texto. Não consigo bater o martelo"
    assert extract_answer(torn) == Extraction(None, "hedged")
    taken_back = (
        "B — ela queria um acordo.\n\nNa verdade, não. Isso aponta para a C... Só que não fecha. Então não é a C, é"
    )
    assert extract_answer(taken_back) == Extraction(None, "no_answer")
    options = ["Ela.", "O pai.", "O marido.", "A mãe."]
    assert extract_answer("Pai? Não. Marido? Também não. Não vejo como não ser a primeira.", options).letter == "A"
    check = "A B não é motivo. A C menos ainda. A D é o clima. Aí sobraria a A, mas antes de fechar quero checar se"
    assert extract_answer(check) == Extraction(None, "hedged")
    assert (
        extract_answer("<details>\nA e C só descrevem o depois.\n</details>\n\n<p><kbd>&nbsp;D&nbsp;</kbd></p>").letter
        == "D"
    )


def test_replies_of_held_out_ad() -> None:
    """An English conclusion before a letter whose reasons open with a quote, what is left said of one letter before
    its reasons, "a B acerta" and an answer heading that opens with a tick are read."""
    quoted = "I think it's A — \"ela talvez esteja mais interessada em mim do que eu nela\", so he doesn't share it."
    assert extract_answer(quoted).letter == "A"
    left = "A: o texto não fala disso. D: não o obrigaria a nada. B: descartada. O que sobra é a C — sem a corrida, "
    assert extract_answer(left + "eles poderiam ter subido.").letter == "C"
    assert extract_answer("Restam a B e a D. A B parece boa, mas") == Extraction(None, "no_answer")
    other = "A A fala em deficiência; a C distorce a menção. Diferente dessas duas, a B acerta: ela quer que saibam."
    assert extract_answer(other).letter == "B"
    assert extract_answer("Análise feita.\n\n### ✅ Resposta\n**C) Queríamos encontrar uma caverna**").letter == "C"


def test_replies_of_held_out_ae() -> None:
    """A letter called the one that fits, an ordinal counted or said to fit, "a terceira e última", a table cell that
    says "resposta", a letter after "nem A nem B", "É essa." after a letter, "Mudo de ideia", "tem uma que explica: a
    D" and an option struck out beside the answer line are read; a fit denied or lessened is not."""
    options = ["Ele dormiu.", "Ele saiu.", "Ele comeu.", "Nenhuma das alternativas acima."]
    assert extract_answer("Pelo texto, a C é a que o texto sustenta.", options).letter == "C"
    assert extract_answer("A C é a que menos faz sentido.", options).letter is None
    assert extract_answer("A B é a que o texto não sustenta.", options).letter is None
    assert extract_answer("Das quatro, a terceira é a que faz sentido; ele estava com fome.", options).letter == "C"
    assert (
        extract_answer(
            "Das opções, a segunda, porque o texto conta que ele pegou o casaco e bateu a porta sem olhar para trás.",
            options,
        ).letter
        == "B"
    )
    assert extract_answer("A segunda vez é a que conta, disse ele, e a casa caiu.", options).letter is None
    assert (
        extract_answer(
            "A terceira e última: o texto conta que ele abriu a geladeira e não deixou sobrar nada no prato.",
            options[:3],
        ).letter
        == "C"
    )
    table = "| | Comentário | Resultado |\n|---|---|---|\n| A | não dormiu | descartada |\n"
    table += "| B | saiu mesmo | **resposta** |\n| C | — | descartada |\n| D | há uma que serve | descartada |"
    assert extract_answer(table, options).letter == "B"
    assert extract_answer("Nem A nem D; C, o texto é claro nisso.", options).letter == "C"
    assert extract_answer("Neither B nor D: A.", options).letter == "A"
    assert extract_answer("Nem A nem B; C e D empatam.", options).letter is None
    five = [*options, "Ele correu."]
    assert extract_answer("Nenhuma dessas parece... ah, tem a E, correu. É essa.", five).letter == "E"
    assert extract_answer("A C fala de outra coisa. É isso que o texto nega.", options).letter is None
    changed = "Primeiro pensei em D. Então C? Não, comer não é o ponto. Mudo de ideia de vez: A, pelo cansaço."
    assert extract_answer(changed, options).letter == "A"
    left = "A não explica nada. B é circular. D some porque tem uma que explica bem: a C, ele comeu."
    assert extract_answer(left, options).letter == "C"
    long_options = [
        "Nenhuma das alternativas acima.",
        "O pneu dela estaria murcho.",
        "O pneu precisaria de ar.",
        "Provavelmente pensaria que eu estava gritando com ela.",
    ]
    struck = "> **D** — provavelmente pensaria que eu estava gritando com ela.\n\n~~A) Nenhuma das alternativas acima~~"
    assert extract_answer(struck, long_options).letter == "D"


def test_replies_of_held_out_af() -> None:
    """An adverb between "é" and the letter, "a primeirinha da lista", a letter denied by a description before its
    bracket, a closing "vai D", a struck HTML letter before a tagged one are read; "fica entre C e..." cut short
    chooses nothing."""
    options = ["Ele dormiu.", "Ele saiu.", "Ele comeu.", "Nenhuma das alternativas acima."]
    assert extract_answer("pô isso é claramente a A, sem mistério nenhum", options).letter == "A"
    assert extract_answer("a primeirinha da lista. o resto não tem nada a ver com a história", options).letter == "A"
    denied = "Não foi o sono (A), que só veio depois. Vou de B."
    assert [m.kind for m in mentions(denied, options, patterns(("A", "B", "C", "D")))] == ["reject", "commit"]
    chat = "ahh eu ia marcar a A, a B tava certa?? pera nao kkk o texto não fala disso, entao nenhuma explica. vai D"
    assert extract_answer(chat, options).letter == "D"
    assert extract_answer("A C vai contra o texto. Vou D", options).letter == "D"
    html = (
        "<p>Resposta: <del>B</del> <strong>C</strong></p>\n<p><small>A B diz que ele saiu <em>cedo</em>, mas o texto "
    )
    assert extract_answer(html + "não diz isso.</small></p>", options).letter == "C"
    cut = "Eliminando: D não tem base nenhuma. A e B falam de outra coisa. Então fica entre C e..."
    assert extract_answer(cut, options).letter is None
    assert extract_answer("Então fica entre C e D. Vou de C.", options).letter == "C"


def test_replies_of_held_out_ag() -> None:
    """Denied denials that go on to a verb ("Não dá pra não ir de A") or point back by a pronoun after an ellipsis,
    Spanish "yo diría la A", a table without outer pipes or separator, "D obviamente,", "Ok, B:" after a change of
    mind, "óbvio q é a D", a letter closing the reply's first sentence after a dash, "B. A C ..." and a survivor
    described after "Sobra apenas" are read; "Não tenho como fechar isso" leaves the choice open."""
    options = ["Ele dormiu.", "Ele saiu.", "Ele comeu.", "Nenhuma das alternativas acima."]
    assert extract_answer("A B não é a melhor: ele não saiu. Não dá pra não ir de A.", options).letter == "A"
    pronoun = "Eu não descartaria a B... na verdade, não consigo ver como não ser ela. A e D nem falam disso."
    assert extract_answer(pronoun, options).letter == "B"
    both = "Não é que a A não faça sentido — faz, e nenhuma outra chega perto. Não tenho como não marcar ela."
    assert extract_answer(both, options).letter == "A"
    assert extract_answer("Não vejo jeito de a resposta não ser a C. A é genérica demais.", options).letter == "C"
    assert extract_answer("Pues yo diría la A: o texto fala disso, sin duda.", options).letter == "A"
    assert extract_answer("Yo no diría la A: o texto fala de outra coisa.", options).letter is None
    table = "Opção | Faz sentido?\nA | não, nada a ver\nB | não, é irônico\nC | não\nD | sim, nenhuma serve"
    assert extract_answer(table, options).letter == "D"
    assert extract_answer("isso tá na cara kkkkk D obviamente, e ainda com o texto todo", options).letter == "D"
    changed = (
        "Resposta: A. Opa, não — o texto não diz isso. Será C? Não, quem comeu foi o outro. Ok, B: ele saiu mesmo."
    )
    assert extract_answer(changed, options).letter == "B"
    assert extract_answer("gente a C é literalmente outra coisa 💀💀 obvio q é a D, o texto diz", options).letter == "D"
    dashed = "Com as lentes cobertas de lama não dava pra enxergar nada — A. A B é o que ele tentava fazer."
    assert extract_answer(dashed, options).letter == "A"
    alone = "Se ele tivesse topado, teria ido ao festival, que era o que ela imaginava. B. A C ela mesma nega."
    assert extract_answer(alone, options).letter == "B"
    torn = "B ou D? O texto puxa pra B, mas talvez pra D... Não tenho como fechar isso com o que o texto dá."
    assert extract_answer(torn, options).letter is None
    limping = [
        "Estaria mancando",
        "Nenhuma das alternativas acima.",
        "Não faria o último turno",
        "Não estaria mancando",
    ]
    survivor = '"Estaria mancando" é o que aconteceu — fora. "Nenhuma" não cabe. "Não faria o último turno" — fora. '
    survivor += "Sobra apenas a opção que diz que ele não estaria mancando."
    assert extract_answer(survivor, limping).letter == "D"


def test_replies_of_held_out_ah() -> None:
    """ "B sim" after "A não", "That's C." mid-reply, "A resposta is C", a few words opening the reply with the letter
    in brackets, "Com base no texto, A:", "D. o resto é viagem", "Nenhuma das acima?" ruled out in an elimination,
    "C, no lugar de B ou D", "So A, mano" after an emoji, "A, definitivo.", "é ela mesma" after a denied ruling-out,
    "B sem pensar", "Não a B, mas a C:" and a letter conceded after a tentative choice ("ainda que a D ...") are
    read as the writer meant."""
    options = ["Ele dormiu.", "Ele saiu.", "Ele comeu.", "Nenhuma das alternativas acima."]
    assert extract_answer("A não; B sim. O texto deixa isso claro.", options).letter == "B"
    assert extract_answer("He left, plain and simple. That's B. The rest is noise.", options).letter == "B"
    assert extract_answer("A resposta is C — the text says so, ou seja, é isso.", options).letter == "C"
    assert extract_answer("Comida (C). Sono (A) e saída (B) não aparecem no texto.", options).letter == "C"
    assert extract_answer("Com base no texto, A: no sonho ele estava na casa da tia.", options).letter == "A"
    assert extract_answer("tava na cara né gente. D. o resto é invenção", options).letter == "D"
    last = [
        "Porque é quinta-feira.",
        "Porque estão culpando a democracia.",
        "Nenhuma das alternativas acima.",
        "Porque a Rússia invadiu a Geórgia.",
    ]
    survivor = 'Quinta-feira? Não. "Culpando a democracia"? Piada. Nenhuma das acima? Também não. Só resta a outra.'
    assert extract_answer(survivor, last).letter == "D"
    assert extract_answer("C, no lugar de B ou D — essas duas não explicam nada.", options).letter == "C"
    assert extract_answer("Sleep is out of the question 😅 So A, mano, definitely not B.", options).letter == "A"
    changed = "D? Não, isso está ao contrário. Então C, pra ele comer... hmm, também não. A, definitivo."
    assert extract_answer(changed, options).letter == "A"
    assert (
        extract_answer("Não descartaria a A... Pensando bem, é ela mesma: o texto deixa claro, sim.", options).letter
        == "A"
    )
    assert extract_answer("mano isso é óbvio né, B sem pensar mt", options).letter == "B"
    assert extract_answer("Não a B, mas a C: ele comeu, não saiu.", options).letter == "C"
    conceded = "É meio chute. Minha aposta é a B — talvez ele tenha saído cedo —, ainda que a D também tenha graça."
    assert extract_answer(conceded, options).letter == "B"


def test_replies_of_held_out_ai() -> None:
    """ "Prefiro não escolher uma" after conditional letters, "C ne," opening a sentence, "Ninguém vai me convencer de
    que não é a A", "e muito menos D", Spanish "Ni la A ni la C ... Entonces, B", "enfim, A, os adultos ..." and a line
    of struck letters before the letter's line are read as meant."""
    options = ["Ele dormiu.", "Nenhuma das alternativas acima.", "Ele comeu.", "Ele saiu."]
    torn = "Depende da leitura. Se o problema é o sono, seria A. Se é a fome, seria C. Prefiro não escolher uma."
    assert extract_answer(torn, options).letter is None
    assert extract_answer("ai gente kkkkk que história. C ne, ela nem sabia", options).letter == "C"
    assert extract_answer("Ninguém vai me convencer de que não é a A: o texto é claro.", options).letter == "A"
    assert extract_answer("A. Não C — o texto não fala disso — e muito menos D.", options).letter == "A"
    spanish = "Ni la A ni la C tienen que ver; o texto não menciona. Entonces, B — ninguna de las anteriores."
    assert extract_answer(spanish, options).letter == "B"
    assert extract_answer("vixe lembrei 😭 enfim, A, os adultos ficaram descansando", options).letter == "A"
    assert extract_answer("enfim, A, B e C são possíveis.", options).letter is None
    struck = "### Resposta\n\n~~A~~ ~~D~~\n\n**C** — o texto diz isso.\n\n> obs: a outra não aparece."
    assert extract_answer(struck, options).letter == "C"


def test_replies_of_held_out_aj() -> None:
    """A choice kept after a change of mind, "fico mesmo na B", is read."""
    options = [
        "Eu estava sentindo um desconforto intenso por causa do antibiótico.",
        "Havia sangue na minha urina.",
        "Nenhuma das alternativas acima.",
        "Eu estava sentindo um desconforto intenso.",
    ]
    changed = "Resposta B, porque foi ao hospital por sangue na urina. Espera, reli: os exames disseram que NÃO havia "
    changed += "sangue. Então descarto isso e vou de D, a dor forte. Ou... não, fico mesmo na B, o texto fala de exame "
    assert extract_answer(changed + "de urina, é por isso que ela foi.", options).letter == "B"


def test_replies_of_held_out_ak() -> None:
    """A letter named with its word as the only sentence of its own after the reasons ("Letra A;"), a letter alone
    before a bracket that judges another ("B. (a D seria crime)") and "C pra mim" are read; a walk through the options
    one sentence each is not."""
    options = [
        "Porque achamos que iríamos curtir.",
        "Porque não dava para ver a cidade.",
        "Porque fomos de teleférico.",
    ]
    named = "Foram porque queriam mostrar o show pros meninos. Letra A; o passeio (C) foi só lá dentro."
    assert extract_answer(named, options).letter == "A"
    walk = "Vamos ver. Alternativa A. Fala de sono. Alternativa B. Fala de fome. Alternativa C. Fala de outra coisa."
    assert extract_answer(walk, options).letter is None
    four = ["Ela levaria o bebê.", "Ela largaria o emprego.", "Nenhuma das alternativas acima.", "Ela o deixaria só."]
    assert extract_answer("pelo q entendi ela n tinha ajuda. B. (a D seria crime né gente kkkk)", four).letter == "B"
    assert extract_answer("mano essa pergunta é pegadinha, o texto nem diz. C pra mim", four).letter == "C"


def test_replies_of_held_out_al() -> None:
    """A letter called the answer ("`D` é a minha resposta."), a letter in an aside after the one a conclusion chose,
    "none of the above" opening the reply with reasons that deny the others, and a reply broken off at "ou se" are
    read as meant."""
    options = ["Ele dormiu.", "Ele saiu.", "Ele comeu.", "Nenhuma das alternativas acima."]
    assert extract_answer("`D` é a minha resposta.\n\n*Nenhuma das outras tem a ver com isso.*", options).letter == "D"
    assert extract_answer("A é a resposta errada. B é a minha resposta.", options).letter == "B"
    aside = "bom dia!! então, pra mim é a A, ele tava cansado, tadinho 😢 (a B nem faz sentido)"
    assert extract_answer(aside, options).letter == "A"
    three = ["Ele dormiu.", "Nenhuma das alternativas acima.", "Ele comeu."]
    assert extract_answer("B — o texto não explica por que ele saiu; e isso não faz sentido.", three).letter == "B"
    cut = "A opção A é o motivo genérico; a B diria que o texto não permite afirmar nada; C e D confundem causa e "
    cut += "consequência. A questão é se 'dormir' conta como inferência válida ou se"
    assert extract_answer(cut, options).letter is None


def test_replies_of_held_out_am_an() -> None:
    """A letter said without conviction, "não consigo deixar de ver a B", a letter after an emoji, a conclusion
    denied, "penderia pra A", "Acho que a penúltima", an opening word and a comma before the letter, a description
    ruled out "de jeito nenhum", a LaTeX answer beside a struck letter already denied, "Impossível não ser a A", "D e
    ponto final", "C, então.", "tem uma boa: a E", "Acabo escolhendo a B" after doubt, Spanish "Es la C" and "não vou
    escolher nenhuma das opções" are read as meant."""
    options = ["Ele dormiu.", "Ele saiu.", "Ele comeu.", "Ele correu."]
    assert extract_answer("Difícil... A e D são quase gêmeas. D, mas sem muita convicção.", options).letter == "D"
    assert (
        extract_answer(
            "Não que a A seja impossível, mas não consigo deixar de ver a B como a resposta.", options
        ).letter
        == "B"
    )
    assert extract_answer("isso numa segunda de manhã 😩 A, cansado, tipo exausto msm", options).letter == "A"
    denied = "Hmm, I think D fits best — la enfermedad puede moldear el carácter. Não acho que ele comeria tudo (C)."
    assert extract_answer(denied, options).letter == "D"
    assert extract_answer("Talvez, talvez — não sei. Mas eu penderia pra A: o texto fala disso.", options).letter == "A"
    assert extract_answer("Acho que a penúltima. Nenhuma das outras descreve direito.", options).letter == "C"
    cut = (
        "3. Sobram as duas. O texto diz que o remédio ajuda, então a primeira também tem apoio. Pra decidir, precisamos"
    )
    assert extract_answer(cut, options).letter is None
    assert extract_answer("Corrida, D — de jeito nenhum saída (B), e sono (A) também não.", options).letter == "D"
    assert extract_answer(r"$$\text{Resposta: } \mathbf{C} \qquad (\text{não } \cancel{A})$$", options).letter == "C"
    assert extract_answer("Impossível não ser a A. Não dormir seria não viver.", options).letter == "A"
    changed = "Marquei C, depois apaguei e pus D. Aí voltei pra C... não, chega: é o que ele faz. D e ponto final."
    assert extract_answer(changed, options).letter == "D"
    assert (
        extract_answer("Vou de A... não, pera. Dormir não tem graça. O engraçado é comer. C, então.", options).letter
        == "C"
    )
    five = [*options, "Ele ligou."]
    assert extract_answer("Nenhuma dessas? Não, tem uma boa: a E. Ligar é o mais sensato.", five).letter == "E"
    doubt = "Fiquei em dúvida entre B e C, porque uma detalha a outra. Acabo escolhendo a B, que é a mais específica."
    assert extract_answer(doubt, options).letter == "B"
    assert extract_answer("Es la C. La autora dice que sí.", options).letter == "C"
    none = ["Ele dormiu.", "Nenhuma das alternativas acima.", "Ele comeu.", "Ele correu."]
    refusal = "O texto é opinativo e não traz informação suficiente. Por isso, não vou escolher nenhuma das opções."
    assert extract_answer(refusal, none).letter is None


def test_replies_of_held_out_ap() -> None:
    """An adverb after the copula or after words of chat ("é claramente a A", "mano claramente a A né"), the reply's
    first letter after a sentence of its own with its reasons after a comma, a walk through the letters that trails off
    on the next one, and an elimination by questions that closes on "tem uma que faz sentido" are read as meant."""
    options = [
        "Porque raramente pegam sol.",
        "Porque estava quente.",
        "Nenhuma das alternativas acima.",
        "Porque viram.",
    ]
    assert extract_answer("é claramente a A, elas quase nunca pegam sol", options).letter == "A"
    assert extract_answer("kkk mano claramente a A né, elas quase nunca pegam sol", options).letter == "A"
    assert extract_answer("cara obviamente a D", options).letter == "D"
    assert extract_answer("nossa q triste lembrar disso... A, ficamos vendo o jornal o dia inteiro").letter == "A"
    # (not an option described after its letter in an elimination: "D, deixar o bebê sozinho, nem cogito")
    walked = "Eu diria B, não A. Ninguém leva bebê pra um plantão. D, deixar o bebê sozinho, nem cogito."
    assert extract_answer(walked).letter == "B"
    trailed = "Vamos eliminar: A é genérica demais, D é só o lugar onde ela estava, C..."
    assert extract_answer(trailed).letter is None
    assert (
        extract_answer("Vamos eliminar: A é genérica demais, D é só o lugar onde ela estava. Então C...").letter == "C"
    )
    storm = [
        "Porque a porta se abriu rangendo.",
        "Porque um trovão ecoou.",
        "Porque o homem estava molhado.",
        "Nenhuma das alternativas acima.",
    ]
    asked = (
        "Porta rangendo? Não. Trovão? Não. Nenhuma? Também não — tem uma que faz sentido: o homem estava encharcado."
    )
    assert extract_answer(asked, storm).letter == "C"


def test_replies_of_held_out_aq() -> None:
    """Spanish "La C, claramente" and "Yo diría que es la B", "só a C" and a deed of its own after a comma, a choice
    made because one must ("Se for pra escolher uma, D"), "vou arriscar a A" after doubt, "Troco pela D", a letter
    asked then confirmed ("D? ..., é isso"), a heading "Alternativa correta" over the letter, an arrow that ticks a
    score line of an option, and "uma delas funciona: a da trilha" closing an elimination are read as meant."""
    options = ["Ele dormiu.", "Ele saiu.", "Ele comeu.", "Ele correu."]
    assert extract_answer("La C, claramente: si no hubiera muerto, tal vez no la habrían canonizado.").letter == "C"
    assert extract_answer("Yo diría que es la B: él mismo dice que su vida es lo que es.").letter == "B"
    assert extract_answer("Das três, só a C encara o problema de frente.", options[:3]).letter == "C"
    # ("só a C e a D" is a pair, not a deed of one)
    assert extract_answer("Das quatro, só a C e a D falam disso.", options).letter is None
    weighed = "Honestamente, A e D são plausíveis, e a B não é absurda. Se for pra escolher uma, D: perder a calma."
    assert extract_answer(weighed, options).letter == "D"
    # (but a second choice is still not the choice: "Se eu tivesse que escolher uma segunda, seria a D")
    second = "Isso é a A. Se eu tivesse que escolher uma segunda, seria a D, mas não é ela."
    assert extract_answer(second, options).letter == "A"
    doubt = "A ou C? Ela diz que a mãe teria apoiado... Hmm. Vou arriscar a A, já que a mãe é a família do texto."
    assert extract_answer(doubt, options).letter == "A"
    changed = "B, ela sabia. Hmm, não: o texto diz que ela NÃO esperava chegar tarde. Troco pela D — ia bater fome."
    assert extract_answer(changed, options).letter == "D"
    assert extract_answer("sla, D? o cara dirige suave, é isso kkk as outras falam do atraso", options).letter == "D"
    heading = "### Alternativa correta\n\n`B` — é um documento de governo.\n\n---\n*A e C são ridículas; D é cinismo.*"
    assert extract_answer(heading, options).letter == "B"
    assert extract_answer("Alternativa correta\n\nEsta pergunta tem um porém.", options).letter is None
    scores = "Alternativa — nota (0 a 10)\nA: 2\nB: 1\nC: 0\nD: 9 ← escolho essa"
    assert (
        extract_answer(scores, ["Usar transporte.", "Nenhuma das alternativas acima.", "Chove.", "Ver."]).letter == "D"
    )
    trail = [
        "Porque fizemos muita trilha ontem.",
        "Nenhuma das alternativas acima.",
        "Porque fomos para Dildo.",
        "Porque o céu noturno abriu.",
    ]
    ruled = (
        'Descarto a que fala de Dildo (isso foi depois) e a do céu noturno (não tem relação). Também não é "nenhuma", '
        "porque uma delas funciona: a da trilha feita no dia anterior."
    )
    assert extract_answer(ruled, trail).letter == "A"


def test_replies_of_held_out_ar() -> None:
    """A label is not a predicate ("está fraca: alternativa B"), letters named after descriptions and joined by "ou"
    share their verdict, "— A descartada." is a letter ruled out, letters listed after "Riscando:" are ruled out,
    "Não é E nem A. D: ...", "acabo indo de C", a column of "provável"/"improvável", "é ela" closing the sentence after
    a letter's, and a letter restated by its own option's words ("B, all in.") are read as meant."""
    campaign = [
        "Sou republicano e a campanha do Obama é boa demais",
        "Sou republicano e a campanha do McCain é fraca demais",
        "Sou democrata e a campanha do Obama é fraca demais",
        "Sou democrata e a campanha do McCain é boa demais",
    ]
    denied = (
        "Não se trata de achar a campanha do Obama boa demais (A) — o autor critica o Obama também. O que o decepciona "
        "é que a do McCain não tem argumento central, ou seja, está fraca: alternativa B."
    )
    assert extract_answer(denied, campaign).letter == "B"
    typing = [
        "Porque meu cérebro está se cansando.",
        "Porque estou digitando com quase tanta precisão quanto o normal.",
        "Porque estou digitando quase tão rápido quanto o normal.",
        "Nenhuma das alternativas acima.",
    ]
    ruled = (
        "Cansaço do cérebro não faz dedo sarar — A descartada. Digitar com precisão (B) ou com rapidez (C) também não "
        "tem relação com a cicatrização; se muito, atrapalharia. Nenhuma das três primeiras se sustenta."
    )
    assert extract_answer(ruled, typing).letter == "D"
    # (but an elimination cut off before it says what is left chooses nothing)
    cut = "Eliminando: A (designar) e B (encomendar) não combinam com ela. D também não, porque"
    assert extract_answer(cut).letter is None
    options = ["Ele não queria tocar nele.", "Ele não gostava dele.", "Ele ia partir para um beijo.", "Nenhuma."]
    struck = (
        "Riscando: A (ele tocou, estava abraçado), B (eram amigos próximos), D (dá pra responder sim). Resta o beijo."
    )
    assert extract_answer(struck, options).letter == "C"
    assert extract_answer("Por eliminação: C.", options).letter == "C"
    five = ["Velhas demais", "Nenhuma das alternativas acima.", "Magras", "Novas demais", "Bonitas"]
    assert extract_answer("Não é E nem A. D: todo mundo ali parecia ter no máximo 14 anos.", five).letter == "D"
    doubt = "Fiquei entre A e C um bom tempo. Dá um ar de querer estar lá. Sem muita convicção, acabo indo de C."
    assert extract_answer(doubt, options).letter == "C"
    table = "Alternativa | Avaliação\n--- | ---\nA | improvável\nB | improvável\nC | provável — ela\nD | improvável"
    assert extract_answer(table, options).letter == "C"
    video = ["Porque talvez tenha um vídeo.", "Nenhuma das alternativas acima.", "Porque gostam de musicais.", "Fome."]
    assert extract_answer("Não descartaria a D. Aliás, nem deveria cogitar descartar: é ela.", video).letter == "D"
    poker = ["Posso ter largado a mão.", "Posso ter ido all in.", "Posso ter aumentado um dólar.", "Nenhuma."]
    hand = "Com trinca de 8 num flop desses? B, all in. Largar a mão, que é a A, seria loucura."
    assert extract_answer(hand, poker).letter == "B"


def test_replies_of_held_out_as() -> None:
    """Choices one cannot help making ("Não consigo não escolher a D", "não vejo nenhum motivo pra não marcar a C"),
    "Ninguém me convence de que a A não é a certa", "Não que a D não faça sentido — faz", a cell "é a resposta",
    Spanish "Pues la D", "a C disparado" and "sei lá" closing the reasons of the one letter are read as meant."""
    options = ["Ele dormiu.", "Ele saiu.", "Ele comeu.", "Ele correu."]
    assert extract_answer("Não consigo não escolher a D aqui.", options).letter == "D"
    assert extract_answer("Não vejo nenhum motivo pra não marcar a C, então marco.", options).letter == "C"
    assert extract_answer("Ninguém me convence de que a A não é a certa.", options).letter == "A"
    assert extract_answer("Não que a D não faça sentido — faz, e é a minha resposta.", options).letter == "D"
    # ("Não que a A seja impossível" grants A a chance and chooses nothing)
    assert extract_answer("Não que a A seja impossível, mas não consigo deixar de ver a B.", options).letter == "B"
    table = (
        "| Opção | Veredito |\n|---|---|\n| A | plausível, mas vaga |\n| B | contradiz o texto |\n| C | descartada |\n"
    )
    assert extract_answer(table + "| D | é a resposta |", options).letter == "D"
    assert extract_answer("Pues la D, porque tenían hambre, obviamente kkkk", options).letter == "D"
    assert extract_answer("Entre a C e a B, a C disparado. A B é exagero, ninguém desaprende.", options).letter == "C"
    tree = ["Uma árvore perfumada", "Uma partida de golfe", "Nenhuma das alternativas acima.", "Um vitral"]
    shrug = (
        "vish, essa metáfora... pra mim é a árvore perfumada, letra A. tipo o amor cresce e tem cheiro bom sei lá rs"
    )
    assert extract_answer(shrug, tree).letter == "A"
    # (but "sei lá" after two letters weighed is still undecided)
    assert extract_answer("A ou C, sei lá", tree).letter is None


def test_replies_of_held_out_at() -> None:
    """The likeliest of any noun ("The most likely reason is C"), "Resposta: a)" after lower-case letters walked
    through, "C, pronto." and "C, por eliminação" after letters set aside, "jamais B, C ou D", and "none of the
    above" ruled out by "dá pra responder pelo texto" are read as meant."""
    bag = ["Ela não vinha com trocador.", "Ia esperar o salário.", "Não estava dentro do meu orçamento.", "Nenhuma."]
    assert extract_answer("The most likely reason is C — it simply wasn't within her budget.", bag).letter == "C"
    assert extract_answer("O motivo mais provável é C: não cabia no orçamento.", bag).letter == "C"
    assert extract_answer("The most plausible explanation is B, since she waited.", bag).letter == "B"
    three = ["Porque achei que seria um bom produto.", "Porque usei esse mesmo Boppy.", "Porque aguentou lavagens."]
    assert extract_answer("a) faz sentido; b) e c) vieram depois da compra. Resposta: a)", three).letter == "A"
    # (a line of three options with no answer on it is still an echo)
    assert extract_answer("a) Porque achei b) Porque usei c) Porque aguentou", three).letter is None
    pets = ["Os filhotes o arranharam.", "Nenhuma das alternativas acima.", "Um dos bichos urinou nele.", "Eu urinei."]
    quick = "D? kkkk não, óbvio que não, quem fez xixi foi o filhote. C, pronto."
    assert extract_answer(quick, pets).letter == "C"
    guess = "É chute. Poderia ser A, poderia ser B. Mas o tom do post é de decepção. C, por eliminação emocional."
    assert extract_answer(guess, pets).letter == "C"
    rain = ["Nenhuma das alternativas acima.", "Porque não tem chuva.", "Porque precisam de chuva.", "Está seco lá."]
    assert extract_answer("A, jamais B, C ou D. Falta de chuva não tem nada a ver.", rain).letter == "A"
    assert extract_answer("A, never B, C or D.", rain).letter == "A"
    # ("C ou D" alone weighs two letters)
    assert extract_answer("A resposta é C ou D.", rain).letter is None
    acting = ["Porque embarcou numa onda.", "Nenhuma das alternativas acima.", "Porque foi boa, mas não o suficiente."]
    answerable = "A: sem sentido. B: dá pra responder pelo texto, sim. Logo, sobra a C."
    assert extract_answer(answerable, acting).letter == "C"
    # (unless the text cannot answer it)
    assert extract_answer("A: sem sentido. C: exagero. B: não dá pra responder pelo texto.", acting).letter == "B"


def test_replies_of_held_out_au() -> None:
    """Checklist entries with their reasons after a comma, "it's obviously C", "Claramente la C", "Honestly? B.",
    "Das três, a C.", "Trocando pela C", "não consigo ver como não seria a C", an opening "A compara ..." ruled out,
    and two letters weighed, then one of them ruled out, are read as meant."""
    ship = ["Saímos do curso.", "Navegamos até o Canal.", "Nenhuma das alternativas acima.", "Ficamos presos."]
    checklist = (
        "❌ A, o texto não fala de sair do curso\n✅ B, rumo traçado pro Canal da Mancha, tudo certo\n❌ C\n"
        "❌ D, ninguém ficou preso"
    )
    assert extract_answer(checklist, ship).letter == "B"
    weight = ["Ela está perdendo peso.", "Saiu do hospital.", "Ela está ganhando peso.", "Ia ao hospital."]
    assert extract_answer("bro it's obviously C lol, she's gaining weight", weight).letter == "C"
    # (not "it's hardly C")
    assert extract_answer("it's hardly C", weight).letter is None
    assert extract_answer("Claramente la C. Pasar por el cementerio le recordó a su abuela.", weight).letter == "C"
    baby = ["Levaria o bebê.", "Teria que largar o emprego.", "Nenhuma das alternativas acima.", "Deixaria sozinho."]
    honest = "Honestly? B. She had no one to help, so she'd quit her job. A and D feel way too extreme."
    assert extract_answer(honest, baby).letter == "B"
    three = ["Porque o autor tem 18 anos.", "Porque a irmã tem 18 anos.", "Porque queria fazer algo legal."]
    assert extract_answer("Das três, a C. Idade do autor ou da irmã não explica o café.", three).letter == "C"
    assert extract_answer("Of these, B. The rest make no sense.", three).letter == "B"
    trip = ["Estocolmo foi ótima.", "Está de volta à Inglaterra.", "Gosta de cozinhar.", "O albergue era bom."]
    switched = "Vou de D, o albergue era bom... não, péssimo raciocínio. Trocando pela C: a pessoa gosta de cozinhar."
    assert extract_answer(switched, trip).letter == "C"
    sleep = ["Piadas.", "Uma queda por um cara.", "Deixaria a mente afiada.", "Caras de WTF."]
    granted = "Não que a B não faça algum sentido, com o crush, mas não consigo ver como não seria a C: mente afiada."
    assert extract_answer(granted, sleep).letter == "C"
    cat = ["Vivo é pior que um pisão.", "Vivo é pior que fogo.", "Morto é pior que fogo.", "Fogo é pior que um pisão."]
    eliminated = (
        "Eliminando: A compara pisotear com um pisão, não faz sentido. B e C colocam o fogo como a parte mais branda, "
        "o que não justifica a ordem. Só resta uma."
    )
    assert extract_answer(eliminated, cat).letter == "D"
    songs = ["Não faz músicas ótimas.", "É o baterista.", "Não são estranhas.", "São estranhas, mas cativantes."]
    settled = (
        'A não fala de atuação. B confunde o Rainn Wilson com o Pete Best. Entre C e D, "comediazinha absurda" puxa '
        "pro estranho, então a C, que nega a estranheza, também cai."
    )
    assert extract_answer(settled, songs).letter == "D"
    # (two letters weighed and left so stay a hedge)
    assert extract_answer("A e B não. Fico entre C e D, não sei qual.", songs).letter is None


def test_replies_of_held_out_av() -> None:
    """ "C. próxima", "vai ser C", the reply's one letter tagged ("essa é fácil, A né, ...") and a table cell "com
    certeza" among cells that say no are read as meant."""
    photo = ["Nenhuma das alternativas acima.", "Fotos demais.", "Passar para o computador.", "Levar a outro quarto."]
    assert extract_answer("tirou do porta-retrato pra escanear, óbvio. C. próxima", photo).letter == "C"
    assert extract_answer("aff essas perguntas... vai ser C, ele vai falar q tá td bem", photo).letter == "C"
    # (not "não vai ser C")
    assert extract_answer("não vai ser C", photo).letter is None
    assert extract_answer("kkkkk essa é fácil, A né, a pessoa tava lisa o verão inteiro", photo).letter == "A"
    poker = ["Posso ter largado a mão.", "Posso ter ido all in.", "Posso ter aumentado um dólar.", "Nenhuma."]
    table = (
        "| Ação | Faz sentido com trinca? |\n|---|---|\n| A — largar | nunca |\n| B — all in | com certeza |\n"
        "| C — aumentar $1 | ridículo |\n| D — nenhuma | não |"
    )
    assert extract_answer(table, poker).letter == "B"
    assert extract_answer(table.replace("com certeza", "definitely"), poker).letter == "B"


def test_replies_of_held_out_aw() -> None:
    """Double negations that conclude, a choice told to the reader, one of two weighed, an HTML table, an ordinal
    corrected, letters set aside before "só resta uma", a negated list after the choice and a quote before a dash."""
    alarm = [
        "Detecta o fogão ligado.",
        "É um alarme com defeito.",
        "Detecta quando saímos.",
        "Nenhuma das alternativas acima.",
    ]
    assert extract_answer("Não consigo não pensar que é a B; nada indica o contrário.", alarm).letter == "B"
    assert (
        extract_answer("Não consigo ver motivo pra não ser a C — eles não estavam lá por acaso.", alarm).letter == "C"
    )
    assert extract_answer("I can't help thinking it's B; nothing says the alarm works.", alarm).letter == "B"
    assert (
        extract_answer("oxe A é quinta-feira kkkkk nada a ver. marca a D q a russia invadiu e pronto", alarm).letter
        == "D"
    )
    assert extract_answer("Entre a A e a C, a C. A A até tem graça, mas não explica nada.", alarm).letter == "C"
    # (the one weighed that is the subject of a clause after it is not picked)
    assert extract_answer("Claridade: B. (Entre B e C, a C só inverte o raciocínio.)", alarm).letter == "B"
    assert extract_answer("Agora entre a C e a D: a D diz que não dá para ver o efeito completo", alarm).letter is None
    cells = "".join(
        f"<tr><th>{letter}</th><td>{verdict}</td></tr>"
        for letter, verdict in zip("ABCD", ["não", "não", "sim", "não"], strict=True)
    )
    assert extract_answer(f"<table>{cells}</table>", alarm).letter == "C"
    woke = [
        "Nenhuma das alternativas acima.",
        "Ele me pediu para acordar cedo.",
        "Queria mostrar um quadrinho.",
        "Despedida.",
    ]
    assert extract_answer("sei la, acho q A, nao tem nada sobre acordar no texto", woke).letter == "A"
    history = [
        "Nenhuma das alternativas acima.",
        "Elas não se interessam por história",
        "Biologia marinha",
        "Elas se interessam por história",
    ]
    corrected = "a penúltima? não... a última. interesse por história, óbvio, olha o que eles compraram"
    assert extract_answer(corrected, history).letter == "D"
    beach = [
        "As outras estão limpas.",
        "Nenhuma das alternativas acima.",
        "Os monos abrem a praia.",
        "Ela precisa descansar.",
    ]
    aside = (
        "Tirando A (as outras estarem limpas não suja ninguém), C (explica o problema, não o motivo) e D (outra "
        "necessidade), só resta uma."
    )
    assert extract_answer(aside, beach).letter == "B"
    assert (
        extract_answer("fico com B, não com A, C ou D — todas só repetem frases soltas do texto.", beach).letter == "B"
    )
    clothes = ["A gravata", "O fraque", "A calva", "Os braços e as pernas"]
    quote = 'A gravata — "minha gravata rica e modesta, mas afirmada por um simples alfinete".'
    assert extract_answer(quote, clothes).letter == "A"


def test_replies_of_held_out_ax() -> None:
    """A line's closing "Fora." over a "sim" inside it, "me parece que é a C", "só a A é motivo de verdade", an HTML
    list of struck letters, "na verdade, é ela" after a denied ruling out, and "não arrisco nenhuma" are read as
    meant."""
    scared = ["As aulas tinham terminado.", "Alguém estava descontrolado.", "Evitou um acidente.", "Nenhuma das acima."]
    eliminated = (
        "A: as aulas não tinham terminado de forma assustadora. Fora.\nC: evitar um acidente é o que a salvou. Fora.\n"
        "D: o texto dá, sim, uma pista do motivo. Fora.\nSó sobra uma alternativa, a do descontrolado."
    )
    assert extract_answer(eliminated, scared).letter == "B"
    brave = ["Nenhuma das alternativas acima.", "Vive uma vida diferente.", "Não conquistou tanto.", "Teve coragem."]
    unsure = "Não tenho total certeza, mas me parece que é a C — ele sente que não conquistou o que poderia."
    assert extract_answer(unsure, brave).letter == "C"
    boat = ["Porque queria sobreviver.", "Nenhuma das alternativas acima.", "Porque estava num barquinho."]
    assert extract_answer("Das três opções, só a A é motivo de verdade. A C é só o cenário.", boat).letter == "A"
    train = ["Passar o tempo no trem.", "Encontrar o Peter.", "Nenhuma das alternativas acima.", "O título completo."]
    listed = "<ul><li><s>B</s></li><li><s>D</s></li><li><b>A</b> — tinha que passar o tempo no trem</li></ul>"
    assert extract_answer(listed, train).letter == "A"
    assert extract_answer("Eu não descartaria a D... na verdade, é ela. Não vejo outra.", train).letter == "D"
    game = ["Teria vencido com folga.", "Teria ficado decepcionado.", "Deixaria Hartline descansar.", "Sofreria mais."]
    refused = (
        "Pode ser A, pode ser D. O placar foi 27 a 2, então a A faz sentido, mas a D é a outra leitura. Sem mais "
        "contexto, não arrisco nenhuma das duas."
    )
    assert extract_answer(refused, game).letter is None


def test_replies_of_held_out_ay() -> None:
    """ "Most likely A — ...", a grade pointed at ("9 ← essa"), "resp: c" and "Menos B e mais C" are read as meant."""
    signs = ["Uma bela coleção de imagens.", "Alguns estados não têm placa.", "Nenhuma das alternativas.", "Relapsos."]
    likely = "Most likely A — the author seems to have wanted a nice collection of photos of every state sign."
    assert extract_answer(likely, signs).letter == "A"
    assert extract_answer("resp: c (confia)", signs).letter == "C"
    # (a word that only opens like the abbreviation is not it: "A resposta que faz sentido é B, ...")
    assert extract_answer("A resposta que faz sentido é B, dependência química.", signs).letter == "B"
    photo = ["Nenhuma das alternativas acima.", "Fotos demais.", "Passar para o computador.", "Levar a outro quarto."]
    less = "Menos B e mais C: a ideia era digitalizar a foto, não diminuir a quantidade de fotos em casa."
    assert extract_answer(less, photo).letter == "C"
    relapse = ["Vício que não supero.", "Nenhuma das alternativas acima.", "Recaída médica.", "Vício com recaída."]
    graded = "| Letra | Nota (0–10) |\n|---|---|\n| A | 4 |\n| B | 0 |\n| C | 2 |\n| D | 9 ← essa |"
    assert extract_answer(graded, relapse).letter == "D"
    assert extract_answer("| Letra | Comentário |\n|---|---|\n| A | vago |\n| B | ← essa |", relapse).letter == "B"


def test_replies_of_held_out_az() -> None:
    """Denials denied around the letter, the one letter left standing in an HTML list of struck ones, the answer on a
    line of its own after reasoning, "tiro a A", "a D sai", plural verdicts and a reasoning cut off while weighing are
    read as meant."""
    four = ["Primeira opção.", "Nenhuma das alternativas acima.", "Terceira opção.", "Quarta opção."]
    assert extract_answer("Nunca que não seria a C. Barulho alto, óbvio.", four).letter == "C"
    denied = "Não tem como a D não ser a certa; a A e a C não estão nem um pouco certas."
    assert extract_answer(denied, four).letter == "D"
    granted = "Não acho que a C não seja absurda — é absurda sim. E não vejo como a A não ser a resposta."
    assert extract_answer(granted, four).letter == "A"
    assert (
        extract_answer("Eu não descartaria a D... na verdade, é ela: começaria a ler e largaria no meio.", four).letter
        == "D"
    )
    struck = (
        "<ul>\n  <li><s>A</s> – ele não queria silêncio</li>\n  <li><s>D</s> – não tem nada de concentração</li>\n"
        "  <li><strong>C</strong> – queria fazer parte daquela turma animada</li>\n</ul>"
    )
    assert extract_answer(struck, four).letter == "C"
    reasoned = "Raciocínio: a reação foi sorrir (D), mas veio depois. A política (C) é só o assunto.\n\nAlternativa A."
    assert extract_answer(reasoned, four).letter == "A"
    cut = "Vamos por partes. A primeira não explica nada, então tiro a A. A C também não é motivo. Quanto à D"
    assert extract_answer(cut, four).letter is None
    left = "Eliminando: a D sai porque tem resposta no texto. A C também sai, porque não prova nada. Já a"
    assert extract_answer(left, four).letter is None
    acts = ["Pensar antes de agir.", "Pensar nos atos dos outros.", "Não pensar nos outros.", "Pensar depois de agir."]
    eliminated = (
        "B não faz sentido (os atos dos outros?), C vai na contramão do que ela percebeu, D é pensar depois — tarde "
        "demais. Resta só uma."
    )
    assert extract_answer(eliminated, acts).letter == "A"
    weighing = (
        "Raciocínio:\nA (viajar) não tem relação. C não aparece no texto. D fala em saúde... mas talvez o médico "
        "pensasse nisso. E há a opção de nenhuma das anteriores. Vou pesar D contra essa última"
    )
    assert extract_answer(weighing, four).letter is None


def test_replies_of_held_out_ba() -> None:
    """A grade said with "um" is no letter, "mas vai B", "Não é que a C seja improvável", an ordinal after a colon,
    the letter closing a list of struck ones, and the letter after "C?? não." are read as meant."""
    notes = ["Nenhuma das alternativas acima.", "Psicologia", "Estado de espírito", "Transcrição"]
    graded = "D) Transcrição — o narrador diz que saiu a nota e que é um A baixo, mas ainda assim um A."
    assert extract_answer(graded, notes).letter == "D"
    assert extract_answer("gente eu li 3x e ainda acho meio estranho mas vai B", notes).letter == "B"
    granted = "Não é que a C seja improvável — não tem como não ser ela. Fuso horário diferente, clássico."
    assert extract_answer(granted, notes).letter == "C"
    struck = "**~~C~~** — horário de chegada é irrelevante\n**~~D~~** — a fiação não explica simpatia\n\n# B"
    assert extract_answer(struck, notes).letter == "B"
    hike = ["Porque fizemos muita trilha ontem.", "Nenhuma das alternativas acima.", "Porque seguimos para Dildo."]
    colon = "Com só três alternativas fica fácil: a primeira. Eles se acabaram na trilha no dia anterior."
    assert extract_answer(colon, hike).letter == "A"
    news = [
        "Deixamos ligado.",
        "Mudamos de canal.",
        "Desligamos a TV.",
        "Não acreditávamos.",
        "Ligamos para a família.",
    ]
    assert extract_answer("C?? não. E — a primeira coisa que fizemos foi ligar pra família.", news).letter == "E"
    # (a walk of verdicts is not this: "A: não. B: não. C: não." leaves D)
    assert extract_answer("A: não. B: não. C: não.", news[:4]).letter == "D"

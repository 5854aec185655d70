"""The words the extractor reads, one table per language (Portuguese, English), and how they become patterns.

Every stage builds its regular expressions from these tables, so a word is added here, once, and every
rule that needs it sees it. :func:`alternation` turns a list of words or phrases into a pattern: longest
first, any run of spaces between words, accents optional in words of three letters or more ("opção" also
matches "opcao"; "é" stays "é", since "e" is "and"), and either apostrophe ("I'd", "I’d").

>>> import re
>>> bool(re.fullmatch(alternation(["opção", "fico com"]), "opcao"))
True
>>> bool(re.fullmatch(alternation(["fico com"]), "fico   com"))
True
>>> PT.ordinals["terceira"], EN.ordinals["3rd"], words("last_words")[:2]
(3, 3, ('última', 'último'))
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import cache
from typing import Final

__all__ = [
    "CROSS_MARKS",
    "DENIED_DENIALS",
    "EN",
    "LANGUAGES",
    "PT",
    "TICK_MARKS",
    "Language",
    "alternation",
    "gendered",
    "numbers",
    "words",
]

#: Marks that tick an option right ("✅ C", "B ✔", "👍", a green light "🟢"), in every language.
TICK_MARKS: Final = "✅✓✔☑👍🟢🟩🎯⬅←👈🙆👌"
#: Marks that cross an option out ("❌ A", "D ✗", "🚫", a red light "🔴").
CROSS_MARKS: Final = "❌✗✘✖✕👎🚫⛔❎🔴🟥🙅"


def gendered(*stems: str) -> tuple[str, ...]:
    """The four forms of Portuguese adjectives given in the masculine singular: "correto" -> correto, correta,
    corretos, corretas."""
    forms: list[str] = []
    for word in stems:
        base = word[:-1]
        forms += [word, base + "a", word + "s", base + "as"]
    return tuple(forms)


def _forced_choices(*verbs: str) -> tuple[str, ...]:
    """A choice made because one must, in Portuguese: "se for pra escolher uma, D", "se tivesse que apostar, B"."""
    frames = ("se for pra", "se for para", "se tiver que", "se eu tiver que", "se tivesse que", "se eu tivesse que")
    return tuple(f"{frame} {verb}" for frame in frames for verb in verbs)


@dataclass(frozen=True)
class Language:
    """One language's vocabulary, grouped by the part it plays in reading an answer."""

    name: str
    #: Nouns that name an option by its letter: "Alternativa B", "option C".
    letter_words: tuple[str, ...]
    #: Nouns for "the answer": "Resposta: C", "The answer is B".
    answer_nouns: tuple[str, ...]
    #: What qualifies the answer noun: "resposta *correta*", "the *best* answer".
    answer_qualifiers: tuple[str, ...]
    #: Copulas between an answer noun and the letter: "é", "would be".
    copulas: tuple[str, ...]
    #: Verbs that say where the answer lies, and their articles of place: "a resposta *está na* C".
    located_in: tuple[str, ...]
    in_articles: tuple[str, ...]
    #: A copula that opens a sentence and names the answer: "É a C.", "It's B.".
    sentence_copulas: tuple[str, ...]
    #: "The right one is": "a correta é B", "the correct one is B".
    the_right_one: tuple[str, ...]
    #: Relative pronouns after an option noun: "a opção *que* melhor descreve o texto é a A".
    relatives: tuple[str, ...]
    #: Words of fit in such a relative clause, which make it name the answer: "melhor", "sustenta", "best", "fits".
    fits: tuple[str, ...]
    #: "best" before a noun: "a *melhor* opção é a C".
    best: tuple[str, ...]
    #: Verbs of fit that say nothing but fit, whatever clause they close: ", a B *capta* o essencial".
    fits_outright: tuple[str, ...]
    #: Articles between an answer keyword and the letter word or letter: "é *a* alternativa C", "go with *the* B".
    letter_articles: tuple[str, ...]
    #: Verbs of choosing that introduce the chosen letter: "fico com", "I'd go with".
    choosing: tuple[str, ...]
    #: Words that introduce a conclusion: "portanto", "therefore", "acho que".
    conclusions: tuple[str, ...]
    #: Adjectives that judge a letter right: "correta", "correct".
    right_words: tuple[str, ...]
    #: Adjectives that judge a letter wrong: "errada", "incorrect".
    wrong_words: tuple[str, ...]
    #: Further words a clause praises a letter with: "mais provável", "best", "sim".
    praise: tuple[str, ...]
    #: Further words a clause rejects a letter with: "descartada", "unlikely".
    dismissal: tuple[str, ...]
    #: A word that closes an option's line alone to strike it out: "A: ... Risco.", "B) ... Out."
    striking: tuple[str, ...]
    #: Grades a table gives each option, from none (0) to very high (5): "Plausibilidade | Alta", "Likelihood | Low".
    grades: dict[str, int]
    #: A bare "no" after a letter: "A: não.".
    no_words: tuple[str, ...]
    #: Negated predicates said of a letter: "não é", "não combina", "isn't", "does not".
    negative_predicates: tuple[str, ...]
    #: Words that negate the letter right after them: "não", "nem", "not", "rather than", "em vez da".
    negations: tuple[str, ...]
    #: Words that negate what follows them, whatever it is: "não", "nunca", "not", "never".
    plain_negations: tuple[str, ...]
    #: Words that may stand between a negation and its letter: "não *é a* C", "not *the* B".
    negation_fillers: tuple[str, ...]
    #: Verbs that reject the letter after them: "descarto a B", "rule out C".
    rejecting: tuple[str, ...]
    #: Words that correct what was said before: "na verdade", "actually", "wait".
    corrections: tuple[str, ...]
    #: A clause that only says "the same" of a letter: "A está errada. B *também*.", "C *too*.".
    ellipsis: tuple[str, ...]
    #: "or" between two letters: "C ou A", "A or maybe C".
    alternatives: tuple[str, ...]
    #: What may follow "or" and precede the second letter: "ou *seria* a A?", "or *is it* C?".
    alternative_fillers: tuple[str, ...]
    #: "pode ser", "could be": a letter said to be possible, hedged when "too" follows.
    possible: tuple[str, ...]
    #: "também", "too": after "pode ser a B".
    too: tuple[str, ...]
    #: What opens a sentence that goes on judging the letter before it: "Não descartaria a A; *é a que* faz mais
    #: sentido", "B. *It's the one* that fits".
    referring_back: tuple[str, ...]
    #: Demonstratives, which make a noun a description ("*aquele* programa" for a show the option names).
    demonstratives: tuple[str, ...]
    #: "tanto ... quanto", "both ... and": the first words of two letters named alike.
    both: tuple[str, ...]
    #: The second words of those pairs.
    both_and: tuple[str, ...]
    #: Words of chat that may open a sentence before its copula: "gente, é a D né", "ok it's B".
    interjections: tuple[str, ...]
    #: Words that affirm the letter right before them: "D, *portanto*", "C, *sem dúvida*, e não A".
    affirming: tuple[str, ...]
    #: Verbs that describe the letter before them: "A B *fala* do trabalho", "A D *é* a pegadinha".
    describing: tuple[str, ...]
    #: Pronouns that stand for the letter just named: "Não descarto a B, fico com *ela*".
    option_pronouns: tuple[str, ...]
    #: Words of chat that may close a reply after its letter or its option: "tipo a C *né*", "B *mesmo*.".
    chat_tails: tuple[str, ...]
    #: Words of chat that vouch for the letter before them as they close a reply: "B *facinho*", "D *fácil*".
    sure_tails: tuple[str, ...]
    #: Adverbs of certainty after a letter, before a pause: "D obviamente, ...", "B clearly."
    sure_adverbs: tuple[str, ...]
    #: What the answer rests on, opening the reply before its letter: "Com base no texto, A: ...".
    according_to: tuple[str, ...]
    #: Chat tails no article can open a noun phrase with: the letter before them is a letter ("é a A neh").
    chat_tags: tuple[str, ...]
    #: A table cell that only points at its row: "| B | ... | **isso** |".
    pointing: tuple[str, ...]
    #: Words of degree before a verdict: "*meio* redundante".
    degrees: tuple[str, ...]
    #: Words that keep what a question put: "Emprego novo? *Sim*, pode ser.".
    keeping: tuple[str, ...]
    #: Words a table's verdict column marks the right option with, and the others: "| C | **forte** |", "| A | nope |".
    cell_yes: tuple[str, ...]
    cell_no: tuple[str, ...]
    #: "entre", "between": two letters weighed.
    between: tuple[str, ...]
    #: Phrases that are a hedge wherever they stand: "não tenho certeza se", "not sure whether".
    unsure: tuple[str, ...]
    #: Words of doubt that put a letter in question: "talvez", "maybe".
    doubt: tuple[str, ...]
    #: A verb of doubt after "talvez": "talvez *seja* a D".
    doubt_verbs: tuple[str, ...]
    #: A second letter said to be possible too: "também pode ser", "could also be", "could just as well be".
    also_possible: tuple[str, ...]
    #: Saying one cannot choose: "não sei dizer", "hard to tell".
    indecision: tuple[str, ...]
    #: A verdict made conditional, hence none: "seria correta *se*", "would be right *if*".
    conditionals: tuple[str, ...]
    #: A verdict made apparent only, before a "but": "*parece* correta à primeira vista, mas".
    appearance: tuple[str, ...]
    #: "but", "although": where a clause turns.
    contrasts: tuple[str, ...]
    #: "the others": a clause about them passes no verdict on the letter before it ("D (as outras contradizem ...)").
    others: tuple[str, ...]
    #: "and" in a list of letters.
    conjunctions: tuple[str, ...]
    #: Articles and contractions before a letter: "a C", "the B", "pela D".
    articles: tuple[str, ...]
    #: Plural predicates of two letters: "A e C *estão* corretas", "B and D *are*".
    plural_predicates: tuple[str, ...]
    #: What two letters are said to be, together, in a hedge: "A e C estão *corretas*", "are *possible*".
    plausible: tuple[str, ...]
    #: Words after which a capital "A" is still a letter ("A é a correta", "A because ..."), not an article.
    connectives: tuple[str, ...]
    #: Declining to answer, said outright: "desculpe", "as an AI".
    refusals: tuple[str, ...]
    #: "I cannot", "não é possível": followed by a verb of deciding, a refusal.
    unable: tuple[str, ...]
    #: Verbs of deciding after "I cannot": "determinar", "answer".
    decide_verbs: tuple[str, ...]
    #: Predicates that say no option is right, after "none of the options": "está correta", "is correct".
    none_correct: tuple[str, ...]
    #: "None of the above" and its variants.
    none_of_the_above: tuple[str, ...]
    #: Further subjects that, with a word of fit, say no option fits: "nenhuma dessas *serve*", "nada do que está
    #: listado *responde*".
    none_fit: tuple[str, ...]
    #: "None of the" before a noun for the options, which a word of fit may follow: "*nenhuma das* explicações
    #: oferecidas se sustenta", "*none of the* reasons given explains it".
    none_of_them: tuple[str, ...]
    #: The options other than one: "nenhuma das *outras* explica" says no other option fits, not that none does.
    other_ones: tuple[str, ...]
    #: Words that make a denial emphatic after the letter it governs: "não descarto a C *de jeito nenhum*".
    emphatics: tuple[str, ...]
    #: Verbs of ruling an option out, which a negation before them turns into keeping it: "não *descartaria* a B".
    rule_out_verbs: tuple[str, ...]
    #: Nouns of a verdict that head the answer's line as a heading of their own: "### Veredito".
    verdict_nouns: tuple[str, ...]
    #: A table's rows, which name the options in order where the reply holds a table: "Veredito: a segunda *linha*".
    table_rows: tuple[str, ...]
    #: Ordinal words and abbreviations -> position (1-based).
    ordinals: dict[str, int]
    #: Number words -> value.
    cardinals: dict[str, int]
    #: A letter spelt as its name -> the letter: "é a *bê*". (Only names no other word shares: "é" is "is".)
    letter_names: dict[str, str]
    #: "last" (the last option of the item).
    last_words: tuple[str, ...]
    #: "penúltima", "second to last" (the option before the last).
    penultimate_words: tuple[str, ...]
    #: "a antepenúltima", "the third to last": the option two before the last.
    antepenultimate_words: tuple[str, ...]
    #: Quantifiers of none, which rule out the letters they govern: "*nenhuma* das alternativas A, C ou D".
    none_words: tuple[str, ...]
    #: Words a justification opens with after a comma: "os filhotes arranharam o uniforme, *por isso* ...".
    justifying: tuple[str, ...]
    #: Words that draw an answer's conclusion and that stories seldom say ("Sobrou:", "Portanto,"; not "então").
    firm_conclusions: tuple[str, ...]
    #: Nouns an ordinal names an option with: "a segunda *alternativa*", "the first *one*".
    ordinal_nouns: tuple[str, ...]
    #: "número", "number", "#" between an option noun and its number.
    number_markers: tuple[str, ...]
    #: Phrases that introduce an answer given as an option's text: "a resposta é que", "I think that".
    preambles: tuple[str, ...]
    #: Another letter granted in the conditional after a guess, which leaves the guess the choice: "Acho que é a A,
    #: mas a C *também poderia ser*."
    granted_also: tuple[str, ...]
    #: Not knowing, said alone as the reply's last words: "Talvez a B, então? Sinceramente, *não sei*."
    dont_know: tuple[str, ...]
    #: An option described by what it says, after a word of choosing: "sobra *a que diz que* ...", "that leaves
    #: *the one about* ...".
    descriptions: tuple[str, ...]
    #: Reported speech after a letter, "a C, *ele fala que* não tem prática": what follows is the reason, not a
    #: verdict on the letter.
    reported: tuple[str, ...]
    #: "cada alternativa", "each option" closing a line: the reply announces it goes through the options.
    walk_through: tuple[str, ...]
    #: A line that heads an elimination, "Vamos eliminar:", "Ruling out:": each option line under it is ruled out.
    eliminating: tuple[str, ...]
    #: "uma delas", "one of them": an elimination's survivor, its text after a colon ("uma delas serve: ...").
    one_of_them: tuple[str, ...]
    #: An elimination's closing words, the survivor left unnamed: "Fica a única restante.", "That leaves one.".
    leftovers: tuple[str, ...]
    #: Words that set the letters after them aside: "*Tirando* A (...), C (...) e D (...), só resta uma.".
    setting_aside: tuple[str, ...]
    #: The letters just listed, counted and set aside: "B, C e D são trechos copiados. *Tirando essas três*, ...".
    set_aside_counted: tuple[str, ...]
    #: A concession after a chosen letter, which grants a fault and keeps the choice: "marco a A, *mesmo achando* ...".
    concessions: tuple[str, ...]
    #: Words after a tick that take it back in part: "A ✔ (parcialmente)", "B ✓ sort of".
    in_part: tuple[str, ...]
    #: A shrug right after a chosen letter, which makes the choice tentative and keeps it: "vou de D, *sei lá*".
    shrugs: tuple[str, ...]
    #: Nouns a capital names a kind of, not an option: "o *plano* B", "*vitamina* C", "o *lado* B do disco".
    lettered_nouns: tuple[str, ...]
    #: Words that rule out what a sentence of an elimination describes, beside negations and words of error: "Ninguém
    #: falou em mexerem no aparelho", "Chá tailandês? Fora.".
    ruling_out: tuple[str, ...]
    #: Labels of the prompt's own lines: "Contexto:", "Question:".
    prompt_labels: tuple[str, ...]
    #: Reasons that open an option ("Porque ...") and may be reworded ("Para que ...").
    reason_words: tuple[str, ...]
    #: The words a question opens with: "*Por que* ela saiu?", "*What* happened?".
    question_words: tuple[str, ...]
    #: The options as a whole, opening the sentence that picks one of them: "*Das três*, a C.", "*Of these*, B.".
    of_the_options: tuple[str, ...] = field(default=())
    #: Said of "none of the above", the question can be answered from the text, which rules that option out: "B: *dá
    #: pra responder* pelo texto, sim", "D: *the text answers* it".
    answerable: tuple[str, ...] = field(default=())
    #: Words besides negations, copulas and conjunctions that may follow "só a C" without being a deed of its own:
    #: "só a C *ou* a D", "only C, *not* B".
    after_only: tuple[str, ...] = field(default=())
    #: Participles that rule out the capital right before them when they close its clause: "— A *descartada*."
    ruled_out_participles: tuple[str, ...] = field(default=())
    #: Answer nouns cut short before a colon, and the noun each stands for: "*resp*: c", "*ans*: B".
    answer_abbreviations: dict[str, str] = field(default_factory=dict)
    #: Words that carry no content when an answer is matched to an option's text.
    stopwords: tuple[str, ...] = field(default=())


_PT_RULED_OUT: Final = gendered("descartado", "eliminado", "excluído", "riscado", "rejeitado")
_PT_SETTING_ASIDE: Final = ("tirando", "excluindo", "eliminando", "descartando", "riscando", "sem", "fora")
_EN_SETTING_ASIDE: Final = ("removing", "excluding", "eliminating", "setting aside", "apart from", "without", "besides")

PT: Final = Language(
    name="pt",
    # Models asked in Portuguese drift into Spanish now and then: "La respuesta correcta es la A".
    letter_words=("alternativa", "opção", "letra", "item", "opción", "opcao", "afirmativa", "assertiva"),
    answer_nouns=("resposta", "gabarito", "solução", "escolha", "respuesta"),
    answer_abbreviations={"resp": "resposta"},
    after_only=("ou", "mesmo", "mesma", "que"),
    ruled_out_participles=_PT_RULED_OUT,
    answer_qualifiers=(
        "correta", "certa", "final", "adequada", "mais adequada", "mais provável", "esperada", "verdadeira",
        "escolhida", "mais plausível", "mais coerente", "mais apropriada", "mais razoável", "mais lógica",
        "mais correta", "correcta", "mais próxima", "mais próximo", "marcada", "marcado", "provável",
        # Spanish: "la opción más lógica es la B"
        "más lógica", "más probable", "más correcta", "más adecuada", "más razonable", "más plausible", "más sensata",
    ),
    copulas=("é", "seria", "será", "fica", "parece ser", "deve ser", "acaba sendo", "acabaria sendo", "es", "sería"),
    located_in=("está", "tá", "se encontra"),
    in_articles=("na", "no"),
    # (and Spanish, "Es la C.")
    sentence_copulas=("é", "eh", "seria", "foi", "era", "es", "sería", "vai ser"),
    the_right_one=(
        "a correta", "o correto", "a certa", "o certo",
        # "o mais razoável é a B": the superlative of fit said without the option noun
        *(f"{article} mais {adjective}" for article in ("a", "o") for adjective in (
            "razoável", "provável", "plausível", "coerente", "sensato", "sensata", "lógico", "lógica", "adequado",
            "adequada", "indicado", "indicada", "acertado", "acertada",
        )),
        "a única que faz sentido", "a única que serve", "a única que se encaixa", "a única que encaixa",
    ),
    relatives=("que",),
    fits=(
        "melhor", "mais", "sustenta", "apoia", "responde", "corresponde", "descreve", "explica", "condiz", "combina",
        "encaixa", "bate", "reflete", "justifica", "faz sentido", "fecha", "serve", "cabe", "capta", "acerta",
    ),
    best=("melhor",),
    fits_outright=("capta", "condiz", "encaixa", "bate com", "serve", "cabe", "faz sentido", "sustenta", "acerta"),
    letter_articles=("a", "o", "pela", "pelo", "com a", "la"),
    choosing=(
        "escolho", "escolheria", "escolherei", "marco", "marcaria", "marcarei", "fico com", "ficaria com",
        "fico na", "fico no", "fico pela", "fico pelo",
        "ficarei com", "opto por", "opto pela", "optaria por", "optaria pela", "optei por", "optei pela", "vou com",
        "iria com", "sobra", "resta", "sobrou", "restou", "sobraria", "restaria", "fica", "diria", "eu diria",
        "escolhi", "marquei", "fiquei com", "vou de", "vo de", "vô de", "arriscaria", "arrisco", "arriscaria na",
        "vai na", "vai no", "vai de", "vai pela", "vai pelo", "vai a", "mas vai", "então vai", "entao vai",
        "coloquei", "coloco", "colocaria", "botei", "boto", "botaria", "chutei", "chuto", "chutaria",
        "vou na", "vou no", "vou pela", "vou pelo", "iria de", "iria na", "iria no", "iria pela", "aposto na",
        "aposto no", "aposto em", "apostaria na", "apostaria em", "voto na", "voto no", "voto em", "votaria na",
        "votaria em", "prefiro", "preferiria", "respondo", "responderia", "chuto", "chutaria", "meu chute é",
        "meu palpite é", "minha escolha é", "minha escolha seria", "minha aposta é", "meu voto é", "meu voto vai para",
        # a correction of what was typed: "Alternativa B... desculpa, quis dizer A"
        "quis dizer", "queria dizer",
        # a choice kept, or made because one must: "Vou manter a D", "se for pra marcar, D"
        "vou manter", "mantenho", "fico mesmo com", "fico mesmo na", "fico mesmo no", "fico mesmo pela",
        "fico mesmo pelo",
        *_forced_choices("marcar", "escolher", "chutar", "apostar"),
        # a change of mind: "Troco minha resposta para a D", "Mudo para A"
        "mudo para", "mudo pra", "troco para", "troco pra", "mudo minha resposta para", "troco minha resposta para",
        "mudo a resposta para", "troco a resposta para", "mudando para", "trocando para", "mudei para", "troquei para",
        "troco pela", "troco pelo", "troquei pela", "troquei pelo", "trocando pela", "trocando pelo", "mudando pra",
        "trocando pra",
        "vou mudar para", "vou mudar minha resposta para", "vou mudar a resposta para", "vou trocar para",
        "vou trocar minha resposta para", "vou trocar a resposta para",
        # back to a letter weighed before: "Volto pra D. Final."
        "volto pra", "volto para", "voltei pra", "voltei para", "voltando pra", "voltando para",
        # a choice announced: "Vou reconsiderar e marcar a C", "decidi marcar a B"
        "vou marcar", "vou escolher", "vou ficar com", "e marcar", "decidi marcar", "decidi escolher",
        "prefiro marcar", "prefiro de longe", "prefiro de longe a",
        # a choice told to the reader: "marca a D e pronto", "pode marcar C"
        "marca", "marque", "marca aí", "marque aí", "escolhe", "escolha", "crava", "crave", "pode marcar",
        "pode escolher", "pode ir de", "pode ir na", "pode ir no",
        # a guess is a choice: "Vou chutar B, mas não apostaria muito nisso."
        "vou chutar", "vou chutar na", "vou chutar no", "vou arriscar", "vou arriscar na", "vou arriscar no",
        # a leaning is a tentative choice: "me inclino pela B"
        "me inclino para", "me inclino pela", "me inclino pelo", "inclino-me para", "inclino-me pela", "tendo para",
        "penderia pra", "penderia para", "penderia pela", "pendo pra", "pendo para", "pendo pela",
        # a choice one ends up making: "acabo indo de C", "acabei optando pela B"
        *(
            f"{ending} {choosing}"
            for ending in ("acabo", "acabei", "termino", "terminei")
            for choosing in (
                "escolhendo", "ficando com", "marcando", "indo de", "indo na", "indo no", "indo com", "optando por",
                "optando pela", "optando pelo", "chutando", "apostando na", "apostando no", "apostando em",
            )
        ),
        "tenderia para", "tenderia pra", "tenderia pela", "tenderia pelo",
        "tendo pra", "puxo pra", "puxo para", "inclino pra", "inclino para", "inclino pela", "inclino pelo",
        # what is left standing: "O que fica de pé é a que fala de cobrar conforme o uso."
        "fica de pé", "ficou de pé",
        # Spanish: "Me quedo con la D", "elijo la B", "yo diría que la D"
        "me quedo con", "me quedaría con", "elijo", "elegiría", "escojo", "marcaría", "voy con", "iría con", "diría",
        "yo diría",
        "diría que", "yo diría que",
        # chat: "vai de D", "vai na C"
        "vai de", "vai na", "vai no",
    ),
    conclusions=(
        "portanto", "logo", "então", "assim sendo", "por isso", "dessa forma", "desta forma", "conclusão", "concluindo",
        "acredito que", "creio que", "acho que", "penso que", "na minha opinião", "eu diria que", "imagino que",
        "desconfio que", "aposto que",
        # what the evidence points to: "Isso aponta para C, não para B."
        "aponta para", "aponta pra", "apontam para", "apontam pra",
        # a tentative choice is still the one choice made; two of them are a hedge
        "provavelmente", "talvez", "possivelmente", "acho q", "me parece que", "parece que", "me parece ser",
        "parece ser",
        "com certeza", "certamente", "sem dúvida", "sem dúvidas", "ou seja", "só pode ser", "não tem como não ser",
        "óbvio que", "óbvio q", "tem uma boa", "há uma boa",
        "não tem como a resposta não ser", "não há como não ser", "não há como a resposta não ser",
        "não tenho dúvida de que", "não tenho dúvidas de que", "não há dúvida de que", "não resta dúvida de que",
        "não dá pra não ver", "não dá para não ver", "não tem como não ver",
        "não vejo razão para não", "não vejo nenhuma razão para não", "não vejo motivo para não",
        "não vejo motivo pra não", "não vejo razão pra não",
        "não vejo nenhum motivo para não", "não há razão para não", "não há motivo para não",
        "não consigo ver motivo pra não", "não consigo ver motivo para não", "não consigo ver razão pra não",
        "não consigo ver razão para não", "não consigo não pensar que", "não consigo não achar que",
        "não consigo deixar de pensar que", "não consigo deixar de achar que",
        "não dá pra dizer que a resposta não seja", "não dá para dizer que a resposta não seja",
        "não dá pra dizer que não seja", "não dá para dizer que não seja", "não acho que não seja",
        "não diria que não é", "não diria que não seja", "não vejo como não ser", "não vejo como não seja",
        "não vejo por que não seria", "não vejo por que não ser", "não vejo porque não seria",
        "não vejo por que não seja",
        "não seria incorreto marcar", "não seria errado marcar", "não seria incorreto escolher",
        "não seria errado escolher",
        "não creio que não seja", "não acho que a resposta não seja",
        "não consigo ver como não ser", "não vejo jeito de não ser",
        "não vejo jeito de a resposta não ser", "não vejo jeito da resposta não ser", "não tem jeito de não ser",
        "não tem jeito de a resposta não ser",
        # Spanish: "Creo que es la D", "por lo tanto, la B"
        "creo que", "pienso que", "por lo tanto", "sin duda", "probablemente", "entonces", "yo diría que", "pues",
        # a choice one cannot help making: "Não consigo não escolher a D", "não vejo nenhum motivo pra não marcar a C"
        *(
            f"{cannot} não {choosing}"
            for cannot in (
                "não consigo", "não dá pra", "não dá para", "não tem como", "não tenho como", "não há como",
                "não vejo como", *(f"não vejo {some}{reason} {to}" for some in ("", "nenhum ", "nenhuma ")
                                  for reason in ("motivo", "razão") for to in ("pra", "para")),
            )
            for choosing in ("marcar", "escolher", "ficar com", "ir de", "ir na", "ir no")
        ),
    ),
    right_words=gendered("correto", "certo", "verdadeiro"),
    wrong_words=gendered("incorreto", "errado", "falso", "invertido"),
    praise=(
        "a resposta", "a única", "mais adequada", "mais adequado", "mais provável", "mais coerente", "mais plausível",
        "mais apropriada", "mais apropriado", "melhor", "sim", "faz mais sentido", "faz muito mais sentido",
        "mais faz sentido", "mais direta", "mais direto", "mais completa", "mais completo", "mais precisa",
        "mais preciso",
        "se encaixa melhor", "encaixa melhor", "mais se encaixa", "mais próxima", "mais próximo",
        "mais se aproxima", "se aproxima mais", "chega mais perto",
        "mais fiel", "mais fiel ao texto", "mais sensata", "mais sensato", "mais lógica", "mais lógico",
        # the real reason, for a question of why: "só a A é motivo de verdade"
        "motivo de verdade", "razão de verdade", "o motivo real", "a razão real", "o verdadeiro motivo",
        "a verdadeira razão",
    ),
    dismissal=(
        *_PT_RULED_OUT, *gendered("inventado", "exagerado", "forçado"),
        "exagero", "nada indica", "sem base", "especulação", "especulativa", "especulativo", "também cai",
        "implausível", "cai", "some", "cai também", "pegadinha", "impossível", "fraco", "fraca", "redundante", "furada",
        "piada", "forçação", "corta", "corta também", "sem sentido", "sem nexo", "nada a ver", "confunde", "confundem",
        "sai", "saem", "também sai", "na contramão", "vai na contramão", "tarde demais",
        "improvável", "contradiz", "contradizem", "inverte", "invertem", "dá pra descartar", "dá para descartar",
        "dá pra eliminar", "dá para eliminar", "pode ser descartada", "podem ser descartadas",
        "contraditória", "contraditório", "está fora", "fica de fora", "ficam de fora", "estão fora",
        # a rejecting verb after its letter: 'A "nenhuma das alternativas" eu descarto'
        "eu descarto", "eu elimino", "eu excluo", "já descarto", "já elimino",
    ),
    striking=("risco", "risca", "fora", "xis"),
    grades={
        "muito alta": 5, "muito alto": 5, "altíssima": 5, "altíssimo": 5, "alta": 4, "alto": 4, "média": 3,
        "médio": 3, "moderada": 3, "moderado": 3, "intermediária": 3, "intermediário": 3, "razoável": 3, "baixa": 2,
        "baixo": 2, "muito baixa": 1, "muito baixo": 1, "baixíssima": 1, "baixíssimo": 1, "nula": 0, "nulo": 0,
        "nenhuma": 0,
    },
    no_words=("não",),
    negative_predicates=(
        *(
            f"não {verb}"
            for verb in (
                "é", "está", "parece", "faz", "se", "tem", "têm", "combina", "condiz", "corresponde", "responde",
                "pode", "seria", "foi", "há", "menciona", "apoia", "bate", "procede", "explica", "justifica",
                # what the text does not say of it: "B e D: o texto não fala em casamento"
                "fala", "aparece", "sustenta", "encaixa", "serve", "cabe", "tem a ver", "cola", "convence", "confere",
                # said of two or more: "a A e a B não estão certas"
                "são", "estão", "parecem", "fazem", "combinam", "condizem", "correspondem", "batem", "explicam",
                "justificam", "sustentam", "encaixam", "servem", "cabem",
            )
        ),
        # what says the opposite of the text: "então a A diz o contrário"
        "diz o contrário", "afirma o contrário", "contraria o texto",
    ),
    negations=(
        "não", "nem", "nunca", "jamais", "do que", "em vez da", "em vez do", "em vez de", "em vez das", "em vez dos",
        "ao invés da", "ao invés do", "ao invés de", "no lugar da", "no lugar do",
        # Spanish "no es la D" (a Portuguese "no" is "in the", never a negation)
        "no es", "no sería", "no era", "no diría", "no elegiría", "no marcaría", "no escogería", "ni",
        # "muito menos D": a letter ruled out more firmly than the one before
        "muito menos", "menos ainda",
    ),
    plain_negations=("não", "nao", "nunca", "nem", "jamais"),
    negation_fillers=("é", "seria", "com", "pela", "pelo", "por", "de", "certamente", "para", "pra"),
    rejecting=("descarto", "descartamos", "descarta", "descartei", "descartando", "descartar", "tiro", "tirei",
               "tiramos", "tiraria", "elimino",
               "eliminamos", "elimina", "eliminei", "eliminando", "eliminar", "excluo", "excluímos", "exclui",
               "excluí", "excluindo", "excluir", "descartaria", "eliminaria", "excluiria", "não é", "não seria",
               "não pode ser", "descartadas", "descartados", "descartada", "descartado", "eliminadas", "eliminados",
               "eliminada", "eliminado"),
    corrections=(
        "na verdade", "pensando melhor", "pensando bem", "relendo", "corrigindo", "corrijo", "correção", "me enganei",
        "ops", "opa", "espera", "aliás", "quer dizer", "ou melhor", "melhor dizendo", "digo", "pera", "peraí",
        "pera aí", "espera aí", "errei", "me corrijo", "retifico", "retificando", "e sim", "mas sim", "senão",
        # a change of mind said as such: "Mudo de ideia de vez: A, ..."
        "mudo de ideia", "mudei de ideia", "mudando de ideia", "mudo de opinião", "mudei de opinião",
    ),
    ellipsis=("também", "idem", "igualmente", "da mesma forma"),
    alternatives=("ou", "e/ou"),
    alternative_fillers=("seria", "será", "talvez", "quem sabe", "então"),
    possible=("pode ser", "poderia ser"),
    too=("também",),
    demonstratives=("aquele", "aquela", "esse", "essa", "este", "esta", "desse", "dessa", "deste", "desta",
                    "daquele", "daquela", "naquele", "naquela", "nesse", "nessa"),
    referring_back=("é a que", "é o que", "é a", "é o", "é ela", "é essa", "é esta", "essa é", "esta é", "ela é"),
    both=("tanto",),
    both_and=("quanto", "como"),
    interjections=(
        "gente", "mano", "cara", "ué", "nossa", "bom", "enfim", "olha", "pô", "véi", "mds", "aff", "msm", "né",
        "ah", "ahh", "ahhh", "aah", "eita", "opa",
    ),
    affirming=(
        "portanto", "sem dúvida", "sem dúvidas", "sem sombra de dúvida", "com certeza", "com toda certeza",
        "certamente", "obviamente", "claro", "com folga", "sin duda", "sin dudas", "com ctz", "com crtz", "na cara",
        # a tentative choice is one: "C, acho — sul da Califórnia."
        "acho", "eu acho", "creio",
        # a choice made final: "A mesmo, final.", "C, de vez."
        "final", "mesmo, final", "de vez", "definitivo", "definitiva", "e ponto final", "e ponto",
        # "C, pronto.", "B e acabou."
        "pronto", "e pronto", "e acabou", "fechou", "fechado",
        # the survivor named before its reason: "C, por eliminação."
        "por eliminação", "por exclusão",
        # said without conviction, still the one choice: "D, mas sem muita convicção."
        "mas sem muita convicção", "sem muita convicção", "mas sem muita certeza", "sem muita certeza",
    ),
    describing=(
        "fala", "falam", "diz", "dizem", "menciona", "mencionam", "afirma", "sugere", "mistura", "descreve", "trata",
        "traz", "cita", "pega", "pegam", "inventa", "inventam", "contradiz", "repete", "repetem", "é", "são", "seria",
        "parece", "tem", "têm", "liga", "explica", "fica", "vai", "compara", "comparam", "coloca", "colocam",
        "confunde", "confundem", "troca", "trocam", "ignora", "ignoram", "supõe", "assume",
    ),
    option_pronouns=("ela", "ele", "essa", "esse", "esta", "este"),
    chat_tails=(
        "né", "ne", "neh", "msm", "mesmo", "fácil", "facil", "facinho", "fácinho", "sem medo", "tbm", "óbvio", "obvio",
        "claro",
        # on to the next question: "... óbvio. C. próxima"
        "próxima", "proxima", "próxima pergunta",
    ),
    sure_tails=(
        "fácil", "facil", "facinho", "fácinho", "óbvio", "obvio", "sem medo", "sem pensar", "sem pensar mt",
        "sem pensar muito", "sem pensar duas vezes", "de olhos fechados", "pra mim", "para mim",
        # "a C disparado", "a B de longe"
        "disparado", "disparada", "de longe",
    ),
    sure_adverbs=("obviamente", "certamente", "claramente", "evidentemente", "definitivamente", "com certeza"),
    according_to=(
        "com base no texto", "pelo texto", "segundo o texto", "de acordo com o texto", "pelo que o texto diz",
        "pelo contexto", "com base no contexto",
    ),
    chat_tags=("né", "ne", "neh", "msm", "tbm", "vei", "véi", "mano"),
    pointing=("isso", "é isso", "essa", "é essa", "esta", "é esta", "essa aqui", "esta aqui", "isso aí", "essa aí"),
    degrees=("meio", "bem", "muito", "um pouco"),
    keeping=("sim", "exato", "isso", "isso mesmo", "sí"),
    cell_yes=(
        "sim", "forte", "bate", "confere", "encaixa", "bastante", "na mosca", "é ela", "é a resposta", "a resposta",
        "com certeza", "certamente", "claro", "com ctz", "sem dúvida", "óbvio",
    ),
    cell_no=(
        "não", "nao", "nem tanto", "contraria", "pouco provável", "zero chance", "chance zero", "nenhuma chance",
        "fraca",
        "fraco", "fracas", "fracos", "não bate", "nada a ver", "descartada", "descartado",
        "sem base", "nem de longe", "inverte", "contradiz", "sem evidência", "sem evidências", "sem relação",
        "mistura", "nem a pau", "nem ferrando", "de jeito nenhum", "irrelevante", "nunca", "jamais", "ridículo",
        "ridícula",
    ),
    between=("entre",),
    unsure=(
        "não tenho certeza se", "não tenho certeza entre", "não há como saber se", "não há como saber entre",
        # on the fence: "Fico em cima do muro entre essas duas."
        "fico em cima do muro", "estou em cima do muro", "continuo em cima do muro",
        # "Não sei dizer com segurança se é a D ou ...; deixo as duas em aberto."
        "não sei dizer se", "não sei dizer com segurança se", "deixo as duas em aberto", "deixo as duas abertas",
        # "Sem mais contexto, as duas me parecem possíveis."
        "as duas me parecem possíveis", "as duas parecem possíveis", "ambas me parecem possíveis",
        "ambas parecem possíveis",
    ),
    doubt=("talvez", "quem sabe", "possivelmente"),
    doubt_verbs=("seja", "fosse", "é", "seria"),
    also_possible=(
        "também pode ser", "também poderia ser", "também pode estar", "também poderia estar", "também pudesse ser",
        "também pudesse estar", "também possa ser", "também possa estar", "pode ser também", "poderia ser também",
        "também faz sentido", "também é possível", "também é plausível", "também serve", "também funciona",
        "também está correta", "também é correta", "também estaria correta", "também seria correta",
    ),
    indecision=(
        "demais para eu decidir", "demais pra eu decidir", "demais para decidir", "demais pra decidir",
        "não sei dizer", "não sei qual", "não consigo decidir", "não consigo escolher", "não dá para saber",
        "fico em dúvida", "estou em dúvida", "difícil dizer qual", "difícil decidir entre", "difícil saber qual",
        "difícil escolher", "fico dividido", "fico dividida", "dividido entre", "dividida entre", "fico entre",
        "ficaria entre", "não sei mais", "não dá pra cravar", "não dá para cravar", "não dá pra bater o martelo",
        "não dá para bater o martelo", "o texto não deixa claro", "o texto não esclarece",
        "não tenho base pra escolher", "não tenho base para escolher", "não tenho segurança em nenhuma",
        "deixo em aberto", "não consigo cravar", "não saberia cravar", "não sei cravar", "não saberia dizer qual",
        "não saberia escolher", "não saberia decidir", "não dá para decidir", "não dá pra decidir",
        "não dá para escolher", "não dá pra escolher", "as duas me parecem defensáveis", "as duas são defensáveis",
        "não tenho como fechar isso", "não tenho como fechar essa", "não tenho como fechar a questão",
        "não consigo fechar isso", "não consigo fechar essa", "não consigo fechar a questão",
        "não tenho como decidir", "não tenho como escolher", "prefiro não escolher uma", "prefiro não escolher entre",
        "não vou escolher uma", "prefiro não cravar",
        "ambas são defensáveis", "ambas me parecem defensáveis", "fico na dúvida", "fico com dúvida",
        "consigo justificar as duas", "consigo defender as duas", "não vou fingir que sei", "não conseguiria escolher",
        "não conseguiria decidir", "fiquei em dúvida",
        "as duas leituras fazem sentido", "não dá pra afirmar qual", "não dá para afirmar qual",
        "não dá pra dizer qual", "não dá para dizer qual", "não dá pra saber qual", "não sei se fico com",
        "não sei bem se fico com", "não sei bem qual", "as duas têm argumentos", "ambas têm argumentos",
        "qualquer uma das duas", "depende de como", "não vou arriscar", "prefiro não arriscar", "melhor não arriscar",
        "não arrisco nenhuma", "não arrisco em nenhuma", "não escolho nenhuma", "não marco nenhuma",
        # still to weigh, where the reply stops: "Vou pesar D contra essa última"
        "vou pesar", "preciso pesar", "falta pesar",
        "não fico com nenhuma",
        "podem ser defendidas", "podem ser defendidos", "em cima do muro", "me deixa em dúvida", "uma ou outra",
        "não consigo desempatar", "preciso reler", "dá pra defender as duas", "dá para defender as duas",
        "as duas parecem válidas", "ambas parecem válidas",
        "dá para defender duas respostas", "dá pra defender duas respostas", "não escolheria uma só",
        "não escolho uma só", "não dá para escolher uma só", "não dá pra escolher uma só",
        "não vou cravar nenhuma", "não cravo nenhuma", "não vou escolher nenhuma", "não vou marcar nenhuma",
        "não vejo como separar", "não consigo separar",
        "no sé cuál", "não sei te falar", "nao sei te falar", "tô em dúvida", "to em duvida", "tô na dúvida",
        "fiquei dividido", "fiquei dividida", "fico bem dividido", "fico bem dividida", "não consigo bater o martelo",
        "antes de fechar quero", "antes de fechar, quero", "antes de bater o martelo", "antes de cravar",
        "deixar sem resposta", "deixo sem resposta",
        "qualquer escolha aqui seria", "qualquer escolha seria", "não descarto nenhuma das duas",
        "não descartaria nenhuma das duas", "não consigo descartar nenhuma das duas",
        "deixa eu reler", "deixa eu pensar melhor", "vou reler",
        "sei lá", "não faço ideia", "não tenho certeza de qual", "não tenho certeza qual",
    ),
    conditionals=("se", "caso", "só seria", "somente se", "apenas se"),
    appearance=("parece", "pareceria", "à primeira vista", "aparentemente"),
    contrasts=(
        "mas", "porém", "embora", "no entanto", "contudo", "entretanto", "todavia", "com a ressalva", "com ressalvas",
        "por outro lado",
    ),
    others=("as outras", "os outros", "as demais", "os demais", "as restantes", "todas as outras"),
    conjunctions=("e",),
    articles=("a", "o", "as", "os", "da", "do", "pela", "pelo", "com a"),
    plural_predicates=("estão", "são", "parecem", "me parecem", "podem"),
    plausible=(
        "corretas", "certas", "verdadeiras", "possíveis", "plausíveis", "válidas", "adequadas", "prováveis",
        "razoáveis", "corretos", "certos", "possíveis", "defensáveis",
    ),
    connectives=(
        "é", "e", "está", "seria", "será", "parece", "porque", "pois", "já", "como", "pode", "poderia", "diz", "afirma",
        "fala", "menciona", "descreve", "indica", "mostra", "sugere", "faz", "também", "tambem", "não", "nem", "mas",
        "encaixa", "combina", "corresponde", "explica", "responde", "parece", "no",
        # chat spellings: "a C pq ...", "d né"; "Acho que B mesmo."
        "pq", "porq", "né", "nao", "tb", "tbm", "mesmo", "mesma", "msm",
        # "B fácil, ela msm fala ...", "C óbvio"
        "fácil", "facil", "facinho", "fácinho", "óbvio", "obvio", "obviamente", "certamente", "claramente", "sem",
        # "não A ou C": a letter in a list of rejected ones
        "ou",
        # verbs that judge the letter before them: "C contradiz a própria pergunta", "D inverte a recomendação"
        "contradiz", "inverte", "ignora", "confunde", "cai", "some", "cita", "traz",
        # and that describe it: "A compara pisotear com um pisão", "B e C colocam o fogo como ..."
        "compara", "comparam", "coloca", "colocam", "troca", "trocam", "supõe", "assume", "confundem", "ignoram",
        # or that say where it goes: "C vai na contramão do que ela percebeu"
        "vai", "vão",
    ),
    refusals=(
        "desculpe", "sinto muito", "lamento", "informação insuficiente", "informações insuficientes",
        "não há informações suficientes", "não há informação suficiente", "não há dados suficientes",
        "não há contexto suficiente", "não há elementos suficientes", "não há informações para",
        "nenhuma das alternativas pode ser confirmada",
        "não há informação para", "não há dados para", "não há elementos para", "como um modelo de linguagem",
        "como modelo de linguagem", "como um assistente", "como assistente", "como uma IA", "como IA",
        "como uma inteligência artificial", "como inteligência artificial",
    ),
    unable=(
        "não é possível", "não posso", "não consigo", "não há como", "não tenho como", "não sou capaz de",
        "não dá para", "prefiro não", "melhor não", "não vou",
    ),
    decide_verbs=(
        "determinar", "responder", "saber", "afirmar", "escolher", "identificar", "inferir", "concluir", "dizer",
        "marcar", "cravar",
    ),
    none_correct=("está correta", "é correta", "parece correta", "estão corretas", "são corretas"),
    none_of_the_above=(
        "nenhuma das alternativas", "nenhuma das opções", "nenhuma das respostas", "nenhuma das anteriores",
        "nenhuma delas", "nenhuma acima", "nenhuma das alternativas acima", "nenhuma dessas alternativas",
        "nenhuma dessas opções", "nenhuma destas alternativas", "nenhuma destas opções", "nenhuma das listadas",
        "nenhuma das citadas", "nenhuma das apresentadas",
    ),
    none_fit=(
        "nenhuma dessas", "nenhuma destas", "nenhuma delas", "nenhuma opção", "nenhuma alternativa",
        "nada do que está listado", "nada do que foi listado", "nada da lista", "nenhuma resposta",
    ),
    of_the_options=(
        "das duas", "das três", "das quatro", "das cinco", "dentre elas", "entre elas", "de todas", "das opções",
        "das alternativas", "dentre as opções", "dentre as alternativas", "entre as opções", "entre as alternativas",
        "de todas as opções", "de todas as alternativas", "dessas", "destas", "dessas opções", "dessas alternativas",
    ),
    answerable=(
        "dá pra responder", "da pra responder", "dá para responder", "é possível responder", "dá pra saber",
        "dá para saber", "o texto responde", "a história responde", "o texto diz", "o texto deixa claro",
        "tem resposta", "há resposta", "existe resposta",
        # a clue is there: "D: o texto dá, sim, uma pista do motivo."
        "dá uma pista", "dá pista", "dá pistas", "o texto dá", "o texto explica", "o texto mostra", "tem pista",
        "há pista", "há pistas",
    ),
    none_of_them=(
        "nenhuma das", "nenhum dos", "nenhuma dessas", "nenhum desses", "nenhuma destas", "nenhum destes",
        "nenhuma daquelas", "nenhum daqueles",
    ),
    other_ones=("outras", "outros", "demais", "restantes"),
    table_rows=("linha",),
    verdict_nouns=("veredito", "veredicto", "conclusão", "resposta final"),
    emphatics=("de jeito nenhum", "de jeito algum", "de forma alguma", "de modo algum", "em hipótese alguma"),
    rule_out_verbs=(
        "descartaria", "descarto", "descartar", "eliminaria", "elimino", "eliminar", "excluiria", "excluo", "excluir",
    ),
    ordinals={
        "primeira": 1, "primeiro": 1, "primeiríssima": 1, "primeiríssimo": 1, "primeirinha": 1, "primeirinho": 1,
        "segunda": 2, "segundo": 2,
        "terceira": 3, "terceiro": 3, "quarta": 4,
        "quarto": 4, "quinta": 5, "quinto": 5, "sexta": 6, "sexto": 6, "sétima": 7, "sétimo": 7, "oitava": 8,
        "oitavo": 8, "1ª": 1, "2ª": 2, "3ª": 3, "4ª": 4, "5ª": 5, "6ª": 6, "1º": 1, "2º": 2, "3º": 3, "4º": 4,
        "5º": 5, "6º": 6, "1a.": 1, "2a.": 2, "3a.": 3, "4a.": 4, "5a.": 5,
    },
    cardinals={"um": 1, "uma": 1, "dois": 2, "duas": 2, "três": 3, "quatro": 4, "cinco": 5, "seis": 6},
    letter_names={"bê": "B", "cê": "C", "dê": "D"},
    last_words=("última", "último", "derradeira", "derradeiro", "ultimazinha", "ultiminha"),
    penultimate_words=("penúltima", "penúltimo"),
    antepenultimate_words=("antepenúltima", "antepenúltimo"),
    none_words=("nenhuma", "nenhum", "nem"),
    justifying=("por isso", "já que", "então", "afinal"),
    firm_conclusions=("sobrou", "sobram", "restou", "portanto", "logo"),
    ordinal_nouns=("alternativa", "opção", "item", "resposta"),
    number_markers=("número", "nº", "n°", "no.", "#"),
    preambles=("acredito que", "creio que", "acho que", "penso que", "imagino que"),
    granted_also=("também poderia ser", "também poderia ser defendida", "também poderia ser defendido"),
    dont_know=("não sei", "eu não sei"),
    descriptions=(
        "a que diz que", "a que diz", "a da", "a do", "a que fala que", "a que fala de", "a que fala do", "a que fala",
        "a que fala da", "a que fala das", "a que fala dos",
        # after an article a choosing word holds: "vou na que diz que nenhuma serve", "vou na q fala das regras"
        "que diz que", "que fala de", "que fala da", "que fala do", "que fala das", "que fala dos", "q diz q",
        "q fala de", "q fala da", "q fala do", "q fala das", "q fala dos",
        "a que fala sobre", "a que afirma que", "a que menciona que", "a que menciona", "a que sugere que",
        "a que explica que", "a de que", "a sobre", "aquela que diz que", "aquela que fala de", "aquela sobre",
        "a opção que diz que", "a opção que fala de", "a opção de que", "a opção sobre", "a alternativa que diz que",
        "a alternativa que fala de", "a alternativa de que", "a alternativa sobre",
        "a alternativa do", "a alternativa da",
        "a opção do", "a opção da", "o motivo de que", "a razão de que",
        "a explicação de que", "a ideia de que", "o que diz que", "o item que diz que",
    ),
    one_of_them=("uma delas", "uma das alternativas", "uma das opções", "uma das respostas", "uma opção"),
    leftovers=(
        "sobra", "sobrou", "sobram", "sobraria", "resta", "restou", "restam", "restaria", "o que resta",
        "o que sobra", "a restante", "a única restante", "a que sobrou", "a que restou", "a última que sobrou",
        "por eliminação", "fica a única", "fica a última", "fica a que", "sobrevive", "só uma sobrevive",
        "fica a outra", "sobra a outra",
        "resta a outra",
        # the one that still fits: "Nenhuma? Também não — tem uma que faz sentido: ...", "uma delas funciona: a da ..."
        *(
            f"{one} {fits}"
            for one in ("uma que", "uma delas")
            for fits in ("encaixa", "bate", "serve", "faz sentido", "funciona")
        ),
        "que não risquei", "que eu não risquei", "que não descartei",
        "alternativa restante", "opção restante", "alternativa remanescente", "opção remanescente", "a remanescente",
    ),
    setting_aside=_PT_SETTING_ASIDE,
    set_aside_counted=tuple(
        f"{verb} {those}" for verb in _PT_SETTING_ASIDE for those in ("essas", "estas", "as", "esses", "estes", "os")
    ),
    shrugs=("sei lá", "sei la"),
    in_part=("parcialmente", "em parte", "mais ou menos", "meio"),
    lettered_nouns=("plano", "lado", "vitamina", "nota", "classe", "tipo", "série", "bloco", "categoria", "time"),
    concessions=("mesmo achando", "mesmo que", "mesmo sendo", "mesmo com", "apesar de", "embora", "ainda que"),
    ruling_out=(
        "nada", "ninguém", "nunca", "descarta", "fora", "oposto", "contrário", "não combina", "não cabe", "não bate",
        "não encaixa", "não se encaixa", "não faz sentido", "não tem relação",
    ),
    reported=tuple(
        f"{speaker} {verb}"
        for speaker in ("ele", "ela", "eles", "elas", "o texto", "o autor", "a autora", "o narrador", "a narradora")
        for verb in ("fala", "diz", "disse", "falou", "conta", "contou", "afirma", "menciona", "explica")
    ),
    walk_through=(
        "cada alternativa", "cada opção", "cada uma", "cada uma delas", "cada uma das alternativas", "as alternativas",
        "as opções", "todas as alternativas", "todas as opções", "alternativa por alternativa", "opção por opção",
        "uma a uma", "uma por uma", "às alternativas", "às opções",
    ),
    eliminating=(
        "vamos eliminar", "eliminando", "vamos riscar", "vamos riscando", "riscando", "descartando", "vamos descartar",
        "por eliminação", "eliminação", "descartes", "descartadas", "eliminadas", "riscadas", "fora",
        "o que não pode ser", "o que não serve", "o que não cabe", "vamos tirando", "vou tirando",
    ),
    prompt_labels=("contexto", "pergunta", "questão"),
    reason_words=("porque", "por que", "para que", "pois", "pq", "porq"),
    question_words=("por que", "para que", "o que", "qual", "quais", "quem", "como", "quando", "onde", "quanto"),
    stopwords=(
        "a", "o", "as", "os", "um", "uma", "uns", "umas", "de", "do", "da", "dos", "das", "em", "no", "na", "nos",
        "nas", "num", "numa", "por", "pelo", "pela", "pelos", "pelas", "para", "pra", "com", "e", "ou", "que", "se",
        "eu", "ele", "ela", "eles", "elas", "nós", "você", "vocês", "me", "te", "lhe", "lo", "la", "los", "las",
        "seu", "sua", "seus", "suas", "dele", "dela", "deles", "delas", "isso", "isto",
        "este", "esta", "esse", "essa", "aquele", "aquela", "ao", "aos", "à", "às", "é", "foi", "era", "ser", "estar",
        "está", "estava", "estavam", "tem", "tinha", "ter", "há", "porque", "pois", "quando", "como", "mais", "muito",
        "já", "também", "então", "só", "algo", "alguma", "algum", "coisa", "resposta", "alternativa", "opção",
        "correta", "texto", "acho", "seria", "poderia", "pode", "teria", "iria", "sim", "mas", "talvez",
        "provavelmente", "cá", "lá", "aqui", "ali", "muita", "muitos", "muitas", "pouco", "onde", "menos", "ainda",
        "tão", "tanto", "cada", "alguns", "todo", "toda", "todos", "todas", "mesmo", "vez", "vezes", "coisas",
        "jeito", "maneira", "bem", "tive", "teve", "ter", "fui", "foram", "sido", "sendo", "estou", "está",
        "enquanto", "durante", "são", "demais", "estando", "mim", "podia", "quem", "estão", "parecia", "devo", "fez",
        "tinham", "deve", "quanto", "sobre", "tivesse", "vou", "algumas", "fizeram", "eram", "esses", "essas", "sou",
        "realmente", "entre", "simplesmente", "consigo", "havia", "vão", "fica", "qualquer", "nele", "nela",
        "quase", "tenho", "somos", "dava", "fosse", "assim", "fora", "comigo", "conosco", "seja", "dessa", "desse",
        "aquilo", "naquele", "naquela", "nesses", "nessas", "estávamos", "estiver", "sei", "dou", "deu", "dei", "vem",
        "tido", "ido", "pudesse", "vamos", "teriam", "teríamos", "tinha", "estavam", "até",
        # Possessives, "can", "will" and "do", which English says with function words too ("my", "could", "did").
        "meu", "minha", "meus", "minhas", "nosso", "nossa", "nossos", "nossas", "teu", "tua", "posso", "pude",
        "podem", "poder", "podemos", "poderiam", "poderíamos", "pôde", "puderam", "consegue", "consegui",
        "conseguiu", "conseguir", "conseguia", "conseguem", "conseguiria", "conseguimos", "conseguindo",
        "conseguido", "conseguiram", "vai", "iria", "iriam", "irá", "irão", "fazer", "faz", "fez", "fiz", "feito",
        "fazendo", "fazia", "faria", "fariam", "faça", "façam", "fizer", "fizesse", "fazem", "fazemos", "fizemos",
        "fizeram", "faríamos", "fazê", "tivesse", "tiveram", "tinham", "tínhamos", "teria", "tenha", "tem",
        "coisa", "coisas", "certeza", "capaz", "estaria", "estariam", "estamos", "esteve", "estiveram", "esteja",
        "estejam", "estivesse", "estivessem",
    ),
)  # fmt: skip

EN: Final = Language(
    name="en",
    letter_words=("option", "choice", "letter"),
    answer_nouns=("answer",),
    answer_abbreviations={"ans": "answer"},
    after_only=("or", "not", "isn"),
    answer_qualifiers=(
        "correct", "right", "best", "final", "my", "most likely", "most appropriate", "most plausible",
        "most reasonable", "most logical", "closest",
    ),
    copulas=("is", "would be", "should be", "must be", "will be", "seems to be"),
    located_in=("lies",),
    in_articles=("in",),
    sentence_copulas=("it's", "its", "it is", "that's", "that is"),
    the_right_one=(
        "the correct one", "the right one", "the most likely", "the most plausible", "the most reasonable",
        "the most logical", "the best fit", "the only one that makes sense", "the only one that fits",
        "the only one that works",
    ),
    relatives=("that", "which"),
    fits=(
        "best", "most", "supports", "fits", "matches", "answers", "describes", "explains", "reflects", "corresponds",
        "captures", "agrees",
    ),
    best=(),
    fits_outright=("captures", "fits", "matches"),
    letter_articles=("the",),
    choosing=(
        "I choose", "I would choose", "I will choose", "I'd choose", "I'll choose", "I pick", "I would pick",
        "I will pick", "I'd pick", "I'll pick", "I select", "I would select", "I'd select", "I'll select",
        "I put", "I guessed", "I go with", "I would go with", "I will go with", "I'd go with", "I'll go with",
        "I'd say", "I would say", "I'll say", "I'm going with", "I am going with", "I'm gonna go with", "going with",
        "I go for", "I'd go for",
        "I'll go for", "I would go for", "I'm going for", "I'm picking", "I am picking", "I'm choosing", "I'll take",
        "I'd take", "I would take", "I picked", "I chose", "I vote for", "I'd vote for", "I'd answer", "I would answer",
        "my pick is", "my choice is", "my choice would be", "my guess is", "my vote is", "my vote goes to",
        # the survivor of an elimination
        "that leaves", "which leaves", "that leaves us with", "we're left with", "what's left is", "leaving only",
        "I meant", "I meant to say", "I meant to write",
        "I'll stick with", "I'm sticking with", "sticking with", "I'd stick with", "if I had to pick",
        "I change to", "I'll change to", "switching to", "I switch to", "changing my answer to",
        "I change my answer to",
        "if I had to choose", "if I have to pick", "if I have to choose",
        "lean towards", "lean toward", "leaning towards", "leaning toward", "I lean towards", "I'd lean towards",
    ),
    conclusions=(
        "therefore", "thus", "hence", "in conclusion", "I think", "I believe", "probably", "maybe", "perhaps",
        "points to", "point to",
        "basically",
        "I guess", "definitely", "certainly", "surely", "no doubt", "in other words", "that is",
        "I see no reason not to", "there's no reason not to", "there is no reason not to", "most likely",
        "most probably", "very likely", "more likely than not",
        "I can't help thinking", "I can't help but think", "I cannot help thinking", "I cannot help but think",
    ),
    right_words=("correct", "right", "true"),
    wrong_words=("incorrect", "wrong", "false"),
    praise=(
        "the answer", "the only one", "best", "most likely", "most appropriate", "most suitable", "most plausible",
        "most reasonable", "most accurate", "most fitting", "yes", "makes the most sense", "makes more sense",
        "fits best", "best fits", "the best fit", "closest", "the closest", "a real reason", "the real reason",
    ),
    dismissal=(
        "unlikely", "ruled out", "contradicted", "contradicts", "contradict", "unsupported", "is out", "too extreme",
        "far-fetched", "exaggerated", "a stretch", "makes no sense", "make no sense",
    ),
    striking=("out", "nope", "struck"),
    grades={"very high": 5, "high": 4, "medium": 3, "moderate": 3, "low": 2, "very low": 1, "none": 0},
    no_words=("no",),
    negative_predicates=(
        "is not", "isnt", "does not", "do not", "are not", "seems not", "isn't", "doesn't", "don't", "aren't",
        "not correct",
        "not right", "not supported", "not mentioned", "not the", "can't be", "cannot be", "can not be",
        "couldn't be", "could not be",
    ),
    negations=(
        "not", "never", "over", "rather than", "instead of", "more sense than", "better than", "much less", "let alone",
    ),
    plain_negations=("not", "never", "no"),
    negation_fillers=("is", "it's", "certainly", "definitely", "surely", "to"),
    rejecting=("not", "isn't", "isnt", "rule out", "ruling out", "rules out", "eliminate", "eliminating",
               "exclude", "excluding"),
    corrections=(
        "actually", "wait", "on second thought", "on reflection", "correction", "scratch that", "I mean", "or rather",
        "but rather",
        "make that", "my mistake", "I misspoke", "let me correct", "I changed my mind", "changing my mind",
    ),
    ellipsis=("too", "as well", "also", "likewise", "ditto", "the same"),
    alternatives=("or", "and/or"),
    alternative_fillers=("is it", "would it be", "could it be", "maybe", "perhaps", "possibly"),
    possible=("could be", "might be", "may be"),
    too=("too", "as well"),
    demonstratives=("this", "that", "these", "those"),
    referring_back=("it's the one", "it is the one", "it's the", "it is the", "that's the one", "this is the one",
                    "that one is", "it's", "it is"),
    both=("both",),
    both_and=("and",),
    interjections=("well", "ok", "okay", "yeah", "hmm", "honestly", "bro", "dude", "man", "lol", "tbh"),
    affirming=("therefore", "for sure", "definitely", "certainly", "obviously", "of course", "no doubt", "clearly"),
    describing=("says", "say", "mentions", "suggests", "describes", "talks", "is", "seems", "has", "mixes"),
    option_pronouns=("it", "that one", "this one"),
    chat_tails=("lol",),
    sure_tails=("easy", "hands down", "for sure", "for me"),
    sure_adverbs=("obviously", "clearly", "definitely", "certainly"),
    according_to=("based on the text", "based on the passage", "according to the text", "according to the passage"),
    chat_tags=("lol",),
    pointing=("this", "this one", "that one", "that's it", "this is it"),
    degrees=("pretty", "rather", "a bit"),
    keeping=("yes", "exactly"),
    cell_yes=("yes", "yep", "yeah", "strong", "ok", "okay", "definitely", "for sure", "certainly", "of course"),
    cell_no=("no", "nope", "nah", "weak", "irrelevant", "never", "ridiculous"),
    between=("between",),
    unsure=(
        "not sure whether", "not sure if", "no way to know whether", "I'm on the fence", "I am on the fence",
        "can't commit", "cannot commit", "can't commit to", "leave this one open", "leave it open",
        "both seem possible", "both look possible",
        "enough to commit",
    ),
    doubt=("maybe", "perhaps", "possibly"),
    doubt_verbs=("it's", "it is", "it should be", "it could be"),
    also_possible=(
        "could also be", "might also be", "may also be", "could also work", "might also work", "could also fit",
        "could just as well be", "might just as well be", "could equally be", "could be too", "might be too",
        "also makes sense", "also works", "also fits", "is also possible", "is also plausible", "is also correct",
        "would also be correct", "is correct too",
    ),
    indecision=(
        "hard to tell", "hard to say", "hard to decide", "difficult to say", "can't decide", "cannot decide",
        "can't tell", "cannot tell", "not sure which", "don't know which", "no idea which", "not sure anymore",
        "torn between", "I'm torn", "I am torn", "need more context", "both readings work",
        "the text doesn't make it clear", "the passage doesn't make it clear",
        "don't know anymore", "let me reread", "can't pick one", "cannot pick one", "both are defensible",
        "both seem defensible", "not able to determine", "unable to determine", "rather not pick",
        "rather not choose", "won't risk either", "I won't pick either", "I won't choose either",
    ),
    conditionals=("if", "only if", "unless"),
    appearance=("seems", "seem", "looks", "at first glance", "at first sight", "at first", "might seem"),
    contrasts=("but", "although", "though", "however", "with the caveat"),
    others=("the others", "the other options", "the rest", "the remaining ones", "all the others"),
    conjunctions=("and",),
    articles=("the",),
    plural_predicates=("are", "seem"),
    plausible=("correct", "right", "possible", "plausible", "valid", "likely", "reasonable", "true"),
    connectives=(
        "is", "was", "because", "since", "as", "and", "seems", "would", "could", "says", "states", "describes",
        "indicates", "shows", "suggests", "makes", "also", "best", "not", "but", "rather", "instead", "fits",
        "matches", "works", "answers", "corresponds", "explains", "isn", "doesn", "wasn", "can", "cannot", "couldn",
        "contradicts", "reverses", "ignores",
    ),
    refusals=("I'm sorry", "as an AI", "not enough information", "not enough context", "insufficient information",
              "insufficient context"),
    unable=(
        "I cannot", "I can't", "I can not", "I am unable to", "I'm unable to", "I am not able to", "I'd rather not",
        "I would rather not",
    ),
    decide_verbs=("determine", "answer", "say", "tell", "choose", "know", "infer"),
    none_correct=("is correct", "are correct", "seems correct", "seem correct"),
    none_of_the_above=(
        "none of the above", "none of the options", "none of the choices", "none of the answers",
        "none of the above choices", "none of these options", "none of these choices", "none of these",
    ),
    none_fit=("none of them", "no option", "nothing listed", "nothing on the list", "no answer"),
    of_the_options=(
        "of the two", "of the three", "of the four", "of the five", "of these", "out of these", "of them all",
        "of all of them", "of the options", "out of the options", "among them", "among the options", "of those",
    ),
    answerable=(
        "can be answered", "is answerable", "the text answers", "the story answers", "the passage answers",
        "the text does answer", "the text tells us", "there is an answer", "there's an answer",
    ),
    none_of_them=("none of the", "none of these", "none of those"),
    other_ones=("other", "others", "rest", "remaining"),
    table_rows=("row",),
    verdict_nouns=("verdict", "conclusion", "final answer"),
    emphatics=("at all", "by any means", "under any circumstances"),
    rule_out_verbs=("rule out", "discard", "eliminate", "exclude"),
    ordinals={
        "first": 1, "second": 2, "third": 3, "fourth": 4, "fifth": 5, "sixth": 6, "seventh": 7, "eighth": 8,
        "1st": 1, "2nd": 2, "3rd": 3, "4th": 4, "5th": 5, "6th": 6,
    },
    cardinals={"one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6},
    letter_names={},  # "bee" is the insect too: "stung by a bee"
    last_words=("last",),
    penultimate_words=("penultimate", "second to last", "second-to-last", "next to last"),
    antepenultimate_words=("antepenultimate", "third to last", "third-to-last"),
    none_words=("none", "neither", "nor"),
    justifying=("so", "that's why", "which is why", "as"),
    firm_conclusions=("therefore", "thus", "hence"),
    ordinal_nouns=("option", "choice", "alternative", "one", "answer", "item"),
    number_markers=("number", "no.", "#"),
    preambles=("I think that", "I think"),
    granted_also=("could also be defended",),
    dont_know=("I don't know", "I do not know"),
    descriptions=(
        "the one that says", "the one saying", "the one about", "the one where", "the one that says that",
        "the option that says", "the option saying", "the option about", "the answer that says", "the answer about",
        "the choice that says", "the choice about", "the reason that", "the explanation that",
    ),
    one_of_them=("one of them", "one of the options", "one of the answers", "one option"),
    leftovers=(
        "that leaves", "which leaves", "leaves us with", "leaves only", "by elimination", "the one left",
        "the only one left", "the remaining one", "what remains", "what is left", "what's left", "only one survives",
        "the other one is left", "one that makes sense",
    ),
    setting_aside=_EN_SETTING_ASIDE,
    set_aside_counted=tuple(f"{verb} {those}" for verb in _EN_SETTING_ASIDE for those in ("these", "those", "the")),
    shrugs=("idk", "dunno", "I guess"),
    in_part=("partly", "partially", "sort of"),
    lettered_nouns=("plan", "side", "vitamin", "grade", "class", "type", "category", "block", "team"),
    concessions=("even though", "although", "though", "despite", "even if"),
    ruling_out=("nothing", "nobody", "never", "out", "opposite", "contrary", "rule out", "ruled out"),
    reported=tuple(
        f"{speaker} {verb}"
        for speaker in ("he", "she", "they", "it", "the text", "the author", "the narrator", "the passage")
        for verb in ("says", "said", "mentions", "states", "tells", "explains", "writes")
    ),
    walk_through=(
        "each option", "each choice", "each answer", "each one", "each of them", "the options", "the choices",
        "all the options", "all options", "option by option", "one by one",
    ),
    eliminating=(
        "let's eliminate", "eliminating", "by elimination", "process of elimination", "ruling out", "let's rule out",
        "ruled out", "eliminated", "crossing out", "what it can't be", "what can't be",
    ),
    prompt_labels=("context", "question"),
    reason_words=("because", "since"),
    question_words=("why", "what", "which", "who", "how", "when", "where"),
    stopwords=(
        "a", "an", "the", "of", "to", "in", "on", "at", "for", "with", "by", "from", "and", "or", "that", "this",
        "it", "its", "he", "she", "they", "we", "you", "i", "me", "him", "her", "them", "us", "his", "their",
        "our", "your", "was", "were", "is", "are", "be", "been", "being", "am", "has", "have", "had", "do", "does",
        "did", "would", "could", "should", "will", "might", "may", "can", "so", "as", "because", "since", "when",
        "about", "some", "something", "thing", "very", "really", "just", "also", "then", "answer", "option",
        "correct", "text", "think", "yes", "but", "there", "to", "into", "up", "out", "probably", "who", "which",
        "what", "else", "more", "maybe", "perhaps", "here", "must", "one", "ones", "much", "how", "too", "down",
        "off", "than", "while", "around", "where", "only", "way", "even", "well", "these", "those", "any", "each",
        "until", "quite", "already", "most", "anymore", "over", "during", "next", "almost",
        "least", "bit", "own", "myself", "himself", "herself", "themselves", "let", "lot", "things",
        "sure", "able", "going", "get", "got", "getting", "make", "made", "making", "take", "took", "taken", "come",
        "came", "coming", "went", "gone", "seem", "seems", "really", "actually", "just", "still", "all",
        "doing", "done", "having", "gotten", "anything", "stuff", "lots", "bunch",
    ),
)  # fmt: skip

LANGUAGES: Final = (PT, EN)


@cache
def words(part: str) -> tuple[str, ...]:
    """One part of the vocabulary (a field of :class:`Language`) in every language, in table order."""
    found: list[str] = []
    for language in LANGUAGES:
        value = getattr(language, part)
        for word in value if not isinstance(value, dict) else value.keys():
            if word not in found:
                found.append(word)
    return tuple(found)


#: The conclusions that deny a denial of the letter after them: "não vejo como não ser", "não tem como não ser", "não
#: tenho como não marcar", "não dá pra não ir de".
DENIED_DENIALS: Final = tuple(
    phrase
    for phrase in words("conclusions")
    if re.search(r"\bnão\b.*\bnão (?:ser|marcar|escolher|ficar com|ir de|ir na)$", phrase)
)


@cache
def numbers(part: str) -> dict[str, int]:
    """``ordinals`` or ``cardinals`` of every language, accents folded in the keys too ("sétima", "setima")."""
    table: dict[str, int] = {}
    for language in LANGUAGES:
        for word, value in getattr(language, part).items():
            table[word.casefold()] = value
            table[fold(word)] = value
    return table


def fold(text: str) -> str:
    """Lower case without accents: "Opção" -> "opcao"."""
    decomposed = unicodedata.normalize("NFKD", text.casefold())
    return "".join(char for char in decomposed if not unicodedata.combining(char))


def is_none_of_the_above(option: str) -> bool:
    """Whether an option's text is "none of the above", in any language ("Nenhuma das alternativas acima.")."""
    return fold(option).strip().rstrip(".").startswith(_none_of_the_above_forms())


@cache
def _none_of_the_above_forms() -> tuple[str, ...]:
    return tuple(fold(form) for form in words("none_of_the_above"))


def _tolerant(word: str) -> str:
    """One word as a pattern: accents optional in words of three letters or more, either apostrophe; an acronym
    ("IA", "AI") in capitals only, so that "como IA" is not "como ia" (how it was going)."""
    if len(word) >= 2 and word.isalpha() and word.isupper():
        return f"(?-i:{re.escape(word)})"
    out = []
    for char in word:
        base = fold(char)
        if char in "'’":
            out.append("['’]")
        elif len(word) >= 3 and base != char.casefold() and len(base) == 1:
            out.append(f"[{re.escape(char)}{re.escape(base)}]")
        else:
            out.append(re.escape(char))
    return "".join(out)


def alternation(phrases: Iterable[str], *, adverb: bool = False) -> str:
    """A non-capturing group matching any of ``phrases`` (longest first; spaces flexible; see the module doc).

    ``adverb``: an adverb in -mente may follow each phrase's first word ("fico *claramente* com", "escolho
    *tranquilamente*").
    """
    unique = sorted(set(phrases), key=lambda phrase: (-len(phrase), phrase))
    after_first = r"(?:\s+[^\W\d_]+mente\b)?" if adverb else ""
    return (
        "(?:"
        + "|".join(
            _tolerant(first) + after_first + "".join(r"\s+" + _tolerant(word) for word in rest)
            for first, *rest in (phrase.split() for phrase in unique)
        )
        + ")"
    )

"""Read the answer letter out of whatever a model wrote, and score generations with it.

:func:`extract_answer` is a pure function (no model, no state): ``extract_answer(text, options, letters=None)``
returns an :class:`Extraction` with the letter or ``None``, and the rule that decided. The item's letters
come from ``letters`` ("ABCDE"), else from the number of its options (three options: A-C), else A-D; nothing
assumes four. Outcomes that cannot be read are explicit (``letter`` is ``None``) and never guessed.

The reading runs in small stages, each a pure function with its own tests, in the style of the filters of
lm-evaluation-harness; their words live in per-language tables (:mod:`.vocabulary`, :mod:`.lexicon`):

1. **clean** (:mod:`.clean`): the assistant's turn of a whole decoded sequence, reasoning blocks
   (``<think> ... </think>``) dropped, a bounded reading window (work per reply is bounded: a runaway
   generation of megabytes reads in milliseconds), code fences, LaTeX, tags and Markdown off, echoes of the
   prompt (its lines, lists of options, option texts repeated) dropped.
2. **structured** (:mod:`.structured`): JSON objects (``{"resposta": "C"}``), Markdown tables that mark one
   option right, checklists (``- [x] B``), YAML and key=value records (``opcao_marcada: B``).
3. **commitments and verdicts** (:mod:`.commitments`, :mod:`.ordinals`): letters named by keywords, verdicts,
   negations, lists, hedges; options named by position ("a segunda alternativa", "opção número 4") or by
   what they say after a word of choosing ("sobra a que diz que ...", "that leaves the one about ...").
4. **option text** (:mod:`.option_text`): an option's text quoted, or paraphrased in Portuguese or English;
   the survivor of an elimination that rules the others out by what they say and closes on "the one left".
5. **invalid outcomes** (:mod:`.reader`): letters the item lacks, hedges, refusals, nothing.

The rules (``Extraction.rule``), valid ones first:

- ``letter_only``: the answer is one letter, bare or decorated (``B``, ``b``, ``(B)``, ``**B**``, ``B)``).
- ``structured``: a JSON answer field, a table's verdict column or a checklist's ticked box.
- ``keyword``: one letter, named by a keyword (``Alternativa``, ``Resposta:``, ``The answer is``, ``escolho``)
  or opening the answer.
- ``final_answer``: the answer discusses several letters and commits to one: the last commitment wins
  (self-corrections, eliminations, a letter on the first line and the others discussed after it), or leaves one
  option when it has ruled out every other by letter or by text ("Basta malhar? Também não. ... Fica a única
  restante.").
- ``ordinal``: the committed option is named by position ("a 3ª opção", "the last option").
- ``option_text``: the answer gives one option's text, quoted or paraphrased; "Nenhuma das alternativas
  acima" maps to that option.
- ``invalid_letter``: the committed letter is not one of the item's ("Alternativa E" of a four-option item), or
  the model lists options of its own and commits to none of the item's.
- ``hedged``: the answer weighs letters without choosing ("pode ser A ou C"), takes a commitment back at once
  ("Alternativa C... ou seria a A? Não sei dizer."), or marks two options right.
- ``refusal``: the model declines ("Não é possível determinar ...", "I cannot answer ...").
- ``empty``: the model wrote nothing (special tokens and whitespace only).
- ``no_answer``: anything else: an echo of the options, an elimination cut off before its choice, prose.

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
>>> extract_answer(r"Logo, a resposta é \\boxed{\\mathrm{A}}.")
Extraction(letter='A', rule='keyword')
>>> extract_answer("A: errada. B: errada. C: correta.")
Extraction(letter='C', rule='final_answer')
>>> extract_answer("As alternativas são A, B, C e D.")
Extraction(letter=None, rule='no_answer')
>>> extract_answer("<|user|>\\nAlternativa A) Sol\\nAlternativa B) Chuva</s>\\n<|assistant|>\\nAlternativa B</s>")
Extraction(letter='B', rule='keyword')
>>> extract_answer("<think>A parece boa, mas a B também...</think>\\n\\nAlternativa A")
Extraction(letter='A', rule='keyword')
>>> extract_answer('```json\\n{"resposta": "C", "justificativa": "A e B contradizem o texto"}\\n```')
Extraction(letter='C', rule='structured')
>>> extract_answer("| Alternativa | Veredito |\\n|---|---|\\n| A | Incorreta |\\n| B | Correta |")
Extraction(letter='B', rule='structured')
>>> extract_answer("A segunda alternativa.")
Extraction(letter='B', rule='ordinal')
>>> options = ["Ele estava cansado", "Ele queria dormir", "Ele foi ao mercado", "Nenhuma das alternativas acima."]
>>> extract_answer("A alternativa correta é: ele foi ao mercado.", options)
Extraction(letter='C', rule='option_text')
>>> extract_answer("He went to the market.", options)
Extraction(letter='C', rule='option_text')
>>> extract_answer("Nenhuma das alternativas acima", options)
Extraction(letter='D', rule='option_text')
>>> extract_answer("Alternativa A) Ele estava cansado\\nAlternativa B) Ele queria dormir", options)
Extraction(letter=None, rule='no_answer')
>>> extract_answer("Pode ser A ou C, o texto não deixa claro.")
Extraction(letter=None, rule='hedged')
>>> extract_answer("Alternativa C... ou seria a A? Não sei dizer.")
Extraction(letter=None, rule='hedged')
>>> extract_answer("Alternativa E"), extract_answer("Alternativa E", letters="ABCDE")
(Extraction(letter=None, rule='invalid_letter'), Extraction(letter='E', rule='keyword'))
>>> extract_answer("D", ["Sol", "Chuva", "Vento"])
Extraction(letter=None, rule='invalid_letter')
>>> extract_answer("Desculpe, mas não é possível determinar a resposta com as informações do texto.")
Extraction(letter=None, rule='refusal')
>>> extract_answer("   </s>")
Extraction(letter=None, rule='empty')

:func:`score_generations` is the one implementation of the scores: strict accuracy (an unreadable answer
counts as wrong; the headline), lenient accuracy (over readable answers only), the invalid rate and the
count of each rule. :func:`leaderboard_extract` is the Open Portuguese LLM Leaderboard's filter, for
comparison (``score_generations(..., extractor="leaderboard")``).
"""

from __future__ import annotations

from .leaderboard import LEADERBOARD_RULES, leaderboard_extract
from .reader import extract_answer
from .rules import INVALID_RULES, RULES, UNREADABLE, VALID_RULES, Extraction, item_letters
from .scores import EXTRACTORS, read_generations, score_generations

__all__ = [
    "EXTRACTORS",
    "INVALID_RULES",
    "LEADERBOARD_RULES",
    "RULES",
    "UNREADABLE",
    "VALID_RULES",
    "Extraction",
    "extract_answer",
    "item_letters",
    "leaderboard_extract",
    "read_generations",
    "score_generations",
]

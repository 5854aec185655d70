"""Letter accuracy: multiple-choice accuracy read from free-form model answers (Cosmos QA Português).

An ``evaluate`` metric. ``evaluate`` copies this file into its module cache and imports it on its own, so
it imports the package absolutely (``cosmosqa_ptbr`` must be installed) and keeps no logic of its own:
answers are read by ``cosmosqa_ptbr.evaluation.extraction.extract_answer`` and scored by
``cosmosqa_ptbr.evaluation.extraction.score_generations``.
"""

from __future__ import annotations

import datasets
import evaluate

from cosmosqa_ptbr.evaluation.extraction import RULES, score_generations
from cosmosqa_ptbr.tasks import get_task

CITATION = get_task().citation

_DESCRIPTION = """\
Accuracy of a multiple-choice answer letter read from whatever a chat model wrote: a bare or decorated
letter, "Alternativa B", "A resposta correta é a C", "The answer is (D)", an option's text quoted or
paraphrased (Portuguese or English), "a segunda alternativa", a JSON answer field, a table or checklist that
marks one option, an explanation that ends in a choice, a reasoning model's answer after its thinking, or the
whole decoded sequence with the prompt still in it. Each item's letters come from its number of options (A-D
by default; A-E for five). Answers that cannot be read (a letter the item lacks, hedging, a refusal, an echo
of the options, an empty output) are never guessed: they count as wrong in the strict ``accuracy`` (the
headline) and are left out of ``lenient_accuracy``.
"""

_KWARGS_DESCRIPTION = """
Args:
    predictions (`list` of `str`): the models' raw answers, one per question.
    references (`list` of `str` or `int`): gold answers as letters ("A"-"D" for four options) or option
        indices from 0 (all of one kind in a call).
    options (`list` of `str` lists, optional): the option texts of each question in letter order, so that
        answers given as an option's text are read too; a question's letters are the first len(options) of A-Z.
    letters (`list` of `str`, or one `str`, optional): each question's letters ("ABCDE"), or one string for all;
        by default from its options, else A-D.
Returns:
    accuracy (`float`): correct answers / all answers; an unreadable answer is wrong.
    lenient_accuracy (`float`): correct answers / readable answers (0.0 when none is readable).
    invalid_rate (`float`): unreadable answers / all answers.
    n (`int`): number of answers; n_valid (`int`): number of readable answers.
    rule_<name> (`int`): how many answers each extraction rule decided (letter_only, structured, keyword,
        final_answer, ordinal, option_text, invalid_letter, hedged, refusal, empty, no_answer).
Raises:
    ValueError: predictions or references are empty, they differ in length, a reference is not one of the
        question's letters or indices (e.g. "E" or None for four options), or options are not 2-26 strings.
Examples:
    >>> import evaluate
    >>> import cosmosqa_ptbr
    >>> letter_accuracy = evaluate.load(cosmosqa_ptbr.LETTER_ACCURACY)
    >>> results = letter_accuracy.compute(
    ...     predictions=["Alternativa B", "A alternativa correta é a C", "Pode ser A ou D."],
    ...     references=["B", "A", "D"],
    ... )
    >>> results["accuracy"], results["lenient_accuracy"], results["n"], results["rule_hedged"]
    (0.3333333333333333, 0.5, 3, 1)

    References may be option indices, and options let answers given as text count:

    >>> results = letter_accuracy.compute(
    ...     predictions=["ele foi ao mercado", "<|assistant|>\\nLetra A</s>"],
    ...     references=[2, 0],
    ...     options=[["Ele dormiu.", "Ele correu.", "Ele foi ao mercado.", "Nenhuma das alternativas acima."]] * 2,
    ... )
    >>> results["accuracy"], results["rule_option_text"], results["invalid_rate"]
    (1.0, 1, 0.0)

    Questions with five options (ENEM) read "E"; a four-option question reads it as an invalid letter:

    >>> results = letter_accuracy.compute(
    ...     predictions=["Alternativa E", "Alternativa E"], references=["E", "D"], letters=["ABCDE", "ABCD"]
    ... )
    >>> results["accuracy"], results["rule_invalid_letter"]
    (0.5, 1)
"""


@evaluate.utils.file_utils.add_start_docstrings(_DESCRIPTION, _KWARGS_DESCRIPTION)
class LetterAccuracy(evaluate.Metric):
    """Strict and lenient accuracy of answer letters extracted from free-form model outputs."""

    def _info(self) -> evaluate.MetricInfo:
        return evaluate.MetricInfo(
            module_type="metric",
            description=_DESCRIPTION,
            citation=CITATION,
            inputs_description=_KWARGS_DESCRIPTION,
            features=[
                datasets.Features({"predictions": datasets.Value("string"), "references": datasets.Value("string")}),
                datasets.Features({"predictions": datasets.Value("string"), "references": datasets.Value("int64")}),
            ],
            reference_urls=[
                "https://github.com/wilburOne/cosmosqa",
                "https://huggingface.co/datasets/heloisy/cosmos_qa_ptbr",
            ],
        )

    def compute(self, *, predictions=None, references=None, **kwargs) -> dict | None:
        """Like ``evaluate.Metric.compute``, but empty inputs raise a clear ValueError, not evaluate's IndexError."""
        # evaluate reads the first example to infer the features before `_compute` could say what is wrong.
        for name, value in (("predictions", predictions), ("references", references)):
            if value is not None and len(value) == 0:
                message = f"{name} is empty: pass at least one prediction and its reference (got {name}=[])"
                raise ValueError(message)
        if predictions is None and references is None:
            return super().compute(**kwargs)
        return super().compute(predictions=predictions, references=references, **kwargs)

    def _compute(self, predictions, references, options=None, letters=None) -> dict:
        scores = score_generations(predictions, references, options, letters=letters)
        results = {key: scores[key] for key in ("accuracy", "lenient_accuracy", "invalid_rate", "n", "n_valid")}
        results.update({f"rule_{rule}": scores["rules"][rule] for rule in RULES})
        return results

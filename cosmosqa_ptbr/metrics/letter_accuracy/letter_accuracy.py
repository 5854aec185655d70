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
Accuracy of a multiple-choice answer letter (A-D) read from whatever a chat model wrote: a bare or
decorated letter, "Alternativa B", "A resposta correta é a C", "The answer is (D)", the text of an option,
an explanation that ends in a choice, or the whole decoded sequence with the prompt still in it. Answers
that cannot be read (a letter outside A-D, hedging, a refusal, an empty output) are never guessed: they
count as wrong in the strict ``accuracy`` (the headline) and are left out of ``lenient_accuracy``.
"""

_KWARGS_DESCRIPTION = """
Args:
    predictions (`list` of `str`): the models' raw answers, one per question.
    references (`list` of `str` or `int`): gold answers as letters "A"-"D" or option indices 0-3
        (all of one kind in a call).
    options (`list` of 4-`str` lists, optional): the option texts of each question in A-D order, so that
        answers given as an option's text are read too.
Returns:
    accuracy (`float`): correct answers / all answers; an unreadable answer is wrong.
    lenient_accuracy (`float`): correct answers / readable answers (0.0 when none is readable).
    invalid_rate (`float`): unreadable answers / all answers.
    n (`int`): number of answers; n_valid (`int`): number of readable answers.
    rule_<name> (`int`): how many answers each extraction rule decided (letter_only, keyword,
        final_answer, option_text, invalid_letter, hedged, refusal, empty, no_answer).
Raises:
    ValueError: predictions or references are empty, they differ in length, a reference is not A-D / 0-3
        (e.g. "E" or None), or options are not 4 strings per question.
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

    def _compute(self, predictions, references, options=None) -> dict:
        scores = score_generations(predictions, references, options)
        results = {key: scores[key] for key in ("accuracy", "lenient_accuracy", "invalid_rate", "n", "n_valid")}
        results.update({f"rule_{rule}": scores["rules"][rule] for rule in RULES})
        return results

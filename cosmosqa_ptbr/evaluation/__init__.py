"""Evaluation: load a model, score items, read answers, measure, report and compare.

The data flows through the modules in this order: ``models`` (load a causal LM + adapter) -> ``inference``
(letter and option log-likelihoods, batched greedy generation) -> ``extraction`` (the letter a generation
committed to) -> ``scoring`` (the ``score`` subcommand) -> ``stats`` (bootstrap, McNemar) -> ``report``
(tables, report.md, plots) -> ``runner`` (``evaluate_model`` and the ``evaluate`` subcommand) and
``compare`` (two runs). ``interactive`` scores one item at a time, for demos. Nothing here imports torch at
import time.
"""

from __future__ import annotations

from .compare import ComparisonResult, compare
from .extraction import Extraction, extract_answer, score_generations
from .interactive import answer_probabilities, stream_answer
from .models import EMBEDDED_MODEL, EmbeddedModelMissingError, LoadedModel, ModelSourceError, load_model
from .runner import EvaluationResult, EvaluationSettings, evaluate_model

__all__ = [
    "EMBEDDED_MODEL",
    "ComparisonResult",
    "EmbeddedModelMissingError",
    "EvaluationResult",
    "EvaluationSettings",
    "Extraction",
    "LoadedModel",
    "ModelSourceError",
    "answer_probabilities",
    "compare",
    "evaluate_model",
    "extract_answer",
    "load_model",
    "score_generations",
    "stream_answer",
]

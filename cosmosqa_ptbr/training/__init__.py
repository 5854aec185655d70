"""Training: LoRA / QLoRA supervised fine-tuning from YAML recipes.

``settings`` (recipe dataclasses and their checks) -> ``data`` (prompt/completion rows, labels masked to the
answer) -> ``runner`` (model loading, SFTTrainer, final evaluation, model card, Hub upload); ``command`` holds
:func:`train` and the ``train`` subcommand. ``python -m cosmosqa_ptbr.training`` (and ``accelerate launch -m
cosmosqa_ptbr.training``) runs the subcommand. Nothing here imports torch or trl at import time.
"""

from __future__ import annotations

from .command import load_settings, train
from .settings import RecipeError, ScriptArguments, TrainSettings

__all__ = [
    "RecipeError",
    "ScriptArguments",
    "TrainSettings",
    "load_settings",
    "train",
]

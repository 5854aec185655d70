"""Metrics shipped inside the package as ``evaluate`` modules (loadable offline by path)."""

from __future__ import annotations

from pathlib import Path
from typing import Final

__all__ = ["LETTER_ACCURACY"]

#: Path of the ``letter_accuracy`` metric folder: ``evaluate.load(LETTER_ACCURACY)``.
LETTER_ACCURACY: Final = str(Path(__file__).resolve().parent / "letter_accuracy")

"""The Hub side: dataset and model cards rendered from the package's templates, and uploads."""

from __future__ import annotations

from .cards import render_dataset_card, render_model_card, write_dataset_repo
from .upload import push_folder_to_hub

__all__ = ["push_folder_to_hub", "render_dataset_card", "render_model_card", "write_dataset_repo"]

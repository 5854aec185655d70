"""Upload a folder to a Hub repo: the one path every ``push`` of the package takes."""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any

__all__ = ["push_folder_to_hub"]


def push_folder_to_hub(
    folder: str | os.PathLike[str],
    repo_id: str,
    *,
    repo_type: str = "model",
    api: Any = None,
    token: str | None = None,
    private: bool = False,
    commit_message: str | None = None,
) -> str:
    """Create ``repo_id`` if needed and upload ``folder`` to it with ``HfApi.upload_folder``; return the repo URL.

    ``token`` comes from the argument, else ``huggingface_hub`` finds it in ``HF_TOKEN`` or the login made with
    ``hf auth login``; it is never read from a recipe or a card. ``api`` is any object with ``create_repo`` and
    ``upload_folder`` (an ``HfApi`` by default).
    """
    path = Path(folder)
    if not path.is_dir() or not (path / "README.md").is_file():
        message = f"{path} must be a folder with a README.md (the card) to push; render it first"
        raise FileNotFoundError(message)
    if repo_id.count("/") != 1 or not all(repo_id.split("/")):
        message = f"repo_id must be 'namespace/name', got {repo_id!r}"
        raise ValueError(message)
    if api is None:
        from huggingface_hub import HfApi

        api = HfApi()
    url = api.create_repo(repo_id, token=token, private=private, repo_type=repo_type, exist_ok=True)
    api.upload_folder(
        repo_id=repo_id,
        folder_path=str(path),
        repo_type=repo_type,
        token=token,
        commit_message=commit_message or f"Upload {path.name} with cosmosqa-ptbr",
    )
    prefix = {"model": "", "dataset": "datasets/", "space": "spaces/"}.get(repo_type, "")
    return str(url) if url else f"https://huggingface.co/{prefix}{repo_id}"

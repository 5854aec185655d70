"""A recording stand-in for ``huggingface_hub.HfApi``, shared by every test of a push."""

from __future__ import annotations

from pathlib import Path
from typing import Any


class RecordingHfApi:
    """Records calls, and the files ``upload_folder`` would send (its ``allow_patterns`` applied as the Hub does)."""

    def __init__(self, fail_with: BaseException | None = None) -> None:
        self.calls: list[tuple[str, dict[str, Any]]] = []
        self.uploaded: dict[str, bytes] = {}
        self.fail_with = fail_with

    def create_repo(self, repo_id: str, **kwargs: Any) -> str:
        self.calls.append(("create_repo", {"repo_id": repo_id, **kwargs}))
        if self.fail_with is not None:
            raise self.fail_with
        prefix = {"dataset": "datasets/", "space": "spaces/"}.get(kwargs.get("repo_type") or "model", "")
        return f"https://huggingface.co/{prefix}{repo_id}"

    def upload_folder(self, **kwargs: Any) -> None:
        from huggingface_hub.utils import filter_repo_objects

        self.calls.append(("upload_folder", kwargs))
        folder = Path(kwargs["folder_path"])
        names = [p.relative_to(folder).as_posix() for p in folder.rglob("*") if p.is_file()]
        kept = filter_repo_objects(
            names, allow_patterns=kwargs.get("allow_patterns"), ignore_patterns=kwargs.get("ignore_patterns")
        )
        self.uploaded = {name: (folder / name).read_bytes() for name in kept}

    def request_space_hardware(self, repo_id: str, hardware: str, **kwargs: Any) -> None:
        self.calls.append(("request_space_hardware", {"repo_id": repo_id, "hardware": hardware, **kwargs}))

"""Upload a folder to a Hub repo: the one path every ``push`` of the package takes.

Every push sends an explicit list of files (those the command wrote), never "whatever is in the folder", so a
stray ``.env`` or a user's own README never leaves the machine. A folder a command builds for a push is *owned*
by it (:mod:`cosmosqa_ptbr.cli.folders`): it was empty or missing, or it holds the manifest (:data:`MANIFEST`)
the command wrote last time, and only the files that manifest lists are ever replaced.
"""

from __future__ import annotations

import json
import os
import re
from collections.abc import Sequence
from pathlib import Path
from typing import Any, Final

from ..cli.folders import MANIFEST, FolderNotOwnedError, claim_folder, folder_files, record_files
from ..cli.options import CommandError

__all__ = ["MANIFEST", "FolderNotOwnedError", "HubUploadError", "claim_folder", "push_folder_to_hub", "record_files"]

REPO_TYPES: Final = ("model", "dataset", "space")


class HubUploadError(CommandError):
    """The Hub refused or could not be reached; the folder is complete and the message says how to retry."""


def _pattern(name: str) -> str:
    # allow_patterns are fnmatch patterns: a file named "a[1].txt" must match only itself.
    return re.sub(r"([*?\[])", r"[\1]", name)


def _status(error: BaseException) -> int | None:
    response = getattr(error, "response", None)
    return getattr(response, "status_code", None)


def push_folder_to_hub(
    folder: str | os.PathLike[str],
    repo_id: str,
    *,
    repo_type: str = "model",
    api: Any = None,
    token: str | None = None,
    private: bool = False,
    commit_message: str | None = None,
    files: Sequence[str] | None = None,
    space_sdk: str | None = None,
    space_hardware: str | None = None,
    retry: str | None = None,
    keep_flag: str | None = None,
) -> str:
    """Create ``repo_id`` if needed and upload exactly ``files`` of ``folder`` to it; return the repo URL.

    ``files`` are paths inside ``folder`` (default: the ones its manifest lists, else every file in it but the
    manifest). ``space_sdk`` is given to a new Space; ``space_hardware`` is requested after the upload. ``token``
    comes from the argument, else ``huggingface_hub`` finds it in ``HF_TOKEN`` or the login made with
    ``hf auth login``; it is never read from a recipe or a card. ``api`` is any object with ``create_repo`` and
    ``upload_folder`` (and ``request_space_hardware`` for hardware; an ``HfApi`` by default). A refusal (401/403),
    offline mode or a network failure raises :class:`HubUploadError` saying the folder is complete and how to
    retry (``retry``: the command to run again). ``keep_flag``: ``folder`` is a temporary build, deleted after the
    push; the message then says so and names this flag, which keeps the build.
    """
    path = Path(folder)
    if repo_type not in REPO_TYPES:
        raise CommandError(f"repo_type must be one of {', '.join(REPO_TYPES)}, got {repo_type!r}")
    if repo_id.count("/") != 1 or not all(repo_id.split("/")):
        raise CommandError(f"the repo id must be 'namespace/name', got {repo_id!r}")
    if not path.is_dir() or not (path / "README.md").is_file():
        raise CommandError(f"{path} must be a folder with a README.md (the card) to push; build it first")
    if files is None:
        manifest = path / MANIFEST
        files = json.loads(manifest.read_text(encoding="utf-8"))["files"] if manifest.is_file() else folder_files(path)
    names = sorted({Path(name).as_posix() for name in files} - {MANIFEST})
    missing = [name for name in names if not (path / name).is_file()]
    if missing:
        raise CommandError(f"{path} lacks {', '.join(missing)}: build the folder again before pushing")
    if api is None:
        from huggingface_hub import HfApi

        api = HfApi()
    create: dict[str, Any] = {"token": token, "private": private, "repo_type": repo_type, "exist_ok": True}
    if repo_type == "space":
        create["space_sdk"] = space_sdk or "gradio"
    again = retry or f"`hf upload {repo_id} {path} . --repo-type {repo_type} --exclude {MANIFEST}`"
    from huggingface_hub.errors import HTTPError

    try:
        url = api.create_repo(repo_id, **create)
        api.upload_folder(
            repo_id=repo_id,
            folder_path=str(path),
            repo_type=repo_type,
            token=token,
            allow_patterns=[_pattern(name) for name in names],
            commit_message=commit_message or f"Upload {path.name} with cosmosqa-ptbr",
        )
        if space_hardware:
            api.request_space_hardware(repo_id, space_hardware, token=token)
    except (OSError, HTTPError) as error:  # HfHubHTTPError and OfflineModeIsEnabled are OSErrors
        raise HubUploadError(_explain(error, repo_id, path, again, keep_flag)) from error
    prefix = {"model": "", "dataset": "datasets/", "space": "spaces/"}[repo_type]
    return str(url) if url else f"https://huggingface.co/{prefix}{repo_id}"


def _explain(error: Exception, repo_id: str, folder: Path, retry: str, keep_flag: str | None) -> str:
    from huggingface_hub.errors import OfflineModeIsEnabled

    status = _status(error)
    if isinstance(error, OfflineModeIsEnabled):
        reason = "HF_HUB_OFFLINE is set: unset it (and check the network)"
    elif status in (401, 403):
        reason = (
            f"the Hub refused it ({status}): log in with `hf auth login` or set HF_TOKEN to a token with write "
            f"access to {repo_id.split('/')[0]!r}"
        )
    elif status is not None:
        reason = f"the Hub answered {status} ({str(error).splitlines()[0] if str(error) else type(error).__name__})"
    else:
        first = str(error).splitlines()[0] if str(error) else ""
        reason = f"the Hub could not be reached ({type(error).__name__}: {first}): check the network"
    if keep_flag:
        kept = f"the build was temporary and is deleted (add {keep_flag} DIR to keep it)"
        return f"uploading to {repo_id} failed, {reason}; {kept}; retry with {retry}"
    return f"uploading to {repo_id} failed, {reason}; the folder {folder} is complete, retry with {retry}"

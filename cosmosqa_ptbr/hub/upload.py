"""Upload a folder to a Hub repo: the one path every ``push`` of the package takes.

Every push sends an explicit list of files (those the command wrote), never "whatever is in the folder", so a
stray ``.env`` or a user's own README never leaves the machine. A folder a command builds for a push is *owned*
by it: it was empty or missing, or it holds the manifest (:data:`MANIFEST`) the command wrote last time, and
only the files that manifest lists are ever replaced.
"""

from __future__ import annotations

import json
import os
import re
from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import Any, Final

from ..cli.options import CommandError

__all__ = ["MANIFEST", "FolderNotOwnedError", "HubUploadError", "claim_folder", "push_folder_to_hub", "record_files"]

#: Written into every folder a command builds for a push: which files it wrote (never uploaded itself).
MANIFEST: Final = ".cosmosqa-ptbr-manifest.json"
REPO_TYPES: Final = ("model", "dataset", "space")


class HubUploadError(CommandError):
    """The Hub refused or could not be reached; the folder is complete and the message says how to retry."""


class FolderNotOwnedError(CommandError):
    """The output folder holds files the command did not write; nothing was changed."""


def _files_in(folder: Path) -> list[str]:
    return sorted(p.relative_to(folder).as_posix() for p in folder.rglob("*") if p.is_file() or p.is_symlink())


def claim_folder(folder: str | os.PathLike[str], *, command: str, flag: str = "--folder") -> Path:
    """Make ``folder`` ready to be (re)built by ``command``: create it, or remove what ``command`` wrote there before.

    A folder holding anything that the manifest ``command`` left does not list (or another command's manifest)
    raises :class:`FolderNotOwnedError` and is left untouched.
    """
    path = Path(folder)
    if path.exists() and not path.is_dir():
        raise FolderNotOwnedError(f"{flag} {path} is a file, not a folder: pass a new or empty folder")
    if not path.exists():
        path.mkdir(parents=True)
        return path
    written: list[str] = []
    manifest = path / MANIFEST
    if manifest.is_file():
        try:
            recorded = json.loads(manifest.read_text(encoding="utf-8"))
            written = list(recorded["files"]) if recorded.get("command") == command else []
        except (ValueError, KeyError, TypeError, AttributeError):
            written = []
    root = path.resolve()
    # Only paths inside the folder count as written: a hand-edited manifest cannot reach outside it.
    written = [name for name in written if root in (root / name).resolve().parents]
    foreign = [name for name in _files_in(path) if name != MANIFEST and name not in written]
    if foreign:
        shown = ", ".join(foreign[:5]) + (f" and {len(foreign) - 5} more" if len(foreign) > 5 else "")
        message = (
            f"{flag} {path} already holds files `{command}` did not write ({shown}): pass a new or "
            f"empty folder (or leave out {flag} to build in a temporary one); nothing was changed"
        )
        raise FolderNotOwnedError(message)
    for name in written:
        (path / name).unlink(missing_ok=True)
    manifest.unlink(missing_ok=True)
    parents = {parent for name in written for parent in (path / name).parents if root in parent.resolve().parents}
    for directory in sorted(parents, key=lambda p: len(p.parts), reverse=True):
        if directory.is_dir() and not any(directory.iterdir()):
            directory.rmdir()
    return path


def record_files(folder: str | os.PathLike[str], files: Iterable[str | os.PathLike[str]], *, command: str) -> list[str]:
    """Write the manifest of ``folder``: ``command`` wrote ``files`` (paths inside it); return them sorted."""
    path = Path(folder)
    names = sorted(
        {(Path(name).relative_to(path) if Path(name).is_absolute() else Path(name)).as_posix() for name in files}
    )
    text = json.dumps({"command": command, "files": names}, indent=1)
    (path / MANIFEST).write_text(text + "\n", encoding="utf-8")
    return names


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
) -> str:
    """Create ``repo_id`` if needed and upload exactly ``files`` of ``folder`` to it; return the repo URL.

    ``files`` are paths inside ``folder`` (default: the ones its manifest lists, else every file in it but the
    manifest). ``space_sdk`` is given to a new Space; ``space_hardware`` is requested after the upload. ``token``
    comes from the argument, else ``huggingface_hub`` finds it in ``HF_TOKEN`` or the login made with
    ``hf auth login``; it is never read from a recipe or a card. ``api`` is any object with ``create_repo`` and
    ``upload_folder`` (and ``request_space_hardware`` for hardware; an ``HfApi`` by default). A refusal (401/403),
    offline mode or a network failure raises :class:`HubUploadError` saying the folder is complete and how to
    retry (``retry``: the command to run again).
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
        files = json.loads(manifest.read_text(encoding="utf-8"))["files"] if manifest.is_file() else _files_in(path)
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
        raise HubUploadError(_explain(error, repo_id, path, again)) from error
    prefix = {"model": "", "dataset": "datasets/", "space": "spaces/"}[repo_type]
    return str(url) if url else f"https://huggingface.co/{prefix}{repo_id}"


def _explain(error: Exception, repo_id: str, folder: Path, retry: str) -> str:
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
    return f"uploading to {repo_id} failed, {reason}; the folder {folder} is complete, retry with {retry}"

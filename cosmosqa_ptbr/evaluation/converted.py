"""The embedded GGUF model, converted once into a safetensors folder in the user's cache.

Reading a GGUF file means dequantising every tensor and rebuilding the tokenizer from its metadata: about half a
minute for the embedded SmolLM2 on two CPU cores, at every load. The first load of the embedded model saves what it
built (float32 weights, config, tokenizer, chat template) in :func:`cache_root`, and later loads read that folder in
about a second, with the same weights bit for bit and the same tokenizer.

A converted folder is used only when its manifest matches: the SHA-256 of the GGUF file it came from, the
transformers release that converted it, and the name and size of every file it holds (none of them a link). Anything
else (a folder cut short, edited, made by another release, or not this package's) is passed over and the GGUF file is
read as before. The folder is written under a temporary name and renamed once complete, while a lock keeps two
processes from writing it at once; a cache that cannot be written costs one warning, never the run.
"""

from __future__ import annotations

import contextlib
import functools
import hashlib
import json
import os
import shutil
import tempfile
import warnings
from collections.abc import Iterator
from pathlib import Path
from typing import Any, Final

__all__ = ["CACHE_ENV", "cache_root", "converted_folder", "pretrained_source", "save_converted"]

#: The environment variable that moves the cache (default: ``$XDG_CACHE_HOME/cosmosqa_ptbr``, else
#: ``~/.cache/cosmosqa_ptbr``); ``off`` turns it off.
CACHE_ENV: Final = "COSMOSQA_PTBR_CACHE"
_MANIFEST: Final = "cosmosqa_ptbr_conversion.json"
_FORMAT: Final = 1
_CHUNK: Final = 1 << 20


def cache_root() -> Path | None:
    """Where converted models live, or None when :data:`CACHE_ENV` is ``off``."""
    configured = os.environ.get(CACHE_ENV, "").strip()
    if configured.lower() == "off":
        return None
    if configured:
        return Path(configured).expanduser()
    base = os.environ.get("XDG_CACHE_HOME", "").strip()
    return (Path(base).expanduser() if base else Path.home() / ".cache") / "cosmosqa_ptbr"


def _sha256(path: Path) -> str:
    status = path.stat()
    return _sha256_of(str(path.resolve()), status.st_size, status.st_mtime_ns)


@functools.lru_cache(maxsize=8)
def _sha256_of(path: str, size: int, mtime_ns: int) -> str:
    """The file's SHA-256, once per process while its size and time stay (a load looks it up, then saves)."""
    digest = hashlib.sha256()
    with open(path, "rb") as handle:
        while chunk := handle.read(_CHUNK):
            digest.update(chunk)
    return digest.hexdigest()


def _transformers_version() -> str:
    from importlib.metadata import version

    return version("transformers")


def _expected(gguf: Path) -> dict[str, Any]:
    return {"format": _FORMAT, "source": gguf.name, "sha256": _sha256(gguf), "transformers": _transformers_version()}


def _folder_name(expected: dict[str, Any]) -> str:
    return f"{Path(expected['source']).stem}-{expected['sha256'][:16]}-transformers-{expected['transformers']}"


def _files(folder: Path) -> dict[str, int] | None:
    """Name -> size of the regular files in ``folder`` but the manifest; None when anything else is there."""
    sizes = {}
    for entry in os.scandir(folder):
        if entry.name == _MANIFEST:
            continue
        if entry.is_symlink() or not entry.is_file(follow_symlinks=False):
            return None
        sizes[entry.name] = entry.stat(follow_symlinks=False).st_size
    return sizes


def _matches(folder: Path, expected: dict[str, Any]) -> bool:
    manifest = folder / _MANIFEST
    try:
        if folder.is_symlink() or manifest.is_symlink():
            return False
        recorded = json.loads(manifest.read_text(encoding="utf-8"))
        return (
            isinstance(recorded, dict)
            and all(recorded.get(key) == value for key, value in expected.items())
            and recorded.get("files") == _files(folder)
            and "config.json" in recorded["files"]
        )
    except (OSError, ValueError):
        return False


def converted_folder(gguf: str | os.PathLike[str]) -> Path | None:
    """The cached conversion of ``gguf`` when one is there, complete and made by this transformers release."""
    root = cache_root()
    if root is None or not root.is_dir():
        return None
    expected = _expected(Path(gguf))
    folder = root / _folder_name(expected)
    return folder if _matches(folder, expected) else None


def pretrained_source(gguf: str | os.PathLike[str]) -> tuple[str, dict[str, str]]:
    """What ``from_pretrained`` reads for ``gguf``: its conversion's folder when there is one, else the file."""
    path = Path(gguf)
    folder = converted_folder(path)
    return (str(folder), {}) if folder is not None else (str(path.parent), {"gguf_file": path.name})


@contextlib.contextmanager
def _locked(root: Path, name: str) -> Iterator[None]:
    """Wait for any other process writing ``name`` in ``root``: a cache is shared, so the second writer waits."""
    import fcntl  # POSIX only: imported here so that the package imports everywhere

    descriptor = os.open(root / f".{name}.lock", os.O_RDWR | os.O_CREAT | os.O_NOFOLLOW | os.O_CLOEXEC, 0o644)
    try:
        fcntl.flock(descriptor, fcntl.LOCK_EX)
        yield
    finally:
        os.close(descriptor)


def save_converted(gguf: str | os.PathLike[str], model: Any, tokenizer: Any) -> Path | None:
    """Save ``model`` and ``tokenizer``, as loaded from ``gguf`` (float32 weights, its GGUF quantizer removed, the
    tokenizer untouched), as its conversion in the cache.

    Returns the folder, or None (with one warning) when the cache is off or cannot be written.
    """
    root = cache_root()
    if root is None:
        return None
    expected = _expected(Path(gguf))
    name = _folder_name(expected)
    folder = root / name
    try:
        root.mkdir(parents=True, exist_ok=True)
        with _locked(root, name):
            if _matches(folder, expected):
                return folder  # another process finished it while this one waited
            if folder.exists() or folder.is_symlink():
                # Not ours to replace: a folder of that name without a matching manifest was made by someone else.
                message = f"{folder} is in the way of the embedded model's conversion; remove it to load faster"
                warnings.warn(message, RuntimeWarning, stacklevel=2)
                return None
            staging = Path(tempfile.mkdtemp(prefix=f".{name}.", dir=root))
            try:
                _save(model, tokenizer, staging)
                manifest = {**expected, "files": _files(staging)}
                (staging / _MANIFEST).write_text(json.dumps(manifest, indent=2) + "\n", encoding="utf-8")
                staging.chmod(0o755)
                os.rename(staging, folder)
            except BaseException:
                shutil.rmtree(staging, ignore_errors=True)
                raise
    except OSError as error:
        reason = error.strerror or str(error)
        message = (
            f"the embedded model could not be kept converted in {root} ({reason}); set {CACHE_ENV} to a writable "
            "folder to load it faster"
        )
        warnings.warn(message, RuntimeWarning, stacklevel=2)
        return None
    return folder


def _save(model: Any, tokenizer: Any, folder: Path) -> None:
    model.save_pretrained(folder)
    tokenizer.save_pretrained(folder)

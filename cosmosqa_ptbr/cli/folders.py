"""Folders a command writes: owned by it (new, empty, or written by it before), never written through a link, locked.

One rule for every command that writes a folder (``evaluate``, ``train``, ``data export``, ``data push``,
``cards``, ``space build``, ``metric build``):

- **Ownership.** A command writes into a folder that is missing, empty, or holds the manifest (:data:`MANIFEST`)
  the same command left there, which lists the files it wrote. Anything else in the folder (a user's README.md,
  a ``.env``, another command's files, a symlink) is *foreign*: the command stops with one line naming the folder
  and a few of those files, and changes nothing. A command that lets a library write whole sub-folders (the
  Trainer's ``checkpoint-*``) names them as ``folders`` patterns in its manifest.
- **No links.** A symlink or any other non-regular entry is foreign, even under a name the manifest lists, and
  files are written whole under a temporary name then renamed over the target (:func:`write_file`,
  :func:`replacing`): a rename replaces a link, it never writes through it.
- **One run at a time.** A run holds an advisory ``fcntl.flock`` on :data:`LOCK` inside the folder from its
  checks to its end (:func:`locked_folder`; the kernel drops it when the process dies). A second run into the
  same folder is refused at once, naming the command and process that hold it. The lock file is removed when the
  run ends, and a folder the run created is removed again when the run leaves nothing in it.

:func:`owned_folder` does all three for a command: check the path, lock, claim.
"""

from __future__ import annotations

import contextlib
import errno
import fnmatch
import json
import os
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Final

from .options import CommandError

__all__ = [
    "LOCK",
    "MANIFEST",
    "TEMPORARY_PREFIX",
    "FolderBusyError",
    "FolderNotOwnedError",
    "check_output_folder",
    "check_owned",
    "claim_folder",
    "folder_files",
    "foreign_files",
    "locked_folder",
    "owned_folder",
    "record_files",
    "recorded_files",
    "replacing",
    "write_file",
]

#: Written into every folder a command writes: which command, and the files it wrote (never uploaded itself).
MANIFEST: Final = ".cosmosqa-ptbr-manifest.json"
#: The lock file a run holds inside its folder while it writes; removed when the run ends.
LOCK: Final = ".cosmosqa-ptbr.lock"
#: Prefix of the temporary files of :func:`replacing`; one left by a killed run is the command's own.
TEMPORARY_PREFIX: Final = ".cosmosqa-ptbr-tmp-"
_SHOWN: Final = 5


class FolderNotOwnedError(CommandError):
    """The output folder holds files the command did not write (or a link); nothing was changed."""


class FolderBusyError(CommandError):
    """Another run holds the output folder's lock; nothing was changed."""


def check_output_folder(folder: str | os.PathLike[str], *, flag: str = "--output-dir") -> Path:
    """Refuse a folder that is a file, lies under a file, or cannot be created or written; change nothing.

    Commands call it first, before reading data or loading a model, so that a wrong path costs nothing.
    """
    path = Path(folder)
    if path.exists() and not path.is_dir():
        raise CommandError(f"{flag} {path} is a file, not a folder: pass a new or empty folder")
    ancestor = path
    while not ancestor.exists() and not ancestor.is_symlink() and ancestor != ancestor.parent:
        ancestor = ancestor.parent
    if not ancestor.is_dir():
        message = f"{flag} {path} cannot be created: {ancestor} is not a folder; pick another folder"
        raise CommandError(message)
    if not os.access(ancestor, os.W_OK | os.X_OK):
        what = "the folder" if ancestor == path else str(ancestor)
        message = f"{flag} {path} cannot be written: {what} is not writable; pick another folder"
        raise CommandError(message)
    return path


@dataclass(frozen=True)
class _Manifest:
    command: str | None
    files: frozenset[str]
    folders: tuple[str, ...]


def _read_manifest(folder: Path) -> _Manifest:
    path = folder / MANIFEST
    if path.is_symlink() or not path.is_file():
        return _Manifest(None, frozenset(), ())
    try:
        recorded = json.loads(path.read_text(encoding="utf-8"))
        command = recorded["command"]
        files = frozenset(str(name) for name in recorded.get("files", []))
        folders = tuple(str(pattern) for pattern in recorded.get("folders", []))
    except (OSError, ValueError, KeyError, TypeError, AttributeError):
        return _Manifest(None, frozenset(), ())
    return _Manifest(command if isinstance(command, str) else None, files, folders)


def recorded_files(folder: str | os.PathLike[str], *, command: str) -> list[str]:
    """The files ``command``'s manifest in ``folder`` lists (none when the manifest is missing or another's)."""
    manifest = _read_manifest(Path(folder))
    return sorted(manifest.files) if manifest.command == command else []


def _entries(folder: Path) -> Iterator[tuple[str, bool]]:
    """(path inside ``folder``, is a regular file that is not a link) for every entry but plain sub-folders."""
    for directory, subfolders, files in os.walk(folder, followlinks=False):
        base = Path(directory)
        for name in subfolders:
            if (base / name).is_symlink():
                yield (base / name).relative_to(folder).as_posix(), False
        for name in files:
            path = base / name
            yield path.relative_to(folder).as_posix(), path.is_file() and not path.is_symlink()


def _bookkeeping(name: str) -> bool:
    return name in (MANIFEST, LOCK) or name.rpartition("/")[2].startswith(TEMPORARY_PREFIX)


def folder_files(folder: str | os.PathLike[str]) -> list[str]:
    """The regular files in ``folder`` (paths inside it), without links, the manifest, the lock or temporaries."""
    path = Path(folder)
    return sorted(name for name, regular in _entries(path) if regular and not _bookkeeping(name))


def foreign_files(folder: str | os.PathLike[str], *, command: str) -> list[str]:
    """What in ``folder`` ``command`` did not write: entries its manifest does not cover, and every link.

    A link is shown as ``name -> target``. The temporaries of an interrupted write and the lock are the package's
    own; a manifest entry that points outside the folder covers nothing.
    """
    path = Path(folder)
    if not path.is_dir():
        return []
    manifest = _read_manifest(path)
    mine = manifest.command == command
    foreign = []
    for name, regular in _entries(path):
        if not regular:
            target = os.readlink(path / name) if (path / name).is_symlink() else "not a regular file"
            foreign.append(f"{name} -> {target}")
        elif not (_bookkeeping(name) or (mine and _covered(name, manifest))):
            foreign.append(name)
    return sorted(foreign)


def _covered(name: str, manifest: _Manifest) -> bool:
    top, _, rest = name.partition("/")
    return name in manifest.files or (bool(rest) and any(fnmatch.fnmatchcase(top, p) for p in manifest.folders))


def _refuse(path: Path, command: str, flag: str, foreign: Sequence[str]) -> FolderNotOwnedError:
    shown = ", ".join(foreign[:_SHOWN]) + (f" and {len(foreign) - _SHOWN} more" if len(foreign) > _SHOWN else "")
    message = (
        f"{flag} {path} already holds files `{command}` did not write ({shown}): pass a new or empty "
        "folder, or move those files away; nothing was changed"
    )
    return FolderNotOwnedError(message)


def check_owned(folder: str | os.PathLike[str], *, command: str, flag: str = "--output-dir") -> Path:
    """Refuse ``folder`` (a usable path, see :func:`check_output_folder`) when it holds what ``command`` did not
    write, without changing anything; return it."""
    path = check_output_folder(folder, flag=flag)
    foreign = foreign_files(path, command=command)
    if foreign:
        raise _refuse(path, command, flag, foreign)
    return path


def claim_folder(folder: str | os.PathLike[str], *, command: str, flag: str = "--folder", rebuild: bool = True) -> Path:
    """Make ``folder`` ready for ``command``: create it, refuse it when it holds foreign files, and with
    ``rebuild`` remove what ``command`` wrote there before (its manifest too); return it.

    A refused folder (:class:`FolderNotOwnedError`) is left untouched. Without ``rebuild`` the command's earlier
    files stay (a run that resumes, an export that adds a format). Call it inside :func:`locked_folder`, or use
    :func:`owned_folder`, when other runs may write the same folder.
    """
    path = check_owned(folder, command=command, flag=flag)
    if not path.exists():
        _make_folder(path, flag)
        return path
    root = path.resolve()
    for name, regular in list(_entries(path)):
        if regular and name.rpartition("/")[2].startswith(TEMPORARY_PREFIX):
            (path / name).unlink(missing_ok=True)
    if not rebuild:
        return path
    # Only paths inside the folder count as written: a hand-edited manifest cannot reach outside it.
    written = [name for name in recorded_files(path, command=command) if root in (root / name).resolve().parents]
    for name in written:
        (path / name).unlink(missing_ok=True)
    (path / MANIFEST).unlink(missing_ok=True)
    parents = {parent for name in written for parent in (path / name).parents if root in parent.resolve().parents}
    for directory in sorted(parents, key=lambda p: len(p.parts), reverse=True):
        if directory.is_dir() and not directory.is_symlink() and not any(directory.iterdir()):
            directory.rmdir()
    return path


def record_files(
    folder: str | os.PathLike[str],
    files: Iterable[str | os.PathLike[str]],
    *,
    command: str,
    folders: Sequence[str] = (),
) -> list[str]:
    """Write the manifest of ``folder``: ``command`` wrote ``files`` (paths inside it) and owns the sub-folders
    matching ``folders`` (patterns of their names); return the files, sorted."""
    path = Path(folder)
    names = sorted(
        {(Path(name).relative_to(path) if Path(name).is_absolute() else Path(name)).as_posix() for name in files}
    )
    record: dict[str, object] = {"command": command, "files": names}
    if folders:
        record["folders"] = list(folders)
    write_file(path, MANIFEST, json.dumps(record, indent=1) + "\n")
    return names


@contextlib.contextmanager
def replacing(target: str | os.PathLike[str]) -> Iterator[Path]:
    """Yield a temporary path beside ``target`` (same suffix) to write; rename it over ``target`` on success.

    The rename replaces whatever ``target`` was, a link included, instead of writing through it; on an error the
    temporary is removed and ``target`` is as it was.
    """
    path = Path(target)
    temporary = path.with_name(f"{TEMPORARY_PREFIX}{os.getpid()}-{path.name}")
    temporary.unlink(missing_ok=True)
    try:
        yield temporary
        os.replace(temporary, path)
    except BaseException:
        temporary.unlink(missing_ok=True)
        raise


def write_file(folder: str | os.PathLike[str], name: str, data: str | bytes) -> Path:
    """Write ``data`` (text as UTF-8) to ``folder/name`` whole (temporary file, fsync, rename); return the path."""
    target = Path(folder) / name
    target.parent.mkdir(parents=True, exist_ok=True)
    payload = data.encode("utf-8") if isinstance(data, str) else data
    with replacing(target) as temporary:
        descriptor = os.open(temporary, os.O_WRONLY | os.O_CREAT | os.O_EXCL | os.O_NOFOLLOW | os.O_CLOEXEC, 0o644)
        with os.fdopen(descriptor, "wb") as handle:
            handle.write(payload)
            handle.flush()
            os.fsync(handle.fileno())
    return target


# --------------------------------------------------------------------------------------------------------- lock


@dataclass
class _Held:
    descriptor: int
    count: int = 1


#: Folders this process holds the lock of (by real path): a command that locks, then calls a function that locks
#: the same folder again, must not refuse itself.
_HELD: dict[str, _Held] = {}


def _make_folder(path: Path, flag: str) -> list[Path]:
    """Create ``path`` and its missing parents; return the folders created, deepest first."""
    created = []
    missing = path
    while not missing.exists() and not missing.is_symlink():
        created.append(missing)
        missing = missing.parent
    try:
        path.mkdir(parents=True, exist_ok=True)
    except OSError as error:
        message = f"{flag} {path} cannot be created ({error.strerror}); pick another folder"
        raise CommandError(message) from None
    return created


def _holder(lock: Path) -> str:
    try:
        recorded = json.loads(lock.read_text(encoding="utf-8"))
        return f"`cosmosqa-ptbr {recorded['command']}` run (pid {int(recorded['pid'])})"
    except (OSError, ValueError, KeyError, TypeError):
        return "cosmosqa-ptbr run"


def _acquire(path: Path, command: str, flag: str) -> int:
    import fcntl  # POSIX only: imported here so that the package imports everywhere

    lock = path / LOCK
    while True:
        try:
            descriptor = os.open(lock, os.O_RDWR | os.O_CREAT | os.O_NOFOLLOW | os.O_CLOEXEC, 0o644)
        except OSError as error:
            if error.errno == errno.ELOOP:
                raise _refuse(path, command, flag, [f"{LOCK} -> {os.readlink(lock)}"]) from None
            message = f"{flag} {path} cannot be written ({error.strerror}); pick another folder"
            raise CommandError(message) from None
        try:
            fcntl.flock(descriptor, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            os.close(descriptor)
            message = f"{path} is being written by another {_holder(lock)}: wait for it or pick another {flag}"
            raise FolderBusyError(message) from None
        # The run that held it may have removed the file between our open and our lock: lock the one now there.
        try:
            same = os.stat(lock, follow_symlinks=False).st_ino == os.fstat(descriptor).st_ino
        except FileNotFoundError:
            same = False
        if same:
            os.ftruncate(descriptor, 0)
            os.write(descriptor, (json.dumps({"command": command, "pid": os.getpid()}) + "\n").encode("utf-8"))
            return descriptor
        os.close(descriptor)


@contextlib.contextmanager
def locked_folder(folder: str | os.PathLike[str], *, command: str, flag: str = "--output-dir") -> Iterator[Path]:
    """Hold the lock of ``folder`` (created if missing) while the block runs; refuse when another run holds it.

    :class:`FolderBusyError` names the command and pid of the holder. Re-entrant within a process. On leaving, the
    lock file is removed, and so is the folder (with the parents the call created) when nothing was written in it.
    """
    path = check_output_folder(folder, flag=flag)
    created = _make_folder(path, flag)
    key = os.path.realpath(path)
    held = _HELD.get(key)
    if held is not None:
        held.count += 1
    else:
        try:
            _HELD[key] = _Held(_acquire(path, command, flag))
        except BaseException:
            _remove_empty(created)
            raise
    try:
        yield path
    finally:
        entry = _HELD[key]
        entry.count -= 1
        if not entry.count:
            del _HELD[key]
            with contextlib.suppress(OSError):
                (path / LOCK).unlink()  # still locked: nobody else can be using this file now
            os.close(entry.descriptor)
        _remove_empty(created)


def _remove_empty(created: Sequence[Path]) -> None:
    for directory in created:
        with contextlib.suppress(OSError):
            directory.rmdir()  # only succeeds when empty


@contextlib.contextmanager
def owned_folder(
    folder: str | os.PathLike[str], *, command: str, flag: str = "--output-dir", rebuild: bool = True
) -> Iterator[Path]:
    """Check ``folder``, lock it and claim it for ``command`` (:func:`claim_folder`) for the length of the block."""
    with locked_folder(folder, command=command, flag=flag) as path:
        yield claim_folder(path, command=command, flag=flag, rebuild=rebuild)
